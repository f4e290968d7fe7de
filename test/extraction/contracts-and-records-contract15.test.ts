import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { findHits } from '../../shared/extraction/page-layout.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Classes found on seen-family samples (contract15, seeds 9490 and the pool of older caches): labour contracts and
// social-insurance records whose values are on the lines but were not read, or read from someone else's label.
// Constructed lines with names of their own.

const TODAY = '2026-12-05';

describe('someone else’s role opened by a party’s word', () => {
  it('reads `甲方委托代理人:` as the agent’s label, not 甲方 with the agent for its value', () => {
    const hits = findHits('甲方委托代理人:欧阳明远');
    expect(hits).toHaveLength(1);
    expect(hits[0].otherParty).toBe(true);
    expect(hits[0].form).toBe('甲方委托代理人');
  });

  it('takes the employer from the spread `甲　方:` cell, not the agent beside `甲方委托代理人:`', () => {
    const lines: Line[] = [
      ['劳动合同（简易版）', 453, 233, 728, 64],
      ['身份证号码:', 226, 397, 185, 38],
      ['330102199301288365', 565, 397, 400, 35],
      ['乙方（劳动者）姓名:', 808, 524, 324, 38],
      ['韩雨彤', 1173, 524, 104, 35],
      ['统一社会信用代码:', 808, 647, 289, 38],
      ['91330106MA2B4K7Q1X', 1173, 647, 379, 38],
      ['甲方委托代理人:', 808, 726, 254, 38],
      ['欧阳明远', 1173, 726, 139, 35],
      ['合同期限自:', 226, 826, 185, 38],
      ['2020.03.29', 557, 826, 178, 38],
      ['合同期限至:', 808, 826, 185, 38],
      ['2021年3月28日', 1173, 826, 237, 38],
      ['甲　　　　　　方:', 808, 1028, 289, 38],
      // The name wrapped in its cell, centred on the label's row.
      ['杭州青禾信息技术股份', 1173, 1003, 347, 35],
      ['有限公司', 1173, 1051, 139, 35],
      ['签订日期：2020.3.28', 205, 1586, 332, 38],
    ];
    const doc = extractDocuments([page(lines)], { today: TODAY })[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州青禾信息技术股份有限公司');
    expect(doc.fields.employeeName.value).toBe('韩雨彤');
  });
});

describe('a record’s status words are never the insured person', () => {
  const table: Line[] = [
    ['序号', 129, 502, 79, 53],
    ['单位名称', 411, 505, 135, 47],
    ['起始年月', 761, 507, 131, 43],
    ['截止年月', 951, 506, 132, 44],
    ['险种', 1289, 505, 78, 47],
    ['1', 150, 576, 38, 45],
    ['杭州嘉木电气设备有限公司', 289, 577, 375, 40],
    ['2016-01', 763, 575, 129, 43],
    ['2017-07', 955, 578, 129, 38],
    ['企业职工基本养老保险', 1170, 573, 317, 48],
  ];

  it('reads the name set above `姓名` on a page shifted up, not `正常参保` set just under it', () => {
    // The fill-in printed half a row high: each value between its label's row and the row above.
    const lines: Line[] = [
      ['浙江省社会保险参保缴费记录', 522, 210, 607, 49],
      ['柏嘉', 346, 282, 81, 49],
      ['340104197712293966', 1083, 285, 378, 41],
      ['姓名', 104, 320, 153, 52],
      ['公民身份号码', 839, 322, 220, 49],
      ['正常参保', 346, 347, 148, 51],
      ['女', 1077, 349, 46, 45],
      ['参保状态', 104, 392, 220, 48],
      ['性', 835, 390, 51, 49],
      ['别', 1008, 391, 54, 50],
      ...table,
      ['2', 150, 642, 36, 49],
      ['杭州灵峰科技有限公司', 320, 646, 312, 40],
      ['2017-10', 761, 644, 133, 43],
      ['2020-03', 953, 644, 134, 44],
      ['企业职工基本养老保险', 1170, 642, 317, 47],
    ];
    const doc = extractDocuments([page(lines, { width: 1654, height: 2340 })], { today: TODAY })[0];
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('柏嘉');
  });

  it('never reads `参保缴费` as a name, even as the only line under the person’s label', () => {
    const lines: Line[] = [['参保人员缴费情况表', 589, 229, 475, 52], ['参保人', 1144, 366, 214, 32], ['参保缴费', 1144, 460, 122, 32], ...table];
    const doc = extractDocuments([page(lines)], { today: TODAY })[0];
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName?.value ?? null).toBeNull();
  });
});

describe('a signing date cut one digit into its day', () => {
  const contract = (employeeDate: string, start = '2018年12月21日'): Line[] => [
    ['劳动合同', 653, 136, 327, 84],
    ['用人单位名称：', 186, 300, 240, 59],
    ['杭州松石电气设备有限公司', 598, 300, 420, 60],
    ['劳动者姓名：', 186, 400, 200, 59],
    ['葛宇航', 598, 400, 110, 60],
    ['合同起始日期：', 186, 988, 240, 59],
    [start, 598, 988, 383, 60],
    ['合同终止日期：', 191, 1065, 242, 62],
    ['2021年12月20日', 598, 1065, 383, 60],
    ['甲方（盖章）：', 219, 1500, 240, 60],
    ['乙方（签字）：', 898, 1500, 240, 60],
    ['日期：' + employeeDate, 898, 1579, 296, 61],
    ['签订日期：2018-12-1', 219, 1610, 345, 67],
  ];

  it('takes the other party’s date that completes the day (`2018-12-1` beside `日期：2018.12.14`), flagged', () => {
    const doc = extractDocuments([page(contract('2018.12.14'))], { today: TODAY })[0];
    expect(doc.fields.signedDate.value).toBe('2018-12-14');
    expect(doc.fields.signedDate.needsReview).toBe(true);
    expect(doc.fields.signedDate.issues).toContain('date_twin_inferred');
  });

  it('never completes the day from the term’s start printed in the same month', () => {
    const doc = extractDocuments([page(contract('2018.12.01', '2018年12月15日'))], { today: TODAY })[0];
    expect(doc.fields.signedDate.value).toBe('2018-12-01');
  });
});

describe('a record’s person printed off the label’s row', () => {
  it('reads the name half a row above `参保人：` when the engine boxed the status onto the label, flagged', () => {
    // A page shifted up, photographed under glare: `参保人：参保缴费` (the status of the row under it joined to the
    // label), the name just right of the label's colon and half a row higher.
    const lines: Line[] = [
      ['杭州市社会保险参保缴费证明（个人）', 462, 275, 509, 80],
      ['林婉芳', 482, 319, 85, 43],
      ['参保人：参保缴费', 295, 334, 298, 77],
      ['330106198804138010', 879, 353, 243, 50],
      ['参保状态：', 297, 385, 171, 48],
      ['公民身份号码：男', 698, 366, 218, 66],
      ['性别：', 696, 414, 80, 42],
      ['缴费单位', 388, 472, 101, 40],
      ['缴费起止年月', 611, 487, 140, 42],
      ['月数', 794, 499, 56, 38],
      ['杭州新锐物流有限公司', 321, 517, 230, 47],
      ['201806-202106', 594, 536, 169, 42],
      ['37', 801, 550, 35, 32],
      ['杭州北山科技有限公司', 319, 566, 229, 45],
      ['201601-201712', 595, 584, 166, 40],
      ['24', 798, 598, 36, 31],
      ['合计：61个月', 287, 625, 157, 44],
    ];
    const doc = extractDocuments([page(lines, { width: 1391, height: 1850 })], { today: TODAY })[0];
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('林婉芳');
    expect(doc.fields.personName.needsReview).toBe(true);
    expect(doc.fields.personName.issues).toContain('value_off_row_inferred');
  });
});

describe('a record’s table says nothing of its header’s fill-in offset', () => {
  it('reads a digital record whose header fill-in is printed a row high, its table of periods as printed', () => {
    // Spread labels `参　保　人`, `性　别`; each header value nearly a row above its label; the table under its heading
    // row (序号 … 险种, `起始年月` and `截止年月` no labels of ours) printed true.
    const lines: Line[] = [
      ['杭州市社会保险参保缴费证明（个人）', 449, 126, 755, 56],
      ['参', 165, 241, 31, 38],
      ['保', 226, 241, 31, 38],
      ['人', 288, 241, 31, 38],
      ['身份证号码', 165, 316, 153, 38],
      ['参保状态', 165, 394, 153, 38],
      ['性', 165, 469, 31, 38],
      ['别', 288, 469, 31, 38],
      ['序号', 185, 580, 55, 35],
      ['单位名称', 410, 580, 110, 35],
      ['起始年月', 693, 580, 110, 35],
      ['截止年月', 850, 580, 110, 35],
      ['缴费月数', 1007, 580, 110, 35],
      ['险种', 1286, 580, 55, 35],
      ['1', 205, 645, 14, 35],
      ['杭州云栖网络科技有限公司', 300, 645, 330, 35],
      ['201207', 699, 645, 99, 35],
      ['201408', 856, 645, 99, 35],
      ['26', 1050, 645, 33, 35],
      ['企业职工基本养老保险', 1176, 645, 275, 35],
      ['2', 205, 709, 14, 35],
      ['杭州之江机械制造有限公司', 300, 709, 330, 35],
      ['201410', 699, 709, 99, 35],
      ['202106', 856, 709, 99, 35],
      ['81', 1045, 709, 33, 35],
      ['企业职工基本养老保险', 1176, 709, 275, 35],
      ['合计：107个月', 165, 791, 208, 38],
      ['邵梅欣', 350, 177, 92, 38],
      ['330106198803072398', 350, 254, 330, 38],
      ['参保缴费', 350, 329, 122, 38],
      ['男', 350, 406, 31, 38],
    ];
    const doc = extractDocuments([page(lines)], { today: TODAY })[0];
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('邵梅欣');
    expect(doc.fields.idNumber.value).toBe('330106198803072398');
    expect(doc.fields.monthsPaid.value).toBe(107);
    expect(doc.fields.employerName.value).toBe('杭州之江机械制造有限公司');
  });
});

describe('a party written after a leader that wrapped its cell', () => {
  const contract = (third: Line[]): Line[] => [
    ['劳动合同书', 637, 170, 362, 58],
    ['甲方（用人单位）名称', 161, 307, 347, 35],
    ['杭州松涛机械制造有限公司', 126, 369, 416, 36],
    ['乙 方', 126, 651, 77, 35],
    ['－－－－－－', 331, 651, 208, 35],
    ['－－－－－－', 331, 697, 208, 35],
    ...third,
    ['身　份　证　号　码', 581, 651, 312, 35],
    ['340104200202120832', 1203, 673, 312, 36],
    ['签订日期：2021-08-23', 126, 1522, 352, 35],
  ];

  it('reads the employee after the leader’s last piece (`乙 方` | `－－－` / `－－－` / `－` `柯敏`), flagged', () => {
    const doc = extractDocuments(
      [
        page(
          contract([
            ['－', 331, 744, 35, 35],
            ['柯敏', 366, 761, 69, 36],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.employeeName.value).toBe('柯敏');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('takes nothing after the leader when the line after its last piece is no whole name', () => {
    const doc = extractDocuments(
      [
        page(
          contract([
            ['－', 331, 744, 35, 35],
            ['（签字）', 366, 761, 140, 36],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.employeeName?.value ?? null).toBeNull();
  });
});

describe('a term’s date printed over its label in the label’s column', () => {
  const contract = (startLine: Line): Line[] => [
    ['劳动合同（简易版）', 421, 117, 792, 75],
    ['甲　　　　　　方：', 189, 272, 300, 35],
    ['杭州青藤信息技术有限公司', 520, 272, 420, 33],
    ['劳动者姓名：', 189, 668, 200, 35],
    ['俞思红', 520, 648, 100, 33],
    ['联　系　电　话：', 189, 741, 267, 35],
    ['18609955176', 520, 721, 204, 33],
    ['合同起始日期：', 189, 858, 233, 35],
    ['合同终止日期：', 765, 858, 233, 35],
    ['2021年10月3日', 1235, 837, 230, 35],
    startLine,
    ['签订日期：2020年9月27日', 189, 1316, 383, 35],
  ];

  it('reads `2020.10.04` set over `合同起始日期：`, nearer the row above, as the start, flagged', () => {
    const doc = extractDocuments([page(contract(['2020.10.04', 189, 792, 167, 35]))], { today: TODAY })[0];
    expect(doc.fields.startDate.value).toBe('2020-10-04');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.endDate.value).toBe('2021-10-03');
  });

  it('takes no date set more than two of the label’s heights off its row', () => {
    const doc = extractDocuments([page(contract(['2020.10.04', 189, 600, 167, 35]))], { today: TODAY })[0];
    expect(doc.fields.startDate?.value ?? null).toBeNull();
  });
});
