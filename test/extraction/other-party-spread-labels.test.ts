import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { opensOtherPartyWord } from '../../shared/extraction/other-party-labels.js';
import { enginePage, type Line } from './support/text-lines.js';

/** A branch licence photographed, its captions spread across the label column one character a box. */
const branchLicence: Line[] = [
  ['营业执照', 443, 287, 222, 53],
  ['名', 242, 407, 22, 23],
  ['称：', 365, 403, 31, 24],
  ['杭州启明物流服务有限公司西湖分公司', 411, 391, 457, 35],
  ['统一', 242, 446, 27, 23],
  ['社会信用代码：', 277, 442, 121, 27],
  ['91330106MA2H3K8X1Q', 410, 437, 255, 28],
  ['类', 243, 522, 23, 25],
  ['型：', 367, 519, 35, 27],
  ['有限责任公司分公司', 413, 511, 265, 32],
  ['负', 243, 562, 24, 24],
  ['责', 307, 561, 21, 23],
  ['人：', 369, 559, 34, 25],
  ['诸葛明远', 415, 556, 77, 26],
  ['财', 245, 603, 23, 20],
  ['务', 277, 604, 21, 18],
  ['负', 306, 602, 27, 20],
  ['责', 336, 601, 26, 21],
  ['人：', 370, 599, 31, 22],
  ['陈刚', 415, 595, 42, 26],
  ['营', 246, 683, 22, 22],
  ['业', 287, 683, 24, 19],
  ['场', 329, 682, 24, 19],
  ['所：', 373, 678, 30, 22],
  ['浙江省杭州市西湖区文三路90号', 418, 666, 368, 36],
];

describe('someone else’s caption spread character by character before a field’s own label', () => {
  it('reads the branch’s 负责人, not the finance officer printed under it (`财` `务` `负` `责` `人：`)', () => {
    const page = enginePage(branchLicence, { size: { width: 1157, height: 1539 } });
    // The engine was less sure of the four-character name than of the finance officer's two.
    page.lines.find((line) => line.text === '诸葛明远')!.confidence = 0.93;
    const doc = extractDocuments([page], { today: '2026-12-06' })[0]!;
    expect(doc.fields.legalRepresentative.value).toBe('诸葛明远');
  });

  it('knows the heads of other parties’ words, and no field’s own label head', () => {
    expect(opensOtherPartyWord('财')).toBe(true);
    expect(opensOtherPartyWord('代办')).toBe(true);
    expect(opensOtherPartyWord('负')).toBe(false);
    expect(opensOtherPartyWord('')).toBe(false);
  });
});
