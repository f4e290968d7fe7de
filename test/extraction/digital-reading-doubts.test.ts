import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withoutLabelDecorations } from '../../shared/extraction/label-decorations.js';
import { runsOffPage, VALUE_AT_PAGE_EDGE } from '../../shared/extraction/page-edge.js';
import { readOccupation, readOrganisationName } from '../../shared/extraction/value-readers.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person, residentId } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Classes found on large digital samples of the seen families (digital100, issue 12): values the reader got wrong
// without doubting them, and labels whose numbering stood apart. Pinned on constructed lines; no eval file is read.

const TODAY = '2026-11-27';
const readOne = (page: OcrPage) => extractDocuments([page], { today: TODAY })[0];

describe('a value printed off the page', () => {
  it('tells a text-layer line that runs past the page edge from one the page holds whole', () => {
    const page = { width: 1653, height: 2339, source: 'text_layer' as const };
    expect(runsOffPage({ x: 1497, y: 884, width: 167, height: 45 }, page)).toBe(true);
    expect(runsOffPage({ x: 1397, y: 884, width: 250, height: 45 }, page)).toBe(false);
    expect(runsOffPage({ x: 200, y: 2320, width: 250, height: 45 }, page)).toBe(true);
  });

  it('counts a scanned line whose box stops a few pixels short of the image edge as cut by it', () => {
    // A faint copy (seen family contract/proc-E): `2021.4.22` cut at the edge, the detector's box of `2021.4.2` ending
    // 3 px short of it, was read as the 2nd at 0.99. A line a margin away, or a small photo's line two pixels short
    // of the edge at a sixteen-pixel height, is the page's whole print.
    const scan = { width: 1654, height: 2340, source: 'paddle' as const };
    expect(runsOffPage({ x: 1430, y: 925, width: 221, height: 49 }, scan)).toBe(true);
    expect(runsOffPage({ x: 1400, y: 925, width: 221, height: 49 }, scan)).toBe(false);
    expect(runsOffPage({ x: 445, y: 321, width: 166, height: 16 }, { width: 613, height: 867, source: 'paddle' })).toBe(false);
  });

  it('flags a date whose last digit was printed past the page edge, and leaves the values the page holds whole', () => {
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer' }).title('劳动合同');
    b.field('甲方(用人单位)名称', company.name);
    b.field('乙方(劳动者)姓名', person.name);
    b.field('身份证号码', person.id);
    // A table wider than the page: the text layer keeps `2020/7/2` (its last glyph partly on the page), not the 2 after.
    b.at(900, 700, '合同起始日期');
    b.at(1497, 700, '2020/7/2', { width: 167 });
    b.at(150, 800, '合同终止日期：2023-07-21');
    b.at(150, 900, '签订日期：2020-07-14');
    const doc = readOne(b.build());
    expect(doc.fields.startDate.value).toBe('2020-07-02');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.startDate.issues).toContain(VALUE_AT_PAGE_EDGE);
    for (const name of ['employerName', 'employeeName', 'employeeIdNumber', 'endDate', 'signedDate']) {
      expect(doc.fields[name].needsReview, name).toBe(false);
      expect(doc.fields[name].issues ?? [], name).not.toContain(VALUE_AT_PAGE_EDGE);
    }
  });

  it('judges a value set one character a line by its characters, not by the line it is laid flat as', () => {
    // Ten characters one under another at the right margin: laid flat they would reach past the page.
    const b = new PageBuilder({ width: 1200, height: 1700, source: 'text_layer' }).title('职业技能等级证书');
    b.field('姓名：', person.name);
    b.field('身份证号：', person.id);
    b.at(700, 600, '评价机构名称：');
    const issuer = '浙江育才职业技能培训学校';
    [...issuer].forEach((ch, i) => b.at(1080, 520 + i * 44, ch, { height: 32, width: 32 }));
    const doc = readOne(b.build());
    for (const field of Object.values(doc.fields)) expect(field.issues ?? []).not.toContain(VALUE_AT_PAGE_EDGE);
  });
});

describe('an occupation beside a level', () => {
  it('never reads a level alone as the occupation', () => {
    expect(readOccupation('一级/高级技师')).toBeNull();
    expect(readOccupation('二级(技师)')).toBeNull();
    expect(readOccupation('国家职业资格三级')).toBeNull();
  });

  it('cuts a level printed after the occupation, flagging the cut unless it is a plain level remark', () => {
    expect(readOccupation('电工(四级)')).toMatchObject({ value: '电工', issues: [] });
    expect(readOccupation('工具钳工二级(技师)')).toMatchObject({ value: '工具钳工', issues: ['value_boundary_inferred'] });
    expect(readOccupation('汽车维修工/高级工')).toMatchObject({ value: '汽车维修工', issues: ['value_boundary_inferred'] });
    // An occupation may end in 技师-like words; without a numbered level or a separator they stay.
    expect(readOccupation('美容技师')).toMatchObject({ value: '美容技师', issues: [] });
  });

  it('does not take the level row under a shifted occupation as the occupation, nor join it as a wrap', () => {
    // The whole fill-in printed half a row low: the occupation's value sits between its label and the level's.
    const b = new PageBuilder({ width: 2339, height: 1653, source: 'text_layer' }).title('中华人民共和国职业资格证书');
    const rows: Array<[number, number, string, number, string]> = [
      [353.6, 181.1, '持证人姓名', 404.9, '贾轩'],
      [420.3, 181.1, '性别', 404.9, '男'],
      [489.1, 181.1, '证件号码', 404.9, residentId('19820528', '340104', '039')],
      [578.6, 181.1, '职业名称', 368.8, '工具钳工'],
      [645.3, 181.1, '等级', 368.8, '二级（技师）'],
      [714.1, 181.1, '证书编号', 368.8, '1033018444207924'],
    ];
    for (const [y, lx, label, vx, value] of rows) {
      b.at(lx, y, label, { height: 36 });
      b.at(vx, y + 35.5, value, { height: 36 });
    }
    b.at(1688, 849.5, '杭州市职业技能鉴定指导中心', { height: 36 });
    b.at(1798, 916.1, '2010年4月21日', { height: 36 });
    const doc = readOne(b.build());
    expect(doc.fields.occupation.value === '工具钳工' || doc.fields.occupation.needsReview).toBe(true);
    expect(doc.fields.occupation.value).not.toBe('工具钳工二级(技师)');
  });
});

describe('an occupation that is a clause of the award sentence', () => {
  it('never reads the sentence’s close after the kind’s name as the occupation', () => {
    expect(readOccupation('特发此证。')).toBeNull();
    expect(readOccupation('，特发此证。')).toBeNull();
    expect(readOccupation('经考核合格，予以证明')).toBeNull();
  });

  it('reads the ability from the sentence when the kind’s name stands in it mid-sentence', () => {
    // `具` ends one line and `备` opens the next: the kind's name `专项职业能力` is then the first label found.
    const b = new PageBuilder({ width: 1732, height: 2394 }).title('专项职业能力证书');
    b.at(338, 683, `${person.name}（公民身份号码：${person.id}）经考核，具`, { height: 90, confidence: 0.97 });
    b.at(263, 779, '备中式面点制作专项职业能力，特发此证。', { height: 77, confidence: 0.97 });
    b.at(281, 1305, '证书编号：ZX20213301330999', { height: 62, confidence: 0.97 });
    b.at(775, 1675, '杭州市西湖区人力资源和社会保障局', { height: 73, confidence: 0.97 });
    b.at(961, 1743, '2021年03月27日', { height: 56, confidence: 0.97 });
    const doc = readOne(b.build());
    expect(doc.fields.occupation.value).not.toBe('特发此证。');
    expect(doc.fields.occupation.value === '中式面点制作' || doc.fields.occupation.needsReview).toBe(true);
  });
});

describe('a text-layer value printed off its label’s row', () => {
  it('doubts a date set between two date labels, nearer the second, whose own label found nothing', () => {
    // The fill-in printed most of a row low: the start date sits nearly level with the end date's label.
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer' }).title('劳动合同');
    b.at(142, 400, `用人单位：${company.name}`, { height: 33 });
    b.at(142, 470, `劳动者姓名：${person.name}`, { height: 33 });
    b.at(142, 1027, '合同期限自：', { height: 33 });
    b.at(768, 1079, '2018-01-07', { height: 35 });
    b.at(142, 1098, '合同期限至：', { height: 35 });
    b.at(142, 1300, '签订日期：2017-12-30', { height: 33 });
    const doc = readOne(b.build());
    const dated = [doc.fields.startDate, doc.fields.endDate].filter((f) => f.value === '2018-01-07');
    expect(dated.length).toBeGreaterThan(0);
    for (const field of dated) expect(field.needsReview).toBe(true);
  });

  it('keeps a value set on its label’s line sure', () => {
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer' }).title('劳动合同');
    b.at(142, 400, `用人单位：${company.name}`, { height: 33 });
    b.at(142, 1027, '合同期限自：', { height: 33 });
    b.at(768, 1027, '2018-01-07', { height: 33 });
    b.at(142, 1098, '合同期限至：', { height: 33 });
    b.at(768, 1098, '2021-01-06', { height: 33 });
    const doc = readOne(b.build());
    expect(doc.fields.startDate).toMatchObject({ value: '2018-01-07', needsReview: false });
  });
});

describe('a name wrapped in a narrow cell before its last character', () => {
  it('reads the name with the character set tight under its line’s start, for the clerk to confirm', () => {
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer' }).title('劳动合同（简易版）');
    b.at(150, 291, '甲方（用人单位）名称', { height: 39 });
    b.at(542, 291, company.name, { height: 36 });
    b.at(150, 406, '法 定 代 表 人', { height: 36 });
    b.at(542, 406, '欧阳文', { height: 36 });
    b.at(150, 587, '劳 动 者 姓 名', { height: 36 });
    b.at(542, 587, '………上官娟', { height: 36 });
    b.at(542, 635, '琪', { height: 36 });
    b.at(150, 750, '联 系 电 话', { height: 36 });
    b.at(542, 750, '15888199811', { height: 36 });
    const doc = readOne(b.build());
    expect(doc.fields.employeeName.value).toBe('上官娟琪');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });
});

describe('values that contradict what the page says of them', () => {
  it('doubts an end date read on a contract whose type is printed 无固定期限', () => {
    // The fill-in printed most of a row low: the start date sits level with `合同期限至`, whose own value went lower.
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer' }).title('劳动合同书');
    b.at(197, 309, '甲 方', { height: 32 });
    b.at(507, 357, company.name, { height: 32 });
    b.at(197, 589, '劳动者姓名', { height: 32 });
    b.at(507, 639, person.name, { height: 32 });
    b.at(197, 799, '合同类型', { height: 32 });
    b.at(507, 847, '无固定期限', { height: 32 });
    b.at(197, 868, '合 同 期 限 自', { height: 32 });
    b.at(507, 918, '2019-04-26', { height: 32 });
    b.at(197, 939, '合同期限至', { height: 32 });
    b.at(507, 987, '无固定期限', { height: 32 });
    b.at(197, 1403, '签订日期：二〇一九年四月二十三日', { height: 32 });
    const doc = readOne(b.build());
    expect(doc.fields.endDate.value).toBe('2019-04-26');
    expect(doc.fields.endDate.needsReview).toBe(true);
    expect(doc.fields.endDate.issues).toContain('end_date_open_ended_conflict');
  });

  it('doubts an organisation read with a form copy’s mark after it (a footer’s keeper, not the issuer)', () => {
    expect(readOrganisationName('杭州文新技工学校　（存档联）')).toMatchObject({
      value: '杭州文新技工学校',
      issues: ['organisation_copy_mark_inferred'],
    });
    expect(readOrganisationName('杭州之江职业培训学校')?.issues).toEqual([]);
  });
});

describe('numbering set apart from its label', () => {
  it('cuts item numbering followed by a space when a label follows, as when glued', () => {
    expect(withoutLabelDecorations('3. 参')).toBe('参');
    expect(withoutLabelDecorations('10. 经营范围')).toBe('经营范围');
    expect(withoutLabelDecorations('一、 姓名:王晓明')).toBe('姓名:王晓明');
    expect(withoutLabelDecorations('7. 曾用名')).toBe('曾用名');
  });

  it('keeps numbering before a clause or before digits', () => {
    expect(withoutLabelDecorations('1. 乙方同意根据甲方工作需要')).toBe('1. 乙方同意根据甲方工作需要');
    expect(withoutLabelDecorations('3. 5万元')).toBe('3. 5万元');
  });

  it('reads a record whose numbered label the engine split into letter-spaced boxes', () => {
    const name = '何飞鹏';
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer' }).title('杭州市社会保险参保缴费证明(个人)');
    b.row([
      [150, '3. 参'],
      [283, '保'],
      [373, '人:'],
      [452, name],
    ]);
    b.row([
      [150, '5. 公民身份号码:'],
      [452, residentId('20020703', '510107', '662')],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.personName.value).toBe(name);
  });

  it('does not read the next numbered label’s number as the tail of a stacked value', () => {
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer' }).title('营业执照');
    b.at(268, 420, '1. 名称', { height: 45 });
    b.at(181, 499, '杭州西溪建筑工程', { height: 45 });
    b.at(181, 547, '智慧服务有限公司', { height: 45 });
    b.at(232, 626, '5. 注册资本', { height: 45 });
    b.at(192, 755, '3000万元人民币', { height: 45 });
    b.at(173, 900, `统一社会信用代码：${company.code}`, { height: 45 });
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe('杭州西溪建筑工程智慧服务有限公司');
  });
});

describe('a grid of label rows over value rows', () => {
  const id = residentId('19890210', '410105', '090');
  /** A record's grid: each label centred in its cell, each value at its cell's left, rows at one spacing. */
  function recordGrid(rows: Array<Array<[number, string]>>, top = 337, pitch = 81): OcrPage {
    const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer', lineHeight: 47 });
    b.at(449, 205, '杭州市社会保险参保缴费证明(个人)', { height: 56 });
    rows.forEach((cells, i) => cells.forEach(([x, text]) => b.at(x, top + i * pitch, text, { height: 47 })));
    b.at(311, top + rows.length * pitch + 100, '单位名称', { height: 42 });
    return b.build();
  }

  it('reads each value of a label row by the label’s cell, wherever the label stands in it', () => {
    const doc = readOne(
      recordGrid([
        [
          [395, '①参保状态'],
          [1052, '②身份证号码'],
        ],
        [
          [171, '正常参保'],
          [847, `${id}（盖章）`],
        ],
        [
          [414, '③参保人'],
          [1109, '④性别'],
        ],
        [
          [171, '杨超一'],
          [847, '女'],
        ],
      ]),
    );
    expect(doc.fields.personName.value).toBe('杨超一');
    expect(doc.fields.idNumber.value).toBe(id);
  });

  it('reads a label centred over a row-wide cell from the value at the row’s left margin', () => {
    const doc = readOne(recordGrid([[[743, '参保人']], [[218, '何雨涛']], [[743, '身份证号码']], [[226, id]]]));
    expect(doc.fields.personName.value).toBe('何雨涛');
  });

  it('takes no value from under a label when the grid sets its captions under the values', () => {
    // Values first, captions under them: the row under `参保人` is the next caption's value.
    const doc = readOne(recordGrid([[[218, '何雨涛']], [[743, '参保人']], [[218, '正常参保']], [[743, '参保状态']]]));
    expect(doc.fields.personName.value).not.toBe('正常参保');
  });
});
