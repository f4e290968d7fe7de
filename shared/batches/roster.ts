import ExcelJS from 'exceljs';
import { z } from 'zod';
import { parseDate } from '../extraction/dates.js';
import { parseLevel } from '../extraction/levels.js';
import { sniffType } from '../intake/sniff.js';
import { decodeCsvText, MalformedCsvError, readCsvRecords } from './csv-records.js';
import { RosterMissingColumnsError, RosterUnreadableError } from './errors.js';

/** The roster's columns, as the certificate's field names. */
export const ROSTER_COLUMNS = ['holderName', 'idNumber', 'occupation', 'level', 'certificateNumber', 'issueDate', 'employer'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** Without these a certificate cannot be matched to its row. */
export const REQUIRED_COLUMNS: readonly RosterColumn[] = ['holderName', 'idNumber', 'certificateNumber'];

/**
 * Header words as training institutions write them (考核发证名册 templates of several years and their variants). A
 * header matches when, stripped of spaces and brackets, it equals one of these or starts with one.
 */
const HEADER_ALIASES: Record<RosterColumn, readonly string[]> = {
  holderName: ['姓名', '学员姓名', '持证人姓名', '持证人', '考生姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证件号码', '证件号'],
  occupation: ['职业工种', '职业', '工种', '职业名称', '职业工种名称', '鉴定职业'],
  level: ['等级', '职业等级', '技能等级', '级别', '鉴定等级'],
  certificateNumber: ['证书编号', '证书号', '证书号码', '证书编码'],
  issueDate: ['发证日期', '发证时间', '颁证日期', '证书日期'],
  employer: ['工作单位', '单位名称', '所在单位', '就业单位', '单位'],
};

export const rosterRowSchema = z.object({
  /** The row in the sheet (1-based, as Excel shows it) or the line of the CSV. */
  rowNumber: z.number().int().positive(),
  holderName: z.string().optional(),
  idNumber: z.string().optional(),
  occupation: z.string().optional(),
  /** 1–5 (1 = 高级技师), or the raw text when it names no known level. */
  level: z.union([z.number().int(), z.string()]).optional(),
  certificateNumber: z.string().optional(),
  /** `YYYY-MM-DD`. */
  issueDate: z.string().optional(),
  employer: z.string().optional(),
  /** What could not be read cleanly in this row (e.g. `idNumber_as_number`, `issueDate_unreadable`). */
  issues: z.array(z.string()).default([]),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

export interface Roster {
  rows: RosterRow[];
  /** Which sheet column / CSV field each roster column came from (header text). */
  headers: Partial<Record<RosterColumn, string>>;
}

const normaliseHeader = (text: string): string => text.replace(/[\s()（）【】\[\]*＊:：]/g, '');

function columnOf(header: string): RosterColumn | undefined {
  const text = normaliseHeader(header);
  if (!text) return undefined;
  for (const column of ROSTER_COLUMNS) {
    if (HEADER_ALIASES[column].some((alias) => text === alias)) return column;
  }
  for (const column of ROSTER_COLUMNS) {
    if (HEADER_ALIASES[column].some((alias) => alias.length >= 2 && text.startsWith(alias))) return column;
  }
  return undefined;
}

/** Days from Excel's 1900 epoch (with its phantom 29 Feb 1900) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * A date as `YYYY-MM-DD` from what a roster cell holds: a Date, an Excel serial number (a date column without date
 * formatting, or a CSV exported from one), or text (`2023.5.12`, `2023/05/12`, `2023年5月12日`, `20230512`).
 *
 * @example
 * rosterDate(45058); // '2023-05-12'
 */
export function rosterDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const serial = typeof value === 'number' ? value : typeof value === 'string' && /^\d{5}(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : undefined;
  if (serial !== undefined) {
    // Plausible certificate dates only (1982-2064); a bare number outside is not a serial date.
    if (serial < 30000 || serial > 60000) return undefined;
    return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * 86400000)).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return parseDate(text.replace(/[./]/g, '-')) ?? parseDate(text) ?? undefined;
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const rich = value as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (rich.richText) return rich.richText.map((run) => run.text).join('');
    if (rich.text !== undefined) return String(rich.text);
    if (rich.result !== undefined) return cellText(rich.result);
    return undefined;
  }
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function toRow(rowNumber: number, cells: Partial<Record<RosterColumn, unknown>>): RosterRow | undefined {
  const issues: string[] = [];
  const text = (column: RosterColumn) => cellText(cells[column]);
  let idNumber = text('idNumber')?.replace(/\s+/g, '').toUpperCase();
  if (typeof cells.idNumber === 'number') {
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number has lost its last digits.
    issues.push('idNumber_as_number');
    idNumber = Number.isSafeInteger(cells.idNumber) ? String(cells.idNumber) : undefined;
  }
  const levelText = text('level');
  const level = levelText ? (parseLevel(levelText)?.value ?? (/^[1-5]$/.test(levelText) ? Number(levelText) : levelText)) : undefined;
  const issueDate =
    cells.issueDate === undefined || cells.issueDate === null
      ? undefined
      : rosterDate(cells.issueDate instanceof Date ? cells.issueDate : typeof cells.issueDate === 'number' ? cells.issueDate : cellText(cells.issueDate));
  if (cells.issueDate !== undefined && cells.issueDate !== null && cellText(cells.issueDate) && !issueDate) issues.push('issueDate_unreadable');
  const row: RosterRow = {
    rowNumber,
    holderName: text('holderName')?.replace(/\s+/g, ''),
    idNumber,
    occupation: text('occupation'),
    level: typeof level === 'number' || typeof level === 'string' ? level : undefined,
    certificateNumber: text('certificateNumber')?.replace(/\s+/g, '').toUpperCase(),
    issueDate,
    employer: text('employer'),
    issues,
  };
  // Blank rows and the totals / signature lines under the table carry none of the identifying columns.
  if (!row.holderName && !row.idNumber && !row.certificateNumber) return undefined;
  return row;
}

function findHeader(rows: { rowNumber: number; values: unknown[] }[]): {
  rowIndex: number;
  columns: Map<number, RosterColumn>;
  headers: Partial<Record<RosterColumn, string>>;
} {
  let best = { rowIndex: -1, columns: new Map<number, RosterColumn>(), headers: {} as Partial<Record<RosterColumn, string>> };
  // The header is within the first rows (a title row such as "2026年第三季度考核发证名册" often comes first).
  for (const [rowIndex, row] of rows.slice(0, 15).entries()) {
    const columns = new Map<number, RosterColumn>();
    const headers: Partial<Record<RosterColumn, string>> = {};
    row.values.forEach((value, index) => {
      const header = cellText(value);
      const column = header ? columnOf(header) : undefined;
      if (column && !(column in headers)) {
        columns.set(index, column);
        headers[column] = header!;
      }
    });
    if (columns.size > best.columns.size) best = { rowIndex, columns, headers };
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !(column in best.headers));
  if (best.rowIndex < 0 || missing.length > 0)
    throw new RosterMissingColumnsError(
      missing.length > 0 ? missing.map((column) => HEADER_ALIASES[column][0]!) : REQUIRED_COLUMNS.map((column) => HEADER_ALIASES[column][0]!),
    );
  return best;
}

function rowsToRoster(rows: { rowNumber: number; values: unknown[] }[]): Roster {
  const { rowIndex, columns, headers } = findHeader(rows);
  const out: RosterRow[] = [];
  for (const row of rows.slice(rowIndex + 1)) {
    const cells: Partial<Record<RosterColumn, unknown>> = {};
    for (const [index, column] of columns) cells[column] = row.values[index];
    const parsed = toRow(row.rowNumber, cells);
    if (parsed) out.push(parsed);
  }
  return { rows: out, headers };
}

async function readWorkbook(bytes: Uint8Array): Promise<{ rowNumber: number; values: unknown[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new RosterUnreadableError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.rowCount > 0);
  if (!sheet) throw new RosterUnreadableError('the workbook has no rows');
  const rows: { rowNumber: number; values: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: unknown[] = [];
    // Merged cells: exceljs answers a slave cell with its master's value, so a unit merged down a block of rows
    // applies to each row.
    for (let column = 1; column <= sheet.columnCount; column++) values.push(row.getCell(column).value);
    rows.push({ rowNumber, values });
  });
  return rows;
}

/** The CSV's rows as the header search reads them; a record over several lines counts from its first. */
function readCsvRows(bytes: Uint8Array): { rowNumber: number; values: unknown[] }[] {
  try {
    return readCsvRecords(decodeCsvText(bytes)).map((record) => ({ rowNumber: record.line, values: record.fields }));
  } catch (error) {
    if (error instanceof MalformedCsvError) throw new RosterUnreadableError(error.message, { cause: error });
    throw error;
  }
}

/**
 * Reads a 考核发证名册 from XLSX or CSV (UTF-8 or GBK): finds the header row among the first rows whatever the title
 * rows above it, maps the columns by their Chinese headers and variants (姓名, 身份证号/公民身份号码, 职业(工种), 等级,
 * 证书编号, 发证日期, 工作单位 …), fills merged cells from their master cell, turns Excel serial dates and dotted
 * dates into `YYYY-MM-DD`, levels into 1–5, and notes what it could not read on the row. Throws
 * RosterMissingColumnsError (`roster_missing_columns`) or RosterUnreadableError (`roster_unreadable`).
 *
 * @example
 * const roster = await parseRoster(xlsxBytes);
 * roster.rows[0]; // { rowNumber: 3, holderName: '王晓明', idNumber: '33010…', level: 3, issueDate: '2023-05-12', … }
 */
export async function parseRoster(bytes: Uint8Array, fileName = ''): Promise<Roster> {
  const type = sniffType(bytes);
  if (type === 'xlsx') return rowsToRoster(await readWorkbook(bytes));
  // Quoted commas inside cells defeat the sniffer's column count; a `.csv` name is then trusted for text.
  if (type === 'csv' || (type === 'unknown' && /\.csv$/i.test(fileName) && !bytes.includes(0))) return rowsToRoster(readCsvRows(bytes));
  throw new RosterUnreadableError(`expected an XLSX workbook or CSV text, got ${type}`);
}
