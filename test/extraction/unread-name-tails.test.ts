import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../../shared/ocr/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { NAME_TAIL_UNREAD } from '../../shared/extraction/unread-name-tails.js';
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
