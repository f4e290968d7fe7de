import ExcelJS from 'exceljs';

/**
 * How the service lays out the XLSX files people read: a signed workbook, sheets headed by columns with a width (the
 * header row bold), a bold total row of `SUM` formulas, the bytes. The payments list and the targets report are laid
 * out with it; the batch report takes the workbook and the bytes. exceljs writes the file; this module only keeps the
 * layout in one place.
 */

/**
 * An empty workbook signed by the service, with `title` when given.
 *
 * @example
 * const workbook = newWorkbook('2021年职业技能提升行动完成情况');
 */
export function newWorkbook(title?: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Skill Subsidy Intake';
  if (title) workbook.title = title;
  return workbook;
}

/** A column of a sheet: the row key it shows, its header, its width in characters and, if any, its number format. */
export interface SheetColumn<Key extends string = string> {
  key: Key;
  header: string;
  width: number;
  /** `@` keeps long digit strings (ID numbers, credit codes) as text; `#,##0` groups amounts. */
  numFmt?: string;
}

/**
 * Adds a sheet headed by `columns` (the header row bold) with one row per record, each cell under its key's column.
 *
 * @example
 * const sheet = addTableSheet(workbook, '按项目', [{ key: 'programme', header: '政策条款', width: 12 }], report.byProgramme);
 */
export function addTableSheet<Key extends string>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn<Key>[],
  records: Iterable<Partial<Record<Key, unknown>>> = [],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map(({ key, header, width }) => ({ key, header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow({ ...record });
  for (const column of columns) if (column.numFmt) sheet.getColumn(column.key).numFmt = column.numFmt;
  return sheet;
}

/**
 * Adds a bold total row below the data rows: each column named in `totals` sums its data rows with a formula (and
 * carries the sum as the formula's result, for readers that do not compute); `labels` fills other cells.
 *
 * @example
 * addTotalRow(sheet, { payeeName: '合计' }, { amountYuan: 12000 });
 */
export function addTotalRow(sheet: ExcelJS.Worksheet, labels: Record<string, string>, totals: Record<string, number>): void {
  const lastDataRow = sheet.rowCount;
  const row: Record<string, unknown> = { ...labels };
  for (const [key, result] of Object.entries(totals)) {
    const letter = sheet.getColumn(key).letter;
    row[key] = { formula: `SUM(${letter}2:${letter}${lastDataRow})`, result };
  }
  sheet.addRow(row).font = { bold: true };
}

/**
 * The workbook as the bytes of an XLSX file.
 *
 * @example
 * return workbookBytes(workbook);
 */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
