import type { OcrPage } from '../../../shared/ocr/index.js';
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
