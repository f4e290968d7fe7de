import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import { rowSlopeField, rowSlopeSamples } from '../../shared/extraction/row-slope-field.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import { textWidth } from './support/page-builder.js';
import { residentId } from './support/documents.js';

// Issue 12 class 8, perspective photos. A page photographed at an angle fans its rows: the top rows climb to the
// right and the bottom rows fall (the page's far side is smaller). The reader levelled a page by one median slope, so
// on such a page a label at the left margin and its value far across the row could be set a row apart. Constructed
// OCR lines with the engine's character boxes: each line is drawn along the slope its row has at its height.

const TODAY = '2026-12-05';
const WIDTH = 1600;
const HEIGHT = 2200;
const BODY = 36;

/** The slope of the row through height y on a page whose rows fan by `fan` from top to bottom (0 at mid-height). */
const fanned = (fan: number) => (y: number) => fan * ((y - HEIGHT / 2) / HEIGHT);

/**
 * One line as the engine reports it on a slanted row: characters boxed along the slope, the line's box the rectangle
 * round them (taller than a character by the slope over its width). `rowY` is where the row crosses the page's middle.
 */
function slantedLine(text: string, x: number, rowY: number, slopeOf: (y: number) => number, confidence = 0.99): OcrLine {
  const slope = slopeOf(rowY);
  const chars = [...text];
  const width = textWidth(text, BODY);
  const step = width / chars.length;
  const words = chars.map((ch, i) => {
    const cx = x + step * (i + 0.5);
    const cy = rowY + slope * (cx - WIDTH / 2);
    return { text: ch, confidence, box: { x: cx - step / 2, y: cy - BODY / 2, width: step, height: BODY } };
  });
  const top = Math.min(...words.map((w) => w.box.y));
  const bottom = Math.max(...words.map((w) => w.box.y + w.box.height));
  return { text, confidence, box: { x, y: top, width, height: bottom - top }, words };
}

const HOLDER = { name: '林嘉怡', id: residentId('19880412', '330106', '271') };

/**
 * A certificate photographed at an angle: labels at the left margin, values set far across the page on a leader row
 * (x ≈ 1000), rows 62 px apart. `fan` is how much the rows' slope changes from the page's top to its bottom.
 */
function keystonedCertificate(fan: number): OcrPage {
  const slopeOf = fanned(fan);
  const rows: Array<[string, string]> = [
    ['姓名：', HOLDER.name],
    ['公民身份号码：', HOLDER.id],
    ['职业(工种)：', '中式烹调师'],
    ['职业技能等级：', '四级/中级工'],
    ['证书编号：', 'S330106000123404321'],
    ['发证日期：', '2021年06月18日'],
  ];
  const lines: OcrLine[] = [slantedLine('职业技能等级证书', 560, 330, slopeOf)];
  rows.forEach(([label, value], k) => {
    const rowY = 480 + k * 62;
    lines.push(slantedLine(label, 150, rowY, slopeOf), slantedLine(value, 1000, rowY, slopeOf));
  });
  // Body text lower down the page: long lines, as a certificate's notes or a contract's clauses are.
  for (let k = 0; k < 10; k++) {
    const rowY = 1000 + k * 80;
    lines.push(slantedLine('本证书由评价机构颁发，可登录全国职业技能等级证书查询系统查验真伪', 150, rowY, slopeOf));
  }
  lines.push(slantedLine('杭州市西湖区职业技能培训学校', 900, 1900, slopeOf));
  return { pageNumber: 1, width: WIDTH, height: HEIGHT, rotation: 0, source: 'paddle', lines };
}

describe('rows of a page photographed at an angle', () => {
  it("sets each label's value on the label's own row when the rows fan from top to bottom", () => {
    const layout = buildPageLayout(keystonedCertificate(0.2));
    const centre = (text: string) => {
      const line = layout.lines.find((l) => l.flat.startsWith(text))!;
      return line.box.y + line.box.height / 2;
    };
    // Top rows climb about 0.06 across the 850 px between label and value: one slope left them a row apart.
    expect(Math.abs(centre('姓名') - centre(HOLDER.name))).toBeLessThan(BODY * 0.3);
    expect(Math.abs(centre('公民身份号码') - centre(HOLDER.id))).toBeLessThan(BODY * 0.3);
    expect(Math.abs(centre('发证日期') - centre('2021年06月18日'))).toBeLessThan(BODY * 0.3);
  });

  it("reads a keystoned certificate's far values from their own rows", () => {
    const doc = extractDocuments([keystonedCertificate(0.2)], { today: TODAY })[0];
    expect(doc.fields.holderName.value).toBe(HOLDER.name);
    expect(doc.fields.idNumber.value).toBe(HOLDER.id);
    expect(doc.fields.occupation.value).toBe('中式烹调师');
    expect(doc.fields.certificateNumber.value).toBe('S330106000123404321');
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
  });

  it('fits the fan of the rows from the slopes of their characters', () => {
    const page = keystonedCertificate(0.2);
    const field = rowSlopeField(rowSlopeSamples(page.lines), page.lines, WIDTH, HEIGHT, 0);
    expect(field).toBeDefined();
    expect(field!.slopeAt(800, 330)).toBeCloseTo(fanned(0.2)(330), 2);
    expect(field!.slopeAt(800, 1900)).toBeCloseTo(fanned(0.2)(1900), 2);
    // The row through the value of the first row meets the middle column where that row does.
    expect(field!.levelY(1054, 480 + fanned(0.2)(480) * 254)).toBeCloseTo(480, -1);
  });

  it('leaves a page whose rows all turn alike to one slope', () => {
    const turned = (_y: number) => 0.03;
    const lines = [0, 1, 2, 3, 4, 5, 6, 7].map((k) =>
      slantedLine('本证书由评价机构颁发，可登录全国职业技能等级证书查询系统查验真伪', 150, 400 + k * 180, turned),
    );
    expect(rowSlopeField(rowSlopeSamples(lines), lines, WIDTH, HEIGHT, 0.03)).toBeUndefined();
  });

  it('gives no field when lines in one narrow column would turn a line across the page further than rows turn', () => {
    // Lines starting 30 px apart with slopes 0.04 apart: fitted across x, the turn would reach far past the column.
    const text = '本证书由评价机构颁发可登录查询';
    const lines = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => slantedLine(text, k % 2 ? 180 : 150, 400 + k * 180, () => (k % 2 ? 0.04 : 0)));
    // A short line far across the page, too short to give a slope of its own.
    const far = slantedLine('西湖', 1400, 1000, () => 0);
    const page = [...lines, far];
    expect(rowSlopeField(rowSlopeSamples(page), page, WIDTH, HEIGHT, 0)).toBeUndefined();
  });

  it('leaves out a diagonal watermark when fitting the rows', () => {
    const page = keystonedCertificate(0.2);
    const watermark = (x: number) => slantedLine('仅供杭州市西湖区人力社保局审核使用', x, 1300, () => -0.55);
    const withWatermark = [...page.lines, watermark(300), watermark(700)];
    const field = rowSlopeField(rowSlopeSamples(withWatermark), withWatermark, WIDTH, HEIGHT, 0);
    expect(field!.slopeAt(800, 1300)).toBeCloseTo(fanned(0.2)(1300), 2);
  });
});
