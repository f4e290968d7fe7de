import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { wrapOfLeftColumn } from '../../shared/extraction/left-column-wraps.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { residentId } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12, classes 3 and 6: run-on prose cuts a value at the text's right edge and goes on at the margin. When the
// rows in between hold another value's wrapped lines (an address set in a block indented from the margin), the name
// goes on at the margin further down, not in the address's wrap (a digital sample read `韩飞` for a three-character
// name, flagged). Constructed lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';
const ID = residentId('19850612', '330104', '217');

const contract = (afterAddress: readonly Line[]): Line[] => [
  ['劳动合同（简易版）', 502, 216, 633, 56],
  ['甲　　　　　方：', 173, 368, 474, 36],
  ['杭州南屏文化传媒有限公司', 729, 368, 440, 36],
  ['；法　人　代　表：陈建国；地　　　　　址：', 637, 533, 843, 36],
  ['浙江省杭州市上城区望江街道秋涛路318号', 212, 616, 700, 38],
  ['；受　　聘　　人：', 950, 616, 399, 36],
  ['郑雨', 1399, 616, 81, 36],
  ...afterAddress,
  [`；居民身份证号码：${ID}`, 259, 783, 1100, 36],
  ['15261116158 ；合　同　类　型：无固定期限；合同起始日期：', 190, 866, 1109, 38],
  ['2019年', 1363, 866, 117, 38],
  ['10月13日', 173, 947, 152, 38],
  ['；工　作　岗　位：', 891, 947, 325, 36],
  ['保育员', 1264, 947, 108, 36],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 173, 1052, 996, 33],
  ['签订日期：2019年10月8日', 173, 1400, 500, 36],
];

describe('a name cut at the right edge, going on at the margin past another value wrapped in its block', () => {
  it('reads the name whole, with its last character from the margin, for the clerk to confirm', () => {
    const doc = extractDocuments(
      [
        page(
          contract([
            ['钱江国际中心1幢12层607室', 212, 699, 481, 38],
            ['桐', 173, 783, 36, 36],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('郑雨桐');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('takes a last character that could start a label (`文` of 文化程度) when a whole label follows it on its row', () => {
    const doc = extractDocuments(
      [
        page(
          contract([
            ['钱江国际中心1幢12层607室', 212, 699, 481, 38],
            ['文', 173, 783, 36, 36],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.employeeName.value).toBe('郑雨文');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('never takes the wrapped address line as the rest of the name', () => {
    const doc = extractDocuments([page(contract([['钱江国际中心1幢12层607室', 212, 699, 481, 38]]))], { today: TODAY })[0];
    expect(doc.fields.employeeName.value ?? '').not.toContain('钱江');
  });
});

describe('a value cut at the right edge, going on in a margin box that runs the whole row', () => {
  // The engine boxed the next row whole: the address's last part, then `，经营范围：` and the scope. What goes on is
  // the text before that label.
  const licence = (next: Line): Line[] => [
    ['证照编号：58203316647205181', 963, 132, 497, 41],
    ['统一社会信用代码', 125, 175, 282, 40],
    ['营业执照', 481, 223, 637, 111],
    ['名称：　杭州南屏茶艺文化有限公司', 144, 462, 852, 50],
    ['，类型：有限责任公司', 996, 465, 509, 46],
    ['经营期限：2015年3月9日至长期', 149, 628, 600, 40],
    ['，住所：浙江省杭州市上城区望江街道', 787, 625, 719, 44],
    next,
    ['开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；职业', 150, 787, 1357, 43],
    ['登记机关：', 1235, 1109, 161, 48],
    ['二〇一五年三月九日', 1124, 1171, 381, 46],
  ];

  it('reads the address with the margin text before the label, for the clerk to confirm', () => {
    const doc = extractDocuments([page(licence(['秋涛路318号钱江国际中心3幢1207室，经营范围：一般项目：技术服务、技术', 151, 709, 1355, 36]))], {
      today: TODAY,
    })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区望江街道秋涛路318号钱江国际中心3幢1207室');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe('a value cut at the edge of a justified block that one line of another row sticks out past', () => {
  // Labels and values run on in rows; `注册资本…` runs past the block's right edge, where the address and the
  // scope's lines end. The address goes on at the margin, before the next label.
  const wideRowLicence: Line[] = [
    ['注册号　330102091842273', 150, 129, 367, 33],
    ['营业执照', 527, 215, 561, 115],
    ['名称', 134, 479, 62, 31],
    ['杭州南屏茶艺文化有限公司', 253, 479, 400, 31],
    ['类型', 807, 479, 124, 31],
    ['有限责任公司(自然人投资或控股)', 997, 479, 457, 33],
    ['成立日期', 134, 550, 131, 31],
    ['2011年4月12日', 326, 550, 220, 33],
    ['法人代表', 626, 550, 198, 31],
    ['陈建国', 894, 550, 97, 31],
    ['注册资本200万元人民币', 1061, 550, 520, 33],
    ['营业期限', 134, 621, 122, 31],
    ['2011年4月12日至2031年4月11日', 303, 621, 482, 33],
    ['住所', 832, 621, 122, 31],
    ['浙江省杭州市上城区望江街道秋涛路318', 979, 621, 540, 33],
    ['号钱江国际中心3幢12层1207室', 134, 690, 470, 33],
    ['许可经营项目', 700, 690, 249, 31],
    ['一般项目：技术服务、技术开发、技术', 989, 690, 530, 33],
    ['咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；职业技能培训（不含需取得许', 134, 761, 1386, 33],
    ['可的培训）；人力资源服务（不含职业中介活动、劳务派遣服务）；家政服务；养老服务；餐饮管理；日', 134, 831, 1386, 33],
    ['登记机关：', 1289, 1104, 153, 33],
    ['发照日期：2011.04.20', 1211, 1161, 309, 33],
  ];

  it('reads the address with its end at the margin, for the clerk to confirm', () => {
    const doc = extractDocuments([page(wideRowLicence)], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区望江街道秋涛路318号钱江国际中心3幢12层1207室');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe('a value in the right of two label/value columns, beside a left value that wraps back to the margin', () => {
  // The scope (经营范围, left column) wraps under its label; the address (住所, right column) ends its line at the
  // page's right edge. The margin line under the row is the scope's, ending inside the left column: never the rest
  // of the address (the default eval set read `…1405室技术交流`, flagged).
  const twoColumnLicence = (scopeRow: string, scopeWrap: Line): Line[] => [
    ['统一社会信用代码', 157, 167, 278, 35],
    ['91330106MA2H4K7N3W', 157, 217, 380, 37],
    ['营业执照', 889, 202, 520, 100],
    ['（副　本）', 1083, 340, 174, 35],
    ['名　称', 189, 515, 77, 37],
    ['杭州明远电子商务有限公司', 415, 515, 416, 35],
    ['注册资本', 1228, 515, 139, 35],
    ['3000万元人民币', 1454, 515, 251, 37],
    ['类　型', 189, 582, 77, 37],
    ['有限责任公司(自然人投资或控股)', 415, 582, 509, 37],
    ['成立日期', 1228, 582, 139, 35],
    ['2018年05月11日', 1454, 582, 258, 37],
    ['法定代表人', 189, 649, 174, 35],
    ['孙立', 415, 649, 69, 35],
    ['营业期限', 1228, 649, 139, 35],
    ['2018年05月11日至长期', 1454, 649, 362, 37],
    ['经营范围', 189, 717, 139, 35],
    [scopeRow, 415, 717, 694, 36],
    ['住　所', 1228, 717, 77, 37],
    ['浙江省杭州市西湖区文一路118号3幢702室', 1454, 717, 694, 37],
    scopeWrap,
    ['务；职业技能培训（不含需取得许可的培训）（除依法须经批', 189, 817, 920, 36],
    ['准的项目外，凭营业执照依法自主开展经营活动）。', 189, 867, 781, 35],
    ['登记机关', 1904, 1357, 139, 35],
    ['2018年05月15日', 1844, 1407, 258, 37],
  ];

  it('reads the address without the scope line at the margin, under a scope cut on a listing separator', () => {
    const doc = extractDocuments(
      [
        page(twoColumnLicence('一般项目：技术服务、技术开发、技术咨询、', ['技术交流、技术转让、技术推广；软件开发；信息系统集成服', 189, 767, 937, 36]), {
          width: 2339,
          height: 1653,
        }),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文一路118号3幢702室');
  });

  it('reads it alone too when the scope line at the margin ends flush with the scope above it', () => {
    const doc = extractDocuments(
      [
        page(twoColumnLicence('一般项目：技术服务、技术开发、技术咨询', ['技术交流、技术转让、技术推广；软件开发；信息系统集成', 189, 767, 920, 36]), {
          width: 2339,
          height: 1653,
        }),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文一路118号3幢702室');
  });
});

describe('a date in a sentence that wraps back to the margin, beside a value cut on a comma', () => {
  // Fill-in-the-blank prose: `甲方：杭州…公司，合同期限自 2019年` ends its row and the date goes on at the margin
  // (`4月4日`), where the sentence goes on too (`起至…`). The comma after the company is prose, not a listing in a
  // left column: the margin line is the date's end (a held-out sample lost a start and an end date to the
  // two-column rule before this guard).
  const prose: Line[] = [
    ['劳动合同书', 640, 200, 360, 60],
    ['甲方（用人单位）：', 150, 400, 330, 38],
    ['杭州明远电子商务有限公司，', 490, 400, 480, 38],
    ['合同期限自', 980, 400, 190, 38],
    ['2019年', 1180, 400, 110, 38],
    ['4月4日', 150, 460, 110, 38],
    ['起至', 270, 460, 80, 38],
    ['2022年4月3日', 360, 460, 220, 38],
    ['止。乙方（劳动者）：', 590, 460, 370, 38],
    ['孙立', 970, 460, 80, 38],
    ['，身份证号码：', 1060, 460, 250, 38],
    [ID, 150, 520, 380, 38],
    ['甲方（盖章）', 150, 700, 220, 38],
    ['乙方（签字）', 900, 700, 220, 38],
    ['签订日期：2019年4月2日', 150, 760, 420, 38],
  ];

  it('joins the margin line to the date that ends the row above it', () => {
    const doc = extractDocuments([page(prose)], { today: TODAY })[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-04-04');
  });

  it('never takes the margin line for the left value’s wrap when the sentence goes on along its row', () => {
    const { lines } = buildPageLayout(page(prose));
    const line = (text: string) => lines.find((l) => l.text === text)!;
    expect(wrapOfLeftColumn(lines, line('4月4日'), line('2019年'), 38)).toBe(false);
    // The same margin line alone on its row, under a value cut on a comma: a left column's wrap.
    const alone = buildPageLayout(
      page(prose.filter(([text]) => !['起至', '2022年4月3日', '止。乙方（劳动者）：', '孙立', '，身份证号码：'].includes(text))),
    ).lines;
    const lineOf = (text: string) => alone.find((l) => l.text === text)!;
    expect(wrapOfLeftColumn(alone, lineOf('4月4日'), lineOf('2019年'), 38)).toBe(true);
  });
});
