import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { WRAP_JOINED } from '../../shared/extraction/values-cut-by-wraps.js';
import { enginePage, type Line } from './support/text-lines.js';

// A value cut by the wrap of run-on prose: its head ends a row that runs to the paragraph's right margin, its rest
// opens the row under (`参保人俞` | `阳明，…`, `名称：茶叶` | `加工、…`, `2020-03-2` | `7；`). Pages rebuilt from the
// geometry of seen proc-R files (seed 10311, the generator's `run-on:value-cut-by-wrap:*`) with values of their own.
// No held-out file is read.

const TODAY = '2026-12-07';
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines, { confidence: 0.98 })], { today: TODAY })[0];

const record = (person: readonly Line[]): Line[] => [
  ['社会保险个人参保证明', 589, 166, 474, 56],
  ...person,
  ['序号', 205, 581, 71, 43],
  ['缴费单位', 481, 582, 122, 42],
  ['缴费起止年月', 859, 586, 170, 35],
  ['险种', 1243, 580, 73, 47],
  ['1', 228, 654, 25, 32],
  ['杭州紫金餐饮管理股份有限公司', 349, 652, 386, 31],
  ['2014-02—2015-08', 833, 653, 225, 31],
  ['养老保险', 1220, 648, 120, 42],
  ['实际缴费月数合计 19月', 187, 862, 345, 40],
  ['杭州市社会保险事业管理中心', 187, 996, 405, 42],
];

describe('a value cut by the wrap of run-on prose', () => {
  it('reads a name whose one character ends a row at the margin with the two that open the next, flagged', () => {
    const doc = read(
      record([
        ['经核实，情况如下：参保人方', 249, 299, 462, 38],
        ['雨欣，公民身份号码：3625021990', 248, 349, 461, 43],
        ['06268740，参保状态正常参保，', 246, 404, 418, 42],
        ['性别：女特此证明。', 246, 459, 294, 42],
      ]),
    );
    expect(doc.fields.personName.value).toBe('方雨欣');
    expect(doc.fields.personName.needsReview).toBe(true);
    expect(doc.fields.personName.issues).toContain(WRAP_JOINED);
  });

  it('reads a name whose last character opens the next row before a comma, never the name cut short', () => {
    const doc = read([
      ['中华人民共和国特种作业操作证', 345, 238, 583, 55],
      ['根据有关规定，现登记如下：姓名余涵', 246, 328, 347, 34],
      ['丽，现性别女，公民身份号码3301051', 244, 359, 341, 35],
      ['99711071628。特此证明', 242, 394, 228, 31],
      ['作业类别：制冷与空调作业', 281, 451, 300, 30],
      ['证书编号：T330105199711071628', 279, 521, 455, 32],
      ['杭州市应急管理局', 289, 600, 222, 29],
      ['颁证日期：2021年04月18日', 236, 684, 253, 28],
    ]);
    expect(doc.fields.holderName.value).toBe('余涵丽');
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('reads a letter’s appointee whose spread label and name end a row, the name’s last character opening the next', () => {
    const doc = read([
      ['聘书', 720, 200, 200, 80],
      ['经研究决定，现将有关事项通知如下：', 240, 330, 660, 44],
      ['受', 240, 400, 40, 44],
      ['聘', 330, 400, 40, 44],
      ['人：', 420, 400, 70, 44],
      ['余涵', 820, 400, 80, 44],
      ['丽，为我单位养老护理员，聘期自2023年3月', 240, 470, 662, 44],
      ['1日至2026年2月28日止。', 240, 540, 400, 44],
      ['聘任单位：杭州明湖家政服务有限公司', 700, 900, 600, 44],
      ['2023年2月20日', 800, 970, 300, 44],
    ]);
    expect(doc.type).toBe('employment_letter');
    expect(doc.fields.employeeName.value).toBe('余涵丽');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('reads an occupation whose rest opens the next row up to its separator', () => {
    const doc = read([
      ['专项职业能力证书', 520, 205, 708, 66],
      ['持证人邓鸣欣。', 296, 341, 283, 45],
      ['性别：女', 298, 407, 146, 47],
      ['本人身份证号码330110198009219481；', 301, 478, 567, 46],
      ['根据有关规定，现登记如下：专项能力名称：茶叶', 236, 576, 727, 41],
      ['加工、证书号ZX20193301604975、颁证日期为2', 236, 628, 717, 41],
      ['019.11.26特此证明', 232, 678, 285, 43],
      ['发证机关：杭州市西湖区人力资源和社会保障局', 856, 802, 700, 46],
    ]);
    expect(doc.fields.occupation.value).toBe('茶叶加工');
    expect(doc.fields.occupation.needsReview).toBe(true);
  });

  it('reads a date cut inside its day when the row over it shows the paragraph’s edge', () => {
    const doc = read([
      ['劳动合同', 673, 179, 290, 69],
      ['甲方：杭州恒信物流有限公司；', 254, 323, 385, 45],
      ['统一社会信用代码91330106MA21HNKHRF；', 181, 387, 620, 45],
      ['乙方（劳动者）姓名：夏侯玲', 181, 449, 380, 50],
      ['居民身份证号码：421002196803313572', 256, 912, 520, 46],
      ['合同期限自2018.03.2', 258, 1174, 366, 47],
      ['8。合同期限至:2020-03-2', 175, 1238, 465, 45],
      ['7;', 174, 1298, 71, 50],
      ['工作岗位：汽车维修工', 258, 1374, 342, 45],
      ['签订日期：2018年03月18日', 180, 1600, 434, 45],
    ]);
    expect(doc.fields.endDate.value).toBe('2020-03-27');
    expect(doc.fields.endDate.needsReview).toBe(true);
  });

  it('reads a branch’s name whose rest is the whole last row of its pair’s paragraph', () => {
    const doc = read([
      ['编号：17735725417', 1157, 92, 312, 40],
      ['营业执照', 580, 216, 455, 87],
      ['统一社会信用代码：91330106MA', 275, 399, 494, 45],
      ['2DM962NW（1-1）', 202, 456, 279, 48],
      ['名称：杭州明湖电子商务有限', 277, 522, 490, 45],
      ['公司古墩路分公司', 206, 582, 289, 40],
      ['类型：有限责任公司分公司（自', 278, 648, 467, 40],
      ['然人投资或控股）', 204, 699, 271, 47],
      ['负责人：范秀', 275, 767, 259, 45],
      ['成立日期2014年8月16日', 276, 825, 400, 41],
      ['营业场所：浙江省杭州市西湖区古墩路30号', 278, 942, 480, 41],
    ]);
    expect(doc.fields.companyName.value).toBe('杭州明湖电子商务有限公司古墩路分公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });

  it('takes nothing from the next row when the value’s row ended short of the paragraph’s margin', () => {
    const doc = read(
      record([
        ['经核实，情况如下：', 249, 249, 238, 38],
        ['参保人姓名：方雨', 249, 299, 240, 38],
        ['欣，公民身份号码：362502199006268740，参保状态正常', 248, 349, 600, 43],
        ['参保，性别：女特此证明。', 246, 404, 380, 42],
      ]),
    );
    expect(doc.fields.personName.value).not.toBe('方雨欣');
  });

  it('takes no word of the next clause into a name that ends its row at the margin', () => {
    const doc = read(
      record([
        ['经核实，情况如下：参保人方雨欣', 249, 299, 462, 38],
        ['其公民身份号码：362502199006', 248, 349, 461, 43],
        ['268740，参保状态正常参保，', 246, 404, 418, 42],
        ['性别：女特此证明。', 246, 459, 294, 42],
      ]),
    );
    expect(doc.fields.personName.value).toBe('方雨欣');
  });

  it('takes no digits into a date written whole at the margin', () => {
    const doc = read([
      ['劳动合同', 673, 179, 290, 69],
      ['甲方：杭州恒信物流有限公司；', 254, 323, 385, 45],
      ['乙方（劳动者）姓名：夏侯玲', 181, 449, 380, 50],
      ['居民身份证号码：421002196803313572', 256, 912, 520, 46],
      ['合同期限自2018年3月28日，合同期限至:2020-3-2', 175, 1174, 620, 47],
      ['2021年起另行约定，工作岗位：汽车维修工，合同', 175, 1238, 615, 45],
      ['一式两份。', 174, 1298, 160, 50],
      ['签订日期：2018年03月18日', 180, 1600, 434, 45],
    ]);
    expect(doc.fields.endDate.value).toBe('2020-03-02');
  });
});
