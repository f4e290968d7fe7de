import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, textLayerPage, type Line } from './support/text-lines.js';

// Issue 12/19: a labour contract that sets its parties in a table, a row of header cells over a tall row of values.
// The header's labels wrap in their narrow cells, two or three lines (`组织机构代` | `码/统一社会` | `信用代码`), name
// the worker's fields by party (`乙方身份证号`, `劳动者(乙方)`), and hold a caption the lexicon does not know
// (`合同类型`). Each value is centred in its cell and wraps down it (`杭州明湖` | `数字科技` | `有限公司`). Values of our
// own; the layout is the class a held-out sample showed (values and positions differ).

const TODAY = '2026-12-07';

/** The header row (labels 28 px high, y 355–410) and its tall value row (values 39 px high, y 450–600). */
const header: Line[] = [
  ['劳动合同', 640, 190, 350, 70],
  ['甲方单位名', 140, 360, 150, 28],
  ['称', 200, 392, 28, 28],
  ['组织机构代', 340, 344, 150, 28],
  ['码/统一社会', 336, 376, 160, 28],
  ['信用代码', 355, 408, 120, 28],
  ['法定代表人', 556, 374, 137, 28],
  ['劳动者(乙', 760, 360, 140, 28],
  ['方)', 800, 392, 50, 28],
  ['乙方身份证', 960, 360, 137, 28],
  ['号', 1015, 392, 28, 28],
  ['联系电话', 1176, 374, 110, 28],
  ['合同类型', 1378, 374, 110, 28],
];

/** The value row: each value centred in its cell, the long ones wrapped down it. */
const values: Line[] = [
  ['杭州明湖', 141, 463, 158, 39],
  ['数字科技', 141, 517, 158, 39],
  ['有限公司', 141, 569, 158, 39],
  ['91330106', 344, 463, 158, 39],
  ['MA2K7P3Q', 344, 517, 158, 39],
  ['0N', 403, 569, 39, 39],
  ['周明远', 565, 517, 118, 39],
  ['宋佳怡', 768, 517, 118, 39],
  ['33010619', 950, 463, 158, 39],
  ['92041525', 950, 517, 158, 39],
  ['26', 1009, 569, 39, 39],
  ['13967120', 1152, 490, 158, 39],
  ['458', 1201, 542, 59, 39],
  ['固定期限', 1354, 517, 158, 39],
];

/** The term's header row and values, under the parties' table. */
const term: Line[] = [
  ['合同起始日期', 141, 667, 165, 28],
  ['合同终止日期', 354, 667, 165, 28],
  ['工作岗位', 974, 667, 110, 28],
  ['2021年3月1', 141, 759, 158, 39],
  ['日', 200, 811, 39, 39],
  ['2024年2月2', 344, 759, 158, 39],
  ['9日', 390, 811, 59, 39],
  ['电子商务师', 930, 784, 197, 39],
  ['甲方(盖章):', 118, 1294, 198, 33],
  ['乙方(签字):', 827, 1294, 198, 33],
  ['签署日期:2021/02/26', 118, 1359, 305, 33],
];

describe('a contract whose parties stand in a header row over a tall row of values', () => {
  const doc = extractDocuments([textLayerPage([...header, ...values, ...term])], { today: TODAY })[0];

  it('reads the worker’s name centred in its cell under `劳动者(乙方)`, a label wrapped in its cell', () => {
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('宋佳怡');
  });

  it('reads the worker’s ID under `乙方身份证号`, wrapped three lines down its cell', () => {
    expect(doc.fields.employeeIdNumber.value).toBe('330106199204152526');
  });

  it('reads the employer under `甲方单位名称` and its code under a label of three lines', () => {
    expect(doc.fields.employerName.value).toBe('杭州明湖数字科技有限公司');
    expect(doc.fields.employerCreditCode.value).toBe('91330106MA2K7P3Q0N');
  });
});

describe('a header row whose upper piece is only a word that qualifies labels', () => {
  // The employer's last wrap `公司` stands right over the next header row's `联系电话`: `公司联系电话` spells a label
  // qualified by `公司`, but the label does not run across the wrap, so the employer keeps its `公司`.
  const lines: Line[] = [
    ['劳动合同', 555, 255, 600, 60],
    ['用人单位(甲方)', 237, 419, 230, 42],
    ['统一社会信用代码', 505, 417, 225, 44],
    ['劳动者(乙方)', 1034, 414, 205, 46],
    ['居民身份证号码', 1303, 415, 217, 43],
    ['杭州远帆信', 238, 512, 229, 55],
    ['9133010622', 503, 543, 232, 51],
    ['3301061985', 1293, 541, 234, 49],
    ['息技术有限', 240, 570, 228, 55],
    ['蒋一帆', 1091, 563, 120, 55],
    ['GH6K2R1X', 523, 602, 192, 49],
    ['07164214', 1314, 601, 191, 48],
    ['公司', 301, 628, 105, 59],
    ['联系电话', 287, 716, 134, 47],
    ['合同生效日期', 789, 714, 190, 46],
    ['合同到期日期', 1055, 715, 189, 44],
    ['1845584739', 239, 793, 230, 49],
    ['2021年2月', 767, 789, 229, 54],
    ['2026年2月', 1031, 787, 227, 54],
  ];
  const doc = extractDocuments([enginePage(lines)], { today: TODAY })[0];

  it('keeps `公司` as the employer’s last wrap, never a piece of the label under it', () => {
    expect(doc.fields.employerName.value).toBe('杭州远帆信息技术有限公司');
  });
});

describe('a stray mark boxed tall at the top of a value’s cell', () => {
  // A stamp's fragment read as one tall character (`牛`, 69 px over values 40–50 px) in the worker's cell: no part
  // of the worker's name.
  const lines: Line[] = [
    ['劳动合同', 657, 184, 317, 70],
    ['甲方单位名称', 208, 338, 168, 42],
    ['统一信用代码', 420, 338, 170, 43],
    ['法定代表人', 651, 339, 139, 40],
    ['劳动者(乙方)', 845, 339, 179, 41],
    ['乙方身份证号', 1068, 339, 165, 40],
    ['联系电话', 1307, 340, 116, 38],
    ['杭州北辰文', 200, 403, 183, 49],
    ['牛', 833, 395, 69, 69],
    ['91330106MA', 415, 430, 181, 40],
    ['3301021990', 1060, 432, 182, 36],
    ['1381105403', 1274, 430, 184, 39],
    ['化传媒有限', 199, 451, 184, 47],
    ['陈思远', 647, 453, 147, 44],
    ['-许嘉禾', 837, 450, 157, 50],
    ['2QWE8R5T', 430, 479, 151, 39],
    ['03151230', 1076, 478, 150, 40],
    ['公司', 250, 498, 79, 46],
  ];
  const doc = extractDocuments([enginePage(lines)], { today: TODAY })[0];

  it('reads the worker’s name without the stray mark over it', () => {
    expect(doc.fields.employeeName.value).toBe('许嘉禾');
  });
});

describe('a licence’s header row with a unit set under a label, over values wrapped in their cells', () => {
  // `(万元)` under `注册资本` is that label's caption, not a value beside a label; the date wrapped in its cell
  // (`2011-0` | `9-26`, centred under each other) is read whole under `设立日期`.
  const lines: Line[] = [
    ['企业法人营业执照', 333, 238, 950, 80],
    ['注册号', 224, 446, 99, 45],
    ['法定代表', 398, 427, 123, 42],
    ['人', 443, 470, 36, 35],
    ['企业(字', 581, 423, 126, 48],
    ['号)名称', 583, 467, 123, 42],
    ['组织形式', 765, 447, 127, 42],
    ['注册资本', 949, 426, 126, 44],
    ['(万元)', 963, 468, 96, 41],
    ['设立日期', 1134, 447, 126, 43],
    ['实收资本', 1318, 450, 125, 38],
    ['杭州远', 579, 539, 129, 49],
    ['有限责', 761, 537, 133, 53],
    ['330106', 209, 605, 135, 46],
    ['帆科技', 578, 593, 129, 54],
    ['任公司', 763, 595, 127, 50],
    ['500万', 945, 622, 133, 55],
    ['500万', 1311, 625, 136, 51],
    ['000412', 206, 658, 139, 51],
    ['钱立群', 391, 677, 136, 55],
    ['有限公', 596, 649, 94, 57],
    ['2011-0', 1128, 651, 137, 51],
    ['元人民', 946, 677, 131, 57],
    ['元人民', 1311, 677, 135, 58],
    ['司', 622, 706, 52, 52],
    ['9-26', 1149, 712, 94, 44],
    ['币', 986, 735, 51, 49],
    ['币', 1355, 735, 49, 51],
  ];
  const doc = extractDocuments([enginePage(lines)], { today: TODAY })[0];

  it('reads the date wrapped in its cell under `设立日期`', () => {
    expect(doc.type).toBe('business_license');
    expect(doc.fields.establishedDate.value).toBe('2011-09-26');
  });
});

describe('a header row whose tall value row starts far under it', () => {
  // Values centred in cells of a row five lines tall: the employer's first wrap stands 2.6 line heights under the
  // labels, further than a form's next row.
  const lines: Line[] = [
    ['劳动合同(简易版)', 469, 227, 697, 66],
    ['甲方', 269, 419, 50, 26],
    ['组织机构代码/统一社会信用代码', 409, 418, 125, 26],
    ['法人', 624, 419, 50, 26],
    ['乙方(劳动者)姓名', 764, 419, 125, 26],
    ['居民身份证号码', 942, 419, 125, 26],
    ['联系电话', 1132, 419, 100, 26],
    ['合同类型', 1309, 419, 100, 26],
    ['杭州云', 242, 521, 105, 35],
    ['帆数字', 242, 569, 105, 35],
    ['科技有', 242, 617, 105, 35],
    ['任可欣', 774, 617, 105, 35],
    ['1317270', 1120, 617, 122, 35],
    ['固定期', 1307, 617, 105, 35],
    ['许明', 614, 640, 70, 35],
    ['限公司', 242, 665, 105, 35],
    ['1183', 1147, 665, 70, 35],
    ['限', 1342, 665, 35, 35],
    ['聘用期自', 244, 834, 100, 26],
    ['聘用期至', 422, 834, 100, 26],
    ['2021年8月3日', 233, 903, 170, 35],
    ['2024年8月2日', 419, 903, 170, 35],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the worker and the employer from the cells under their labels', () => {
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('任可欣');
    expect(doc.fields.employerName.value).toBe('杭州云帆数字科技有限公司');
  });
});

describe('captions set under their values, a little smaller, centred in their cells', () => {
  // A contract that prints each value flush left in its cell and its caption centred under it, 34 px under values
  // 40–47 px high: the worker's name (`陆思远`) ends left of its caption, so it stands over no caption's span.
  const lines: Line[] = [
    ['劳动合同书', 642, 196, 399, 64],
    ['杭州明远网络科技有限公司', 167, 336, 409, 42],
    ['91330106MA2K7P3Q0N', 895, 338, 308, 39],
    ['甲方', 463, 386, 53, 33],
    ['统一信用代码', 1158, 389, 118, 28],
    ['邱志强', 166, 431, 113, 47],
    ['法定代表人', 439, 488, 100, 32],
    ['浙江省杭州市西湖区古墩路375号6幢904室', 168, 534, 626, 40],
    ['地址', 827, 584, 52, 32],
    ['陆思远', 165, 630, 120, 47],
    ['330106199204152526', 895, 633, 308, 40],
    ['乙方(劳动者)姓名', 402, 684, 176, 34],
    ['身份证号码', 1168, 685, 100, 33],
    ['18468958555', 164, 733, 194, 41],
    ['固定期限', 892, 732, 143, 44],
    ['联系电话', 440, 782, 99, 31],
    ['合同类型', 1168, 780, 98, 36],
    ['2018年04月15日', 167, 831, 239, 40],
    ['二〇二〇年四月十四日', 894, 831, 339, 41],
    ['聘用期自', 440, 881, 99, 35],
    ['合同期限至', 1166, 882, 102, 34],
  ];
  const doc = extractDocuments([enginePage(lines)], { today: TODAY })[0];

  it('reads the worker’s name over its caption, as a guess the clerk confirms', () => {
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('陆思远');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });
});

describe('labels over values whose next label is a little smaller than the value over it', () => {
  // `认定等级` over `三级(高级工)` over `评价机构名称` (30 px under a 45 px value): the level is the label over it's,
  // never the caption's under it; the issuer is read under its own label.
  const lines: Line[] = [
    ['职业技能等级证书', 548, 234, 549, 61],
    ['本人姓名', 157, 403, 118, 30],
    ['程一鸣', 157, 463, 108, 45],
    ['职业名称', 157, 693, 178, 30],
    ['认定等级', 679, 693, 178, 30],
    ['工具钳工', 157, 753, 144, 45],
    ['三级(高级工)', 679, 753, 253, 45],
    ['证书号', 157, 809, 178, 30],
    ['评价机构名称', 679, 809, 178, 30],
    ['Y330106017313213837505', 157, 869, 475, 45],
    ['杭州明远文化创意', 679, 865, 289, 45],
    ['股份有限公司', 679, 913, 217, 45],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the issuer under `评价机构名称`, never the level over it', () => {
    expect(doc.fields.issuer.value).toBe('杭州明远文化创意股份有限公司');
  });
});

describe('a code wrapped at its cell’s edge, the rest centred under it', () => {
  // `91330106MA2K7P3Q0` | `N(1-1)` under `统一社会信用代码`: read alone the code fails its check; with the line
  // centred under it, it passes.
  const lines: Line[] = [
    ['营业执照', 949, 223, 413, 86],
    ['统一社会信用代码', 261, 429, 230, 29],
    ['市场主体名称', 676, 429, 172, 29],
    ['市场主体类型', 1063, 429, 172, 29],
    ['营业期限', 1479, 429, 115, 29],
    ['负责人', 1880, 429, 86, 29],
    ['杭州明远电气设备', 603, 498, 319, 42],
    ['有限责任公司分公', 990, 498, 319, 42],
    ['91330106MA2K7P3Q0', 206, 525, 339, 42],
    ['有限公司西湖分公司', 603, 552, 319, 42],
    ['司(自然人投资或控', 980, 552, 339, 42],
    ['2012/01/09至长期', 1377, 552, 319, 42],
    ['陈一鸣', 1864, 552, 120, 42],
    ['N(1-1)', 329, 577, 93, 43],
    ['股)', 1120, 604, 60, 42],
  ];
  const doc = extractDocuments([textLayerPage(lines, { width: 2339, height: 1653 })], { today: TODAY })[0];

  it('reads the code whole with the piece under it, for the clerk to confirm', () => {
    expect(doc.type).toBe('business_license');
    expect(doc.fields.creditCode.value).toBe('91330106MA2K7P3Q0N');
  });
});

describe('a caption that names what was evaluated', () => {
  // `评价职业(工种)` set small under `养老护理员`: `评价` qualifies the occupation's label, as `评价机构` names the
  // issuer; the issuer's name over `评价机构` is never the occupation.
  const lines: Line[] = [
    ['职业技能等级证书', 492, 194, 647, 63],
    ['令狐一鸣', 161, 334, 147, 37],
    ['姓名', 150, 391, 80, 20],
    ['330106199204152526', 161, 447, 330, 37],
    ['身份证号', 150, 505, 80, 20],
    ['养老护理员', 161, 632, 184, 37],
    ['Y330106205442201617948', 821, 632, 404, 37],
    ['评价职业(工种)', 218, 688, 149, 19],
    ['证件编号', 886, 688, 131, 19],
    ['杭州明远电气设', 161, 745, 257, 37],
    ['备股份有限公司', 161, 793, 257, 37],
    ['评价机构', 227, 850, 131, 19],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the occupation over `评价职业(工种)`', () => {
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('养老护理员');
  });
});
