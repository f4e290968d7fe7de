import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 class 3 on business licences (licence19): a pre-2016 licence set in a narrow value column, the 类型 row's
// value wrapped over three lines (`有限责任公司` | `（自然人投资或` | `控股）`) right over the name's three lines, the name
// set half a line above its spread label `名　称`. The name was read with the type's last line as its head
// (`控股)杭州…有限公司`). Rebuilt on constructed engine lines from the geometry of a seen photo (proc-CS), values of
// their own. No eval file is read.

const TODAY = '2026-12-06';

const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 1444, height: 1921 }, confidence: 0.99, typeShare: 0.75 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

const narrowLicence = (typeTail: string): Line[] => [
  ['企业法人营业执照', 348, 334, 759, 94],
  ['注册号', 349, 559, 116, 34],
  ['330106000127454(1-1)', 292, 587, 226, 34],
  ['类', 291, 631, 28, 29],
  ['型', 378, 636, 27, 25],
  ['有限责任公司', 428, 635, 136, 35],
  ['（自然人投资或', 430, 664, 144, 35],
  [typeTail, 424, 693, 23 * [...typeTail].length, 34],
  ['名', 294, 739, 17, 19],
  ['称', 352, 739, 26, 23],
  ['杭州青芝坞', 423, 728, 115, 37],
  ['文化传媒有限', 422, 757, 138, 37],
  ['公司', 422, 787, 49, 30],
  ['法定代表人', 281, 837, 113, 34],
  ['俞晓峰', 281, 864, 72, 36],
  ['注册资本', 278, 911, 117, 35],
  ['3000万元人民币', 276, 940, 159, 37],
  ['登记机关：', 1000, 1500, 150, 36],
  ['2014年5月6日', 1000, 1550, 180, 36],
];

describe('a name with the registrant type’s last line read as its head', () => {
  it('reads the name without `控股）`, the close of the type’s bracket, flagged', () => {
    const doc = read(narrowLicence('控股）'));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州青芝坞文化传媒有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});
