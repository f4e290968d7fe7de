import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { findHits } from '../../shared/extraction/page-layout.js';
import { enginePage, type Line } from './support/text-lines.js';

// A qualification certificate photographed by phone (seen-family sample seed 9592): the engine lost the gap after
// `职业名称` and read its `称` as `标`, so the line reads `职业名标互联网营销师`.
const certificate = (occupationLine: string): Line[] => [
  ['中华人民共和国职业资格证书', 283, 200, 664, 47],
  ['姓名武秀轩', 222, 302, 148, 25],
  ['性别女', 622, 298, 119, 27],
  ['证件号码:330110198801033744', 622, 333, 270, 25],
  [occupationLine, 223, 394, 202, 22],
  ['技能等级高级技师', 622, 391, 261, 26],
  ['证号', 223, 427, 87, 25],
  ['1833013586160290', 310, 427, 155, 23],
  ['发证机关杭州市职业技能鉴定指导中心', 624, 425, 330, 25],
];

describe('a four-character label opening its line with its last character misread and its value glued on', () => {
  it('reads the occupation after `职业名标`', () => {
    const fields = extractDocuments([enginePage(certificate('职业名标互联网营销师'), { size: { width: 1226, height: 866 } })], {})[0].fields;
    expect(fields.occupation.value).toBe('互联网营销师');
  });

  it('takes no label from a label’s head glued to a value that starts with a digit, or from running text', () => {
    // `经` `营` `范` of a spread 经营范围 boxed one by one before an address's last line `11层907室` on a licence photo.
    expect(findHits('经营范11层907室').map((h) => h.form)).not.toContain('经营范围');
    expect(findHits('职业名标互联网营销师').map((h) => h.form)).toContain('职业名称');
    expect(findHits('职业名标，按照国家职业技能标准执行').map((h) => h.form)).not.toContain('职业名称');
  });
});
