import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readOccupation } from '../../shared/extraction/value-readers.js';
import { scanPage, textLayerPage, type Line, type ScanPageOptions } from './support/text-lines.js';

// Certificate values on scans, photos and digital PDFs that the reader lost or read wrong (cert21: seen samples of
// noisy scans, turned pages and photos). Built on constructed lines with values of their own: no eval file is read.

const TODAY = '2026-12-06';

const readScan = (lines: readonly Line[], options?: ScanPageOptions) => extractDocuments([scanPage(lines, options)], { today: TODAY })[0];

describe('a numbered level wrapped inside its bracket', () => {
  it('is no occupation (`四级（中级` | `工)`), whatever cell it stands in', () => {
    // Act and assess
    expect(readOccupation('四级（中级')).toBeNull();
    expect(readOccupation('三级(高级')).toBeNull();
    expect(readOccupation('二级/技')).toBeNull();
  });

  it('leaves a trade that opens with a numbered level word and no bracket as read (`一级建造师`)', () => {
    expect(readOccupation('一级建造师')?.value).toBe('一级建造师');
  });
});

describe('a holder’s name printed over an unbracketed caption with a stamp remark after it', () => {
  it('reads `鲁青青 (盖章)` tight over `持证人姓名` as the holder, the remark no label of another field', () => {
    // Prepare: a landscape operation certificate whose other values stand beside their labels, the holder's name
    // printed over its caption like a signature line.
    const doc = readScan(
      [
        ['特种作业操作证', 920, 170, 490, 63],
        ['鲁青青 (盖章)', 123, 295, 244, 51],
        ['持证人姓名', 122, 349, 331, 45],
        ['性别女', 985, 344, 153, 53],
        ['身份证号 330106198203154428', 124, 415, 571, 45],
        ['作业类别', 122, 538, 155, 54],
        ['电工作业', 299, 523, 258, 51],
        ['有效期至', 125, 613, 149, 43],
        ['2027年4月18日', 304, 612, 257, 45],
        ['证书编号 T330106198203154428', 956, 612, 590, 45],
        ['发证日期', 955, 680, 152, 44],
        ['发证机关杭州市应急管理局', 126, 727, 469, 46],
        ['二〇二一年四月十九日', 956, 726, 399, 46],
      ],
      { size: { width: 2340, height: 1654 } },
    );
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('鲁青青');
  });
});

describe('an unlabelled issuer on a sheet that fills only the top of the photo', () => {
  it('reads the organisation line low in the text, though high in the image, flagged as a guess from position', () => {
    // Prepare: a curled training certificate shot from afar: its text ends 40 % down the image; the issuer over its
    // date, beside the holder's column, has no label.
    const doc = readScan(
      [
        ['培训合格证书', 1510, 230, 456, 74],
        ['培训内容', 1277, 381, 145, 50],
        ['茶艺师培训', 1565, 377, 272, 44],
        ['培训时间', 1277, 459, 143, 47],
        ['2021-03-02至2021.03.26', 1566, 454, 373, 41],
        ['证书号', 1277, 535, 109, 48],
        ['PX202113870542', 1566, 531, 265, 40],
        ['姓', 89, 623, 45, 43],
        ['名钟晓燕', 255, 623, 178, 47],
        ['性', 91, 681, 43, 42],
        ['别女', 251, 681, 119, 49],
        ['杭州之江职业培训学校', 1257, 694, 341, 44],
        ['公民身份号码 330104199106182227', 90, 738, 577, 49],
        ['2021.04.08', 1257, 755, 173, 39],
      ],
      { size: { width: 2340, height: 1862 } },
    );
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州之江职业培训学校');
    expect(issuer.issues).toContain('issuer_position_inferred');
  });
});

describe('a copy watermark’s piece misread beside a label', () => {
  it('looks past `印无双` (复印无效, 效 misread) to the name further along the row', () => {
    // Prepare: a photo of a copy under a diagonal `复印无效`; one piece boxed tall between `姓名：` and the name.
    const doc = readScan(
      [
        ['复印无效', 544, 0, 207, 118],
        ['复印无效', 698, 56, 217, 137],
        ['职业技能等级证书', 760, 238, 796, 78],
        ['复印无效', 220, 125, 217, 138],
        ['姓', 151, 410, 63, 67],
        ['名：', 257, 408, 75, 70],
        ['印无双', 367, 381, 164, 100],
        ['彭嘉树', 898, 419, 111, 46],
        ['性', 153, 488, 59, 62],
        ['别：', 255, 485, 75, 71],
        ['男', 900, 493, 40, 46],
        ['身份证号：', 163, 648, 158, 51],
        ['330104198302117015', 900, 656, 345, 36],
        ['职业(工种）：', 159, 766, 215, 51],
        ['茶艺师', 948, 770, 160, 43],
        ['复印无效', 1120, 1006, 217, 138],
        ['发证机关：杭州西溪职业技术培训中心', 1603, 1058, 598, 50],
        ['2021.05.11', 1777, 1117, 216, 55],
        ['复印无效', 801, 1148, 217, 139],
      ],
      { size: { width: 2340, height: 1654 } },
    );
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('彭嘉树');
  });
});

describe('an issuer with the seal’s ring going on past its name joined as its wrap', () => {
  it('cuts `公司职业技能备` after `杭州恒远网络科技` | `有限公司`, flagged', () => {
    // Prepare: the seal of the assessing company (`…有限公司职业技能等级认定专用章`) under the issuer's two lines.
    const doc = readScan(
      [
        ['职业技能等级证书', 809, 181, 815, 114],
        ['持证人：', 189, 293, 136, 51],
        ['龚立群', 452, 304, 112, 54],
        ['工种：', 181, 494, 107, 52],
        ['电子商务师', 378, 505, 176, 54],
        ['技能等级：', 178, 565, 179, 51],
        ['三级/高级工', 354, 574, 248, 53],
        ['评价机构：', 172, 699, 200, 52],
        ['杭州恒远网络科', 370, 707, 240, 56],
        ['技有限公司', 367, 751, 174, 54],
        ['公司职业技能备', 375, 794, 154, 56],
        ['2021-06-18', 162, 906, 194, 49],
      ],
      { size: { width: 2400, height: 1751 } },
    );
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州恒远网络科技有限公司');
    expect(issuer.needsReview).toBe(true);
  });
});

describe('a value glued to its label over the next label’s value centred on its row', () => {
  it('reads `专项能力名称面点制作` alone, the wider line under it the head of the issuer’s two lines', () => {
    // Prepare: a turned special-ability certificate; `发证机关`'s value over two lines centred on its label, its first
    // line flush under the glued occupation and four characters wider.
    const doc = readScan([
      ['专项职业能力证书', 496, 233, 642, 58],
      ['姓名', 135, 391, 110, 52],
      ['施雨', 316, 391, 89, 53],
      ['性别女', 836, 391, 232, 54],
      ['出生日期1990年07月02日', 142, 473, 442, 45],
      ['证件号码330106199007024423', 841, 473, 524, 46],
      ['ZX20213301562208', 849, 574, 306, 37],
      ['专项能力名称面点制作', 141, 620, 413, 49],
      ['证书号', 848, 621, 195, 47],
      ['杭州市职业能力建设指导', 396, 665, 415, 46],
      ['发证机关', 138, 696, 159, 53],
      ['服务中心', 397, 716, 156, 47],
      ['发证日期二〇二一年六月三日', 850, 699, 576, 47],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('面点制作');
  });
});

describe('an issuer’s first line level with a label whose number stands under it', () => {
  it('reads both lines of the issuer centred on `评价机构名称`, the number under `证书号` its own (digital)', () => {
    // Prepare: a digital grid whose fill-in is set a little high: the issuer's head is level with `证　书　号`, whose
    // number is stacked under it.
    const doc = extractDocuments(
      [
        textLayerPage([
          ['职业技能等级证书', 553, 136, 533, 57],
          ['姓 名', 188, 276, 75, 35],
          ['俞思远', 420, 276, 100, 33],
          ['公民身份号码', 188, 349, 200, 33],
          ['330102199506114159', 420, 349, 446, 35],
          ['工　　　　种', 188, 416, 200, 33],
          ['电工', 420, 416, 100, 33],
          ['等　　　　级', 842, 416, 200, 33],
          ['三级/高级工', 1073, 404, 211, 35],
          ['证　书　号', 188, 491, 166, 33],
          ['杭州东信职业技', 1073, 499, 233, 33],
          ['S330106549412203104527', 188, 535, 403, 35],
          ['评价机构名称', 842, 535, 200, 33],
          ['能培训中心', 1073, 543, 166, 33],
          ['二〇二一年五月十日', 220, 654, 366, 33],
          ['（发 证 日 期）', 307, 710, 191, 29],
        ]),
      ],
      { today: TODAY },
    )[0];
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州东信职业技能培训中心');
  });
});

describe('a spread label boxed with its second word glued to the value', () => {
  it('reads `职业 名称园林绿化工` as `职业名称` and its value, never `名称…` as the value of `职业`', () => {
    const doc = readScan(
      [
        ['中华人民共和国职业资格证书', 654, 148, 1021, 65],
        ['持证人宋可馨', 191, 281, 326, 51],
        ['性', 1178, 283, 48, 49],
        ['别女', 1352, 282, 116, 52],
        ['出生年月1985年3月14日', 194, 350, 492, 46],
        ['职业 名称园林绿化工', 193, 455, 421, 41],
        ['职业技能等级', 1184, 455, 211, 41],
        ['三级', 1394, 454, 102, 44],
        ['证　书　号　1933014695432217', 193, 519, 582, 46],
        ['发证日期2019-09-20', 1183, 521, 434, 44],
        ['浙江省人力资源和社会保障厅', 1689, 638, 452, 45],
      ],
      { size: { width: 2340, height: 1654 } },
    );
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('园林绿化工');
  });
});

describe('an item number opening the next line before a label glued to its value', () => {
  it('ends the value above: `(2)` of `(2)培训时间2021.03.01至…` is no wrap of `育婴员培训`', () => {
    const doc = readScan([
      ['培训合格证书', 599, 173, 444, 68],
      ['持证人姓名韦思琪', 202, 308, 305, 41],
      ['性', 196, 368, 97, 52],
      ['别女', 331, 369, 115, 50],
      ['身份证号码', 205, 442, 167, 39],
      ['330106199204113024', 396, 440, 644, 45],
      ['(1)培训项目 育婴员培训', 204, 664, 375, 42],
      ['(2)培训时间2021.03.01至二〇二一年三月二十日', 202, 729, 723, 46],
      ['(3)证书号PX202130215678', 202, 795, 705, 48],
      ['(4)发证单位 杭州之江职业培训学校', 204, 865, 691, 41],
      ['颁证日期：2021.4.2', 1120, 1023, 335, 45],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('育婴员培训');
  });
});

describe('the X of a number’s head read as the multiplication sign', () => {
  it('reads `P×202130215678` as `PX202130215678`, flagged', () => {
    const doc = readScan([
      ['培训合格证书', 599, 173, 444, 68],
      ['持证人姓名韦思琪', 202, 308, 305, 41],
      ['培训项目 育婴员培训', 204, 664, 375, 42],
      ['证书号P×202130215678', 202, 795, 705, 48],
      ['发证单位 杭州之江职业培训学校', 204, 865, 691, 41],
      ['颁证日期：2021.4.2', 1120, 1023, 335, 45],
    ]);
    // Act
    const number = doc.fields.certificateNumber;
    // Assess
    expect(number.value).toBe('PX202130215678');
    expect(number.issues).toContain('certificate_number_cross_as_x_inferred');
  });

  it('still reports a number barred out with a run of signs as masked (`PX2021×××××678`)', () => {
    const doc = readScan([
      ['培训合格证书', 599, 173, 444, 68],
      ['证书号PX2021×××××678', 202, 795, 705, 48],
    ]);
    expect(doc.fields.certificateNumber.value).toBeNull();
  });
});

describe('a sex printed off its row at the margin under a name that ends its line', () => {
  it('reads `司马宏` alone, never `司马宏男` with the `男` over `性别:` joined as run-on prose', () => {
    const doc = readScan([
      ['中华人民共和国职业资格证书', 182, 231, 1274, 77],
      ['持证人:', 144, 378, 190, 44],
      ['司马宏', 989, 380, 112, 41],
      ['男', 220, 450, 53, 47],
      ['性', 145, 499, 47, 43],
      ['别：', 278, 500, 54, 39],
      ['身份证号码：', 149, 573, 191, 41],
      ['330106199208146833', 375, 576, 339, 36],
      ['工', 149, 643, 39, 38],
      ['种：', 313, 641, 54, 39],
      ['焊工', 417, 641, 102, 39],
      ['证书编号:', 146, 787, 183, 47],
      ['1933014295137719', 414, 792, 294, 35],
      ['杭州市职业技能鉴定指导中心', 1070, 1026, 436, 41],
      ['颁证日期：2019-09-20', 1119, 1088, 339, 36],
    ]);
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('司马宏');
  });
});

describe('a speck boxed at the end of a spread label’s first piece', () => {
  it('drops `藍` (0.20) from `工藍` before `种：`, so the trade beside the label is read', () => {
    // Prepare: the engine's character boxes: `工` sure, the speck in the gap unsure, `种` 3.4 ems on.
    const word = (text: string, confidence: number, x: number) => ({ text, confidence, box: { x, y: 270, width: 33, height: 33 } });
    const extra = [
      { text: '工藍', confidence: 0.6, box: { x: 1258, y: 264, width: 89, height: 46 }, words: [word('工', 0.997, 1260), word('藍', 0.196, 1295)] },
      { text: '种：', confidence: 1, box: { x: 1357, y: 264, width: 90, height: 46 }, words: [word('种', 1, 1374), word('：', 0.996, 1403)] },
    ];
    const doc = readScan(
      [
        ['职业资格证书', 1544, 121, 387, 59],
        ['中式烹调师', 1475, 263, 195, 48],
        ['技能等级:', 1257, 339, 171, 48],
        ['三级 (高级工)', 1477, 339, 209, 46],
        ['证书编号：', 1258, 417, 170, 45],
        ['0933019330231607', 1477, 418, 334, 45],
        ['姓', 90, 489, 51, 49],
        ['名：', 279, 490, 67, 48],
        ['卢文杰', 382, 491, 124, 47],
        ['发证单位:', 1260, 494, 168, 46],
        ['杭州市人力资源和社会保障局', 1480, 496, 420, 40],
      ],
      { size: { width: 2340, height: 1654 }, extra },
    );
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('中式烹调师');
  });
});

describe('a bracketed spread label whose first character was read as a look-alike letter', () => {
  it('reads `[H` … `种园艺工` as `[工种]` and its trade', () => {
    const doc = readScan(
      [
        ['职业技能等级证书', 453, 288, 685, 79],
        ['①持证人姓名：欧阳晨', 129, 455, 418, 57],
        ['②性', 131, 534, 83, 50],
        ['别：女', 328, 539, 149, 50],
        ['③公民身份号码：330621198510038146', 130, 617, 643, 39],
        ['[等', 137, 670, 55, 42],
        ['级]三级 (高级工)', 198, 671, 281, 52],
        ['[证书号]Y330106117206213305117', 130, 753, 611, 39],
        ['[H', 136, 819, 48, 39],
        ['种园艺工', 211, 821, 256, 52],
        ['发证机关：杭州同创电子商务有限公司', 890, 948, 569, 39],
        ['2021.05.12', 1088, 1010, 174, 36],
      ],
      { size: { width: 1595, height: 2400 } },
    );
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('园艺工');
  });
});

describe('a special operation’s item, which the national catalogue always ends in 作业', () => {
  const operation = (lines: readonly Line[]) => readScan([['特种作业操作证', 574, 129, 490, 59], ['持证人：孔文博', 171, 250, 230, 39], ...lines]);

  it('reads `低压电工作业` without the category’s wrap `业` joined after it, flagged', () => {
    // Prepare: the category and the item boxed as one line, the category's last character wrapped under it.
    const occupation = operation([
      ['作业类别：电工作准操项目：低压电工作业', 164, 449, 764, 46],
      ['业', 365, 496, 48, 46],
      ['有效期至：2027年03月02日', 165, 563, 420, 44],
    ]).fields.occupation;
    // Assess
    expect(occupation.value).toBe('低压电工作业');
    expect(occupation.needsReview).toBe(true);
  });

  it('flags an item read short of its end (`制冷与空调设`, its wrap set off under the label)', () => {
    const occupation = operation([
      ['作业类别：', 171, 442, 170, 40],
      ['制冷与空调作业', 592, 441, 231, 40],
      ['准操项目：', 857, 442, 139, 39],
      ['制冷与空调设', 1273, 441, 199, 42],
      ['备运行操作作业 (复印件)', 1043, 484, 381, 45],
      ['有效期至：', 168, 543, 153, 46],
    ]).fields.occupation;
    expect(occupation.issues).toContain('operation_item_incomplete');
  });
});
