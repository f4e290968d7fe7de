import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withoutLabelDecorations } from '../../shared/extraction/label-decorations.js';
import { enginePage, type Line } from './support/text-lines.js';

// A mark the engine read between a label's characters (issue 12; idrec18): a social-insurance record on a clean scan
// (seen-family sample seed 9570) read `参保•人吴飞俊`, and the label it hid left the insured person unread. Rebuilt on
// constructed engine lines with values of their own; no eval file is read.

const record = (nameLine: Line): Line[] => [
  ['杭州市社会保险参保缴费证明 （个人）', 379, 152, 863, 54],
  nameLine,
  ['身份证号码', 147, 343, 186, 46],
  ['330106198203152415', 359, 343, 363, 40],
  ['序号', 158, 593, 81, 55],
  ['缴费单位', 429, 595, 142, 50],
  ['缴费起止年月', 794, 598, 200, 43],
  ['月数', 1047, 596, 79, 50],
  ['1', 185, 677, 28, 35],
  ['杭州新锐餐饮管理股份有限公司', 272, 673, 456, 41],
  ['201310-202107', 770, 675, 250, 36],
  ['94', 1061, 675, 50, 38],
  ['合计：94个月', 148, 834, 244, 48],
];
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: '2026-12-06' })[0];

describe("a mark read between a label's characters", () => {
  it('reads the insured person after `参保•人`, the bullet inside the label dropped', () => {
    expect(read(record(['参保•人吴飞俊', 143, 271, 300, 48])).fields.personName.value).toBe('吴飞俊');
  });

  it('reads the insured person after `参保·人`, a middle dot inside the label dropped', () => {
    expect(read(record(['参保·人吴飞俊', 143, 271, 300, 48])).fields.personName.value).toBe('吴飞俊');
  });

  it('keeps the middle dot inside a name that follows its label (`阿依古丽·买买提`)', () => {
    expect(read(record(['参保人阿依古丽·买买提', 143, 271, 420, 48])).fields.personName.value).toBe('阿依古丽·买买提');
  });

  it('keeps a dot between characters that spell no label', () => {
    expect(withoutLabelDecorations('杭州·西湖')).toBe('杭州·西湖');
    expect(withoutLabelDecorations('姓·名王五')).toBe('姓名王五');
  });
});
