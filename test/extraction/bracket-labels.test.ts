import { describe, expect, it } from 'vitest';
import { withBracketLabelsClosed } from '../../shared/extraction/bracket-labels.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 (digital; a new seed-311 sample): a text layer spaces the brackets of a label set in Chinese type,
// `职业( 工种) 名称:`, and the label was found as `职业(工种)` and `名称`: the occupation beside it was not read.
// Constructed text-layer lines with values of their own.

const certificate = (label: string): Line[] => [
  ['职业技能等级证书', 502, 225, 630, 61],
  ['本人姓名:', 205, 357, 150, 34],
  ['章立平', 383, 357, 100, 32],
  ['公民身份号码:', 205, 430, 200, 34],
  ['330102198807214418', 466, 430, 319, 34],
  [label, 205, 566, 372, 34],
  ['电工', 619, 566, 83, 32],
  ['，技　能　等　级:', 743, 566, 415, 34],
  ['四级', 1246, 566, 83, 32],
  ['发　证　日　期:', 205, 714, 232, 34],
  ['2022.09.15', 474, 714, 160, 34],
  ['杭州西湖职业技能培训学校', 205, 841, 380, 32],
];

describe('a bracketed label with spaces at its brackets', () => {
  it('reads the occupation beside `职业( 工种) 名称:`', () => {
    const doc = extractDocuments([page(certificate('职业( 工种) 名称:'))], { today: '2026-12-04' })[0];
    expect(doc.fields.occupation.value).toBe('电工');
  });

  it('closes only the spaces inside a known label form', () => {
    expect(withBracketLabelsClosed('职业( 工种) 名称:焊工')).toBe('职业(工种)名称:焊工');
    expect(withBracketLabelsClosed('企业 (字号) 名称 杭州')).toBe('企业(字号)名称 杭州');
    // Not a label: a company's bracketed remark keeps its spacing.
    expect(withBracketLabelsClosed('杭州某某有限公司 (分公司) 负责人')).toBe('杭州某某有限公司 (分公司) 负责人');
  });
});
