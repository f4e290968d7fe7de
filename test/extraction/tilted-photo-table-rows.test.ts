import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import { textWidth } from './support/page-builder.js';
import { residentId } from './support/documents.js';

// Issue 12 class 8, a record photographed small on a table, turned about 10° (rows climbing 0.18 across the page).
// The engine boxes each short table cell as the rectangle round its slanted characters: a cell of four characters is
// boxed as tall as it is wide, so no line spanned three of its box's heights and the page gave no slope. Unlevelled,
// the two employer rows' cells interleave (the lower row's employer sits beside the upper row's dates) and the
// current employer was taken from the wrong row, unflagged. The holder's ID line, boxed tall by the same tilt, was
// dropped as a watermark. Constructed OCR lines with the engine's character boxes along one slope.

const TODAY = '2026-12-05';
const WIDTH = 1800;
const HEIGHT = 2400;
/** Print about 14 px high; the engine's character boxes stand taller than the print, as they do on small photos. */
const BODY = 14;
const CHARACTER_BOX = 32;
const TILT = 0.18;

function tiltedLine(text: string, x: number, rowY: number, print = BODY): OcrLine {
  const chars = [...text];
  const width = textWidth(text, print);
  const step = width / chars.length;
  const words = chars.map((ch, i) => {
    const cx = x + step * (i + 0.5);
    const cy = rowY + TILT * (cx - WIDTH / 2);
    return { text: ch, confidence: 0.99, box: { x: cx - step / 2, y: cy - CHARACTER_BOX / 2, width: step, height: CHARACTER_BOX } };
  });
  const top = Math.min(...words.map((w) => w.box.y));
  const bottom = Math.max(...words.map((w) => w.box.y + w.box.height));
  return { text, confidence: 0.99, box: { x, y: top, width, height: bottom - top }, words };
}

const HOLDER = { name: '司马一', id: residentId('19891017', '421002', '216') };

/** Two employer rows, the older one printed below the current one (rows in no particular order). */
function tiltedRecord(): OcrPage {
  const row = (y: number, cells: Array<[string, number]>) => cells.map(([text, x]) => tiltedLine(text, x, y));
  const lines = [
    tiltedLine('参保人员缴费情况表', 800, 560),
    tiltedLine(`姓名${HOLDER.name}`, 600, 600),
    // The ID line in a larger type: boxed over 1.8 body lines tall by the tilt, as a watermark's slant is.
    tiltedLine(`公民身份号码 ${HOLDER.id}`, 850, 600, 16),
    tiltedLine('参保状态正常参保', 600, 630),
    ...row(670, [
      ['单位名称', 640],
      ['起始年月', 780],
      ['截止年月', 850],
      ['缴费月数', 920],
      ['险种', 1000],
    ]),
    ...row(700, [
      ['杭州嘉禾文化创意有限公司', 600],
      ['2017-12', 780],
      ['2021-07', 850],
      ['44', 930],
      ['养老保险', 990],
    ]),
    ...row(728, [
      ['杭州华创物流有限公司', 610],
      ['2015-09', 780],
      ['2017-07', 850],
      ['23', 930],
      ['企业职工基本养老保险', 960],
    ]),
    tiltedLine('累计缴费月数：67个月', 590, 765),
    tiltedLine('杭州市西湖区社会保险管理服务中心', 570, 840),
    tiltedLine('2021年12月04日', 570, 870),
  ];
  return { pageNumber: 1, width: WIDTH, height: HEIGHT, rotation: 0, source: 'paddle', lines };
}

describe('a table photographed on a tilt', () => {
  it('levels the rows by the slope its short cells climb at', () => {
    const layout = buildPageLayout(tiltedRecord());
    const centre = (text: string) => {
      const line = layout.lines.find((l) => l.flat.startsWith(text))!;
      return line.box.y + line.box.height / 2;
    };
    // The current employer's row: its name, dates and months on one level, the older row's a row lower.
    expect(Math.abs(centre('杭州嘉禾') - centre('2021-07'))).toBeLessThan(BODY * 0.5);
    expect(Math.abs(centre('杭州华创') - centre('2017-07'))).toBeLessThan(BODY * 0.5);
    expect(centre('杭州华创') - centre('2021-07')).toBeGreaterThan(BODY);
  });

  it('keeps the holder’s ID line, boxed tall by the tilt, as a row of the page', () => {
    const layout = buildPageLayout(tiltedRecord());
    expect(layout.lines.some((l) => l.flat.includes(HOLDER.id))).toBe(true);
  });

  it('takes the current employer from the row that covers the last month', () => {
    const [doc] = extractDocuments([tiltedRecord()], { today: TODAY });
    expect(doc.type).toBe('social_insurance_record');
    const fields = doc.fields as Record<string, { value: unknown } | undefined>;
    expect(fields.employerName?.value).toBe('杭州嘉禾文化创意有限公司');
    expect(fields.periodEnd?.value).toBe('2021-07');
    expect(fields.idNumber?.value).toBe(HOLDER.id);
  });
});
