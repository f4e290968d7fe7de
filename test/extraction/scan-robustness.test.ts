import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { laborContractPages, person, skillLevelCertificatePage, socialInsurancePage } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const TODAY = '2026-11-27';
const read = (pages: OcrPage[]) => extractDocuments(pages, { today: TODAY });

/** Turns every box centre about the page centre by `slope` (a scan a few degrees off), boxes staying axis-aligned. */
function tilt(page: OcrPage, slope: number): OcrPage {
  return {
    ...page,
    lines: page.lines.map((line) => {
      const cx = line.box.x + line.box.width / 2;
      const cy = line.box.y + line.box.height / 2;
      const ncy = cy + slope * (cx - page.width / 2);
      const ncx = cx - slope * (cy - page.height / 2);
      const height = line.box.height + Math.abs(slope) * line.box.width;
      return { ...line, box: { x: ncx - line.box.width / 2, y: ncy - height / 2, width: line.box.width, height } };
    }),
  };
}

describe('extractDocuments on imperfect scans', () => {
  it('reads the span table of a record scanned about 3° off level', () => {
    const [doc] = read([tilt(socialInsurancePage(), 0.055)]);
    expect(doc.spans).toHaveLength(2);
    expect(doc.fields.monthsPaid.value).toBe(80);
    expect(doc.fields.employerName.value).toBe('杭州西子智能科技有限公司');
  });

  it('reads a certificate with label and value boxes scanned about 2° off level', () => {
    const [doc] = read([tilt(skillLevelCertificatePage({ layout: 'right' }), -0.035)]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.certificateNumber.value).toBe('S000033010600213000123');
  });

  it('keeps the engine’s own box as the source box of a value read on a tilted page', () => {
    const page = tilt(skillLevelCertificatePage(), 0.05);
    const [doc] = read([page]);
    const original = page.lines.find((l) => l.text.startsWith('姓名'))!.box;
    expect(doc.fields.holderName.source?.box).toEqual(original);
  });

  it('completes an issue date whose year lost digits at the scan edge from the number’s year, and flags it', () => {
    const [doc] = read([skillLevelCertificatePage({ dateText: '021年06月18日' })]);
    expect(doc.fields.issueDate).toMatchObject({ value: '2021-06-18', needsReview: true, issues: ['issue_date_year_inferred'] });
  });

  it('flags an issuer that lost characters under the seal (人力资源和社会保障 broken)', () => {
    const [doc] = read([skillLevelCertificatePage({ issuer: '杭州市西湖区力资源和社保障局' })]);
    expect(doc.fields.issuer.issues).toContain('organisation_name_incomplete');
    expect(doc.fields.issuer.needsReview).toBe(true);
  });

  it('flags an unlabelled issuer that lost its first characters (no place name at its start)', () => {
    const [doc] = read([skillLevelCertificatePage({ issuer: '工职业培训学校', confidence: 0.98 })]);
    expect(doc.fields.issuer.value).toBe('工职业培训学校');
    expect(doc.fields.issuer.needsReview).toBe(true);
  });

  it('reads a sentence wrapped after a tall line in reading order (the term of a letter of engagement)', () => {
    const page = new PageBuilder()
      .at(700, 120, '聘', { height: 130 })
      .at(900, 120, '书', { height: 130 })
      .at(300, 400, '兹聘任王晓明先生/女士为我单位首席技师，聘期自二〇二一年十月十九日至', { height: 140 })
      .at(220, 500, '2024年10月18日。', { height: 75 })
      .at(900, 800, '杭州西子智能科技有限公司')
      .build();
    const [doc] = read([page]);
    expect(doc.type).toBe('employment_letter');
    expect(doc.fields.startDate.value).toBe('2021-10-19');
    expect(doc.fields.endDate.value).toBe('2024-10-18');
    expect(doc.fields.title.value).toBe('首席技师');
  });

  it('ignores seal lettering read as a line', () => {
    const page = skillLevelCertificatePage();
    page.lines.push({ text: '业务专用章', confidence: 0.99, box: { x: 1500, y: 900, width: 200, height: 40 } });
    const [doc] = read([page]);
    expect(doc.fields.issuer.value).toBe('杭州市西湖区职业技能鉴定中心');
  });

  it('does not take a party word inside a clause for a label (乙方应按…)', () => {
    const pages = laborContractPages();
    pages[1].lines.push({
      text: '第八条 甲方根据工作需要，安排乙方从事相应岗位工作，乙方应按',
      confidence: 0.99,
      box: { x: 150, y: 1500, width: 1200, height: 32 },
    });
    const [doc] = read(pages);
    expect(doc.fields.employeeName).toMatchObject({ value: person.name, needsReview: false });
  });
});

describe('extractDocuments on span tables it cannot fully read', () => {
  it('flags months paid, period end and employer when a later span is open-ended (至今)', () => {
    const page = socialInsurancePage();
    const last = page.lines.reduce((a, b) => (b.box.y > a.box.y ? b : a));
    const y = last.box.y + 60;
    page.lines.push(
      { text: '3', confidence: 0.99, box: { x: 150, y, width: 18, height: 32 } },
      { text: '杭州钱塘网络科技有限公司', confidence: 0.99, box: { x: 260, y, width: 380, height: 32 } },
      { text: '2022.01-至今', confidence: 0.99, box: { x: 800, y, width: 200, height: 32 } },
    );
    const [doc] = extractDocuments([page], { today: '2026-11-27' });
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
    expect(doc.fields.monthsPaid.issues).toContain('span_row_unreadable');
    expect(doc.fields.periodEnd.needsReview).toBe(true);
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('flags months paid when a row between two read spans has a month it could not read', () => {
    const page = socialInsurancePage({
      rows: [
        ['杭州东方电子有限公司', '2015-03', '2017-06', 28],
        ['杭州南方电子有限公司', '2017-07', '2017-08', 2],
        ['杭州西子智能科技有限公司', '2017-09', '2021-12', 52],
      ],
    });
    // The middle row's end month was smudged into something that is not a month.
    const smudged = page.lines.find((l) => l.text === '2017.08')!;
    smudged.text = '2O17.O8';
    const [doc] = extractDocuments([page], { today: '2026-11-27' });
    expect(doc.fields.monthsPaid.issues).toContain('span_row_unreadable');
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
  });
});

describe('extractDocuments with per-character confidences', () => {
  function withCharacters(page: OcrPage, lineStart: string, weak: string, weakConfidence: number): OcrPage {
    return {
      ...page,
      lines: page.lines.map((line) => {
        if (!line.text.startsWith(lineStart)) return line;
        // Characters spread over the whole box, as the engine boxes them.
        const step = line.box.width / [...line.text].length;
        const words = [...line.text].map((ch, i) => ({
          text: ch,
          confidence: ch === weak ? weakConfidence : 0.995,
          box: { x: line.box.x + i * step, y: line.box.y, width: step, height: line.box.height },
        }));
        return { ...line, confidence: 0.985, words };
      }),
    };
  }

  it('flags a name whose one character the engine was unsure of, though the line scored high', () => {
    const page = withCharacters(skillLevelCertificatePage(), '姓名', '晓', 0.8);
    const [doc] = extractDocuments([page], { today: '2026-11-27' });
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('flags an organisation name with one character read at 0.95 on a line scored 0.99 (a substitution such as 万→方)', () => {
    const page = skillLevelCertificatePage();
    const text = '评价机构：杭州方松汽车维修有限公司';
    page.lines.push({
      text,
      confidence: 0.994,
      box: { x: 1300, y: 1300, width: 720, height: 58 },
      words: [...text].map((ch, i) => ({ text: ch, confidence: ch === '方' ? 0.951 : 0.999, box: { x: 1300 + i * 42, y: 1300, width: 42, height: 58 } })),
    });
    const [doc] = extractDocuments([page], { today: '2026-11-27' });
    expect(doc.fields.issuer.value).toBe('杭州方松汽车维修有限公司');
    expect(doc.fields.issuer.needsReview).toBe(true);
  });

  it('does not hold a weak character elsewhere on the line against the value', () => {
    const page = withCharacters(skillLevelCertificatePage(), '姓名', '：', 0.6);
    const [doc] = extractDocuments([page], { today: '2026-11-27' });
    expect(doc.fields.holderName.needsReview).toBe(false);
  });
});

describe('extractDocuments on award sentences', () => {
  function narrative(nameConfidence: number): OcrPage {
    const sentence = `学员${person.name}（身份证号码：${person.id}）于`;
    const page = new PageBuilder({ confidence: 0.99 })
      .title('培训合格证书')
      .line(sentence)
      .line('2021年5月10日至2021年5月30日参加养老护理员岗前培')
      .line('训培训，修完规定课程，经考核成绩合格，特发此证。')
      .line('证书编号：PX202130070662')
      .gap(3)
      .line('杭州市西湖区职业技能培训学校', 800)
      .line('2021年06月18日', 900)
      .build();
    const line = page.lines.find((l) => l.text === sentence)!;
    line.words = [...sentence].map((ch, i) => ({
      text: ch,
      confidence: ch === person.name[2] ? nameConfidence : 0.995,
      box: { x: line.box.x + i * 30, y: line.box.y, width: 30, height: line.box.height },
    }));
    return page;
  }

  it('reads holder, occupation across the line break, and the date standing alone rather than the training period', () => {
    const [doc] = extractDocuments([narrative(0.99)], { today: '2026-11-27' });
    expect(doc.fields.holderName).toMatchObject({ value: person.name, needsReview: false });
    expect(doc.fields.occupation.value).toBe('养老护理员岗前培训');
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it('scores the holder on the sentence line where the name is, so a doubtful character flags it', () => {
    const [doc] = extractDocuments([narrative(0.62)], { today: '2026-11-27' });
    expect(doc.fields.holderName.needsReview).toBe(true);
    expect(doc.fields.holderName.source?.raw).toContain('学员');
  });
});

describe('extractDocuments on letter-spaced labels and numeral look-alikes', () => {
  it('joins a label read as two boxes (住 … 所) and reads the value beside it', () => {
    const page = new PageBuilder({ width: 2339, height: 1654 })
      .title('营业执照')
      .row([
        [300, '名称'],
        [600, '杭州西子智能科技有限公司'],
      ])
      .row([
        [300, '住'],
        [400, '所'],
        [600, '浙江省杭州市西湖区中山路187号21幢201室'],
      ])
      .build();
    const [doc] = extractDocuments([page], { today: '2026-11-27' });
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区中山路187号21幢201室');
  });

  it('reads 一 misread as an arrow or a dash inside a date in Chinese numerals', () => {
    const [doc] = extractDocuments([skillLevelCertificatePage({ dateText: '二〇二一年六月二十→日', year: 2021 })], { today: '2026-11-27' });
    expect(doc.fields.issueDate.value).toBe('2021-06-21');
  });
});
