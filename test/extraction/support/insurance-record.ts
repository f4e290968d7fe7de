import type { OcrPage } from '../../../shared/ocr/index.js';
import type { Line } from './text-lines.js';
import { person } from './documents.js';
import { PageBuilder } from './page-builder.js';

/** One row of a social-insurance record's contribution table: employer, span (as printed), months. */
export type RecordRow = readonly [employer: string, span: string, months: string];

/**
 * A social-insurance record page as OCR lines: `title`, the person's name and ID, the table's header, `rows` in the
 * order given, and an optional printed total line under them.
 */
export function insuranceRecordPage(title: string, rows: readonly RecordRow[], total?: string): OcrPage {
  const b = new PageBuilder()
    .title(title)
    .row([
      [150, `姓名：${person.name}`],
      [800, `公民身份号码：${person.id}`],
    ])
    .row([
      [150, '缴费单位'],
      [700, '缴费起止年月'],
      [1000, '月数'],
    ]);
  for (const [employer, span, months] of rows)
    b.row([
      [150, employer],
      [700, span],
      [1000, months],
    ]);
  if (total) b.line(total, 150);
  return b.build();
}

/**
 * A record's contribution table as a text layer sets it on an A4 page: the header row (序号, 单位名称, 起始年月, 截止年月,
 * 缴费月数) and one row of 31 months, each line `[text, x, y, width, height]`.
 */
export const ONE_ROW_TABLE: readonly Line[] = [
  ['序号', 213, 875, 57, 29],
  ['单位名称', 424, 875, 115, 29],
  ['起始年月', 695, 875, 115, 29],
  ['截止年月', 844, 875, 115, 29],
  ['缴费月数', 992, 875, 115, 29],
  ['1', 234, 939, 16, 29],
  ['杭州智联信息技术有限公司', 310, 939, 345, 29],
  ['2014-12', 700, 939, 105, 29],
  ['2017-06', 849, 939, 105, 29],
  ['31', 1034, 939, 32, 29],
];
