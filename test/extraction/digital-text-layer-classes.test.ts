import { describe, expect, it } from 'vitest';
import { extractDocuments, validateRegistrationNumber } from '../../shared/extraction/index.js';
import { creditCode, residentId } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Digital PDFs must read every field exactly (digital24, 2026-12-06 evening). Classes found on digital-only samples of
// every seen family (seeds 9861-9869); each test builds its own text-layer lines, with the geometry of the page it was
// found on and values of its own. No eval file is read here.

const TODAY = '2026-12-06';
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

describe('a heading grid whose values stand flush left in their cells', () => {
  it('reads the name under its own label, not the value of the label left of it at the column’s edge', () => {
    // `法定代表人　乙方（劳动者）姓名　身份证号码` centred in their cells over `沈涛　程思远　<ID>`, each value at its
    // cell's left. The single-cell rows (`甲方（用人单位）名称`, `统一社会信用代码`, `地址`) centre their captions on
    // the middle label's centre with their values at the table's left edge, where the representative also starts:
    // that edge made `沈涛` the employee's (unflagged) before.
    const doc = readOne([
      ['劳动合同', 661, 171, 313, 64],
      ['①甲方（用人单位）名称', 628, 331, 397, 39],
      ['杭州明湖信息技术有限公司', 195, 410, 433, 36],
      ['②统一社会信用代码', 664, 489, 325, 36],
      [creditCode('MA2B7KQ41').split('').join(' '), 203, 572, 671, 37],
      ['③法定代表人', 283, 654, 217, 36],
      ['④乙方（劳动者）姓名', 646, 654, 361, 39],
      ['⑤身份证号码', 1153, 654, 217, 36],
      ['沈涛', 195, 733, 72, 36],
      ['程思远', 630, 733, 108, 36],
      [residentId('19910412', '330106', '274'), 1065, 733, 357, 36],
      ['⑥联系电话', 302, 812, 181, 36],
      ['⑦合同类型', 736, 812, 181, 36],
      ['⑧合同起始日期', 1135, 812, 253, 36],
      ['13905718826', 195, 891, 218, 36],
      ['固定期限', 630, 891, 145, 36],
      ['2021年3月1日', 1065, 891, 225, 37],
      ['⑨合同期限至', 283, 970, 217, 36],
      ['⑩工作岗位', 954, 970, 181, 36],
      ['2024年2月28日', 195, 1049, 243, 36],
      ['软件测试员', 630, 1049, 181, 36],
      ['⑪地址', 773, 1129, 108, 36],
      ['浙江省杭州市西湖区文三路90号东部软件园3幢501室', 195, 1208, 860, 37],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 173, 1310, 996, 36],
      ['甲方（盖章）：', 173, 1566, 235, 39],
      ['乙方（签字）：', 827, 1566, 235, 39],
      ['签订日期：2021-02-26', 173, 1637, 360, 37],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('程思远');
    expect(doc.fields.employeeIdNumber.value).toBe(residentId('19910412', '330106', '274'));
  });
});

describe('a page whose whole fill-in is printed two thirds of a row low', () => {
  it('takes the offset its codes and dates agree on, though one date also lies a third of a row over the next date label', () => {
    // Every value 52 px under its label, 27 px over the next label (pitch 79): `2019.04.08` under `合同起始日期` is
    // also the one date near `合同终止日期`, whose own value is `无固定期限`. Its pair (-27 px) broke the others'
    // agreement (+50, +50, +52), the page was read as printed and the start date read as the end too (flagged).
    const doc = readOne([
      ['劳动合同', 668, 127, 299, 77],
      ['甲', 189, 270, 33, 42],
      ['方：', 422, 270, 67, 42],
      ['统一社会信用代码：', 189, 395, 300, 42],
      ['法 定 代 表 人：', 189, 474, 240, 42],
      ['地', 189, 551, 33, 42],
      ['址：', 422, 551, 67, 42],
      ['乙', 189, 676, 33, 42],
      ['方：', 422, 676, 67, 42],
      ['居民身份证号码：', 189, 755, 300, 42],
      ['联', 189, 835, 33, 42],
      ['系', 267, 835, 33, 42],
      ['电', 345, 835, 33, 42],
      ['话：', 422, 835, 67, 42],
      ['合　　　同　　　类　　　型：', 189, 912, 467, 42],
      ['合同起始日期：', 189, 991, 300, 42],
      ['合同终止日期：', 189, 1070, 300, 42],
      ['工', 189, 1149, 33, 42],
      ['作', 267, 1149, 33, 42],
      ['岗', 345, 1149, 33, 42],
      ['位：', 422, 1149, 67, 42],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 189, 1233, 920, 39],
      ['二、甲方依法为乙方缴纳社会保险费。', 189, 1287, 521, 39],
      ['杭州云帆电子商', 693, 322, 233, 42],
      ['务有限公司', 693, 366, 167, 42],
      [creditCode('MA2C8TN65'), 693, 445, 369, 42],
      ['吕志强', 693, 524, 100, 42],
      ['浙江省杭州市西湖区转塘街道象山路51号', 693, 603, 627, 42],
      ['凤凰创意园2幢3层301室', 693, 649, 453, 42],
      ['马丽', 693, 726, 67, 42],
      [residentId('19850917', '330106', '426'), 693, 805, 360, 42],
      ['13516884270', 693, 885, 220, 42],
      ['无固定期限', 693, 964, 167, 42],
      ['2019.04.08', 693, 1043, 180, 42],
      ['无固定期限', 693, 1122, 167, 42],
      ['网络管理员', 693, 1199, 167, 42],
      ['甲方（盖章）：', 189, 1460, 233, 42],
      ['乙方（签字）：', 827, 1460, 233, 42],
      ['签订日期：2019-04-01', 189, 1540, 360, 42],
    ]);
    expect(doc.fields.startDate.value).toBe('2019-04-08');
    expect(doc.fields.startDate.needsReview).toBe(false);
    expect(doc.fields.endDate.value).toBeNull();
    expect(doc.fields.employerCreditCode.value).toBe(creditCode('MA2C8TN65'));
    expect(doc.fields.employerCreditCode.needsReview).toBe(false);
    expect(doc.fields.employeeIdNumber.needsReview).toBe(false);
  });
});

describe('an address wrapped in a narrow cell, centred on its label', () => {
  it('reads the three lines over the label’s row with the line beside it and the three under it', () => {
    // `营业场所：` on the fourth of seven lines of five to eight characters: only two lines over the label's row were
    // looked for, so the address lost its head `浙江省杭州` (flagged).
    const doc = readOne([
      ['营业执照', 527, 187, 558, 137],
      ['1. 统一社会信用代码：', 145, 461, 329, 41],
      [creditCode('MA2H4RT83'), 545, 461, 367, 41],
      ['2. 名称：', 145, 598, 136, 41],
      ['杭州青禾科技有限公司', 545, 598, 330, 41],
      ['3. 类型：', 969, 598, 136, 41],
      ['有限责任公司', 1238, 577, 190, 41],
      ['(自然人投资', 1238, 619, 171, 41],
      ['或控股)', 1238, 663, 110, 41],
      ['4. 法定代表人：', 145, 736, 230, 41],
      ['章立平', 545, 736, 97, 41],
      ['5. 成立日期：', 145, 829, 200, 41],
      ['2020-5-18', 545, 829, 150, 41],
      ['6. 注册资本：', 145, 1054, 200, 41],
      ['100万元人民币', 545, 1054, 210, 41],
      ['7. 住所：', 969, 1054, 136, 41],
      ['浙江省杭州', 1238, 923, 161, 41],
      ['市西湖区蒋', 1238, 967, 161, 41],
      ['村街道天目', 1238, 1011, 161, 41],
      ['山路398号古', 1238, 1054, 187, 41],
      ['荡科技园区', 1238, 1098, 161, 41],
      ['B座5层', 1238, 1142, 110, 41],
      ['502室', 1238, 1186, 90, 41],
      ['8. 经营范围：', 145, 1344, 220, 41],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术', 545, 1300, 872, 41],
      ['转让、技术推广；软件开发。', 545, 1344, 420, 41],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区蒋村街道天目山路398号古荡科技园区B座5层502室');
  });
});

describe('a level wrapped in a narrow cell', () => {
  it('reads no level from the wrap’s tail `级技师`, whose `技师` is the wrong half of `高级技师`', () => {
    // `一级/高` | `级技师` printed high over `职业技能等级：` (a fill-in 1–3 mm up): the tail, nearer the label's row, was
    // read alone as 技师 (level 2) where the certificate says 一级/高级技师 (level 1).
    const doc = readOne([
      ['职业技能等级证书', 475, 192, 693, 98],
      ['（持证人姓名）', 118, 406, 215, 39],
      ['性别：', 552, 401, 108, 45],
      ['公民身份号码：', 170, 469, 253, 45],
      ['职 业 名 称：', 118, 644, 213, 45],
      ['职业技能等级：', 586, 644, 253, 45],
      ['（证书编号）', 118, 877, 184, 39],
      ['发 证 机 关：', 586, 871, 213, 45],
      ['颁证日期：', 118, 1051, 181, 45],
      ['韩梅', 189, 335, 72, 36],
      ['女', 692, 381, 36, 36],
      [residentId('19960514', '330105', '382'), 118, 512, 357, 36],
      ['西式面点师', 363, 633, 181, 36],
      ['一级/高', 871, 558, 121, 38],
      ['级技师', 871, 612, 108, 36],
      ['Y330106283273211019027', 150, 806, 441, 38],
      ['杭州明远职业', 871, 860, 216, 36],
      ['技能培训学校', 871, 914, 216, 36],
      ['2022.06.15', 363, 1039, 182, 38],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.level.value).toBe(1);
  });
});

describe('a date stacked over its label under a registrant type’s label', () => {
  it('gives the date to `注册日期` under it, not to `组成形式` over it, whose value is a closed term with no digit', () => {
    // `2010-06-17` 11 px over `注　册　日　期` (its value over it) and 28 px under `组 成 形 式`, whose `家庭经营` sits
    // 31 px up beside it (a fill-in printed high): the make-up's label was a rival waiting for the date, null.
    const doc = extractDocuments(
      [
        page(
          [
            ['注册号', 118, 110, 113, 39],
            ['330106000215738 (1-1)', 118, 171, 394, 39],
            ['营业执照', 882, 215, 547, 113],
            ['（副本）', 1094, 358, 150, 39],
            ['类　　型', 150, 487, 150, 39],
            ['个体工商户', 387, 487, 188, 39],
            ['名　　称', 150, 554, 150, 39],
            ['杭州市西湖区晓风茶饮店', 387, 531, 412, 39],
            ['经营者', 150, 675, 113, 39],
            ['欧阳青', 387, 675, 113, 39],
            ['经 营 场 所', 150, 741, 206, 39],
            ['浙江省杭州市西湖区留下街道留和路318号2幢101室', 387, 741, 860, 39],
            ['组 成 形 式', 150, 860, 206, 39],
            ['家庭经营', 387, 829, 150, 39],
            ['2010-06-17', 150, 927, 188, 39],
            ['注　册　日　期', 150, 977, 263, 39],
            ['经营范围', 150, 1044, 150, 39],
            ['一般项目：餐饮管理；日用百货销售。', 387, 1044, 640, 39],
            ['登记机关：', 1908, 1333, 188, 39],
            ['发照日期：2011.03.09', 1814, 1402, 375, 39],
          ],
          { width: 2339, height: 1653 },
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.establishedDate.value).toBe('2010-06-17');
  });
});

describe('a date stacked between a start label with its date beside it and the end label under it', () => {
  it('gives the date to `合同终止日期` under it: the start label has its own date, printed two thirds of a line high', () => {
    // The fill-in printed 21 px high: `2019年3月2日` beside `合同起始日期` 0.64 of a line over its middle, and
    // `2022年3月1日` stacked over `合同终止日期` (29 px) and 16 px under the start label, which was taken to wait for
    // it (its beside value is off its baseline by more than a quarter line): the end date was null.
    const doc = readOne([
      ['劳动合同（简易版）', 404, 211, 823, 72],
      ['甲方（用人单位）名称', 197, 366, 319, 32],
      ['统一社会信用代码', 197, 561, 255, 32],
      ['法定代表人', 197, 630, 160, 32],
      ['劳动者姓名', 197, 853, 160, 32],
      ['居民身份证号码', 245, 966, 224, 32],
      ['合　同　类　型', 197, 1186, 224, 32],
      ['合同起始日期', 197, 1299, 192, 32],
      ['合同终止日期', 211, 1409, 192, 32],
      ['工　作　岗　位', 197, 1522, 224, 32],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 197, 1601, 881, 29],
      ['杭州百川网络科技', 213, 386, 256, 32],
      ['有限公司', 245, 430, 128, 32],
      [creditCode('MA2D5PL74'), 197, 499, 340, 33],
      ['周海', 229, 653, 64, 32],
      ['陆文静', 197, 876, 96, 32],
      [residentId('19900214', '330106', '528'), 197, 986, 320, 33],
      ['固定期限', 197, 1209, 128, 32],
      ['2019年3月2日', 420, 1278, 200, 33],
      ['2022年3月1日', 197, 1347, 200, 33],
      ['面包师', 197, 1457, 96, 32],
      ['甲方（盖章）：', 197, 1841, 208, 32],
      ['乙方（签字）：', 827, 1841, 208, 32],
      ['签订日期：2019-02-25', 197, 1907, 324, 32],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-03-02');
    expect(doc.fields.endDate.value).toBe('2022-03-01');
  });
});

describe('an issuer wrapped two characters a line, centred on its label', () => {
  it('reads the piece `职业` level with `发证单位` as part of the issuer, not as the occupation’s label', () => {
    // `杭州` | `之江` | `职业` | `培训` | `学校` centred on `发证单位` in a narrow column: the middle piece, a weak label's
    // word, was taken for a label, so `发证单位` saw a label beside it and read nothing.
    const doc = readOne([
      ['职业技能等级证书', 478, 216, 687, 76],
      ['持证人姓名', 163, 418, 181, 38],
      ['罗一鸣', 385, 418, 108, 38],
      ['性别', 607, 418, 72, 38],
      ['男', 720, 418, 36, 38],
      ['职业（工种）', 163, 693, 217, 38],
      ['电工', 421, 693, 72, 38],
      ['职业技能等级', 860, 693, 217, 38],
      ['三级', 1118, 668, 72, 38],
      ['（高级工）', 1118, 716, 180, 38],
      ['证书编号', 163, 943, 144, 38],
      ['S330106856292204572044', 421, 943, 397, 38],
      ['发证单位', 860, 943, 144, 38],
      ['杭州', 1118, 845, 72, 38],
      ['西溪', 1118, 893, 72, 38],
      ['职业', 1118, 943, 72, 38],
      ['技术', 1118, 991, 72, 38],
      ['学院', 1118, 1041, 72, 38],
      ['颁证日期', 163, 1120, 144, 38],
      ['2021-09-15', 421, 1120, 181, 38],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('杭州西溪职业技术学院');
    expect(doc.fields.occupation.value).toBe('电工');
  });
});

describe('a name stacked over its label under the wrapped end of the value above', () => {
  it('reads the legal representative, the type’s wrapped last line over it being no rival label', () => {
    // proc-S licence (digital24b, g9862): `其他股份有限` | `公司(非上市)` stacked under `类 型`, then `黄立新` 20 px over
    // `法定代表人姓名` and 22 px under the type's last line: that line, nearer than any label, was taken for a caption
    // we do not know waiting for the name (null).
    const doc = readOne([
      ['企业法人营业执照', 321, 210, 977, 89],
      ['注　　册　　号', 292, 397, 253, 38],
      ['名　　　　　称', 842, 397, 253, 38],
      ['330106091648172', 189, 432, 325, 45],
      ['杭州秋实物', 879, 430, 181, 45],
      ['流股份有限', 879, 478, 181, 45],
      ['公司', 933, 526, 72, 45],
      ['类 型', 189, 607, 90, 38],
      ['其他股份有限', 189, 640, 217, 45],
      ['200万元人民币', 1127, 642, 245, 45],
      ['注　册　资　本', 842, 655, 253, 38],
      ['公司(非上市)', 189, 688, 202, 45],
      ['黄立新', 189, 755, 108, 45],
      ['成　立　日　期', 842, 772, 253, 38],
      ['2012年5月8日', 850, 805, 238, 45],
      ['法定代表人姓名', 189, 820, 253, 38],
      ['300万元人民币', 193, 871, 245, 45],
      ['营　业　期　限', 889, 889, 253, 38],
      ['2012年5月8日至长期', 842, 924, 346, 45],
      ['实　收　资　本', 189, 936, 253, 38],
      ['住　　　　　所', 320, 1003, 253, 38],
      ['浙江省杭州市西湖区文新街道古', 194, 1036, 505, 45],
      ['墩路702号赞宇大厦', 198, 1086, 330, 45],
      ['经　营　范　围', 189, 1214, 253, 38],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术', 473, 1199, 975, 45],
      ['登记机关：', 189, 1601, 181, 38],
      ['2013-06-14', 189, 1668, 181, 38],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('黄立新');
  });
});

// A proc-E certificate's heading grid (g9862): `技能等级　职业（工种）` over `三级（高级` | `工）` (the level wrapped in
// its cell, centred) and `网络与信息安全管理员` centred on the two lines, reaching the text's right edge.
const PROC_E_GRID: readonly Line[] = [
  ['职业资格证书', 581, 196, 477, 69],
  ['联系人身份证号', 157, 380, 224, 32],
  ['持证人姓名', 471, 380, 224, 32],
  ['性', 785, 380, 32, 32],
  ['别', 977, 380, 32, 32],
  [residentId('19760312', '421002', '562'), 132, 455, 316, 32],
  ['陈立华', 535, 455, 96, 32],
  ['男', 881, 455, 32, 32],
  ['身', 471, 528, 32, 32],
  ['份', 535, 528, 32, 32],
  ['证', 599, 528, 32, 32],
  ['号', 662, 528, 32, 32],
  [residentId('19850716', '330106', '291'), 295, 601, 575, 32],
  ['证书编号', 487, 693, 192, 32],
  ['1633013840413572', 327, 766, 511, 32],
  ['技能等级', 133, 841, 192, 32],
  ['职业（工种）', 605, 841, 192, 32],
  ['三级（高级', 149, 914, 160, 32],
  ['工）', 197, 957, 64, 32],
  ['网络与信息安全管理员', 540, 934, 320, 32],
];

describe('a level wrapped inside its brackets in the cell left of an occupation', () => {
  it('reads the occupation alone, the level’s closing tail at the margin being no prose going on from it', () => {
    // proc-E certificate (digital24b, g9862): `工）` at the margin was joined to the occupation as run-on prose
    // (`网络与信息安全管理员工)`, flagged).
    const doc = readOne([...PROC_E_GRID, ['杭州市人力资源和社会保障局', 110, 1155, 415, 32], ['颁证日期:2017.03.18', 110, 1214, 299, 32]]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('网络与信息安全管理员');
  });
});

describe('an issuer printed without a label over its dated line, a copy’s keeper in the footer', () => {
  it('reads the issuer over the issue date, not the school named in the footer with its copy mark', () => {
    // proc-E certificate (digital24b, g9862): `杭州市人力资源和社会保障局` with no label right over `颁证日期:…`, and
    // at the page's foot `杭州文新技工学校　（存档联）`, the lowest organisation line: the footer was taken (flagged).
    const doc = readOne([
      ['经办人：周敏　　审核人：方立', 1168, 47, 375, 25],
      ...PROC_E_GRID,
      ['宁波市人力资源和社会保障局', 110, 1155, 415, 32],
      ['颁证日期:2017.03.18', 110, 1214, 299, 32],
      ['宁波甬江技工学校　（存档联）', 205, 2270, 338, 25],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('宁波市人力资源和社会保障局');
  });

  it('knows the copy’s mark as a part of the form ending in 联, however its first characters were read', () => {
    // proc-E certificate photo (reader25, seed 9933): the footer `…培训中心（存档联）` read `（在精联）` by the engine:
    // the mark was not known, and the footer was taken for the issuer (flagged).
    const doc = readOne([
      ['经办人：周敏　　审核人：方立', 1168, 47, 375, 25],
      ...PROC_E_GRID,
      ['宁波市人力资源和社会保障局', 110, 1155, 415, 32],
      ['颁证日期:2017.03.18', 110, 1214, 299, 32],
      ['宁波甬江职业技能培训中心　（在精联）', 205, 2270, 380, 25],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('宁波市人力资源和社会保障局');
  });
});

// reader25 (2026-12-06 night): classes digital24 and digital24b left on the lead's digital sample dig9690.

/** A 15-digit number that passes the 注册号's MOD 11,10 check: `head` and the one check digit that fits. */
const registrationNumber = (head: string): string => [...'0123456789'].map((d) => head + d).find(validateRegistrationNumber)!;

// A licence's body under its heading (dig9690's proc-M licence, values of our own).
const LICENCE_BODY: readonly Line[] = [
  ['名称：', 134, 384, 96, 33],
  ['杭州明湖网', 357, 384, 160, 33],
  ['络科技有限', 357, 428, 160, 33],
  ['公司', 357, 471, 64, 33],
  ['类型：', 858, 384, 96, 33],
  ['有限责任公司', 1050, 384, 192, 33],
  ['法定代表人：', 134, 534, 192, 33],
  ['周立', 357, 534, 64, 33],
  ['成立日期：', 858, 598, 160, 33],
  ['2011年3月8日', 1050, 598, 208, 33],
  ['住所：', 134, 661, 96, 33],
  ['浙江省杭州市西湖区文三路90号', 357, 661, 447, 33],
  ['营业期限：', 858, 661, 160, 33],
  ['二〇一一年三月八日至长期', 1050, 661, 447, 33],
  ['登记机关：', 1280, 1069, 160, 33],
];

describe('a licence whose code is printed masked', () => {
  it('reports a masked 注册号 as masked, not another 15-digit number printed on the page', () => {
    // proc-M licence (dig9690): `注册号　330106******672` with the copy's number `副本编号：<15 digits>` in the other
    // corner; the mask was read as no number, and the copy's number, which passes the check, was taken (flagged).
    const doc = readOne([
      ['注册号　330106******672', 220, 134, 367, 33],
      [`副本编号：${registrationNumber('41210897316524')}`, 1136, 98, 399, 33],
      ['企业法人营业执照', 343, 204, 935, 86],
      ...LICENCE_BODY,
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.creditCode.value).toBeNull();
    expect(doc.fields.creditCode.issues).toContain('value_masked');
  });

  it('reports a masked credit code as masked, not the 注册号 printed beside it in its place', () => {
    const doc = readOne([
      [`注册号：${registrationNumber('33010600121446')}`, 1036, 98, 499, 33],
      ['营业执照', 600, 204, 450, 86],
      ['统一社会信用代码：91330106MA2******X', 134, 300, 700, 33],
      ...LICENCE_BODY,
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.creditCode.value).toBeNull();
    expect(doc.fields.creditCode.issues).toContain('value_masked');
  });
});

describe('a special-operation certificate whose fill-in sits most of a row high, its seal lettered a character a box', () => {
  it('reads the operation item beside 准操项目, not joined with the category above it', () => {
    // proc-CS certificate (dig9690): every value 54 px (0.76 of a row) over its label; the text layer boxes each of the
    // seal's characters apart, four of them level with `发证单位`. Counted as fill-in, they outweighed the moved
    // values, the page was read as printed and `准操项目`'s value read as `高处作业登高架设作业` (flagged).
    const doc = readOne([
      ['中华人民共和国特种作业操作证', 170, 166, 1292, 91],
      ['持证人姓名', 110, 343, 188, 47],
      ['性　　　　别', 110, 414, 225, 47],
      ['公民身份号码', 110, 485, 225, 47],
      ['（复印件）', 784, 485, 188, 47],
      ['作业类别', 110, 551, 150, 47],
      ['准操项目', 110, 622, 150, 47],
      ['有效期至', 110, 693, 150, 47],
      ['证书编号', 110, 764, 150, 47],
      ['发证单位', 110, 835, 150, 47],
      ['周明', 349, 287, 75, 47],
      ['男', 349, 360, 38, 47],
      [residentId('19860512', '330106', '217'), 349, 431, 405, 47],
      ['电工作业', 274, 497, 150, 47],
      ['低压电工作业', 274, 568, 225, 47],
      ['2026年3月11日', 274, 639, 270, 47],
      [`T${residentId('19860512', '330106', '217')}`, 274, 710, 424, 47],
      ['浙江省应急管理厅', 274, 781, 300, 47],
      ['发证日期：2020.03.12', 1153, 966, 390, 47],
      ['浙', 1139, 902, 51, 51],
      ['江', 1161, 865, 54, 54],
      ['省', 1196, 839, 52, 52],
      ['应', 1239, 828, 45, 45],
      ['急', 1283, 828, 42, 42],
      ['管', 1320, 836, 51, 51],
      ['理', 1353, 858, 54, 54],
      ['厅', 1381, 893, 52, 52],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('低压电工作业');
  });
});

describe('a contract whose fill-in sits most of a row low, its type 有固定期限 beside the start date’s label', () => {
  it('moves the type back to 合同类型 with the rest and reads the start date under its label', () => {
    // proc-CS contract (dig9690): every value 71 px (0.93 of a row) under its label. `合　同　类　型：` is a caption we
    // read nothing from, so its value `有固定期限` landed on no waiting row, was not moved, and stood beside
    // `合同起始日期`: the start label read it with the end date as a wrap (`2021-09-11` for `2018-09-12`, flagged).
    const doc = readOne([
      ['劳动合同书', 601, 223, 431, 87],
      ['甲方（用人单位）名称：', 205, 377, 382, 44],
      ['统一社会信用代码：', 205, 500, 312, 44],
      ['法 定 代 表 人：', 205, 575, 250, 44],
      ['地　　　　　　址：', 205, 652, 312, 44],
      ['乙方（劳动者）姓名：', 205, 775, 347, 44],
      ['身份证号码：', 205, 850, 208, 44],
      ['联　系　电　话：', 205, 927, 278, 44],
      ['合　　同　　类　　型：', 205, 1002, 382, 44],
      ['合同起始日期：', 205, 1079, 243, 44],
      ['合同终止日期：', 205, 1154, 243, 44],
      ['工　作　岗　位：', 205, 1231, 278, 44],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 205, 1317, 958, 40],
      ['杭州明湖餐饮管', 598, 448, 243, 44],
      ['理有限公司', 598, 494, 174, 44],
      [creditCode('MA2B7KQ41'), 598, 571, 374, 44],
      ['沈涛', 598, 646, 69, 44],
      ['浙江省杭州市西湖区文三路90号', 598, 723, 618, 44],
      ['程思远', 598, 846, 104, 44],
      [residentId('19910412', '330106', '274'), 598, 921, 375, 44],
      ['13905718826', 598, 996, 229, 44],
      ['有固定期限', 598, 1073, 174, 44],
      ['2019.04.08', 598, 1148, 187, 44],
      ['2022.04.07', 598, 1225, 187, 44],
      ['育婴员', 598, 1300, 104, 44],
      ['甲方（盖章）：', 205, 1556, 243, 44],
      ['乙方（签字）：', 827, 1556, 243, 44],
      ['签订日期：2019.04.08', 205, 1627, 361, 44],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-04-08');
    expect(doc.fields.endDate.value).toBe('2022-04-07');
  });
});

describe('an open-ended contract whose fill-in sits most of a row low', () => {
  it('reads the end as open-ended from 无固定期限 moved back beside 合同终止日期, not as a date missing', () => {
    // proc-CS contract (d9861): every value 50 px (0.63 of a row) under its label; moved back, `无固定期限` stands beside
    // `合同终止日期`, which looked only for a date: the end was null by `not_found` (right, but flagged).
    const doc = readOne([
      ['劳动合同', 668, 127, 299, 77],
      ['甲', 189, 270, 33, 42],
      ['方：', 422, 270, 67, 42],
      ['统一社会信用代码：', 189, 395, 300, 42],
      ['法 定 代 表 人：', 189, 474, 240, 42],
      ['地', 189, 551, 33, 42],
      ['址：', 422, 551, 67, 42],
      ['乙', 189, 676, 33, 42],
      ['方：', 422, 676, 67, 42],
      ['居民身份证号码：', 189, 755, 300, 42],
      ['合　　　同　　　类　　　型：', 189, 912, 467, 42],
      ['合同起始日期：', 189, 991, 300, 42],
      ['合同终止日期：', 189, 1070, 300, 42],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 189, 1233, 920, 39],
      ['杭州明湖信息技', 693, 322, 233, 42],
      ['术有限公司', 693, 366, 167, 42],
      [creditCode('MA2B7KQ41'), 693, 445, 369, 42],
      ['沈涛', 693, 524, 100, 42],
      ['浙江省杭州市西湖区文三路90号', 693, 603, 627, 42],
      ['程思远', 693, 726, 67, 42],
      [residentId('19910412', '330106', '274'), 693, 805, 360, 42],
      ['无固定期限', 693, 964, 167, 42],
      ['2019.04.08', 693, 1043, 180, 42],
      ['无固定期限', 693, 1122, 167, 42],
      ['甲方（盖章）：', 189, 1460, 233, 42],
      ['乙方（签字）：', 827, 1460, 233, 42],
      ['签订日期：2019-04-01', 189, 1528, 347, 42],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-04-08');
    expect(doc.fields.endDate.value).toBeNull();
    expect(doc.fields.endDate.needsReview).toBe(false);
  });
});

describe('an address stacked over its label under a value stacked under the label above', () => {
  it('reads the address whole over 经营场所, its first line no registrant type’s wrap', () => {
    // proc-CS licence (g9891): `个体工商户` stacked under `类　型` in the label column, then `浙江省…综合楼5幢` |
    // `2层904室` over `经营场所`, the first line nearer `类型` than `经营场所`: `类型` had no value on its row, so it was
    // taken for the first line's owner and only `2层904室` was read (flagged).
    const doc = readOne([
      ['注册号', 205, 124, 108, 45],
      ['营业执照', 555, 193, 510, 129],
      ['经营者', 157, 384, 144, 45],
      ['周立', 442, 384, 72, 45],
      ['名', 157, 465, 36, 45],
      ['称', 266, 465, 36, 45],
      ['类', 175, 549, 36, 45],
      ['型', 284, 549, 36, 45],
      ['个体工商户', 157, 599, 181, 45],
      ['经营场所', 157, 728, 144, 45],
      ['组　成　形　式', 157, 813, 253, 45],
      ['注册日期', 157, 896, 144, 45],
      ['2012年5月16日', 442, 896, 281, 45],
      ['经营范围', 157, 978, 144, 45],
      ['杭州市西湖区明湖网络科技服务部', 442, 488, 542, 45],
      ['浙江省杭州市西湖区文新街道文三路90号东部软件园综合楼3幢', 442, 636, 1025, 45],
      ['5层501室', 442, 686, 159, 45],
      ['个人经营', 442, 842, 144, 45],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转', 442, 949, 1011, 45],
      ['登记机关：', 1276, 1365, 181, 45],
      ['2012年6月1日', 1236, 1430, 260, 45],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道文三路90号东部软件园综合楼3幢5层501室');
  });

  it('reads the address whole over 住所, its first line no wrap of the whole term stacked under 营业期限', () => {
    // proc-S licence photo (s1, seed 9931): `2009年02月24日至2029-02-24` stacked under `营业期限`, then
    // `浙江省…天目山路811号` | `文新智谷…905室` over `住　所`: the first line was taken for the term's wrap and only the
    // second read (flagged). A whole date or term goes on onto no line.
    const doc = readOne([
      ['营业执照', 666, 251, 259, 63],
      ['统一社会信用代码', 210, 390, 144, 30],
      [creditCode('MA2B7KQ41'), 210, 426, 300, 30],
      ['名称', 210, 480, 60, 30],
      ['杭州明湖餐饮管理有限公司', 210, 516, 300, 30],
      ['法定代表人', 210, 570, 120, 30],
      ['周立', 210, 606, 48, 30],
      ['营业期限', 210, 660, 96, 30],
      ['2011年03月08日至2031-03-07', 210, 696, 312, 30],
      ['浙江省杭州市西湖区古荡街道天目山路811号', 210, 732, 480, 30],
      ['文新智谷产业园7幢20层905室', 210, 768, 330, 30],
      ['住　　所', 210, 808, 96, 30],
      ['经营范围', 210, 862, 96, 30],
      ['一般项目：技术服务、技术开发、技术咨询', 210, 898, 456, 30],
      ['登记机关', 210, 990, 96, 30],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区古荡街道天目山路811号文新智谷产业园7幢20层905室');
  });
});
