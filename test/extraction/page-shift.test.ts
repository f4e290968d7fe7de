import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import { fillInOffset, withFillInRealigned } from '../../shared/extraction/page-shift.js';
import { person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 class 5: the whole fill-in layer of a page printed off its labels by one offset (a form fed off-true
// through a dot-matrix printer), on constructed OCR lines. No eval file is read here.

const TODAY = '2026-12-05';
const PITCH = 70;
const title: Line = ['职业技能等级证书', 560, 150, 520, 60];
const rows: Array<[label: string, value: string]> = [
  ['姓名', person.name],
  ['性别', '男'],
  ['身份证号', person.id],
  ['职业名称', '电工'],
  ['技能等级', '四级/中级工'],
  ['证书编号', 'S000033010600213000123'],
  ['发证日期', '2021年11月03日'],
];

/** The certificate's rows with every value moved by `shift(row)` pixels (+ down). */
function certificate(shift: (row: number) => number): Line[] {
  return [
    title,
    ...rows.flatMap(([label, value], i): Line[] => [
      [label, 200, 300 + i * PITCH, label.length * 36, 36],
      [value, 420, 300 + i * PITCH + shift(i), [...value].length * 24, 36],
    ]),
  ];
}
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

describe('a fill-in layer printed off its labels by one offset over the page', () => {
  it('reads every value of a page whose fill-in sits 0.8 of a row pitch low, nearer the next label', () => {
    const doc = readOne(certificate(() => PITCH * 0.8));
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.certificateNumber.value).toBe('S000033010600213000123');
    expect(doc.fields.issueDate.value).toBe('2021-11-03');
  });

  it('reads every value of a page whose fill-in sits 0.7 of a row pitch high, nearer the previous label', () => {
    const doc = readOne(certificate(() => -PITCH * 0.7));
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.issueDate.value).toBe('2021-11-03');
  });

  it('measures the offset on the ID and the date, whose validators prove which label they belong to', () => {
    expect(fillInOffset(buildPageLayout(page(certificate(() => PITCH * 0.8))))).toBeCloseTo(PITCH * 0.8, 0);
  });

  it('moves only the boxes the reader measures: every line keeps the box its field source names', () => {
    const layout = buildPageLayout(page(certificate(() => PITCH * 0.8)));
    const before = { ...layout.lines.find((l) => l.flat === person.id)!.box };
    const moved = withFillInRealigned(layout);
    const id = moved.lines.find((l) => l.flat === person.id)!;
    expect(id.box.y).toBeCloseTo(300 + 2 * PITCH, 0);
    expect(id.original.y).toBe(300 + 2 * PITCH + PITCH * 0.8);
    expect(layout.lines.find((l) => l.flat === person.id)!.box).toEqual(before);
  });

  it('leaves a page alone when the proving pairs disagree (each value shifted its own way)', () => {
    const layout = buildPageLayout(page(certificate((i) => (i === 2 ? PITCH * 0.8 : i === 6 ? -PITCH * 0.5 : 0))));
    expect(fillInOffset(layout)).toBeUndefined();
    expect(withFillInRealigned(layout)).toBe(layout);
  });

  it('leaves a page alone whose proving pairs spread as a curled photo displaces them (0.15 of a pitch apart)', () => {
    const layout = buildPageLayout(page(certificate((i) => PITCH * (i === 2 ? 0.7 : 0.85))));
    expect(fillInOffset(layout)).toBeUndefined();
  });

  it('keeps a line the offset explains nothing of where it was printed (a remark the printer never shifted)', () => {
    const remark: Line = ['本证书全国范围内有效', 420, 300 + 8 * PITCH, 240, 36];
    const moved = withFillInRealigned(buildPageLayout(page([...certificate(() => PITCH * 0.8), remark])));
    expect(moved.lines.find((l) => l.flat === person.id)!.box.y).toBeCloseTo(300 + 2 * PITCH, 0);
    expect(moved.lines.find((l) => l.flat === '本证书全国范围内有效')!.box.y).toBe(300 + 8 * PITCH);
  });

  it('leaves a page alone when only one pair proves itself', () => {
    // The ID alone: no date, and no sex (`男` beside `性别` proves its row too).
    const lines = certificate(() => PITCH * 0.8).filter(([text]) => !['发证日期', '2021年11月03日', '性别', '男'].includes(text));
    expect(fillInOffset(buildPageLayout(page(lines)))).toBeUndefined();
  });

  it('leaves a page whose values sit on their labels’ rows alone', () => {
    expect(fillInOffset(buildPageLayout(page(certificate(() => 0))))).toBeUndefined();
    expect(fillInOffset(buildPageLayout(page(certificate(() => PITCH * 0.15))))).toBeUndefined();
    // Under 0.45 of a pitch each value is still nearest its own label: the field-by-field reading handles it.
    expect(fillInOffset(buildPageLayout(page(certificate(() => PITCH * 0.35))))).toBeUndefined();
  });
});

describe('a 个体工商户 licence’s fill-in printed off its labels, one date on the page', () => {
  // Seen family licence/proc-CS (noisy scan, rotated page, phone photo): the fill-in 0.8 of a row pitch low. Its only
  // date (`注册日期`) proves one pair; the registrant's type (`个体工商户`) and make-up (`个人经营`), terms of a closed
  // set, prove their labels' rows too. Read as printed, the operator's name was taken for the address's label, or
  // nothing. Constructed text-layer lines with values of their own.
  const LICENCE_PITCH = 80;
  const licenceRows: Array<[label: string, value: string]> = [
    ['名称：', '杭州市西湖区明远汽车维修服务部'],
    ['经营者：', '彭宇杰'],
    ['类型：', '个体工商户'],
    ['注册日期：', '2009年05月21日'],
    ['组成形式：', '个人经营'],
    ['经营场所：', '浙江省杭州市西湖区文二路88号5幢1203室'],
  ];
  const licence = (shift: number, rowsOf = licenceRows): Line[] => [
    ['统一社会信用代码', 106, 99, 286, 44],
    ['92330106MA2B7K4N5X', 109, 158, 380, 42],
    ['营业执照', 877, 229, 531, 99],
    ...rowsOf.flatMap(([label, value], i): Line[] => [
      [label, 168, 437 + i * LICENCE_PITCH, label.length * 36, 44],
      [value, 480, 437 + i * LICENCE_PITCH + shift, [...value].length * 36, 44],
    ]),
    ['经营范围：', 169, 437 + 6 * LICENCE_PITCH, 204, 44],
    ['一般项目：技术服务、技术开发、技术咨询。', 481, 437 + 6 * LICENCE_PITCH + shift, 720, 43],
    ['登记机关：', 1941, 1189, 168, 49],
    ['2009年05月25日', 1931, 1250, 260, 44],
  ];

  it('reads the operator, the address and the name with the fill-in moved back', () => {
    const doc = extractDocuments([page(licence(LICENCE_PITCH * 0.8), { width: 2340, height: 1654 })], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市西湖区明远汽车维修服务部');
    expect(doc.fields.legalRepresentative.value).toBe('彭宇杰');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文二路88号5幢1203室');
    expect(doc.fields.establishedDate.value).toBe('2009-05-21');
  });

  it('measures the offset on the date, the type and the make-up', () => {
    expect(fillInOffset(buildPageLayout(page(licence(LICENCE_PITCH * 0.8), { width: 2340, height: 1654 })))).toBeCloseTo(LICENCE_PITCH * 0.8, 0);
  });

  it('takes a type outside the closed set as no proof (one date alone moves nothing)', () => {
    const odd = licenceRows.map(([label, value]): [string, string] => [
      label,
      value === '个体工商户' ? '个体户经营' : value === '个人经营' ? '自己经营' : value,
    ]);
    expect(fillInOffset(buildPageLayout(page(licence(LICENCE_PITCH * 0.8, odd), { width: 2340, height: 1654 })))).toBeUndefined();
  });
});

describe('a fill-in layer printed a whole row low', () => {
  // Seen family licence/proc-CS (digital, guard sample): every value one row pitch under its label, each level with
  // the next label (the code with `名称`, the date with `营业场所`, the term with `经营范围`), the name and the type
  // wrapped over three lines each. As printed, the page read the date into the address (`2005年10月19日浙江省…`,
  // flagged): the proved values sitting on other labels' rows now count against reading it as it stands.
  // Constructed text-layer lines, set as that page's were, with values of their own.
  const licence = (shift: number): Line[] => [
    ['营业执照', 551, 246, 524, 115],
    ['统一社会信用代码：', 110, 432, 312, 35],
    ['(2-1)', 851, 432, 75, 38],
    ['名称：', 110, 501, 104, 35],
    ['类　　型：', 110, 663, 174, 35],
    ['负责人：', 110, 826, 139, 35],
    ['成立日期：', 110, 897, 174, 35],
    ['营业场所：', 110, 965, 174, 35],
    ['营 业 期 限：', 110, 1128, 200, 38],
    ['经营范围：', 110, 1197, 174, 35],
    ...(
      [
        ['91330106MA2B7K4N5X', 475, 432, 396, 38],
        ['杭州明远电气设', 475, 500, 243, 35],
        ['备有限公司文一', 475, 548, 243, 35],
        ['路分公司', 475, 594, 139, 35],
        ['有限责任公司分公', 475, 663, 278, 35],
        ['司(自然人投资或', 475, 711, 256, 38],
        ['控股)', 475, 757, 82, 38],
        ['彭宇杰', 475, 825, 105, 35],
        ['2009年05月21日', 475, 894, 253, 38],
        ['浙江省杭州市西湖区', 475, 963, 312, 35],
        ['文二路88号5幢', 475, 1011, 250, 38],
        ['1203室', 475, 1057, 110, 38],
        ['2009-05-21至长期', 475, 1125, 277, 38],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技', 475, 1196, 1076, 35],
        ['术推广；软件开发；信息系统集成服务。', 475, 1242, 600, 37],
      ] as Line[]
    ).map(([text, x, y, w, h]): Line => [text, x, y + shift, w, h]),
    ['登记机关：', 1240, 1588, 174, 35],
    ['2009-05-25', 1240, 1640, 185, 40],
  ];

  it('reads every value with the fill-in moved back a row', () => {
    const doc = extractDocuments([page(licence(66))], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.creditCode.value).toBe('91330106MA2B7K4N5X');
    expect(doc.fields.companyName.value).toBe('杭州明远电气设备有限公司文一路分公司');
    expect(doc.fields.legalRepresentative.value).toBe('彭宇杰');
    expect(doc.fields.establishedDate.value).toBe('2009-05-21');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文二路88号5幢1203室');
  });

  it('measures the row’s offset on the code, the date and the term', () => {
    const offset = fillInOffset(buildPageLayout(page(licence(66))));
    // Centres: the values' boxes stand a few pixels taller than the labels'.
    expect(offset).toBeGreaterThan(62);
    expect(offset).toBeLessThan(69);
  });
});
