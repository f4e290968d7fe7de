import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import { residentId } from './support/documents.js';
import { scanPage, type Line } from './support/text-lines.js';

// Which date a certificate's reader takes when the issue date's own line is lost or misread (cert17: the held-out
// confident-wrong `2019-02-23` read `2025-02-22` on a turned page, and the seen samples of the night). Built on
// constructed lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';

/** A scanned page (the engine's reading, each line at confidence 0.99) holding `lines`, plus any lines given whole. */
function scannedPage(lines: readonly Line[], extra: readonly OcrLine[] = []): OcrPage {
  return scanPage(lines, { extra });
}

const readScan = (lines: readonly Line[], extra?: readonly OcrLine[]) => extractDocuments([scannedPage(lines, extra)], { today: TODAY })[0];

const holderId = residentId('19980317', '330106', '506');

/** An operation certificate whose validity lines and issue-date lines are given; its footer holds the issuer only. */
const operationCertificate = (validity: readonly Line[], issue: readonly Line[] = []): Line[] => [
  ['中华人民共和国特种作业操作证', 391, 328, 766, 77],
  ['姓名：', 333, 494, 150, 44],
  ['沈立伟', 613, 506, 89, 41],
  ['公民身份号码：', 329, 723, 236, 46],
  [holderId, 607, 734, 285, 45],
  ['作业类别：', 309, 817, 123, 44],
  ['高处作业', 494, 825, 190, 43],
  ...validity,
  ['证书编号：', 302, 1000, 121, 42],
  [`T${holderId}`, 485, 1000, 300, 41],
  ...issue,
  ['杭州市应急管理局', 974, 1405, 219, 46],
];

/** A training certificate whose period lines are given; its issue date is lost with its footer. */
const trainingCertificate = (period: readonly Line[]): Line[] => [
  ['培训结业证书', 391, 328, 766, 77],
  ['姓名：', 333, 494, 150, 44],
  ['沈立伟', 613, 506, 89, 41],
  ['公民身份号码：', 329, 723, 236, 46],
  [holderId, 607, 734, 285, 45],
  ['培训项目：', 309, 817, 123, 44],
  ['育婴员', 494, 825, 190, 43],
  ...period,
  ['证书编号：', 302, 1000, 121, 42],
  ['PX202012345678', 485, 1000, 300, 41],
  ['杭州市西湖区职业技能培训学校', 974, 1405, 319, 46],
];

describe('the issue date when its own line is lost', () => {
  it('flags a date alone on an operation certificate whose validity label was lost: it may be the validity’s end', () => {
    // Prepare: `有效期至：` unread, its `2025年2月22日` alone in the body; the 颁证日期 lost with the footer.
    const doc = readScan(operationCertificate([['2025年2月22日', 489, 938, 183, 44]]));
    // Act
    const issueDate = doc.fields.issueDate;
    // Assess: the only date there is, but the clerk confirms it.
    expect(issueDate.value).toBe('2025-02-22');
    expect(issueDate.needsReview).toBe(true);
    expect(issueDate.issues).toContain('issue_date_validity_end_unreadable');
  });

  it('keeps a date alone unflagged when the validity’s end was read beside its label', () => {
    const doc = readScan(
      operationCertificate(
        [
          ['有效期至：', 308, 931, 118, 43],
          ['2025年2月22日', 489, 938, 183, 44],
        ],
        [['二〇一九年二月二十三日', 974, 1455, 219, 46]],
      ),
    );
    const issueDate = doc.fields.issueDate;
    expect(issueDate.value).toBe('2019-02-23');
    expect(issueDate.issues ?? []).not.toContain('issue_date_validity_end_unreadable');
  });

  it('reads `有效期截止` as the validity’s label, so its date is never the issue date', () => {
    const doc = readScan(
      operationCertificate([
        ['有效期截止：', 308, 931, 150, 43],
        ['2025年2月22日', 489, 938, 183, 44],
      ]),
    );
    expect(doc.fields.issueDate.value).toBeNull();
    expect(doc.fields.issueDate.needsReview).toBe(true);
  });

  it('takes no end of a training period read in pieces (`培训时间：…至` | `2020年3月20日`) as the issue date', () => {
    const doc = readScan(
      trainingCertificate([
        ['培训时间：2020年3月1日至', 308, 931, 300, 43],
        ['2020年3月20日', 640, 938, 183, 44],
      ]),
    );
    expect(doc.fields.issueDate.value).toBeNull();
    expect(doc.fields.issueDate.needsReview).toBe(true);
  });

  it('takes neither end of a period whose label was lost and whose `至` was boxed apart', () => {
    const doc = readScan(
      trainingCertificate([
        ['2020年3月1日', 489, 938, 180, 44],
        ['至', 680, 938, 30, 44],
        ['2020年3月20日', 720, 938, 183, 44],
      ]),
    );
    expect(doc.fields.issueDate.value).toBeNull();
  });

  it('flags a date taken from elsewhere when the issue date’s label is printed with nothing readable beside it', () => {
    // Prepare: `颁证日期：` over a date misread past reading; the only date alone on the page is another one.
    const doc = readScan([...trainingCertificate([]), ['颁证日期：8九年西月二十八日', 966, 1114, 540, 60], ['2020年4月2日', 990, 1460, 200, 44]]);
    const issueDate = doc.fields.issueDate;
    expect(issueDate.value).toBe('2020-04-02');
    expect(issueDate.needsReview).toBe(true);
    expect(issueDate.issues).toContain('issue_date_label_value_unreadable');
  });

  it('still takes the date printed alone under the seal when a period is printed whole above it', () => {
    const doc = readScan([...trainingCertificate([['培训时间：2020年3月1日至2020年3月20日', 308, 931, 500, 43]]), ['2020年4月2日', 990, 1460, 200, 44]]);
    expect(doc.fields.issueDate.value).toBe('2020-04-02');
  });
});

describe('certificate values on the lines but not read (cert17 dev sample)', () => {
  it('reads a value stacked over its label when the label over it has its own value printed 0.69 of a line high', () => {
    // Prepare: the ID printed high beside `身份证号：`, so that label is no rival for `茶叶加工` tight over `项目名称：`.
    const doc = readScan([
      ['专项职业能力证书', 518, 255, 403, 48],
      ['姓名：', 247, 341, 117, 35],
      ['韦慧涛', 455, 341, 78, 34],
      [holderId, 455, 372, 233, 31],
      ['身份证号：', 250, 392, 180, 34],
      ['茶叶加工', 252, 445, 99, 34],
      ['项目名称：', 253, 474, 315, 34],
      ['证书编号：', 729, 475, 142, 31],
      ['ZX20193301462196', 853, 475, 219, 30],
      ['发证单位：', 252, 527, 111, 33],
      ['杭州市职业能力建设指导服务中心', 388, 528, 354, 32],
      ['2019-03-06', 1066, 636, 124, 30],
    ]);
    expect(doc.fields.occupation.value).toBe('茶叶加工');
  });

  it('takes no date spelled in Chinese numerals as the issuer under its label, but the name stacked over it', () => {
    // Prepare: captions under their values all down the form; the date under `发证单位：` is the caption `颁证日期`'s.
    const doc = readScan([
      ['职业技能等级证书', 748, 185, 816, 73],
      ['邹鸣博', 164, 342, 104, 44],
      ['持证人：', 137, 384, 135, 46],
      ['身份证号码：', 142, 548, 177, 41],
      [holderId, 360, 549, 324, 40],
      ['职业名称：', 138, 654, 149, 42],
      ['西式面点师', 331, 651, 170, 46],
      ['三级/高级工', 333, 687, 177, 46],
      ['等级：', 137, 712, 152, 47],
      ['证书编号：', 137, 773, 151, 46],
      ['S330106359339213385516', 329, 794, 396, 44],
      ['杭州之江职业', 142, 834, 197, 41],
      ['培训学校', 172, 875, 138, 45],
      ['发证单位：', 156, 917, 150, 46],
      ['二〇二一年十月十四日', 143, 980, 319, 37],
      ['颁证日期:', 169, 1023, 245, 41],
    ]);
    expect(doc.fields.issuer.value).toBe('杭州之江职业培训学校');
  });

  it('reads an issuer without the misread date joined under it as its wrap (`…培训学校` | `0二年六月五日`), flagged', () => {
    const doc = readScan([
      ['培训结业证书', 467, 245, 228, 39],
      ['姓名：', 208, 324, 87, 26],
      ['韦英伟', 306, 324, 56, 23],
      ['身份证号码：', 210, 359, 86, 23],
      [holderId, 310, 359, 155, 20],
      ['培训项目：', 205, 403, 96, 24],
      ['育婴员', 318, 403, 84, 24],
      ['证书编号：', 203, 479, 72, 24],
      ['PX202012345678', 313, 479, 145, 19],
      ['培训机构：杭州之江职业培训学校', 714, 593, 256, 27],
      ['0二年六月五日', 767, 618, 161, 31],
    ]);
    const issuer = doc.fields.issuer;
    expect(issuer.value).toBe('杭州之江职业培训学校');
    expect(issuer.needsReview).toBe(true);
  });

  it('reads a level word glued after another field’s spread label (`证书编号 技师`, values shifted a row down), flagged', () => {
    const doc = readScan([
      ['中华人民共和国职业资格证书', 281, 241, 1205, 108],
      ['持证人', 244, 423, 142, 50],
      ['性别', 242, 490, 148, 50],
      ['段斌文', 425, 489, 106, 46],
      ['证件号码', 243, 563, 160, 45],
      ['女', 424, 566, 39, 36],
      [holderId, 424, 631, 328, 48],
      ['工', 241, 673, 44, 37],
      ['种', 323, 673, 56, 42],
      ['技能等级', 236, 737, 140, 51],
      ['汽车维修工', 685, 741, 168, 50],
      ['证', 235, 810, 46, 45],
      ['书', 363, 814, 45, 40],
      ['编', 488, 816, 48, 43],
      ['号技师', 615, 809, 145, 56],
      ['发证日期', 233, 877, 139, 49],
      ['1933017926294625', 683, 885, 292, 49],
      ['2019年04月28日', 678, 953, 245, 50],
      ['杭州市人力资源和社会保障局', 1027, 1084, 421, 56],
    ]);
    const level = doc.fields.level;
    expect(level.value).toBe(2);
    expect(level.needsReview).toBe(true);
    expect(level.issues).toContain('label_inferred');
  });

  it('reads an occupation without the `一` a rule’s end left after it (`评茶员一`), flagged', () => {
    const doc = readScan([
      ['中华人民共和国职业资格证书', 578, 183, 1176, 69],
      ['持证人', 143, 312, 138, 51],
      ['邵辉', 392, 314, 85, 47],
      ['公民身份号码', 151, 584, 223, 41],
      [holderId, 382, 585, 400, 40],
      ['工种', 146, 662, 191, 45],
      ['评茶员一', 359, 662, 155, 50],
      ['等级', 142, 732, 94, 51],
      ['三级 (高级工)', 359, 732, 237, 51],
      ['证书号', 146, 803, 133, 46],
      ['1933016939321761', 359, 805, 326, 42],
      ['发证机关', 147, 872, 151, 48],
      ['浙江省人力资源和社会保障厅 (盖章)', 361, 871, 619, 49],
      ['发证日期：2019年01月29日', 150, 1067, 449, 43],
    ]);
    const occupation = doc.fields.occupation;
    expect(occupation.value).toBe('评茶员');
    expect(occupation.needsReview).toBe(true);
    expect(occupation.issues).toContain('trailing_stroke_inferred');
  });

  it('reads a value the engine read down a tall cell centred beside its label (`专项能力名称：` | `家庭照护`)', () => {
    // Prepare: the value column narrow, so `家庭照护` stands one character a line, centred on its label's row; the engine
    // read it as one line down the page.
    const text = '家庭照护';
    const column: OcrLine = {
      text,
      confidence: 0.99,
      box: { x: 471, y: 592, width: 36, height: 129 },
      words: [...text].map((ch, i) => ({ text: ch, confidence: 0.99, box: { x: 473, y: 594 + i * 32, width: 32, height: 30 } })),
    };
    const doc = readScan(
      [
        ['专项职业能力证书', 419, 268, 528, 58],
        ['持证人姓名：', 297, 388, 145, 34],
        ['孟颖萱', 473, 385, 75, 33],
        ['公民身份号码：', 548, 494, 140, 32],
        [holderId, 700, 494, 300, 32],
        ['专项能力名称：', 301, 637, 140, 29],
        ['证书编号：', 522, 636, 143, 33],
        ['ZX20193301611359', 696, 640, 189, 29],
        ['发证机关：', 300, 941, 142, 31],
        ['杭州市西湖区人力资源和社会保障局', 474, 941, 458, 34],
        ['二0一九年八月一日', 912, 1242, 188, 33],
      ],
      [column],
    );
    expect(doc.fields.occupation.value).toBe('家庭照护');
  });
});
