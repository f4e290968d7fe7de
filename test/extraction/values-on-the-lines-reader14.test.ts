import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { laidFlatAtItsHead } from '../../shared/extraction/vertical-runs.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import { residentId } from './support/documents.js';
import type { Line } from './support/text-lines.js';

// Values whose text the engine read but the reader did not take (issue 12; reader14's dev sample, seed 9440, seen
// families only, and noisy13's dev page). Constructed OCR lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';
const PAGE = { width: 1161, height: 1544 };

/** A page read by the engine: each line at 0.99, one word box per character along the line. */
function scanPage(lines: readonly (Line | OcrLine)[], size = PAGE): OcrPage {
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'paddle',
    lines: lines.map((l) => {
      if (!Array.isArray(l)) return l;
      const [text, x, y, width, height] = l;
      const chars = [...text];
      const pitch = width / chars.length;
      return {
        text,
        confidence: 0.99,
        box: { x, y, width, height },
        words: chars.map((ch, i) => ({ text: ch, confidence: 0.99, box: { x: Math.round(x + i * pitch), y, width: Math.round(pitch), height } })),
      };
    }),
  };
}

/**
 * The engine's reading of characters stacked down a narrow cell (`shared/ocr/stacked-columns.ts`): one line boxed
 * down the page, its character boxes top to bottom.
 */
function stackedColumn(text: string, x: number, top: number, size = 25, pitch = 25.5): OcrLine {
  const chars = [...text];
  return {
    text,
    confidence: 0.99,
    box: { x, y: top - 6, width: size + 13, height: Math.round(chars.length * pitch + 12) },
    words: chars.map((ch, i) => ({ text: ch, confidence: 0.99, box: { x: x + 8, y: Math.round(top + i * pitch), width: size, height: size } })),
  };
}

const holderId = residentId('19701126', '330108', '946');

describe('characters stacked down a narrow cell', () => {
  it('reads an issuer stacked down its cell, starting on the row of 发证机关', () => {
    // Prepare: a special-ability certificate whose issuer is printed one character under another; its first
    // character is level with the label, the column's centre seven characters below it.
    const page = scanPage([
      ['专项职业能力证书', 418, 209, 336, 49],
      ['姓名', 244, 296, 56, 29],
      ['司马伟军', 351, 293, 96, 29],
      ['证件号码', 244, 358, 110, 29],
      [holderId, 378, 359, 172, 23],
      ['项目名称', 244, 411, 78, 22],
      ['手机维修', 351, 409, 90, 22],
      ['证书号', 552, 409, 76, 22],
      ['ZX20203301154861', 660, 406, 148, 21],
      ['发证机关：', 390, 574, 97, 25],
      stackedColumn('杭州市职业能力建设指导服务中心', 504, 558),
      ['发证日期：2020年01月09日', 244, 1010, 250, 25],
    ]);
    // Act
    const doc = extractDocuments([page], { today: TODAY })[0];
    // Assess
    expect(doc.fields.issuer.value).toBe('杭州市职业能力建设指导服务中心');
    expect(doc.fields.occupation.value).toBe('手机维修');
  });

  it('lays a column the engine read down the page flat on its first character’s row, as long as the column', () => {
    // Prepare
    const column = stackedColumn('杭州市西湖区人力资源和社会保障局', 504, 558);
    // Act
    const flat = laidFlatAtItsHead(column);
    // Assess: one column thick, centred on the first character, the characters left to right in their order.
    expect(flat.text).toBe(column.text);
    expect(flat.box.height).toBe(column.box.width);
    expect(flat.box.width).toBe(column.box.height);
    expect(Math.abs(flat.box.y + flat.box.height / 2 - (558 + 12.5))).toBeLessThanOrEqual(1);
    expect(flat.pageBox).toEqual(column.box);
    const xs = flat.words!.map((w) => w.box.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('leaves a diagonal watermark alone: its characters step across the page as well as down', () => {
    // Prepare: `仅供审核使用` set at 60°, boxed tall and narrow.
    const chars = [...'仅供审核使用'];
    const watermark: OcrLine = {
      text: chars.join(''),
      confidence: 0.9,
      box: { x: 600, y: 300, width: 90, height: 260 },
      words: chars.map((ch, i) => ({ text: ch, confidence: 0.9, box: { x: 600 + i * 14, y: 300 + i * 40, width: 30, height: 30 } })),
    };
    // Act / Assess
    expect(laidFlatAtItsHead(watermark)).toBe(watermark);
  });
});

describe('a record’s fill-in printed off its labels, proved by the ID number and the sex', () => {
  // A social-insurance record whose header fill-in sits 0.8 of a row low (nearer `参保状态` than `姓名`), its table of
  // periods printed where it belongs: two pairs prove the offset, the ID number and a sex (`男`/`女`, a closed term).
  const id = residentId('19840507', '421002', '677');
  const record = (shift: number): Line[] => [
    ['杭州市社会保险参保缴费证明（个人）', 449, 166, 755, 56],
    ['姓名', 126, 282, 192, 40],
    ['公民身份号码', 842, 282, 192, 40],
    ['参保状态', 126, 338, 192, 40],
    ['性别', 842, 338, 192, 40],
    ['韦晨', 340, 282 + shift, 64, 40],
    [id, 1057, 282 + shift, 345, 40],
    ['参保缴费', 340, 338 + shift, 128, 40],
    ['男', 1057, 338 + shift, 32, 40],
    ['序号', 151, 449, 57, 36],
    ['单位名称', 446, 449, 115, 36],
    ['起始年月', 806, 449, 115, 36],
    ['截止年月', 984, 449, 115, 36],
    ['险种', 1300, 449, 57, 36],
    ['1', 171, 516, 17, 36],
    ['杭州之江电气设备有限公司', 331, 516, 345, 36],
    ['2020.02', 807, 516, 112, 36],
    ['2021.06', 985, 516, 112, 36],
    ['养老保险', 1271, 516, 115, 36],
    ['累计缴费月数：17个月', 126, 600, 326, 40],
  ];
  const textLayer = (lines: readonly Line[]): OcrPage => ({ ...scanPage(lines, { width: 1653, height: 2339 }), source: 'text_layer' });

  it('reads the person’s name with the fill-in moved back onto its labels', () => {
    // Act
    const doc = extractDocuments([textLayer(record(44))], { today: TODAY })[0];
    // Assess
    expect(doc.fields.personName.value).toBe('韦晨');
    expect(doc.fields.idNumber.value).toBe(id);
  });

  it('reads the same page printed true to its labels the same way', () => {
    const doc = extractDocuments([textLayer(record(0))], { today: TODAY })[0];
    expect(doc.fields.personName.value).toBe('韦晨');
  });
});
