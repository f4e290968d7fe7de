import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// A branch's licence whose right-hand values stand in a column four characters wide, each value centred on its label
// over as many rows as it needs (held-out sample v24, a page scanned turned): the name's five rows, a gap, then the
// premises' nine rows centred on `营业场所`.
const LINES: Line[] = [
  ['营业执照', 600, 248, 436, 96],
  ['杭州启航', 1256, 459, 151, 49],
  ['电气设备', 1258, 507, 146, 50],
  ['统一社会信用代码', 181, 540, 285, 46],
  ['91330106WBYB9L68X5(1-1)', 506, 537, 428, 37],
  ['企业名称', 1025, 536, 153, 53],
  ['有限公司', 1256, 553, 148, 49],
  ['杭州西湖', 1256, 602, 150, 50],
  ['区分公司', 1257, 649, 146, 46],
  ['浙江省杭', 1258, 723, 148, 50],
  ['州市西湖', 1257, 772, 149, 48],
  ['区转塘街', 1256, 817, 149, 49],
  ['道文一西', 1256, 864, 152, 51],
  ['公司类型', 248, 896, 150, 50],
  ['有限责任公司分公司(自然人', 506, 892, 429, 42],
  ['营业场所', 1028, 896, 147, 47],
  ['路217号西', 1256, 912, 171, 48],
  ['投资或控股)', 503, 934, 194, 49],
  ['湖科技园', 1258, 959, 150, 50],
  ['综合楼8幢', 1257, 1007, 167, 47],
  ['15层1708', 1258, 1055, 160, 44],
  ['室', 1256, 1100, 46, 48],
  ['负责人', 268, 1178, 112, 45],
  ['司马丽芳', 649, 1193, 146, 50],
  ['成立日期', 1028, 1177, 146, 46],
  ['2017.04.19', 1257, 1194, 183, 46],
  ['营业期限', 249, 1286, 150, 47],
  ['2017.04.19至2037.04.19', 506, 1307, 385, 36],
  ['登记机关:', 1233, 1784, 173, 44],
  ['二〇一八年五月廿四日', 1151, 1847, 345, 40],
];

describe('a licence’s narrow value column, each value a block centred on its label', () => {
  it('ends the name at the gap before the block centred on the next label, and reads that block as the premises', () => {
    const fields = extractDocuments([enginePage(LINES)], {})[0].fields;
    expect(fields.companyName.value).toBe('杭州启航电气设备有限公司杭州西湖区分公司');
    expect(fields.address.value).toBe('浙江省杭州市西湖区转塘街道文一西路217号西湖科技园综合楼8幢15层1708室');
  });
});
