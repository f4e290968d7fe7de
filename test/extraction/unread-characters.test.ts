import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../../shared/ocr/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { NAME_GAP_UNREAD, NAME_TAIL_UNREAD, VALUE_GAP_UNREAD } from '../../shared/extraction/unread-characters.js';
import { enginePage, type Line } from './support/text-lines.js';

// A special-operation certificate photographed under glare (seen-family sample seed 9575): the engine boxed
// `人徐凯` an em past `凯`, where the `颖` of `徐凯颖` sat under the highlight, and read the rest at 0.97-1.00.
const lines: Line[] = [
  ['中华人民共和国特种作业操作证', 462, 212, 577, 74],
  ['性别', 705, 301, 84, 28],
  ['女', 785, 311, 41, 27],
  ['持证', 225, 323, 108, 34],
  ['人徐凯', 362, 317, 92, 31],
  ['证件号码', 260, 362, 99, 31],
  ['421002199502249723', 231, 386, 157, 31],
  ['作业类别 电工作业', 234, 439, 156, 33],
  ['发证日期', 241, 543, 75, 29],
  ['2021年02月16日', 322, 555, 124, 30],
];

/** The photo's page, the name's line with the engine's own character boxes: `人` `徐` `凯` ending at `lastRight`. */
function photo(lastRight: number): OcrPage {
  const page = enginePage(lines, { size: { width: 1528, height: 1149 }, typeShare: 0.65 });
  const name = page.lines.find((l) => l.text === '人徐凯')!;
  name.words = [
    { text: '人', confidence: 0.995, box: { x: 363, y: 324, width: 21, height: 21 } },
    { text: '徐', confidence: 0.995, box: { x: 394, y: 322, width: 21, height: 21 } },
    { text: '凯', confidence: 0.97, box: { x: lastRight - 21, y: 321, width: 21, height: 21 } },
  ];
  return page;
}

describe('a person’s name that ends its line before the ink the engine boxed', () => {
  it('flags the name when the box runs on an em past its last character read', () => {
    const holder = extractDocuments([photo(432)], {})[0].fields.holderName;
    expect(holder.value).toBe('徐凯');
    expect(holder.needsReview).toBe(true);
    expect(holder.issues).toContain(NAME_TAIL_UNREAD);
  });

  it('leaves the name as read when the box ends at its last character', () => {
    const holder = extractDocuments([photo(452)], {})[0].fields.holderName;
    expect(holder.value).toBe('徐凯');
    expect(holder.issues ?? []).not.toContain(NAME_TAIL_UNREAD);
  });
});

// A branch licence photographed in shadow (seen-family sample seed 9576): the engine boxed `方涵思` whole and read
// `方思` at 0.97, with 17 px of blank between the boxes of `方` and `思` where `涵` stood.
const licence: Line[] = [
  ['统一社会信用代码', 258, 249, 168, 34],
  ['91330106MA2P0ACE0M', 257, 283, 200, 33],
  ['营业执照', 489, 323, 297, 64],
  ['名称：', 257, 459, 97, 34],
  ['杭州钱塘信息技术有限公司', 500, 466, 250, 32],
  ['负责人：', 254, 634, 95, 34],
  ['方思', 496, 640, 68, 31],
  ['成立日期：', 612, 642, 146, 34],
  ['2013年09月29日', 851, 645, 160, 31],
  ['营业场所：', 615, 709, 91, 31],
  ['浙江省杭州市西湖区古荡街道西园路789号', 851, 713, 380, 32],
];

/** The photo's page, the representative's characters boxed `secondAt` px in from the line's left edge. */
function shadowedLicence(secondAt: number): OcrPage {
  const page = enginePage(licence, { size: { width: 1292, height: 1718 } });
  const name = page.lines.find((l) => l.text === '方思')!;
  name.words = [
    { text: '方', confidence: 0.997, box: { x: 497, y: 644, width: 23, height: 23 } },
    { text: '思', confidence: 0.944, box: { x: 496 + secondAt, y: 645, width: 23, height: 23 } },
  ];
  return page;
}

describe('a value with blank between two characters where the engine lost one', () => {
  it('flags a representative read with a character’s width of blank inside the name', () => {
    const representative = extractDocuments([shadowedLicence(41)], {})[0].fields.legalRepresentative;
    expect(representative.value).toBe('方思');
    expect(representative.needsReview).toBe(true);
    expect(representative.issues).toContain(NAME_GAP_UNREAD);
  });

  it('leaves a name whose characters stand at their pitch as read', () => {
    const representative = extractDocuments([shadowedLicence(24)], {})[0].fields.legalRepresentative;
    expect(representative.value).toBe('方思');
    expect(representative.issues ?? []).not.toContain(NAME_GAP_UNREAD);
  });

  it('flags an issuer whose line was boxed over a character it did not read', () => {
    const lines: Line[] = [
      ['职业技能等级证书', 500, 200, 500, 60],
      ['姓名：王晓明', 300, 400, 240, 36],
      ['职业（工种）：电工', 300, 460, 300, 36],
      ['技能等级：四级/中级工', 300, 520, 360, 36],
      ['发证机关：杭州西溪职业技培训中心', 300, 600, 0, 36],
      ['发证日期：2021年03月15日', 300, 660, 420, 36],
    ];
    // Each character 30 px wide on a 34 px pitch, with a character's width of blank after `技` where `能` stood.
    const issuerLine = (lost: boolean) => {
      const text = lines[4][0];
      const words = [...text].map((ch, i) => ({
        text: ch,
        confidence: 0.98,
        box: { x: 300 + i * 34 + (lost && i >= 12 ? 34 : 0), y: 603, width: 30, height: 30 },
      }));
      const right = words.at(-1)!.box.x + 30;
      return { text, confidence: 0.98, box: { x: 300, y: 600, width: right - 300, height: 36 }, words };
    };
    for (const lost of [true, false]) {
      const page = enginePage(lines.filter((l) => !l[0].startsWith('发证机关')));
      page.lines.push(issuerLine(lost));
      const issuer = extractDocuments([page], {})[0].fields.issuer;
      expect(issuer.value).toBe('杭州西溪职业技培训中心');
      if (lost) expect(issuer.issues).toContain(VALUE_GAP_UNREAD);
      else expect(issuer.issues ?? []).not.toContain(VALUE_GAP_UNREAD);
    }
  });
});
