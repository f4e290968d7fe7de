import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { PageBuilder, textWidth } from './support/page-builder.js';

const TODAY = '2026-11-27';
const read = (pages: OcrPage[]) => extractDocuments(pages, { today: TODAY });

/** Character boxes along each line, as PaddleOCR reports them (one box per character). */
function withCharacterBoxes(page: OcrPage): OcrPage {
  return {
    ...page,
    lines: page.lines.map((line): OcrLine => {
      const chars = [...line.text.replace(/\s+/g, '')];
      let x = line.box.x;
      const words = chars.map((ch) => {
        const width = textWidth(ch, line.box.height);
        const box = { x, y: line.box.y, width, height: line.box.height };
        x += width;
        return { text: ch, confidence: line.confidence, box };
      });
      return { ...line, words };
    }),
  };
}

/** Turns the page by `slope` about its centre: line boxes stay axis-aligned (and grow), character boxes follow the line. */
function tilt(page: OcrPage, slope: number): OcrPage {
  const turn = (box: OcrLine['box'], grow: boolean) => {
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const ncy = cy + slope * (cx - page.width / 2);
    const ncx = cx - slope * (cy - page.height / 2);
    const height = box.height + (grow ? Math.abs(slope) * box.width : 0);
    return { x: ncx - box.width / 2, y: ncy - height / 2, width: box.width, height };
  };
  return {
    ...page,
    lines: page.lines.map((line) => ({ ...line, box: turn(line.box, true), words: line.words?.map((w) => ({ ...w, box: turn(w.box, false) })) })),
  };
}

/** A 聘书 laid out as a bilingual form: `职务Position` on the left, the value right-aligned far across the page. */
function bilingualLetterPage(): OcrPage {
  const b = new PageBuilder({ confidence: 0.99, lineHeight: 40, top: 300 }).title('聘书').line('LETTER OF APPOINTMENT', 500).gap(2);
  const rows: Array<[string, string]> = [
    ['受聘人Appointee', person.name],
    ['职务Position', '技术总监'],
    ['起聘日期From', '2018.02.01'],
    ['聘期届满To', '二〇二〇年一月三十一日'],
    ['聘任单位Employer', company.name],
  ];
  for (const [label, value] of rows)
    b.row([
      [250, label],
      [1470 - textWidth(value, 40), value],
    ]);
  return withCharacterBoxes(b.build());
}

describe('extractDocuments on bilingual forms', () => {
  it('never takes the English sub-label for the value (职务Position)', () => {
    const [doc] = read([bilingualLetterPage()]);
    expect(doc.fields.title.value).toBe('技术总监');
    expect(doc.fields.employeeName.value).toBe(person.name);
    expect(doc.fields.employerName.value).toBe(company.name);
  });

  it('does not read a bilingual label it does not know as the value of the label above it', () => {
    const page = bilingualLetterPage();
    // The title's value is lost (under a seal): the line below, `起聘日期From`, must not stand in for it.
    page.lines = page.lines.filter((l) => l.text !== '技术总监');
    const [doc] = read([page]);
    expect(doc.fields.title.value).not.toBe('起聘日期From');
    expect(doc.fields.title.value).not.toBe('Position');
    expect(doc.fields.title.value === null || doc.fields.title.needsReview).toBe(true);
  });

  it('pairs labels with values far to their right on a page scanned 3° off level, using the character boxes', () => {
    const [doc] = read([tilt(bilingualLetterPage(), -0.05)]);
    expect(doc.fields.employeeName.value).toBe(person.name);
    expect(doc.fields.title.value).toBe('技术总监');
  });

  it('reads the start and end of the term from labels it knows only with their English glosses (起聘日期From, 聘期届满To)', () => {
    const [doc] = read([bilingualLetterPage()]);
    expect(doc.fields.startDate.value).toBe('2018-02-01');
    expect(doc.fields.endDate.value).toBe('2020-01-31');
  });

  it('reads a landscape certificate with labels on the left and values far right as one page, not a booklet spread', () => {
    const b = new PageBuilder({ width: 2400, height: 1740, confidence: 0.99, lineHeight: 48, top: 140 }).title('职业资格证书');
    const rows: Array<[string, string]> = [
      ['姓名Name', person.name],
      ['性别Sex', '女'],
      ['证件号码IDNo.', person.id],
      ['职业（工种）', '西式面点师'],
      ['等级', '初级工'],
      ['发证单位', '杭州市人力资源和社会保障局'],
      ['发证日期', '2013年8月28日'],
    ];
    for (const [label, value] of rows)
      b.row([
        [270, label],
        [1620 - textWidth(value, 48), value],
      ]);
    const [doc] = read([withCharacterBoxes(b.build())]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.occupation.value).toBe('西式面点师');
    expect(doc.fields.issuer.value).toBe('杭州市人力资源和社会保障局');
  });

  it('knows a label whose Chinese lost a character by its English sub-label (名 Name), and flags what it leads to', () => {
    const b = new PageBuilder({ width: 2340, height: 1654, confidence: 0.99, lineHeight: 50, top: 140 }).title('特种作业操作证');
    const rows: Array<[string, string]> = [
      ['名 Name', person.name],
      ['证件号码 ID No.', person.id],
      ['准操项目', '低压电工作业'],
      ['编号', 'T330102198112083519'],
      ['发证机关', '杭州市应急管理局'],
      ['签发日期', '2021.09.13'],
    ];
    for (const [label, value] of rows)
      b.row([
        [300, label],
        [1580 - textWidth(value, 50), value],
      ]);
    const [doc] = read([withCharacterBoxes(b.build())]);
    expect(doc.fields.holderName).toMatchObject({ value: person.name, needsReview: true });
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it('flags a value whose row is as close to the next label as to its own', () => {
    const b = new PageBuilder({ confidence: 0.99, lineHeight: 40, top: 300 }).title('聘书');
    b.at(250, 500, '受聘人').at(250, 555, '职务').at(1300, 520, person.name).at(1300, 575, '技术总监');
    const [doc] = read([b.build()]);
    expect(doc.fields.employeeName.value).toBe(person.name);
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('reads a value after an English gloss on the label’s line (姓名 Name 王晓明)', () => {
    const page = new PageBuilder()
      .title('职业技能等级证书')
      .line(`姓名 Name ${person.name}`)
      .line(`身份证号 ID No. ${person.id}`)
      .line('职业名称 Occupation 电工')
      .line('等级 Level 三级/高级工')
      .line('证书编号 No. S000033010600213000123')
      .line('发证日期 Date 2021年06月18日')
      .line('杭州市西湖区职业技能鉴定中心', 900)
      .build();
    const [doc] = read([page]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.certificateNumber.value).toBe('S000033010600213000123');
  });
});

describe('extractDocuments on narrative agreements and signature blocks', () => {
  it('ends an enterprise name where the sentence defines it (…有限公司（以下简称甲方）、学生…)', () => {
    const page = new PageBuilder()
      .title('学生实习协议书')
      .line(`实习单位 ${company.name}（以下简称甲方）、学生 ${person.name}`)
      .line(`（身份证号码：${person.id}，以下简称乙方）与学校 杭州第一技师学院（以下简称丙方）`)
      .line('经协商一致，签订本协议。')
      .line('第一条 实习期限自二〇二〇年五月四日起至二〇二一年五月三日止。')
      .build();
    const [doc] = read([page]);
    expect(doc.type).toBe('internship_agreement');
    expect(doc.fields.enterpriseName).toMatchObject({ value: company.name, needsReview: false });
  });

  it('flags an organisation name cut at a comma it guessed was the end of the name', () => {
    const page = new PageBuilder()
      .title('学生实习协议书')
      .line(`实习单位：${company.name}，地点在文三路`)
      .line(`学生姓名：${person.name}`)
      .line('第一条 实习期限自二〇二〇年五月四日起至二〇二一年五月三日止。')
      .build();
    const [doc] = read([page]);
    expect(doc.fields.enterpriseName.value).toBe(company.name);
    expect(doc.fields.enterpriseName.needsReview).toBe(true);
  });

  it('reads a party after a signature remark on its line (丙方（盖章）：杭州第一技师学院)', () => {
    const page = new PageBuilder()
      .title('学生实习协议书')
      .line(`甲方（盖章）：${company.name}`)
      .line(`乙方（签字）：${person.name}`)
      .line('丙方（盖章）：杭州第一技师学院')
      .line('实习期限自2021年7月1日至2022年6月30日。')
      .build();
    const [doc] = read([page]);
    expect(doc.fields.schoolName.value).toBe('杭州第一技师学院');
    expect(doc.fields.enterpriseName.value).toBe(company.name);
  });

  it('never takes seal lettering on an arc beside a signature label for a party (有限公司 in a tall box)', () => {
    const page = new PageBuilder()
      .title('学生实习协议书')
      .line(`实习单位：${company.name}`)
      .line('学校：杭州第一技师学院')
      .line('实习期限自2021年7月1日至2022年6月30日。')
      .at(560, 905, '有限公司', { width: 121, height: 165 })
      .at(200, 1000, '甲方（盖章）：')
      .at(940, 1000, '乙方（签字）：')
      .at(200, 1070, company.name)
      .at(940, 1070, person.name)
      .build();
    const [doc] = read([page]);
    expect(doc.fields.studentName.value).toBe(person.name);
    expect(doc.fields.enterpriseName).toMatchObject({ value: company.name, needsReview: false });
  });

  it('still takes a long name whose box a tilted scan made tall for a value, not for seal lettering', () => {
    const page = new PageBuilder({ width: 2400, height: 1764 })
      .line('统一社会信用代码', 235)
      .line(company.code, 235)
      .title('营业执照')
      .at(245, 514, '名称', { width: 120, height: 56 })
      .at(472, 529, '杭州嘉禾信息技术股份有限公司', { width: 483, height: 72 })
      .at(240, 646, '法定代表人', { width: 182, height: 56 })
      .at(459, 659, '赵琪远', { width: 116, height: 53 })
      .build();
    const [doc] = read([page]);
    expect(doc.fields.companyName.value).toBe('杭州嘉禾信息技术股份有限公司');
  });

  it('looks past a lone seal character beside a label for the value below it (甲方：)', () => {
    const page = new PageBuilder()
      .title('劳动合同书')
      .line('第一条 本合同为固定期限劳动合同，期限自2018年5月24日起至2019年5月23日止。')
      .gap(2)
      .row([
        [200, '甲方：'],
        [420, '创'],
        [940, '乙方：'],
      ])
      .row([
        [200, company.name],
        [940, person.name],
      ])
      .line('签订日期：2018年5月18日', 200)
      .build();
    const [doc] = read([page]);
    expect(doc.fields.employerName.value).toBe(company.name);
  });
});
