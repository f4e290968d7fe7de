import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export interface RosterPerson {
  name: string;
  idNumber: string;
  occupation: string;
  level: string;
  certificateNumber: string;
  /** A Date, an Excel serial number, or text. */
  issueDate: Date | number | string;
  employer: string;
}

export const HEADERS = ['序号', '姓名', '身份证号', '职业（工种）', '等级', '证书编号', '发证日期', '工作单位'];

/** Made-up people with valid-looking IDs (not real persons). */
export function people(count: number): RosterPerson[] {
  return Array.from({ length: count }, (_, index) => ({
    name: ['王晓明', '李娜', '张伟', '刘洋', '陈静'][index % 5]! + (index >= 5 ? String(index) : ''),
    idNumber: `33010619900101${String(1000 + index).slice(-4)}`,
    occupation: index % 2 === 0 ? '电工' : '养老护理员',
    level: index % 2 === 0 ? '四级/中级工' : '三级',
    certificateNumber: `S000033010${String(100000 + index).padStart(8, '0')}`,
    issueDate: new Date(Date.UTC(2026, 4, 12 + (index % 10))),
    employer: '杭州西湖职业培训学校',
  }));
}

/**
 * A roster workbook as institutions send it: a title row merged across the table, the header row, one row a person;
 * options drop columns, merge the employer down the rows, or write dates as bare Excel serial numbers.
 */
export async function rosterXlsx(
  persons: RosterPerson[],
  options: { omit?: string[]; mergeEmployer?: boolean; serialDates?: boolean; headers?: string[] } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  const headers = (options.headers ?? HEADERS).filter((header) => !options.omit?.includes(header));
  sheet.addRow(['2026年第四季度职业技能等级认定考核发证名册']);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.addRow(headers);
  persons.forEach((person, index) => {
    const values: Record<string, unknown> = {
      序号: index + 1,
      姓名: person.name,
      身份证号: person.idNumber,
      '职业（工种）': person.occupation,
      等级: person.level,
      证书编号: person.certificateNumber,
      发证日期: options.serialDates && person.issueDate instanceof Date ? person.issueDate.getTime() / 86400000 + 25569 : person.issueDate,
      工作单位: options.mergeEmployer && index > 0 ? null : person.employer,
    };
    sheet.addRow(
      (options.headers ?? HEADERS)
        .filter((header) => !options.omit?.includes(header))
        .map((header) => values[header] ?? values[HEADERS[(options.headers ?? HEADERS).indexOf(header)]!]),
    );
  });
  if (options.mergeEmployer && persons.length > 1) {
    const column = headers.indexOf('工作单位') + 1;
    sheet.mergeCells(3, column, 2 + persons.length, column);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The same roster as CSV, GBK-encoded as Excel on Chinese Windows saves it. */
export function rosterCsvGbk(persons: RosterPerson[]): Uint8Array {
  const lines = [
    HEADERS.join(','),
    ...persons.map((person, index) =>
      [
        index + 1,
        person.name,
        person.idNumber,
        person.occupation,
        person.level,
        person.certificateNumber,
        person.issueDate instanceof Date ? person.issueDate.toISOString().slice(0, 10).replace(/-/g, '.') : person.issueDate,
        person.employer,
      ].join(','),
    ),
  ];
  return new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
}
