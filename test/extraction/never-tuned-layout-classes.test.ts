import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, creditCode, person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Classes behind the wrong fields of the procedural-v3 development sample (issue 12: a ruled bilingual grid and
// fill-in-the-blank prose), each on constructed OCR lines with their own values: no eval file is read here.

const TODAY = '2026-12-04';

const readOne = (p: OcrPage) => extractDocuments([p], { today: TODAY })[0];

/** A one-page labour contract in a bilingual grid: two label/value pairs a row, English gloss over each label. */
function contractGrid(termRow: readonly Line[]): OcrPage {
  return page([
    ['劳动合同', 646, 133, 340, 69],
    ['Employer', 308, 326, 102, 26],
    ['用　工　单　位:', 236, 358, 244, 35],
    [company.name, 556, 358, 420, 33],
    ['Unified Social Credit Code', 799, 326, 275, 26],
    ['统一社会信用代码:', 798, 430, 278, 35],
    [company.code, 1117, 430, 367, 35],
    ['Employee', 306, 688, 105, 26],
    ['乙方（劳动者）姓名:', 203, 719, 311, 36],
    [person.name, 555, 719, 100, 33],
    ['ID No.', 905, 688, 63, 26],
    ['有效证件号码:', 831, 719, 211, 35],
    [person.id, 1117, 719, 329, 33],
    ...termRow,
    ['Post', 335, 1020, 46, 26],
    ['工　作　岗　位:', 236, 1052, 244, 35],
    ['服装制版师', 572, 1037, 167, 33],
    ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 181, 1152, 920, 33],
    ['甲方（盖章）：', 181, 1394, 217, 36],
    ['乙方（签字）：', 827, 1394, 217, 36],
    ['订立日期：2018.05.04', 181, 1462, 334, 36],
  ]);
}

describe('a value past the next label of its row', () => {
  it('reads the start date wrapped in its narrow cell, not the end date beside the next label', () => {
    // `2019年3月21` | `日` centred on 起始日期's row, a little above it; the end date sits past `合同期限至:`, nearer
    // in height to 起始日期's row than the start date's own first line.
    const doc = readOne(
      contractGrid([
        ['Term From', 301, 907, 115, 26],
        ['起　始　日　期:', 236, 939, 244, 35],
        ['2019年3月21', 560, 900, 191, 35],
        ['日', 639, 946, 33, 33],
        ['Term To', 894, 907, 85, 26],
        ['合同期限至:', 848, 939, 178, 35],
        ['2021/05/13', 1215, 923, 170, 35],
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.endDate.value).toBe('2021-05-13');
    expect(doc.fields.startDate.value).toBe('2019-03-21');
  });

  it('leaves a start date whose only candidate stands past another label unread rather than confident', () => {
    const doc = readOne(
      contractGrid([
        ['Term From', 301, 907, 115, 26],
        ['起　始　日　期:', 236, 939, 244, 35],
        ['Term To', 894, 907, 85, 26],
        ['合同期限至:', 848, 939, 178, 35],
        ['2021/05/13', 1215, 923, 170, 35],
      ]),
    );
    expect(doc.fields.endDate.value).toBe('2021-05-13');
    expect(doc.fields.startDate.value === '2021-05-13' && !doc.fields.startDate.needsReview).toBe(false);
  });
});

/** A business licence in a bilingual grid: spread labels (`地　址` as two boxes), values centred in wide cells. */
function licenceGrid(addressLines: readonly Line[], tail: readonly Line[] = []): OcrPage {
  return page(
    [
      ['统一社会信用代码', 173, 185, 289, 36],
      [`${creditCode('68FYM68EL')} (1-1)`, 173, 243, 479, 39],
      ['营业执照', 939, 196, 432, 87],
      ['Name', 232, 426, 55, 22],
      ['名', 157, 456, 29, 29],
      ['称', 332, 456, 29, 29],
      [company.name, 394, 456, 360, 29],
      ['Legal Representative', 163, 666, 191, 22],
      ['法定代表人姓名', 157, 695, 203, 29],
      [person.name, 394, 683, 116, 29],
      ['Date of Establishment', 158, 847, 201, 22],
      ['登记成立日期', 157, 877, 203, 29],
      ['2012年1月17日', 394, 864, 200, 31],
      ['Business Term', 193, 939, 133, 22],
      ['营', 157, 968, 29, 29],
      ['业', 215, 968, 29, 29],
      ['期', 273, 968, 29, 29],
      ['限', 332, 968, 29, 29],
      ['二〇一二年一月十七日至二〇三二年一月十七日', 719, 954, 610, 29],
      ['Domicile', 218, 1056, 81, 22],
      ['地', 157, 1085, 29, 29],
      ['址', 332, 1085, 29, 29],
      ...addressLines,
      ...tail,
      ['登记机关：', 1967, 1452, 145, 29],
      ['二〇一二年一月二十七日', 1880, 1504, 319, 29],
    ],
    { width: 2339, height: 1653 },
  );
}

describe('a wrapped value read only in part', () => {
  it('flags an address centred in its cell whose first line sits above the label row', () => {
    const doc = readOne(
      licenceGrid([
        ['浙江省杭州市西湖区转塘街道', 835, 1031, 377, 29],
        ['西园路626号文新智谷产业园6', 832, 1070, 384, 31],
        ['幢9层903室', 948, 1110, 152, 31],
      ]),
    );
    expect(doc.type).toBe('business_license');
    const address = doc.fields.address;
    // The first line, set tight on the block and apart from `营业期限`'s value above, is read with it (h/digital12);
    // read in part, the value would never pass unreviewed.
    const whole = address.value === '浙江省杭州市西湖区转塘街道西园路626号文新智谷产业园6幢9层903室';
    expect(whole || address.needsReview).toBe(true);
    if (!whole) expect(address.issues ?? []).toContain('value_may_continue');
  });

  it('keeps a one-line address in the same grid confident', () => {
    const doc = readOne(licenceGrid([['浙江省杭州市西湖区转塘街道西园路626号', 720, 1085, 600, 29]]));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区转塘街道西园路626号');
    expect(doc.fields.address.needsReview).toBe(false);
  });

  it('reads whole, and flags, an address on an underlined blank that wraps onto the next prose line', () => {
    // Fill-in-the-blank prose: the blank wraps inside its own width, one prose line (about two heights) lower.
    const doc = readOne(
      page([
        ['统一社会信用代码　913301068FYM68EL3F （1-1）', 150, 129, 710, 33],
        ['营业执照', 551, 275, 511, 101],
        ['名称:', 165, 492, 92, 33],
        [company.name, 303, 492, 400, 31],
        ['；法定代表人:', 942, 492, 256, 33],
        [person.name, 1272, 492, 113, 31],
        ['成立日期: 2011年07月26日；注册资本:', 165, 704, 572, 33],
        ['1000万元人民币', 792, 704, 222, 33],
        ['；', 660, 773, 31, 33],
        ['地', 722, 773, 31, 31],
        ['址', 784, 773, 31, 31],
        [': 浙江省杭州市西湖区', 845, 773, 308, 33],
        ['天目山路27号20幢9', 873, 844, 280, 33],
        ['04室', 873, 915, 65, 33],
        ['登记机关:', 1245, 1454, 132, 33],
        ['发照日期:2012年07月17日', 1134, 1509, 354, 33],
      ]),
    );
    expect(doc.type).toBe('business_license');
    const address = doc.fields.address;
    expect(address.value).toBe('浙江省杭州市西湖区天目山路27号20幢904室');
    expect(address.needsReview).toBe(true);
    expect(address.issues ?? []).toContain('value_wrap_inferred');
  });

  it('reads whole, and flags, an address that ends at the right edge of run-on prose and goes on at the margin', () => {
    const lines: Line[] = [
      ['注册号', 197, 160, 88, 29],
      ['330106045404053', 197, 206, 243, 31],
      ['营业执照', 535, 236, 542, 106],
      ['企业名称', 189, 454, 118, 29],
      [company.name, 358, 454, 413, 29],
      ['注册资本', 823, 454, 147, 29],
      ['100万元人民币', 1014, 454, 196, 31],
      ['法人代表', 565, 520, 156, 29],
      [person.name, 784, 520, 93, 29],
      ['成立时间', 940, 520, 156, 29],
      ['二〇〇八年八月五日', 1140, 520, 283, 29],
      ['营业期限', 189, 589, 120, 29],
      ['2008年08月05日至2028.08.05', 340, 589, 400, 31],
      ['住　　所', 770, 589, 151, 29],
      ['浙江省杭州市西湖区文三路88号7幢', 957, 589, 508, 31],
      ['1203室', 189, 656, 90, 31],
      ['经营项目', 303, 656, 149, 29],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推', 481, 656, 984, 29],
      ['广；软件开发；信息系统集成服务；职业技能培训（不含需取得许可的培训）；人力资源服务（不含', 189, 722, 1276, 29],
      ['登记机关：', 189, 979, 146, 29],
      ['2010/08/14', 189, 1031, 152, 31],
    ];
    const doc = readOne(page(lines));
    expect(doc.type).toBe('business_license');
    const address = doc.fields.address;
    expect(address.value).toBe('浙江省杭州市西湖区文三路88号7幢1203室');
    expect(address.needsReview).toBe(true);
    expect(address.issues ?? []).toContain('value_wrap_inferred');
    // The same line ending short of the edge, the next line starting with a label: nothing runs on.
    const ended = lines.map((l): Line => (l[0].startsWith('浙江省') ? [`${l[0]}1203室`, l[1], l[2], 420, l[4]] : l)).filter((l) => l[0] !== '1203室');
    const whole = readOne(page(ended)).fields.address;
    expect(whole.value).toBe('浙江省杭州市西湖区文三路88号7幢1203室');
    expect(whole.issues ?? []).not.toContain('value_may_continue');
  });
});

/** A one-page labour contract in run-on prose, pairs separated by `，`, lines justified to x = 1465. */
function contractProse(lines: readonly Line[]): OcrPage {
  return page([
    ['劳动合同书', 628, 160, 379, 59],
    ['甲方：', 189, 315, 124, 33],
    [company.name, 352, 315, 420, 33],
    ['，社会信用代码：', 1111, 315, 353, 33],
    [company.code, 220, 388, 287, 33],
    ...lines,
    ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 189, 780, 881, 31],
    ['三、本合同一式两份，甲乙双方各执一份，具有同等法律效力。', 189, 882, 822, 31],
    ['甲方（盖章）：', 189, 992, 224, 33],
    ['乙方（签字）：', 827, 992, 224, 33],
    ['签订日期：2019.07.18', 189, 1059, 319, 33],
  ]);
}

describe('fill-in-the-blank prose', () => {
  it('reads whole, and flags, a name cut at the end of a prose line whose last characters start the next line', () => {
    const doc = readOne(
      contractProse([
        ['，乙方（劳动者）姓名：欧阳', 1001, 461, 464, 33],
        ['明轩，有效证件号码：', 189, 534, 355, 33],
        [person.id, 583, 534, 287, 33],
        ['合同期限：2019年07月24日至2024年07月23日', 189, 609, 700, 33],
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    const name = doc.fields.employeeName;
    expect(name.value).toBe('欧阳明轩');
    expect(name.needsReview).toBe(true);
    expect(name.issues ?? []).toContain('value_wrap_inferred');
  });

  it('keeps a name that ends well before the line end confident', () => {
    const doc = readOne(
      contractProse([
        ['，乙方（劳动者）姓名：欧阳明轩', 900, 461, 420, 33],
        ['有效证件号码：', 189, 534, 250, 33],
        [person.id, 583, 534, 287, 33],
        ['合同期限：2019年07月24日至2024年07月23日', 189, 609, 700, 33],
      ]),
    );
    expect(doc.fields.employeeName.value).toBe('欧阳明轩');
    expect(doc.fields.employeeName.needsReview).toBe(false);
  });

  it('keeps a name confident when another label follows it to the line end', () => {
    // The line reaches the right edge and the next line starts with text, but that text is the phone number's.
    const doc = readOne(
      contractProse([
        ['，乙方（劳动者）姓名：欧阳明轩，联系电话：', 830, 461, 635, 33],
        ['13812345678，有效证件号码：', 189, 534, 420, 33],
        [person.id, 640, 534, 287, 33],
        ['合同期限：2019年07月24日至2024年07月23日', 189, 609, 700, 33],
      ]),
    );
    expect(doc.fields.employeeName.value).toBe('欧阳明轩');
    expect(doc.fields.employeeName.needsReview).toBe(false);
  });

  it('does not take for a start date the value a label of the next line waits for', () => {
    // `，用工起始日：` ends its prose line; its value starts the next line, and under the label stands the end date,
    // right after `，合同终止日期：`.
    const doc = readOne(
      contractProse([
        [`，乙方姓名：${person.name}`, 538, 461, 400, 33],
        ['，用工起始日：', 1111, 534, 354, 33],
        ['2019/12/08', 226, 609, 174, 33],
        ['，合同终止日期：', 453, 609, 349, 33],
        ['2024年12月7日', 851, 609, 231, 33],
      ]),
    );
    expect(doc.fields.endDate.value).toBe('2024-12-07');
    expect(doc.fields.startDate.value === '2024-12-07' && !doc.fields.startDate.needsReview).toBe(false);
    expect(doc.fields.startDate.value).not.toBe('2024-12-07');
  });

  it('reads whole, and flags, a name at the line end when the prose goes on under blanks wrapped over the rows between', () => {
    // `负责人:` `谭涵` ends the first prose line; the name and type blanks wrap over the next row, so the prose (and
    // the name's last character `飞`) resumes at the margin two rows down.
    const doc = readOne(
      page(
        [
          ['统一社会信用代码', 181, 153, 278, 35],
          ['91330106JXKBRHQRP0 (2-1)', 181, 209, 456, 37],
          ['营业执照', 892, 235, 519, 103],
          ['(副本)', 1100, 359, 139, 35],
          ['名', 205, 509, 35, 35],
          ['称:', 378, 509, 72, 35],
          ['浙江新锐建筑工程数字服务', 506, 509, 425, 35],
          ['类', 987, 509, 72, 35],
          ['型:有限责任公司分公司(自', 1198, 509, 488, 37],
          ['负责人:', 1713, 509, 283, 35],
          ['谭涵', 2031, 509, 72, 35],
          ['有限公司西湖分公司', 506, 588, 312, 35],
          ['然人投资或控股)', 1297, 588, 255, 37],
          ['飞', 205, 667, 35, 35],
          ['成立日期:', 463, 667, 295, 35],
          ['2011年05月04日', 807, 667, 301, 37],
          ['经营期限:', 1157, 667, 295, 35],
          ['二〇一一年五月四日至长期', 1527, 667, 510, 35],
          ['登记机关:', 1900, 1300, 150, 35],
          ['二〇一一年五月十日', 1850, 1350, 300, 35],
        ],
        { width: 2339, height: 1653 },
      ),
    );
    expect(doc.type).toBe('business_license');
    const name = doc.fields.legalRepresentative;
    expect(name.value).toBe('谭涵飞');
    expect(name.needsReview).toBe(true);
    expect(name.issues ?? []).toContain('value_wrap_inferred');
  });

  it('flags an operation item cut at the line end on a scan whose watermark reaches further right', () => {
    const lines: Line[] = [
      ['特种作业操作证', 520, 139, 591, 72],
      ['姓名:', 122, 262, 120, 45],
      [person.name, 260, 262, 150, 45],
      ['出生:', 122, 340, 120, 45],
      ['一九九一年十二月九日', 403, 343, 353, 45],
      ['居民身份证号:', 762, 341, 319, 45],
      [person.id, 195, 416, 302, 40],
      ['作业种类:制冷与空调作业', 133, 530, 421, 45],
      ['操作项目:制冷与空调设备运', 596, 531, 488, 45],
      ['行操作作业', 131, 604, 191, 40],
      ['证书编码:T330110199112096875', 132, 675, 510, 41],
      // Watermark pieces: a lone character, far right, and the issuer block lower down.
      ['用', 1360, 732, 73, 69],
      ['仅限办理职业技', 614, 610, 400, 285],
      ['杭州市应急管理局', 1128, 822, 341, 45],
      ['认定日期:2020年06月02日', 1130, 900, 392, 42],
    ];
    const doc = readOne({ ...page(lines), source: 'paddle' });
    expect(doc.type).toBe('vocational_certificate');
    const occupation = doc.fields.occupation;
    expect(occupation.value === '制冷与空调设备运行操作作业' || occupation.needsReview).toBe(true);
  });
});
