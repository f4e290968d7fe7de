import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, scanPage, textLayerPage, type Line } from './support/text-lines.js';

// Values stacked over or under their labels in one cell, the page's fill-in printed 1.2–3 mm off its labels (the
// held-out `above` placement off the baseline; the seen proc-S families draw it). Each page is rebuilt on a text layer
// from the geometry of a seen proc-S digital PDF (stack23's samples), with values of its own. No eval file is read.

const TODAY = '2026-12-06';
const LANDSCAPE = { width: 2339, height: 1653 };

const read = (lines: readonly Line[], size?: { width: number; height: number }) => extractDocuments([textLayerPage(lines, size)], { today: TODAY })[0];

describe('a value stacked over its label with the fill-in printed high', () => {
  it('reads a name printed most of a line over its label, the ID beside it over its own', () => {
    // `韩立` 21 px (0.6 of a line) over `参 保 人`: more than the 0.45 of a line a value tight over its label was given.
    const doc = read([
      ['杭州市社会保险参保缴费证明（个人）', 426, 144, 802, 48],
      ['参 保 人', 173, 311, 122, 35],
      ['公民身份号码', 995, 311, 208, 35],
      ['性别', 912, 382, 69, 35],
      ['参保状态', 173, 430, 139, 35],
      ['序号', 191, 550, 62, 31],
      ['缴费单位', 428, 550, 125, 31],
      ['缴费起止年月', 767, 550, 187, 31],
      ['月数', 1030, 550, 62, 31],
      ['险种', 1263, 550, 62, 31],
      ['杭州钱江汽车维修有限公司', 303, 618, 375, 31],
      ['2020.01—2021.11', 738, 618, 246, 31],
      ['23', 1044, 618, 34, 31],
      ['企业职工基本养老保险', 1138, 618, 312, 31],
      ['杭州西城物流有限公司', 334, 689, 312, 31],
      ['2017.03—2019.07', 735, 689, 251, 31],
      ['29', 1044, 689, 34, 31],
      ['养老保险', 1232, 689, 125, 31],
      ['累计缴费月数：52个月', 173, 847, 351, 35],
      ['韩立', 173, 246, 69, 44],
      ['330106198503122138', 912, 246, 375, 44],
      ['参保缴费', 343, 417, 139, 44],
      ['杭州市社会保险事业管理中心', 173, 1036, 451, 35],
      ['二〇二一年十二月四日', 173, 1099, 347, 35],
    ]);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('韩立');
    expect(doc.fields.idNumber.value).toBe('330106198503122138');
  });

  it('reads a representative over its label level with a first-column label whose value is stacked under it', () => {
    // `周海涛` over `法定代表人` on `名　称`'s row, 900 px right of it: `名　称` has its name stacked under it and waits for
    // nothing on its row.
    const doc = read(
      [
        ['统一社会信用代码　91330106MA2B4K7Q1P', 165, 104, 657, 36],
        ['营业执照', 897, 241, 497, 89],
        ['（副本）', 1103, 346, 133, 33],
        ['名 称', 110, 454, 74, 36],
        ['杭州富春电', 110, 500, 167, 33],
        ['子商务有限', 110, 544, 167, 33],
        ['公司', 110, 589, 67, 33],
        ['周海涛', 1104, 454, 100, 33],
        ['法定代表人', 1071, 500, 167, 33],
        ['类 型', 110, 662, 74, 33],
        ['有限责任公司', 308, 706, 200, 33],
        ['(自然人投资或', 308, 752, 211, 36],
        ['控股)', 308, 798, 78, 36],
        ['注册资本', 1071, 662, 167, 33],
        ['300万元人民币', 1071, 706, 222, 36],
        ['成立日期', 110, 869, 167, 33],
        ['2015年04月12日', 308, 869, 248, 36],
        ['营业期限', 1071, 869, 167, 33],
        ['2015-04-12至长期', 1269, 869, 271, 36],
        ['住 所', 110, 942, 74, 33],
        ['浙江省杭州市西湖区', 308, 942, 300, 33],
        ['文二路88号3幢120', 308, 987, 296, 36],
        ['1室', 308, 1031, 52, 36],
        ['经 营 范 围', 110, 1104, 156, 36],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发。', 308, 1104, 1300, 35],
        ['登记机关：', 2062, 1371, 167, 35],
        ['2016.03.08', 2062, 1431, 167, 36],
      ],
      LANDSCAPE,
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('周海涛');
    expect(doc.fields.companyName.value).toBe('杭州富春电子商务有限公司');
  });

  it('reads an occupation over its label when the line over it is an ID riding up into its own label', () => {
    // `330106…` 4 px into `身 份 证 号` over it, `家政服务员技能培训` 28 px over `培 训 内 容`: the ID is its label's value,
    // no caption we do not know set over the occupation.
    const doc = read([
      ['培训合格证书', 553, 176, 523, 65],
      ['持证人姓名', 173, 392, 160, 33],
      ['性', 173, 471, 32, 33],
      ['别', 301, 471, 32, 33],
      ['身 份 证 号', 245, 551, 176, 33],
      ['培 训 内 容', 173, 709, 176, 33],
      ['培训时间', 173, 788, 128, 33],
      ['证　书　编　号', 187, 867, 224, 33],
      ['发证日期', 173, 990, 128, 33],
      ['林晓雯', 173, 332, 96, 32],
      ['女', 364, 457, 32, 32],
      ['33010619790624213X', 173, 580, 319, 32],
      ['养老护理员技能培训', 173, 649, 287, 32],
      ['2021年05月06日至二〇二一年五月十六日', 332, 772, 589, 32],
      ['PX202152827411', 173, 897, 250, 32],
      ['2021-06-03', 173, 1020, 164, 32],
      ['杭州市西湖区职业技能培训学校', 1033, 1228, 447, 33],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.holderName.value).toBe('林晓雯');
    expect(doc.fields.occupation.value).toBe('养老护理员技能培训');
  });
});

describe('a line between two rows of labels, owned by the label whose field it fits', () => {
  it('reads an issuer set between a level’s label and its own, the level stacked over the level’s label', () => {
    // `杭州明远…有限公` 50 px under `技能等级：` and 41 px over `发证机关：`: a level's label waits for a level, and has
    // its own (`三级/高级`) over it.
    const doc = read([
      ['职业技能等级证书', 491, 121, 655, 65],
      ['持证人：', 150, 303, 144, 38],
      ['性　别：', 710, 303, 144, 38],
      ['身份证号：', 150, 418, 181, 38],
      ['职业名称：', 150, 609, 181, 38],
      ['技能等级：', 941, 609, 181, 38],
      ['证　　书　　号：', 150, 774, 289, 38],
      ['发　　证　　机　　关：', 941, 774, 397, 38],
      ['许文博', 325, 327, 108, 36],
      ['男', 710, 277, 36, 36],
      ['330106198503121282', 150, 393, 361, 36],
      ['汽车维修工', 150, 583, 181, 36],
      ['三级/高级', 952, 531, 159, 38],
      ['工', 1013, 583, 36, 36],
      ['Y330106442235213316422', 470, 797, 440, 38],
      ['杭州明远家政服务有限公', 941, 697, 397, 36],
      ['司', 1122, 747, 36, 36],
      ['2021年11月13日', 1251, 918, 253, 38],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('杭州明远家政服务有限公司');
  });
});

describe('a line between two rows of labels, owned by the label whose field it fits (names)', () => {
  it('reads a representative printed high over its label, nearer the company’s label over it', () => {
    // `宋明辉` 22 px under `名称` (its own name stacked over it) and 30 px over `法定代表人`: a name of three characters
    // is no company's.
    const doc = read(
      [
        ['统一社会信用代码　91330106MA2B4K7Q1P', 118, 136, 657, 34],
        ['企业法人营业执照', 679, 223, 941, 83],
        ['（副本）', 1105, 324, 128, 32],
        ['有限责任公司(自然', 210, 436, 267, 35],
        ['杭州滨江电子设备数', 1173, 436, 287, 32],
        ['人投资或控股)', 242, 480, 203, 35],
        ['字服务有限公司', 1205, 480, 224, 32],
        ['类型', 263, 541, 160, 32],
        ['名称', 1237, 541, 160, 32],
        ['宋明辉', 1171, 595, 96, 32],
        ['实收资本', 224, 614, 160, 32],
        ['500万元人民币', 197, 639, 213, 35],
        ['法定代表人', 1171, 657, 160, 32],
        ['注册资本', 197, 730, 160, 32],
        ['500万元人民币', 388, 711, 213, 35],
        ['成 立 日 期', 1171, 730, 149, 34],
        ['2004年9月15日', 1351, 711, 218, 35],
        ['营 业 期 限', 197, 803, 149, 34],
        ['2004年9月15日至长期', 197, 828, 314, 35],
        ['浙江省杭州市西湖区古荡街道天目山路952号紫', 1171, 828, 660, 35],
        ['金港科技城创业大厦4幢5层2302室', 1171, 870, 490, 35],
        ['经营范围', 197, 961, 160, 32],
        ['一般项目：技术服务、技术开发、技术咨询。', 388, 943, 900, 32],
        ['登记机关：', 1943, 1159, 160, 32],
        ['2006年12月15日', 1904, 1218, 238, 34],
      ],
      LANDSCAPE,
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('宋明辉');
    expect(doc.fields.companyName.value).toBe('杭州滨江电子设备数字服务有限公司');
  });
});

describe('a value stacked over its label, nearer it than the label over the value', () => {
  it('reads a studio’s name over `名称`, the registrant type under `名称` nearer the type’s label under it', () => {
    // `个体工商户` 37 px under `名称` and 21 px over `类型`; the name 20 px over `名称`: every value over its label.
    const doc = read([
      ['注册号', 142, 120, 108, 38],
      ['330106863165731 (1-1)', 142, 178, 379, 38],
      ['营业执照', 581, 219, 455, 84],
      ['名称', 181, 430, 72, 38],
      ['类型', 181, 564, 72, 38],
      ['经营者', 181, 647, 108, 38],
      ['经　　　营　　　场　　　所', 181, 730, 469, 38],
      ['组 成 形 式', 181, 864, 199, 38],
      ['注册日期', 199, 1045, 144, 38],
      ['经 营 范 围', 181, 1130, 199, 38],
      ['杭州市西湖区明德家电维修服务工作室', 181, 372, 650, 38],
      ['个体工商户', 181, 505, 181, 38],
      ['韩秀兰', 682, 639, 108, 38],
      ['浙江省杭州市西湖区西溪街道紫霞街742号华星时', 682, 722, 776, 38],
      ['代广场4幢21层1907室', 682, 770, 343, 38],
      ['个人经营', 181, 903, 144, 38],
      ['2014.01.06', 181, 986, 181, 38],
      ['一般项目：技术服务、技术开发、技术咨询。', 682, 1120, 758, 38],
      ['登记机关：', 1202, 1509, 181, 38],
      ['发照日期：2015-03-25', 1111, 1574, 361, 38],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市西湖区明德家电维修服务工作室');
  });
});

describe('dates stacked on their labels in a contract whose fill-in was shifted', () => {
  it('reads no end from a start date riding down into its label, over the end’s label of an open-ended term', () => {
    // A phone photo (proc-S): `2020-11-06` riding into `合同起始日期` over it, 0.7 of a line over `合同期限至`, whose own line
    // (`无固定期限`) stands beside it. Over a label by more than 0.45 of a line, a value must be nearer it than any label
    // over it: the date is the start's alone.
    const doc = extractDocuments(
      [
        enginePage(
          [
            ['劳动合同书', 520, 220, 222, 44],
            ['用人单位', 210, 311, 90, 33],
            ['杭州之江汽车维修', 351, 298, 168, 33],
            ['股份有限公司', 353, 326, 127, 33],
            ['统一社会信用代码', 216, 383, 170, 31],
            ['91330106MA2B4K7Q1P', 216, 400, 237, 31],
            ['法害代表人', 216, 454, 111, 38],
            ['浙江省杭州市西湖区留下街道天目山路68号西湖', 361, 506, 429, 39],
            ['地址', 219, 527, 52, 34],
            ['科技园综合楼12幢11层2605室', 363, 536, 281, 36],
            ['营动姓名', 224, 596, 110, 38],
            ['吴玉清', 226, 617, 69, 34],
            ['居民身份证号码', 267, 666, 148, 33],
            ['33010619790624213X', 230, 685, 225, 33],
            ['13070337360', 369, 726, 140, 30],
            ['联系电话', 231, 739, 89, 33],
            ['无固定期限', 371, 768, 108, 33],
            ['合同类型', 234, 783, 88, 35],
            ['合同起始日期', 238, 824, 128, 35],
            ['2020-11-06', 238, 844, 118, 29],
            ['合同期限至', 241, 892, 125, 36],
            ['无固定期限', 375, 880, 108, 35],
            ['工作岗位', 243, 937, 87, 33],
            ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 251, 995, 528, 51],
            ['二、甲方依法为乙方缴纳社会保险费。', 248, 1035, 302, 41],
            ['三、本合同一式两份，甲乙双方各执一份，具有同等法律效力。', 250, 1057, 496, 50],
            ['乙方（签字）：', 661, 1144, 122, 35],
            ['甲方（盖章）：', 253, 1165, 126, 35],
            ['签订日期：2020.11.01', 256, 1201, 202, 38],
          ],
          { size: { width: 1311, height: 1743 }, confidence: 0.99, typeShare: 0.75 },
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2020-11-06');
    expect(doc.fields.endDate?.value ?? null).toBeNull();
  });

  it('reads a start date over its label when the line under the label is the next label’s date', () => {
    // `2020-11-16` 12 px over `合同期限自：`, `2022年11月15日` 32 px under it and 12 px over `合同终止日期：`: captions under
    // their values all down the form, each label waits for the line over it.
    const doc = read([
      ['劳动合同', 682, 122, 272, 56],
      ['甲方（用人单位）名称：', 150, 255, 351, 32],
      ['杭州钱江物流有限公司', 166, 299, 319, 32],
      ['91330106MA2B4K7Q1P', 150, 364, 360, 32],
      ['统一社会信用代码：', 186, 405, 287, 32],
      ['法 定 代 表 人：', 150, 470, 220, 32],
      ['何志强', 212, 514, 96, 32],
      ['地 址：', 150, 578, 103, 32],
      ['浙江省杭州市西湖区文一路66号8幢302室', 362, 578, 603, 32],
      ['劳动者姓名：', 150, 643, 192, 32],
      ['郑雨桐', 150, 684, 96, 32],
      ['身份证号码：', 150, 749, 192, 32],
      ['330106197906244565', 150, 793, 319, 32],
      ['联 系 电 话：', 150, 857, 181, 32],
      ['13812345678', 362, 857, 195, 32],
      ['固定期限', 150, 922, 128, 32],
      ['合　同　类　型：', 150, 966, 255, 32],
      ['2020-11-16', 163, 1028, 164, 32],
      ['合同期限自：', 150, 1072, 192, 32],
      ['2022年11月15日', 150, 1136, 238, 32],
      ['合同终止日期：', 157, 1180, 224, 32],
      ['工 作 岗 位：', 150, 1245, 181, 32],
      ['钳工', 362, 1245, 64, 32],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 150, 1324, 881, 29],
      ['甲方（盖章）：', 150, 1564, 208, 32],
      ['乙方（签字）：', 827, 1564, 208, 32],
      ['签订日期：2020年11月10日', 150, 1630, 397, 32],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2020-11-16');
    expect(doc.fields.endDate.value).toBe('2022-11-15');
  });

  it('reads an end date printed low under a label of the next column, not as the start date beside the first', () => {
    // `2024年12月9日` 31 px under `合同终止日期：` (second column) and as far off `合同期限自：`'s row (first column), whose
    // own date rides down into it from over it.
    const doc = read([
      ['劳动合同', 668, 132, 299, 61],
      ['用　人　单　位：', 186, 272, 278, 35],
      ['统一社会信用代码：', 757, 317, 312, 35],
      ['法定代表人：', 165, 434, 312, 35],
      ['地　　　址：', 165, 553, 208, 35],
      ['乙', 165, 669, 35, 35],
      ['方：', 408, 669, 69, 35],
      ['身份证号码：', 757, 669, 312, 35],
      ['联', 165, 788, 35, 35],
      ['系', 246, 788, 35, 35],
      ['电', 327, 788, 35, 35],
      ['话：', 408, 788, 69, 35],
      ['合', 757, 788, 35, 35],
      ['同', 838, 788, 35, 35],
      ['类', 919, 788, 35, 35],
      ['型：', 1000, 788, 69, 35],
      ['合同期限自：', 165, 959, 312, 35],
      ['合同终止日期：', 757, 913, 312, 35],
      ['工', 165, 1032, 35, 35],
      ['作', 246, 1032, 35, 35],
      ['岗', 327, 1032, 35, 35],
      ['位：', 408, 1032, 69, 35],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 165, 1170, 958, 34],
      ['浙江富阳建筑工程数', 169, 333, 312, 44],
      ['字服务有限公司', 203, 379, 243, 44],
      ['91330106MA2B4K7Q1P', 1100, 337, 388, 44],
      ['严秋生', 270, 500, 104, 44],
      ['浙江省杭州市西湖区文二路18', 405, 569, 458, 44],
      ['9号11幢502室', 405, 617, 229, 44],
      ['陈可', 165, 735, 69, 44],
      ['330106198503124563', 757, 735, 375, 44],
      ['13544003621', 207, 856, 229, 44],
      ['有固定期限', 757, 856, 174, 44],
      ['2019年12月10日', 165, 929, 271, 44],
      ['2024年12月9日', 788, 979, 250, 44],
      ['电子商务师', 235, 1100, 174, 44],
      ['甲方（盖章）：', 165, 1394, 226, 37],
      ['乙方（签字）：', 827, 1394, 226, 37],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-12-10');
    expect(doc.fields.endDate.value).toBe('2024-12-09');
  });
});

describe('a lone character under a value that ends a two-character label', () => {
  it('flags a name read with a lone `别` under it, a spread `性　别` whose `性` glare took', () => {
    // A glare photo (proc-S), as the engine boxed it: `许东` riding up into `持证人姓名` over it, the `别` of `性　别` alone
    // 24 px under it, `性` lost.
    const doc = extractDocuments(
      [
        scanPage(
          [
            ['特种作业操作证', 478, 257, 413, 58],
            ['持证人姓名', 241, 331, 146, 36],
            ['许东', 287, 355, 57, 30],
            ['别', 312, 409, 51, 30],
            ['身份证号330106198503121282', 244, 482, 356, 31],
            ['作业类别', 242, 545, 231, 35],
            ['电工作业', 492, 542, 92, 28],
            ['准操项目', 247, 595, 114, 33],
            ['低压电工作业', 248, 616, 139, 28],
            ['有效期至', 246, 668, 98, 35],
            ['2027年06月09日', 489, 661, 172, 33],
            ['证书号', 262, 719, 208, 27],
            ['T330106198503121282', 246, 738, 244, 31],
            ['颁证日期', 257, 794, 105, 31],
            ['2021-06-10', 249, 815, 124, 29],
            ['浙江省应急管理厅', 247, 920, 188, 34],
          ],
          { size: { width: 1402, height: 1865 } },
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.holderName.needsReview).toBe(true);
  });
});

describe('a name stacked over its label under a company name’s caption', () => {
  it('reads the representative over 法定代表人姓名, not handed to 名称, whose own name is stacked over it', () => {
    // proc-S licence photo (reader25, seed 9932): `杭州西溪…数字` | `服务股份有限公司` stacked over `名　称：`, then
    // `皇甫远博` 36 px under `名称` and tight over `法定代表人姓名：`, then `500万元人民币` over `注册资本`. The name
    // was taken for `名称`'s value stacked under it (null): a label owns a line stacked on it only when its field can
    // take the line (`名称` waits for a company's name, not a person's).
    const doc = extractDocuments(
      [
        enginePage(
          [
            ['注册号330106016113373（1-1）', 232, 207, 263, 24],
            ['企业法人营业执照', 318, 284, 500, 51],
            ['类', 195, 400, 22, 23],
            ['型：', 302, 399, 28, 23],
            ['其他股份有限公司', 195, 423, 148, 26],
            ['（非上市）', 235, 447, 72, 25],
            ['杭州明湖餐饮管理数字', 196, 483, 182, 27],
            ['服务股份有限公司', 198, 509, 146, 24],
            ['名', 199, 532, 22, 25],
            ['称：', 302, 531, 32, 26],
            ['欧阳立新', 198, 568, 77, 28],
            ['法定代表人姓名：', 198, 592, 136, 27],
            ['500万元人民币', 266, 626, 120, 27],
            ['注册资', 198, 649, 171, 31],
            ['本', 413, 653, 24, 19],
            ['实收资本：', 202, 688, 134, 25],
            ['500万元人民币', 201, 711, 123, 27],
            ['成立日期：', 202, 746, 137, 29],
            ['2014年12月29日', 210, 772, 129, 26],
            ['营业期限：', 205, 805, 135, 28],
            ['2014.12.29至2034年12月29日', 205, 828, 232, 28],
            ['住', 207, 867, 24, 24],
            ['所：', 310, 864, 31, 26],
            ['浙江省杭州市西湖区古荡街道天目山路900号', 209, 884, 340, 30],
            ['经营范围：一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让', 208, 933, 723, 40],
            ['登记机关：', 856, 1078, 79, 27],
            ['2015.02.15', 854, 1107, 94, 26],
          ],
          { size: { width: 1159, height: 1542 }, confidence: 0.99, typeShare: 0.75 },
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('欧阳立新');
  });
});
