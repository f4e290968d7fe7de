import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// ID cards whose wrapped address lost a character of its first line (issue 12; idrec18): the card wraps its address
// after eleven characters, so a first line the engine read shorter lost one, which the address's shape cannot show.
// Rebuilt on constructed engine lines with values of their own; no eval file is read.

const TODAY = '2026-12-06';
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines, { size: { width: 1405, height: 1869 } })], { today: TODAY })[0];

const card = (firstLine: Line, wrap: Line): Line[] => [
  ['姓名孔芳国', 391, 383, 133, 36],
  ['性别男', 391, 419, 87, 36],
  ['民族汉', 513, 423, 86, 34],
  ['出生1993年9月27日', 391, 453, 247, 39],
  firstLine,
  wrap,
  ['公民身份号码 362502199309278196', 384, 681, 387, 39],
];

describe("an ID card's wrapped address whose first line holds fewer characters than the card's line", () => {
  it('flags the address when its first line lost a character at its end (`…临川区文` | `西路…` for `文一西路`)', () => {
    const doc = read(card(['住址江西省抚州市临川区文', 389, 484, 276, 45], ['西路218号15幢102室', 442, 524, 229, 38]));
    expect(doc.fields.address.value).toBe('江西省抚州市临川区文西路218号15幢102室');
    expect(doc.fields.address.needsReview).toBe(true);
    expect(doc.fields.address.issues).toContain('address_line_incomplete');
  });

  it('flags the address when a piece of its first row is boxed apart and the row still lost a character', () => {
    const doc = read(card(['住址江西省抚州市', 389, 484, 184, 45], ['西路218号15幢102室', 442, 524, 229, 38]).concat([['临川区文', 580, 486, 92, 45]]));
    expect(doc.fields.address.issues ?? []).toContain('address_line_incomplete');
  });

  it('flags an address over three lines whose middle line lost a character', () => {
    const doc = read([
      ...card(['住址新疆维吾尔自治区乌鲁木齐', 389, 484, 300, 45], ['市天山区解放北路18号', 442, 524, 229, 38]),
      ['1幢1单元302室', 442, 564, 160, 38],
    ]);
    expect(doc.fields.address.value).toBe('新疆维吾尔自治区乌鲁木齐市天山区解放北路18号1幢1单元302室');
    expect(doc.fields.address.issues ?? []).toContain('address_line_incomplete');
  });

  it('leaves an address over three lines whose first two hold the card’s eleven ems', () => {
    const doc = read([
      ...card(['住址新疆维吾尔自治区乌鲁木齐', 389, 484, 300, 45], ['市天山区解放北路188号1', 442, 524, 250, 38]),
      ['幢1单元302室', 442, 564, 150, 38],
    ]);
    expect(doc.fields.address.value).toBe('新疆维吾尔自治区乌鲁木齐市天山区解放北路188号1幢1单元302室');
    expect(doc.fields.address.issues ?? []).not.toContain('address_line_incomplete');
  });

  it('leaves an address whose first line holds the eleven characters the card prints', () => {
    const doc = read(card(['住址江西省抚州市临川区文一', 389, 484, 300, 45], ['西路218号15幢102室', 442, 524, 229, 38]));
    expect(doc.fields.address.value).toBe('江西省抚州市临川区文一西路218号15幢102室');
    expect(doc.fields.address.issues ?? []).not.toContain('address_line_incomplete');
    expect(doc.fields.address.needsReview).toBe(false);
  });

  it('leaves an address whose first line holds eleven ems with digits counted as half a character', () => {
    const doc = read(card(['住址浙江省杭州市西湖区莫干山路55', 389, 484, 330, 45], ['号26幢2402室', 442, 524, 160, 38]));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区莫干山路55号26幢2402室');
    expect(doc.fields.address.issues ?? []).not.toContain('address_line_incomplete');
  });

  it('leaves a short address read from one line', () => {
    const doc = read(card(['住址杭州市西湖区文三路8号', 389, 484, 262, 45], ['民族汉', 513, 423, 86, 34]));
    expect(doc.fields.address.value).toBe('杭州市西湖区文三路8号');
    expect(doc.fields.address.issues ?? []).not.toContain('address_line_incomplete');
  });
});

describe("an ID card's address read under a misread label, a watermark's line under its room", () => {
  // A perspective photo of a card (seen-family sample seed 9586): `住址` read `佳址`, and the watermark `仅限办理职业技能补贴使用`
  // boxed under the address's last line, in its column.
  const lines: Line[] = [
    ['性别男', 342, 275, 58, 22],
    ['民族汉', 415, 278, 57, 20],
    ['出生1969年11月1日', 340, 295, 157, 26],
    ['佳址浙江省杭州市上城区教工', 338, 314, 203, 31],
    ['路105号11幢503室', 370, 339, 131, 25],
    ['仅限办理职业技能补贴使', 381, 380, 230, 46],
    ['公民身份号码330102196911014473', 331, 436, 245, 27],
  ];

  it('ends the address at its room, the line under it left out, still flagged for its inferred label', () => {
    const doc = extractDocuments([enginePage(lines, { size: { width: 1575, height: 1184 } })], { today: TODAY })[0];
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区教工路105号11幢503室');
    expect(doc.fields.address.issues).toContain('label_inferred');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});
