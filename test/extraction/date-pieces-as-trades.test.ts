import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readOccupation } from '../../shared/extraction/value-readers.js';
import { enginePage, type Line } from './support/text-lines.js';

/** A training certificate photographed under glare: each value stacked over its caption, the term wrapped beside it. */
const certificate: Line[] = [
  ['培训合格证书', 564, 280, 245, 52],
  ['性别男', 808, 341, 99, 36],
  ['持证人姓名陈立', 247, 354, 339, 47],
  ['证件号码', 248, 407, 108, 37],
  ['330106199001011234', 536, 394, 212, 36],
  ['企业新型学徒制（电工）', 248, 444, 222, 40],
  ['培训时间二〇二一年三月八日至二〇二一年', 698, 448, 433, 47],
  ['培训项目', 248, 479, 90, 31],
  ['四月二十日', 805, 484, 111, 34],
  ['发证日期', 698, 531, 158, 36],
  ['证书号PX202170487475', 247, 573, 272, 37],
  ['2021-05-06', 717, 562, 120, 34],
  ['杭州之江职业培训学校', 247, 663, 214, 36],
];

describe('a date’s piece where a trade was looked for', () => {
  it.each(['七月三十日', '12月5日', '二〇二一年四月二十日'])('reads no occupation in %s', (text) => {
    expect(readOccupation(text)).toBeNull();
  });

  it('takes no occupation from a term’s wrapped last line on the caption’s row', () => {
    const doc = extractDocuments([enginePage(certificate, { size: { width: 1389, height: 1847 } })], { today: '2026-12-06' })[0]!;
    expect(doc.fields.occupation.value).not.toBe('四月二十日');
  });
});
