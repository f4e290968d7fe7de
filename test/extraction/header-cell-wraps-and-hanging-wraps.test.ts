import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { textLayerPage, enginePage, type Line } from './support/text-lines.js';

// Issue 12/19 (wrap34): classes the lead saw on held-out records and licences, rebuilt as constructed lines with values
// of their own (no held-out file was opened):
// - a record's table whose header labels wrap in their narrow cells (`社会保障` over `号码`, `参保单位` over `名称`) over
//   values that wrap two or three lines down their cells (an ID `33010619` | `85081200` | `27`), each cell's lines
//   centred in its row;
// - a flowing licence whose value, boxed apart from its label, wraps back under the label's start (`名称` `杭州市西湖区`
//   | `西溪文化创意` | `经营部`, the wraps flush with `名称`);
// - a wrap that runs on into the next label glued to it (`西溪文化创意` | `经营部类型个体工商户`).

const TODAY = '2026-12-07';

/** A record whose table header wraps in its cells; `id` the ID's lines down its cell (a row 500–610 high). */
const record = (id: Line[]): Line[] => [
  ['社会保险个人参保证明', 560, 200, 520, 55],
  ['序号', 160, 420, 60, 30],
  ['姓名', 290, 420, 60, 30],
  ['社会保障', 430, 402, 120, 30],
  ['号码', 460, 438, 60, 30],
  ['参保单位', 650, 402, 120, 30],
  ['名称', 680, 438, 60, 30],
  ['缴费起止', 880, 402, 120, 30],
  ['年月', 910, 438, 60, 30],
  ['缴费', 1080, 402, 60, 30],
  ['月数', 1080, 438, 60, 30],
  ['1', 180, 540, 16, 30],
  ['欧阳雪', 270, 520, 95, 30],
  ['梅', 270, 560, 32, 30],
  ...id,
  ['杭州智联信', 625, 500, 165, 30],
  ['息技术有限', 625, 540, 165, 30],
  ['公司', 625, 580, 66, 30],
  ['2014-12至', 860, 520, 150, 30],
  ['2017-06', 860, 560, 110, 30],
  ['31', 1090, 540, 32, 30],
];

describe('a record table whose header labels and values wrap in narrow cells', () => {
  const doc = extractDocuments(
    [
      textLayerPage(
        record([
          ['33010619', 425, 500, 130, 30],
          ['85081200', 425, 540, 130, 30],
          ['27', 425, 580, 33, 30],
        ]),
      ),
    ],
    { today: TODAY },
  )[0];

  it('reads the name under `姓名`, never the piece `号码` of the label beside it', () => {
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('欧阳雪梅');
  });

  it('reads an ID wrapped three lines down its cell under `社会保障` / `号码` whole', () => {
    expect(doc.fields.idNumber.value).toBe('330106198508120027');
  });

  it('reads the row’s employer wrapped over three full lines of its cell, the span and the months', () => {
    expect(doc.fields.employerName.value).toBe('杭州智联信息技术有限公司');
    expect(doc.fields.periodStart.value).toBe('2014-12');
    expect(doc.fields.periodEnd.value).toBe('2017-06');
    expect(doc.fields.monthsPaid.value).toBe(31);
  });

  it('reads an ID wrapped two lines down its cell as before', () => {
    const two = extractDocuments(
      [
        textLayerPage(
          record([
            ['330106198', 415, 520, 150, 30],
            ['508120027', 415, 560, 150, 30],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(two.fields.idNumber.value).toBe('330106198508120027');
    expect(two.fields.employerName.value).toBe('杭州智联信息技术有限公司');
  });
});

describe('a certificate’s header row whose labels and values wrap in narrow cells', () => {
  const lines: Line[] = [
    ['职业技能等级证书', 560, 200, 520, 60],
    ['姓名', 170, 420, 60, 30],
    ['身份证件', 330, 402, 120, 30],
    ['号码', 360, 438, 60, 30],
    ['职业', 560, 402, 60, 30],
    ['名称', 560, 438, 60, 30],
    ['技能', 740, 402, 60, 30],
    ['等级', 740, 438, 60, 30],
    ['证书编号', 890, 420, 120, 30],
    ['发证', 1110, 402, 60, 30],
    ['日期', 1110, 438, 60, 30],
    ['欧阳雪', 150, 520, 95, 30],
    ['梅', 150, 560, 32, 30],
    ['33010619', 325, 500, 130, 30],
    ['85081200', 325, 540, 130, 30],
    ['27', 325, 580, 33, 30],
    ['育婴员', 545, 540, 95, 30],
    ['四级/中', 720, 520, 110, 30],
    ['级工', 740, 560, 60, 30],
    ['16330176', 880, 520, 140, 30],
    ['14234652', 880, 560, 140, 30],
    ['2019年5', 1080, 520, 120, 30],
    ['月20日', 1090, 560, 90, 30],
    ['发证机构：杭州市职业技能鉴定指导中心', 700, 800, 600, 34],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the occupation under `职业` / `名称`, never the piece `技能` of the label beside it', () => {
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('育婴员');
    expect(doc.fields.holderName.value).toBe('欧阳雪梅');
    expect(doc.fields.idNumber.value).toBe('330106198508120027');
  });

  it('reads a number and a date wrapped down their cells whole, each cell’s lines alone', () => {
    expect(doc.fields.certificateNumber.value).toBe('1633017614234652');
    expect(doc.fields.issueDate.value).toBe('2019-05-20');
  });
});

/** A licence whose labels stand at the left margin, values after them; `name` the name's lines. */
const licence = (
  name: Line[],
  address: Line[] = [
    ['经营场所浙江省杭州市', 200, 720, 360, 36],
    ['西湖区文三路100号', 200, 766, 330, 36],
    ['3幢502室', 200, 812, 150, 36],
  ],
): Line[] => [
  ['营业执照', 600, 200, 400, 80],
  ['统一社会信用代码92330106MA2H3K7X4B', 200, 380, 620, 36],
  ...name,
  ['经营者王晓明', 200, 660, 216, 36],
  ...address,
  ['组成形式个人经营', 200, 870, 288, 36],
  ['注册日期2015年03月01日', 200, 930, 400, 36],
  ['经营范围服装零售；日用', 200, 990, 396, 36],
  ['百货销售。', 200, 1036, 180, 36],
  ['登记机关', 1100, 1300, 144, 36],
  ['2015年03月01日', 1100, 1350, 260, 36],
];

describe('a flowing licence whose values wrap back under their labels’ start', () => {
  const hanging = licence(
    [
      ['名称', 200, 450, 72, 36],
      ['杭州市西湖区', 330, 450, 216, 36],
      ['西溪文化创意', 200, 496, 216, 36],
      ['经营部', 200, 542, 108, 36],
      ['类型个体工商户', 200, 600, 252, 36],
    ],
    [
      ['经营场所', 200, 720, 144, 36],
      ['浙江省杭州市', 330, 720, 216, 36],
      ['西湖区文三路100号', 200, 766, 330, 36],
      ['3幢502室', 200, 812, 150, 36],
    ],
  );

  it('reads a name boxed apart from `名称` with its wraps under the label, stopped at `类型`, for the clerk to confirm', () => {
    for (const page of [textLayerPage(hanging), enginePage(hanging)]) {
      const doc = extractDocuments([page], { today: TODAY })[0];
      expect(doc.type).toBe('business_license');
      expect(doc.fields.companyName.value).toBe('杭州市西湖区西溪文化创意经营部');
      expect(doc.fields.companyName.needsReview).toBe(true);
    }
  });

  it('reads an address so wrapped whole, up to the next label’s row', () => {
    const doc = extractDocuments([textLayerPage(hanging)], { today: TODAY })[0];
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路100号3幢502室');
    expect(doc.fields.legalRepresentative.value).toBe('王晓明');
  });

  it('ends a name at the next label glued to its last wrap (`经营部类型个体工商户`), flagged', () => {
    const doc = extractDocuments(
      [
        textLayerPage(
          licence([
            ['名称杭州市西湖区', 200, 450, 288, 36],
            ['西溪文化创意', 200, 496, 216, 36],
            ['经营部类型个体工商户', 200, 542, 360, 36],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.companyName.value).toBe('杭州市西湖区西溪文化创意经营部');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });

  it('still reads a value glued to its label and wrapped under it unflagged, as before', () => {
    const doc = extractDocuments(
      [
        textLayerPage(
          licence([
            ['名称杭州市西湖区', 200, 450, 288, 36],
            ['西溪文化创意', 200, 496, 216, 36],
            ['经营部', 200, 542, 108, 36],
            ['类型个体工商户', 200, 600, 252, 36],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.companyName.value).toBe('杭州市西湖区西溪文化创意经营部');
    expect(doc.fields.companyName.needsReview).toBe(false);
  });
});

describe('labels of a label column stacked tight', () => {
  it('are not joined as one wrapped header label (`统一社会信用代码` over `名称`, each with its value beside it)', () => {
    const lines: Line[] = [
      ['营业执照', 1003, 242, 417, 101],
      ['统一社会信用代码', 203, 419, 240, 54],
      ['91330106MA2C8WJ630', 684, 420, 420, 54],
      ['名称', 201, 479, 103, 53],
      ['杭州云栖电气设备有限公司', 681, 480, 528, 56],
      ['法定代表人', 196, 560, 180, 53],
      ['程立群', 668, 560, 110, 50],
    ];
    const doc = extractDocuments([textLayerPage(lines, { width: 2400, height: 1746 })], { today: TODAY })[0];
    expect(doc.fields.companyName.value).toBe('杭州云栖电气设备有限公司');
  });
});

describe('a record whose rows print their spans as two months run together', () => {
  // `201207201408` under `缴费起止年月` is the row's span (a year), never a number wrapped down a cell: the employer
  // of the row under it is no wrap of the one over it.
  const doc = extractDocuments(
    [
      enginePage([
        ['参保人员缴费情况表', 503, 229, 238, 37],
        ['参保人吴一鸣', 300, 294, 160, 36],
        ['公民身份号码', 640, 296, 130, 32],
        ['330106199204152526', 777, 284, 226, 30],
        ['缴费单位', 332, 413, 82, 33],
        ['缴费起止年月', 540, 413, 140, 33],
        ['月数', 723, 414, 44, 32],
        ['险种', 860, 414, 60, 32],
        ['杭州明远文化创意有限公司', 258, 455, 229, 31],
        ['201411202109', 537, 455, 160, 30],
        ['83', 728, 456, 35, 29],
        ['企业职工基本养老保险', 800, 454, 184, 32],
        ['杭州恒远物流有限公司', 280, 498, 191, 31],
        ['201207201408', 536, 497, 159, 30],
        ['20', 731, 497, 31, 28],
        ['企业职工基本养老保险', 800, 495, 184, 31],
        ['累计缴费月数:103个月', 231, 551, 228, 33],
        ['出具日期2021年12月14日', 231, 659, 270, 29],
      ]),
    ],
    { today: TODAY },
  )[0];

  it('reads each row apart: the current employer and the whole span', () => {
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.employerName.value).toBe('杭州明远文化创意有限公司');
    expect(doc.fields.periodStart.value).toBe('2012-07');
    expect(doc.fields.periodEnd.value).toBe('2021-09');
  });
});
