import { describe, expect, it } from 'vitest';
import { continuationLines } from '../../shared/extraction/continuation.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout, findHits } from '../../shared/extraction/page-layout.js';
import { endAtNextProseField, opensStampRemark, withoutSealCharacter, withoutStampRemark } from '../../shared/extraction/stamped-words.js';
import {
  ID_BOUNDARY_INFERRED,
  makeIdNumberReader,
  readOccupation,
  readOrganisationName,
  VALUE_BRACKET_UNCLOSED,
} from '../../shared/extraction/value-readers.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { residentId } from './support/documents.js';
import { scanPage, type Line } from './support/text-lines.js';

// Issue 12, what scans still lose after the evening's merges (development samples procedural-v3-dev-scan…8;
// procedural-v3 never opened): issuers wrapped in a narrow cell beside their seal, and words stamped or printed right
// after a value (class 5, "text placed right after a value"). Constructed lines with values of their own.

const TODAY = '2026-12-04';

/** A scanned page (A4 at 200 dpi, landscape unless given) read by the engine: every line at `confidence`. */
function landscapeScan(lines: readonly Line[], size = { width: 2340, height: 1654 }, confidence = 0.99): OcrPage {
  return scanPage(lines, { size, confidence });
}

const readOne = (p: OcrPage) => extractDocuments([p], { today: TODAY })[0];
const holderId = residentId('19930517', '330106', '274');

/** A training-completion certificate whose issuer (`培训机构：`) is set in a narrow cell: `issuerLines` beside it. */
const completion = (issuerLines: Line[]): OcrPage =>
  landscapeScan([
    ['培训结业证书', 909, 180, 514, 80],
    [`姓名：章雨桐，性别：女，证件号：`, 140, 357, 624, 42],
    [holderId, 819, 361, 297, 34],
    ['培训工种:', 139, 444, 151, 40],
    ['中式烹调师', 356, 443, 190, 40],
    ['培训时间：', 834, 443, 151, 44],
    ['二〇二二年三月七日至二〇二二年四月一日', 1044, 445, 640, 37],
    ['证书编号：', 138, 520, 149, 41],
    ['PX202203104415', 337, 521, 235, 36],
    ['培训机构：', 667, 519, 153, 41],
    ...issuerLines,
    ['发证日期：2022.04.02', 1877, 760, 338, 40],
  ]);

describe('an issuer wrapped in a narrow cell beside its seal', () => {
  it('reads the tail `培训学校` as the rest of the issuer, not as the label `培训学时` misread', () => {
    expect(findHits('培训学校')).toEqual([]);
    const doc = readOne(
      completion([
        ['宁波东湖职业', 836, 519, 236, 42],
        ['培训学校', 847, 591, 138, 44],
      ]),
    );
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('宁波东湖职业培训学校');
  });

  it('still reads a misread label that does not end like an organisation (`法定代表入`)', () => {
    expect(findHits('法定代表入:张三').map((h) => h.form)).toEqual(['法定代表人']);
  });

  it('joins a wrapped line set further down than its first line was boxed high when it stays in the cell', () => {
    // `评价单位：宁波东湖职业技` boxed 36 high, `术培训中心` 44 high and 34 under it (a larger type in the cell).
    const layout = buildPageLayout(
      landscapeScan(
        [
          ['评价单位：宁波东湖职业技', 181, 744, 409, 36],
          ['术培训中心', 355, 814, 167, 44],
          ['二〇二〇年十月廿八日', 1175, 967, 299, 42],
        ],
        { width: 1654, height: 2340 },
      ),
    );
    const first = layout.lines[0];
    const { lines } = continuationLines(layout, first, { start: 351, min: 181, end: 1654 });
    expect(lines.map((l) => l.text)).toEqual(['术培训中心']);
  });

  it('keeps a value taken into its cell that way from running on into a wider line under it (an address)', () => {
    // `杭州市西湖区北湖汽` | `车维修工作室` in a cell, then the licence's address row running across the page.
    const layout = buildPageLayout(
      landscapeScan(
        [
          ['杭州市西湖区北湖汽', 162, 511, 334, 40],
          ['车维修工作室', 164, 588, 214, 45],
          ['浙江省杭州市西湖区转塘街道象山路88号文', 162, 672, 863, 38],
        ],
        { width: 1654, height: 2340 },
      ),
    );
    const { lines } = continuationLines(layout, layout.lines[0], { start: 162, min: 162, end: 1654 });
    expect(lines.map((l) => l.text)).toEqual(['车维修工作室']);
  });
});

describe('words stamped or printed right after a value', () => {
  it('drops a whole signing remark after an occupation and keeps the value unflagged', () => {
    expect(withoutStampRemark('低压电工作业(盖章)')).toEqual({ text: '低压电工作业', cut: false });
    const reading = readOccupation('低压电工作业（盖章）');
    expect(reading?.value).toBe('低压电工作业');
    expect(reading?.issues).toEqual([]);
  });

  it('drops a remark cut by the stamp (`(盖`, `(已核`) but flags the value: the stamp may hide more of it', () => {
    const reading = readOccupation('高压电工作业（盖');
    expect(reading?.value).toBe('高压电工作业');
    expect(reading?.issues).toContain(VALUE_BRACKET_UNCLOSED);
    expect(readOccupation('育婴员(已核')?.issues).toContain(VALUE_BRACKET_UNCLOSED);
  });

  it('drops a seal’s lettering read onto the end of an occupation and flags it: the seal lies over its end', () => {
    // A noisy scan (seen family certificate/proc-E): the issuer's seal over the occupation's line, its lettering read
    // as the line's end (`服装制版师业务专用章`, taken at 0.98).
    const reading = readOccupation('服装制版师业务专用章');
    expect(reading?.value).toBe('服装制版师');
    expect(reading?.issues).toContain('value_boundary_inferred');
    expect(withoutStampRemark('中式面点师合同专用章')).toEqual({ text: '中式面点师', cut: false, sealed: true });
    expect(withoutStampRemark('专用章')).toEqual({ text: '专用章', cut: false });
  });

  it('keeps a bracket that is part of the occupation', () => {
    expect(readOccupation('企业新型学徒制(焊工)')?.value).toBe('企业新型学徒制(焊工)');
    expect(withoutStampRemark('电工(高压)')).toEqual({ text: '电工(高压)', cut: false });
  });

  it('ends an occupation at a comma followed by the next field of run-on prose', () => {
    expect(readOccupation('工具钳工，认定等级国家职业资格三级，')?.value).toBe('工具钳工');
    expect(endAtNextProseField('焊工，电工')).toBe('焊工，电工');
  });

  it('reads the occupation of a special-operation card whose 准许作业项目 the stamp cut (`（盖`), flagged', () => {
    const doc = readOne(
      landscapeScan(
        [
          ['中华人民共和国特种作业操作证', 349, 150, 1058, 94],
          ['姓名：', 256, 380, 100, 49],
          ['邵明杰', 470, 380, 140, 45],
          ['证号：', 256, 460, 100, 49],
          [residentId('19900311', '330104', '157'), 470, 460, 420, 45],
          ['作业种类：', 256, 606, 146, 49],
          ['电工作业', 470, 629, 131, 45],
          ['准许作业项目：', 656, 617, 204, 46],
          ['低压电工作业（盖', 926, 617, 258, 49],
          ['初领日期：2019-03-11', 256, 760, 420, 46],
        ],
        { width: 1654, height: 1169 },
      ),
    );
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('低压电工作业');
    expect(doc.fields.occupation.needsReview).toBe(true);
  });
});

describe('a label completed by the noun glued after it', () => {
  it('reads `评价机构名称` ending its box as one issuer label with nothing after it', () => {
    // Its value stands in the next box (`杭州…`); before, `名称` was read as the issuer.
    expect(findHits(';评价机构名称').map((h) => [h.form, h.end, h.inlineValue])).toEqual([['评价机构', 7, '']]);
    expect(findHits('评价机构名称 宁波东湖职业技术学院').map((h) => h.inlineValue)).toEqual(['宁波东湖职业技术学院']);
  });
});

describe('the training provider printed as 承训机构', () => {
  it('reads the issuer after `承训机构·` without the label', () => {
    const doc = readOne(
      landscapeScan([
        ['培训结业证书', 909, 180, 514, 80],
        [`姓名：章雨桐，性别：女，证件号：`, 140, 357, 624, 42],
        [holderId, 819, 361, 297, 34],
        ['培训工种:', 139, 444, 151, 40],
        ['中式烹调师', 356, 443, 190, 40],
        ['证书编号：', 138, 520, 149, 41],
        ['PX202203104415', 337, 521, 235, 36],
        ['承训机构·宁波东湖职业技能培训学校', 148, 1050, 576, 40],
        ['发证日期：2022.04.02', 1877, 760, 338, 40],
      ]),
    );
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('宁波东湖职业技能培训学校');
  });
});

describe('an ID number with one character glued to it', () => {
  const readId = makeIdNumberReader(TODAY);

  it('reads the 18-character window whose checksum passes, flagged as a guessed boundary', () => {
    // `证件号7…`: the colon read as `7`; `T…` a special-operation number built on the holder's ID.
    for (const token of [`7${holderId}`, `${holderId}1`, `T${holderId}`]) {
      const reading = readId(token);
      expect(reading?.value).toBe(holderId);
      expect(reading?.issues).toEqual([ID_BOUNDARY_INFERRED]);
    }
  });

  it('reads a plain 18-character number as before, unflagged', () => {
    expect(readId(`证件号：${holderId}`)?.issues).toEqual([]);
  });

  it('never cuts a 19-character token with no valid window into a number', () => {
    const broken = `${holderId.slice(0, 17)}${holderId[17] === '0' ? '1' : '0'}`;
    const reading = readId(`7${broken}`);
    expect(reading?.value).not.toBe(broken);
    expect(reading?.issues.length).toBeGreaterThan(0);
  });
});

describe("a seal's character left after an issuer's name", () => {
  it('keeps the whole name before it and flags where it ends', () => {
    const reading = readOrganisationName('宁波市鄞州区人力资源和社会保障局抄');
    expect(reading?.value).toBe('宁波市鄞州区人力资源和社会保障局');
    expect(reading?.issues).toContain('organisation_name_boundary_inferred');
  });

  it('leaves names that end in a name character of their own', () => {
    expect(withoutSealCharacter('宁波东湖物流有限公司')).toBeUndefined();
    expect(withoutSealCharacter('宁波市职业技能鉴定中心站')).toBeUndefined();
    expect(readOrganisationName('宁波东湖汽车服务有限公司')?.issues).toEqual([]);
  });
});

describe("a checker's stamp spread at the margin under a value that ends its row", () => {
  const contract = (stamp: Line[]): OcrPage =>
    landscapeScan(
      [
        ['劳动合同书', 592, 230, 451, 73],
        ['单位名称：宁波东湖物流有限公司', 154, 388, 587, 41],
        ['统一社会信用代码：', 155, 532, 432, 37],
        ['91330106MA2CD8KX1F', 600, 530, 355, 40],
        ['法定代表人姓名：叶青', 1066, 529, 397, 41],
        ['地', 154, 599, 39, 38],
        ['址：浙江省宁波市鄞州区天童南路975号', 369, 599, 670, 37],
        ['乙', 1121, 604, 30, 31],
        ['方：柯雯', 1329, 598, 174, 46],
        ['东部新城中心3幢13层1508室', 442, 668, 401, 41],
        ...stamp,
        ['居民身份证号码：' + holderId, 894, 741, 587, 41],
        ['用工起始日：2018.04.26', 154, 880, 445, 40],
        ['合同期限至：2020年4月25日', 647, 880, 491, 40],
      ],
      { width: 1654, height: 2340 },
    );

  it('never ends a name with the stamp’s first character (`已` of `已 核 验 ）`)', () => {
    expect(opensStampRemark('已核验）')).toBe(true);
    expect(opensStampRemark('红，有效证件号码：')).toBe(false);
    const doc = readOne(
      contract([
        ['已', 277, 742, 36, 35],
        ['核', 391, 738, 45, 42],
        ['验', 510, 741, 44, 40],
        ['）', 630, 744, 21, 29],
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('柯雯');
  });
});

describe('a seal’s lettering read onto a label whose value is stacked under it', () => {
  // Labels over their values in two columns; the employer's seal stamped over `终止日期：`, its lettering read onto the
  // label with the first character lost under the ink (`终止日期务专用章`).
  const page = (endLabel: string): OcrPage =>
    scanPage(
      [
        ['劳动合同书', 645, 248, 432, 72],
        ['用工单位:', 167, 392, 166, 41],
        ['统一社会信用代码:', 891, 393, 259, 40],
        ['杭州青禾信息技术有限公司', 169, 434, 420, 42],
        ['91330106MA2B3C4D5E', 891, 437, 387, 39],
        ['受聘人:', 166, 751, 132, 42],
        ['有效证件号码:', 895, 753, 197, 39],
        ['林嘉树', 167, 791, 117, 48],
        ['330106199002143318', 893, 796, 348, 43],
        ['用工起始日:', 167, 992, 173, 41],
        [endLabel, 888, 981, 306, 43],
        ['2019年05月06日', 168, 1035, 302, 42],
        ['2024年05月05日', 893, 1033, 304, 44],
        ['工作岗位:', 171, 1112, 164, 42],
        ['电子商务师', 170, 1152, 215, 45],
        ['签订日期:2019年04月28日', 169, 1547, 480, 50],
      ],
      { size: { width: 1654, height: 2339 } },
    );

  it('reads each date from under its own label, the seal’s lettering no value of `终止日期`', () => {
    const doc = extractDocuments([page('终止日期务专用章')], { today: TODAY })[0];
    expect(doc.fields.startDate?.value).toBe('2019-05-06');
    expect(doc.fields.endDate?.value).toBe('2024-05-05');
  });

  it('reads them so with the label alone, as a control', () => {
    const doc = extractDocuments([page('终止日期:')], { today: TODAY })[0];
    expect(doc.fields.startDate?.value).toBe('2019-05-06');
    expect(doc.fields.endDate?.value).toBe('2024-05-05');
  });
});

describe('a watermark’s letter read into a label', () => {
  it('finds `单位名称` with the copy watermark’s `限` read inside it, and the employer after it', () => {
    expect(findHits('单限位名称杭州青禾信息技术有限公司').map((h) => h.form)).toContain('单位名称');
    const doc = extractDocuments(
      [
        scanPage(
          [
            ['劳动合同', 671, 159, 289, 61],
            ['单限位名称杭州青禾信息技术有限公司,统一社会信用代码', 135, 304, 1388, 69],
            ['91330106MA2B3C4D5E,法定代表人陈伟', 130, 393, 710, 55],
            ['住所浙江省杭州市西湖区文三路88号3幢1201室', 130, 476, 1100, 55],
            ['受聘人林嘉树,有效证件号码330106199002143318,', 137, 557, 976, 54],
            ['合同起始日期2019/05/06,合同期限至2024年05月05日', 138, 728, 900, 48],
          ],
          { size: { width: 1654, height: 2339 } },
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.employerName?.value).toBe('杭州青禾信息技术有限公司');
  });

  it('takes no label where the letter read in is not a stamp’s (`单张位名称`)', () => {
    expect(findHits('单张位名称杭州青禾信息技术有限公司').map((h) => h.form)).not.toContain('单位名称');
  });
});
