import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Digital PDFs of held-out families, made again from the seeds of v14, v16 and v17 (digital only, 2026-12-07): each
// read one field wrong or not at all, flagged.

describe('digital pages: a landscape record’s values at the right margin, labels spread wide, a form of address', () => {
  it('reads a landscape record whose values stand flush with the right margin as one page, not a booklet spread', () => {
    const lines: Line[] = [
      ['浙江省社会保险参保缴费记录', 844, 121, 650, 50],
      ['个 人 姓 名', 134, 239, 183, 35],
      ['潘鸣慧', 2105, 239, 100, 33],
      ['社会保障号码', 134, 306, 200, 33],
      ['410105197701160038', 1905, 306, 300, 35],
      ['参 保 状 态', 134, 375, 183, 35],
      ['参保缴费', 2071, 375, 133, 33],
      ['性 别', 134, 442, 83, 35],
      ['男', 2171, 442, 33, 33],
      ['序号', 184, 557, 60, 30],
      ['单位名称', 648, 557, 120, 30],
      ['起始年月', 1197, 557, 120, 30],
      ['截止年月', 1467, 557, 120, 30],
      ['缴费月数', 1738, 557, 120, 30],
      ['险种', 2038, 557, 60, 30],
      ['1', 207, 626, 15, 32],
      ['杭州明达餐饮管理有限公司', 528, 626, 360, 30],
      ['2017.12', 1204, 626, 105, 32],
      ['2021.11', 1475, 626, 105, 32],
      ['48', 1783, 626, 30, 32],
      ['养老保险', 2008, 626, 120, 30],
      ['2', 207, 694, 15, 32],
      ['杭州汇通电子商务股份有限公司', 498, 694, 420, 30],
      ['2016.09', 1204, 694, 105, 32],
      ['2017.09', 1475, 694, 105, 32],
      ['13', 1783, 694, 30, 32],
      ['养老保险', 2008, 694, 120, 30],
      ['合计：61个月', 134, 779, 200, 35],
      ['杭州市社会保险事业管理中心', 1771, 958, 433, 33],
      ['出具日期：2021/12/15', 1821, 1019, 333, 35],
    ];
    const fields = extractDocuments([textLayerPage(lines, { width: 2339, height: 1653 })], {})[0].fields;
    expect(fields.personName.value).toBe('潘鸣慧');
    expect(fields.idNumber.value).toBe('410105197701160038');
  });

  it('joins `甲` … `方` spread across a label column as wide as `信　用　代　码`, and reads the name wrapped beside it', () => {
    const lines: Line[] = [
      ['劳动合同（简易版）', 437, 139, 760, 67],
      ['甲', 197, 300, 33, 33],
      ['方', 585, 300, 33, 33],
      ['浙江万松网络科', 691, 300, 238, 33],
      ['技健康服务有限', 691, 377, 238, 33],
      ['公司', 691, 452, 67, 34],
      ['；', 971, 300, 33, 36],
      ['信', 1035, 300, 33, 33],
      ['用', 1165, 300, 33, 33],
      ['代', 1294, 300, 33, 34],
      ['码', 1423, 300, 33, 33],
      ['91330106EXUWDAM5YG ；法定代表人姓名', 220, 529, 722, 36],
      ['江涛', 1010, 529, 72, 33],
      ['；职　工　姓　名', 806, 606, 362, 36],
      ['郭萱斌', 1232, 606, 127, 33],
      ['证　件　号　码', 197, 835, 371, 34],
      ['362502198505012569', 646, 835, 329, 33],
      ['甲方（盖章）：', 197, 1419, 217, 36],
      ['乙方（签字）：', 827, 1419, 217, 36],
    ];
    const employer = extractDocuments([textLayerPage(lines)], {})[0].fields.employerName;
    expect(employer.value).toBe('浙江万松网络科技健康服务有限公司');
  });

  it('reads no name where the certificate’s sentence keeps only the form of address (`兹证明` … `同志`), the name blurred out', () => {
    const lines: Line[] = [
      ['职业技能等级证书', 538, 234, 566, 61],
      ['兹证明', 258, 401, 121, 37],
      ['同志（身份证号：33011*********7187）参加评价，成绩合格，', 449, 401, 989, 37],
      ['准予颁发本证书。', 189, 474, 278, 35],
      ['职业(工种)名称', 189, 604, 199, 31],
      ['焊工', 189, 644, 69, 35],
      ['级 别', 850, 604, 71, 31],
      ['三级/高级工', 850, 644, 191, 37],
      ['证 书 编 码', 189, 717, 156, 31],
      ['Y330106589902203924065', 189, 755, 382, 37],
      ['发证日期：二〇二〇年九月六日', 979, 1088, 486, 37],
    ];
    const holder = extractDocuments([textLayerPage(lines)], {})[0].fields.holderName;
    expect(holder.value).toBeNull();
    expect(holder.needsReview).toBe(true);
  });
});
