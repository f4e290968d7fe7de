import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** A CSV record with the line it starts on (1-based; a quoted field may run over several lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The text is not CSV that can be read (today: a quoted field left open); `line` is where its record starts. */
export class MalformedCsvError extends Error {
  constructor(
    readonly reason: 'quote_not_closed' | 'malformed',
    readonly line: number,
    options?: { cause?: unknown },
  ) {
    super(`malformed CSV (${reason}) in the record starting at line ${line}`, options);
    this.name = 'MalformedCsvError';
  }
}

/**
 * Decodes a CSV file as people send it: UTF-8 (a BOM dropped), or GB18030 as Excel on a Chinese Windows saves CSV.
 *
 * @example
 * decodeCsvText(iconv.encode('姓名,身份证号\n', 'gb18030')); // '姓名,身份证号\n'
 */
export function decodeCsvText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
}

/**
 * The records of CSV text (RFC 4180 through csv-parse: quoted fields, doubled quotes, commas and line breaks inside
 * quotes; CRLF, LF or CR line ends, mixed; records of any length), each with the line it starts on. A line break
 * inside a quoted field reads as LF (Excel writes one there). Records whose fields are all blank (empty lines, `,,,`
 * under a table) are left out. A quote inside an unquoted field is kept as text. Throws MalformedCsvError for a
 * quoted field that is never closed.
 *
 * @example
 * readCsvRecords('姓名,单位\n"王晓明","杭州,西湖"\n'); // [{ line: 1, fields: ['姓名', '单位'] }, { line: 2, fields: ['王晓明', '杭州,西湖'] }]
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  // Every line yields a record (empty ones are not skipped by the parser), so a record starts on the line after the
  // one the previous record ended on.
  const endLines: number[] = [];
  const startOf = (index: number) => (index === 0 ? 1 : endLines[index - 1]! + 1);
  try {
    // One line end for csv-parse, which counts a CRLF inside a quoted field as two lines when given several.
    const parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: '\n',
      on_record: (record, context) => {
        endLines.push(context.lines);
        return record;
      },
    });
    for (const [index, fields] of parsed.entries()) if (fields.some((field) => field.trim() !== '')) records.push({ line: startOf(index), fields });
  } catch (error) {
    if (error instanceof CsvError)
      throw new MalformedCsvError(error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'quote_not_closed' : 'malformed', startOf(endLines.length), { cause: error });
    throw error;
  }
  return records;
}
