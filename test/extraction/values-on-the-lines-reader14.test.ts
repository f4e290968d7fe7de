import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { laidFlatAtItsHead } from '../../shared/extraction/vertical-runs.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import { residentId } from './support/documents.js';
import type { Line } from './support/text-lines.js';

// Values whose text the engine read but the reader did not take (issue 12; reader14's dev sample, seed 9440, seen
// families only, and noisy13's dev page). Constructed OCR lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';
const PAGE = { width: 1161, height: 1544 };

/** A page read by the engine: each line at 0.99, one word box per character along the line. */
function scanPage(lines: readonly (Line | OcrLine)[], size = PAGE): OcrPage {
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'paddle',
    lines: lines.map((l) => {
      if (!Array.isArray(l)) return l;
      const [text, x, y, width, height] = l;
      const chars = [...text];
      const pitch = width / chars.length;
      return {
        text,
        confidence: 0.99,
        box: { x, y, width, height },
        words: chars.map((ch, i) => ({ text: ch, confidence: 0.99, box: { x: Math.round(x + i * pitch), y, width: Math.round(pitch), height } })),
      };
    }),
  };
}

/**
 * The engine's reading of characters stacked down a narrow cell (`shared/ocr/stacked-columns.ts`): one line boxed
 * down the page, its character boxes top to bottom.
 */
function stackedColumn(text: string, x: number, top: number, size = 25, pitch = 25.5): OcrLine {
  const chars = [...text];
  return {
    text,
    confidence: 0.99,
    box: { x, y: top - 6, width: size + 13, height: Math.round(chars.length * pitch + 12) },
    words: chars.map((ch, i) => ({ text: ch, confidence: 0.99, box: { x: x + 8, y: Math.round(top + i * pitch), width: size, height: size } })),
  };
}

const holderId = residentId('19701126', '330108', '946');

describe('characters stacked down a narrow cell', () => {
  it('reads an issuer stacked down its cell, starting on the row of 发证机关', () => {
    // Prepare: a special-ability certificate whose issuer is printed one character under another; its first
    // character is level with the label, the column's centre seven characters below it.
    const page = scanPage([
      ['专项职业能力证书', 418, 209, 336, 49],
      ['姓名', 244, 296, 56, 29],
      ['司马伟军', 351, 293, 96, 29],
      ['证件号码', 244, 358, 110, 29],
      [holderId, 378, 359, 172, 23],
      ['项目名称', 244, 411, 78, 22],
      ['手机维修', 351, 409, 90, 22],
      ['证书号', 552, 409, 76, 22],
      ['ZX20203301154861', 660, 406, 148, 21],
      ['发证机关：', 390, 574, 97, 25],
      stackedColumn('杭州市职业能力建设指导服务中心', 504, 558),
      ['发证日期：2020年01月09日', 244, 1010, 250, 25],
    ]);
    // Act
    const doc = extractDocuments([page], { today: TODAY })[0];
    // Assess
    expect(doc.fields.issuer.value).toBe('杭州市职业能力建设指导服务中心');
    expect(doc.fields.occupation.value).toBe('手机维修');
  });

  it('lays a column the engine read down the page flat on its first character’s row, as long as the column', () => {
    // Prepare
    const column = stackedColumn('杭州市西湖区人力资源和社会保障局', 504, 558);
    // Act
    const flat = laidFlatAtItsHead(column);
    // Assess: one column thick, centred on the first character, the characters left to right in their order.
    expect(flat.text).toBe(column.text);
    expect(flat.box.height).toBe(column.box.width);
    expect(flat.box.width).toBe(column.box.height);
    expect(Math.abs(flat.box.y + flat.box.height / 2 - (558 + 12.5))).toBeLessThanOrEqual(1);
    expect(flat.pageBox).toEqual(column.box);
    const xs = flat.words!.map((w) => w.box.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('leaves a diagonal watermark alone: its characters step across the page as well as down', () => {
    // Prepare: `仅供审核使用` set at 60°, boxed tall and narrow.
    const chars = [...'仅供审核使用'];
    const watermark: OcrLine = {
      text: chars.join(''),
      confidence: 0.9,
      box: { x: 600, y: 300, width: 90, height: 260 },
      words: chars.map((ch, i) => ({ text: ch, confidence: 0.9, box: { x: 600 + i * 14, y: 300 + i * 40, width: 30, height: 30 } })),
    };
    // Act / Assess
    expect(laidFlatAtItsHead(watermark)).toBe(watermark);
  });
});

describe('a record’s fill-in printed off its labels, proved by the ID number and the sex', () => {
  // A social-insurance record whose header fill-in sits 0.8 of a row low (nearer `参保状态` than `姓名`), its table of
  // periods printed where it belongs: two pairs prove the offset, the ID number and a sex (`男`/`女`, a closed term).
  const id = residentId('19840507', '421002', '677');
  const record = (shift: number): Line[] => [
    ['杭州市社会保险参保缴费证明（个人）', 449, 166, 755, 56],
    ['姓名', 126, 282, 192, 40],
    ['公民身份号码', 842, 282, 192, 40],
    ['参保状态', 126, 338, 192, 40],
    ['性别', 842, 338, 192, 40],
    ['韦晨', 340, 282 + shift, 64, 40],
    [id, 1057, 282 + shift, 345, 40],
    ['参保缴费', 340, 338 + shift, 128, 40],
    ['男', 1057, 338 + shift, 32, 40],
    ['序号', 151, 449, 57, 36],
    ['单位名称', 446, 449, 115, 36],
    ['起始年月', 806, 449, 115, 36],
    ['截止年月', 984, 449, 115, 36],
    ['险种', 1300, 449, 57, 36],
    ['1', 171, 516, 17, 36],
    ['杭州之江电气设备有限公司', 331, 516, 345, 36],
    ['2020.02', 807, 516, 112, 36],
    ['2021.06', 985, 516, 112, 36],
    ['养老保险', 1271, 516, 115, 36],
    ['累计缴费月数：17个月', 126, 600, 326, 40],
  ];
  const textLayer = (lines: readonly Line[]): OcrPage => ({ ...scanPage(lines, { width: 1653, height: 2339 }), source: 'text_layer' });

  it('reads the person’s name with the fill-in moved back onto its labels', () => {
    // Act
    const doc = extractDocuments([textLayer(record(44))], { today: TODAY })[0];
    // Assess
    expect(doc.fields.personName.value).toBe('韦晨');
    expect(doc.fields.idNumber.value).toBe(id);
  });

  it('reads the same page printed true to its labels the same way', () => {
    const doc = extractDocuments([textLayer(record(0))], { today: TODAY })[0];
    expect(doc.fields.personName.value).toBe('韦晨');
  });
});

/** A contract's closing clauses and signing lines (rows under the parties' table), shared by the contract pages below. */
const CLOSING: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 198, 1041, 1008, 41],
  ['二、甲方依法为乙方缴纳社会保险费。', 198, 1099, 562, 42],
  ['三、本合同一式两份，甲乙双方各执一份，具有同等法律效力。', 195, 1157, 948, 45],
  ['甲方（盖章）：', 192, 1272, 261, 49],
  ['乙方（签字）：', 823, 1271, 261, 53],
  ['签订日期：2020-04-30', 195, 1348, 396, 45],
];
const CONTRACT_PAGE = { width: 1653, height: 2339 };
const readContract = (lines: readonly Line[]) => extractDocuments([scanPage([...lines, ...CLOSING], CONTRACT_PAGE)], { today: TODAY })[0];
const employeeId = residentId('19961108', '330108', '378');

describe('values a label in the next row seemed to own', () => {
  it('reads a date printed half a line high with `（盖章）` under it: where to stamp owns no printed line', () => {
    // Prepare: the start date set 26 px over its label's row; the form prints `（盖章）` right under it.
    const doc = readContract([
      ['劳动合同书', 607, 135, 418, 70],
      ['甲方', 213, 316, 314, 56],
      ['杭州万松电子商务有限公司', 558, 318, 460, 48],
      ['劳动者姓名', 216, 637, 192, 53],
      ['欧阳晨', 557, 635, 158, 55],
      ['身份证号码', 845, 637, 196, 53],
      [employeeId, 1189, 642, 409, 42],
      ['合同期限自', 216, 824, 192, 52],
      ['2020.05.07', 559, 804, 206, 39],
      ['合同终止日期', 846, 825, 233, 49],
      ['2023-05-06', 1187, 828, 210, 45],
      ['（盖章）', 584, 847, 122, 57],
      ['工作岗位', 221, 932, 265, 52],
      ['服装制版师', 560, 933, 192, 48],
    ]);
    // Assess
    expect(doc.fields.startDate.value).toBe('2020-05-07');
    expect(doc.fields.endDate.value).toBe('2023-05-06');
  });

  it('reads an occupation under the ID’s label when the ID beside that label is only printed off its row', () => {
    // Prepare: every value of the certificate printed about half a line high; `工具钳工` stands 13 px under
    // `证件号码`, whose ID is beside it 22 px high.
    const page = scanPage(
      [
        ['职业技能等级证书', 888, 236, 558, 63],
        ['持证人', 183, 357, 114, 45],
        ['邱勇涛', 613, 337, 103, 45],
        ['性别', 184, 422, 80, 45],
        ['女', 618, 443, 35, 33],
        [residentId('20020327', '330621', '958'), 616, 474, 298, 32],
        ['证件号码', 185, 492, 406, 40],
        ['职业名称', 185, 563, 134, 43],
        ['工具钳工', 338, 545, 131, 42],
        ['三级（高级工）', 341, 611, 199, 41],
        ['等级', 184, 630, 73, 45],
        ['Y330106871093213199519', 927, 683, 366, 32],
        ['证书编号', 186, 698, 129, 41],
        ['2021.01.16', 339, 851, 172, 36],
        ['发证日期', 185, 868, 132, 44],
      ],
      { width: 2339, height: 1653 },
    );
    // Act
    const doc = extractDocuments([page], { today: TODAY })[0];
    // Assess
    expect(doc.fields.occupation.value).toBe('工具钳工');
  });

  it('reads a name over its bracketed caption that a keystoned photo boxed tight under the address’s label', () => {
    // Prepare: `徐文` as tight under `地址:` as over `（乙方（劳动者）姓名）`; the address is beside `地址:`, 9 px low.
    const doc = extractDocuments(
      [
        scanPage(
          [
            ['劳动合同', 471, 221, 185, 43],
            ['用人单位:', 228, 295, 148, 25],
            ['杭州恒信建筑工程智慧服务有限公司', 457, 311, 293, 16],
            ['法定代表人:', 228, 369, 148, 23],
            ['余桂', 456, 373, 43, 26],
            ['地址:', 227, 401, 167, 30],
            ['浙江省杭州市西湖区人民路366号27幢1503室', 457, 417, 352, 16],
            ['徐文', 244, 439, 49, 25],
            ['（乙方（劳动者）姓名）', 235, 472, 171, 21],
            ['身份证号码:', 231, 505, 145, 25],
            [employeeId, 457, 511, 168, 20],
            ['合同起始日期:', 232, 610, 124, 28],
            ['2020年01月15日', 454, 611, 132, 26],
            ['签订日期:2020-01-13', 230, 900, 200, 27],
          ],
          { width: 1000, height: 1400 },
        ),
      ],
      { today: TODAY },
    )[0];
    // Assess
    expect(doc.fields.employeeName.value).toBe('徐文');
    expect(doc.fields.employerName.value).toBe('杭州恒信建筑工程智慧服务有限公司');
  });
});

describe('values a turned or bent page set onto their caption, and leaders that wrapped', () => {
  it('reads a name whose box a turned scan set a third of a line into its bracketed caption', () => {
    // Prepare: `万萱斌` ends 12 px inside `（乙方）` (46 px high) under it.
    const doc = readContract([
      ['劳动合同', 667, 141, 302, 70],
      ['甲方（用人单位）名称', 205, 284, 368, 46],
      ['杭州新锐电气设备有限公司', 592, 297, 460, 57],
      ['法定代表人', 200, 522, 190, 49],
      ['郝涵飞', 595, 543, 120, 51],
      ['万萱斌', 201, 734, 153, 55],
      ['（乙方）', 215, 777, 291, 46],
      ['身份证号码', 202, 845, 337, 49],
      [employeeId, 597, 870, 360, 42],
      ['合同期限自', 202, 1062, 187, 49],
      ['2021.05.10', 596, 1091, 189, 39],
    ]);
    // Assess
    expect(doc.fields.employeeName.value).toBe('万萱斌');
  });

  it('reads a date after a leader that wrapped back to its cell’s edge, left of the dots the engine boxed', () => {
    // Prepare: `···2021年10` boxed from its last dots; `月04日` wraps back to the cell's left edge, 80 px further left.
    const doc = readContract([
      ['劳动合同书', 636, 199, 366, 67],
      ['甲方:', 123, 385, 307, 49],
      ['杭州北山机械制造有限公司', 485, 387, 420, 45],
      ['乙方（劳动者）姓名:石娜', 124, 755, 439, 44],
      [`居民身份证号码:${employeeId}`, 838, 758, 694, 39],
      ['合同起始日期:', 125, 1009, 296, 41],
      ['···2021年10', 567, 1005, 217, 45],
      ['月04日', 487, 1051, 115, 49],
    ]);
    // Assess: read joined, a guess about layout the clerk confirms.
    expect(doc.fields.startDate.value).toBe('2021-10-04');
    expect(doc.fields.startDate.needsReview).toBe(true);
  });

  it('reads the employee beside a spread `乙　方:` whose head the engine lost, colon and all', () => {
    // Prepare: `方:` boxed alone, the name beside it; flagged, the label being inferred.
    const doc = readContract([
      ['劳动合同', 617, 277, 231, 48],
      ['杭州龙井机械制造有限公司', 317, 396, 292, 25],
      ['（甲方）', 368, 432, 189, 35],
      ['法定代表人:', 301, 546, 154, 24],
      ['汤凯宇', 533, 536, 79, 31],
      ['方:', 469, 682, 65, 29],
      ['郭英涵', 534, 679, 79, 31],
      [employeeId, 324, 736, 241, 28],
      ['（居民身份证号码）', 313, 774, 166, 31],
      ['合同起始日期:', 311, 960, 153, 35],
      ['2018年07月01日', 539, 963, 179, 35],
    ]);
    // Assess
    expect(doc.fields.employeeName.value).toBe('郭英涵');
    expect(doc.fields.employeeName.issues).toContain('label_inferred');
  });
});

describe('a record’s person beside what is left of the label', () => {
  const id = residentId('20020131', '330302', '340');
  /** A photographed record whose person label lost its head: `label` is what the engine read of it. */
  const record = (label: Line[]): OcrPage =>
    scanPage(
      [
        ['社会保险个人参保证明', 487, 256, 305, 43],
        ...label,
        ['谢建', 575, 340, 46, 29],
        ['公民身份号码', 269, 379, 119, 30],
        [id, 577, 384, 181, 28],
        ['参保状态', 269, 422, 120, 31],
        ['参保缴费', 577, 425, 79, 30],
        ['性别', 267, 469, 120, 26],
        ['女', 577, 469, 20, 26],
        ['单位名称', 300, 560, 120, 30],
        ['起止年月', 700, 560, 120, 30],
        ['杭州之江物流有限公司', 260, 610, 260, 30],
        ['2018.03-2021.06', 680, 610, 200, 30],
      ],
      { width: 1080, height: 1440 },
    );
  const read = (label: Line[]) => extractDocuments([record(label)], { today: TODAY })[0].fields.personName;

  it('reads the name beside `保人`, the head of 参保人 lost to glare, flagged', () => {
    const name = read([['保人', 292, 335, 95, 28]]);
    expect(name.value).toBe('谢建');
    expect(name.issues).toContain('label_inferred');
    expect(name.needsReview).toBe(true);
  });

  it('reads the name beside `名:` and beside a spread `姓` whose `名` was misread in its own box', () => {
    expect(read([['名:', 330, 337, 58, 33]]).value).toBe('谢建');
    expect(
      read([
        ['姓', 281, 337, 46, 45],
        ['君', 386, 339, 43, 43],
      ]).value,
    ).toBe('谢建');
  });

  it('reads no name beside a lone character without a colon (a seal’s letter or a stray mark)', () => {
    expect(read([['名', 330, 337, 30, 30]]).value).toBeNull();
  });
});

describe('a certificate’s `工种` glued to its occupation', () => {
  it('reads the occupation after `工种` opening a line with the gap after it lost (`工种服装制版师`)', () => {
    // Prepare: the engine boxed each label with its value, without the gap between them.
    const page = scanPage(
      [
        ['职业技能等级证书', 762, 279, 433, 41],
        ['持证人皇甫雪', 242, 357, 266, 35],
        ['性别女', 248, 413, 120, 36],
        [`身份证号码${residentId('19811209', '330102', '724')}`, 253, 509, 419, 34],
        ['工种服装制版师', 250, 552, 272, 38],
        ['技能等级五级', 253, 611, 200, 36],
        ['证书编号Y330106140112215721637', 255, 669, 430, 35],
        ['颁证日期:2021年9月20日', 1367, 836, 296, 44],
      ],
      { width: 1920, height: 1280 },
    );
    // Act
    const doc = extractDocuments([page], { today: TODAY })[0];
    // Assess
    expect(doc.fields.occupation.value).toBe('服装制版师');
  });

  it('reads the occupation glued to `认定职业` in a certificate’s prose (`认定职业企业人力资源管理师，`)', () => {
    const page = scanPage(
      [
        ['职业技能等级证书', 567, 178, 511, 55],
        ['申请人姓名皇甫雪,', 154, 324, 310, 41],
        ['性别 女,居民身份证号', 571, 323, 344, 43],
        [residentId('19811209', '330102', '724'), 969, 325, 290, 37],
        ['认定职业企业人力资源管理师 ,', 155, 418, 709, 38],
        ['资格等级二级(技师)', 865, 420, 417, 32],
      ],
      { width: 1920, height: 1280 },
    );
    expect(extractDocuments([page], { today: TODAY })[0].fields.occupation.value).toBe('企业人力资源管理师');
  });

  it('reads no occupation from a sentence that opens with 工种 (`工种调整须经双方协商`)', () => {
    const page = scanPage(
      [
        ['职业技能等级证书', 762, 279, 433, 41],
        ['持证人皇甫雪', 242, 357, 266, 35],
        ['工种调整须经双方协商', 250, 552, 380, 38],
      ],
      { width: 1920, height: 1280 },
    );
    expect(extractDocuments([page], { today: TODAY })[0].fields.occupation.value).toBeNull();
  });
});

describe('a contract’s `方` glued before the employee’s name', () => {
  it('reads `吴杰` from `方吴杰` (the `乙` of `乙　方` lost), flagged', () => {
    const doc = readContract([
      ['劳动合同书', 540, 200, 300, 50],
      ['甲方', 225, 300, 60, 26],
      ['杭州之江物流有限公司', 376, 300, 260, 26],
      ['法定代表人', 225, 360, 91, 26],
      ['肖海芳', 376, 360, 57, 26],
      ['方吴杰', 341, 464, 78, 27],
      ['身份证号码', 599, 465, 92, 25],
      [employeeId, 754, 465, 178, 25],
    ]);
    expect(doc.fields.employeeName.value).toBe('吴杰');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });
});
