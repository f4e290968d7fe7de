import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { normaliseText } from '../../shared/extraction/text.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, idCardPage, person, skillLevelCertificatePage } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const TODAY = '2026-11-27';
const read = (pages: OcrPage[]) => extractDocuments(pages, { today: TODAY });

/** The same page with one line's text replaced (what the engine read instead). */
function misread(page: OcrPage, from: string, to: string): OcrPage {
  return { ...page, lines: page.lines.map((line) => (line.text === from ? { ...line, text: to } : line)) };
}

describe('normaliseText on letter-spacing read as a dot', () => {
  it('joins a two-character label whose spacing was read as a dot (姓‧名) but keeps a minority name’s dot', () => {
    expect(normaliseText('姓‧名 尉迟艳华')).toBe('姓名 尉迟艳华');
    expect(normaliseText('阿依古丽·买买提')).toBe('阿依古丽·买买提');
  });
});

describe('extractDocuments on OCR slips in labels and values', () => {
  it('reads an ID card name whose label spacing was read as a dot (姓‧名)', () => {
    const page = new PageBuilder({ width: 1000, height: 630, lineHeight: 28, top: 60 })
      .line(`姓‧名 ${person.name}`, 60)
      .row([
        [60, '性别男'],
        [330, '民族汉'],
      ])
      .line('出生1990年3月7日', 60)
      .line('住址浙江省杭州市西湖区文三路90号3幢201室', 60)
      .row([
        [60, '公民身份号码'],
        [400, person.id],
      ])
      .build();
    const [doc] = read([page]);
    expect(doc.type).toBe('id_card');
    expect(doc.fields.name.value).toBe(person.name);
  });

  it('reads an ID card name under a misread label (娃名) from its place above 性别, flagged for the clerk', () => {
    const page = misread(idCardPage(), '姓名', '娃名');
    const nameLine = page.lines.find((l) => l.text === person.name)!;
    // The engine read label and name as one line.
    page.lines = page.lines.filter((l) => l !== nameLine).map((l) => (l.text === '娃名' ? { ...l, text: `娃名${person.name}` } : l));
    const [doc] = read([page]);
    expect(doc.fields.name).toMatchObject({ value: person.name, needsReview: true });
    expect(doc.fields.name.issues).toContain('label_inferred');
  });

  it('reads a name after a hyphenation point the engine read between label and value (姓名‧王晓明)', () => {
    const page = misread(skillLevelCertificatePage(), `姓名：${person.name}`, `姓名‧${person.name}`);
    const [doc] = read([page]);
    expect(doc.fields.holderName.value).toBe(person.name);
  });

  it('reads a level glued to its label (等级三级(高级工)) and checks it against the number', () => {
    const page = misread(skillLevelCertificatePage(), '职业技能等级：三级/高级工', '等级三级(高级工)');
    const [doc] = read([page]);
    expect(doc.fields.level).toMatchObject({ value: 3, needsReview: false });
  });

  it('looks past leader dots between a label and its value', () => {
    const page = skillLevelCertificatePage({ layout: 'right' });
    const label = page.lines.find((l) => l.text === '职业名称')!;
    page.lines.push({ text: '.......', confidence: 0.9, box: { x: label.box.x + 200, y: label.box.y + 20, width: 80, height: 12 } });
    const [doc] = read([page]);
    expect(doc.fields.occupation.value).toBe('电工');
  });

  it('completes an issue date in Chinese numerals whose year lost its first digits under a seal, flagged', () => {
    const page = misread(skillLevelCertificatePage(), '发证日期：2021年06月18日', '业务专用章一年六月十八日');
    const [doc] = read([page]);
    expect(doc.fields.issueDate).toMatchObject({ value: '2021-06-18', needsReview: true, issues: ['issue_date_year_inferred'] });
  });

  it('reads an employer whose name runs up to an opening bracket of the next remark (…有限公司（统一社会信用代码：)', () => {
    const page = new PageBuilder()
      .title('劳动合同书')
      .line(`用人单位${company.name}（统一社会信用代码：`)
      .line(`${company.code}，以下简称甲方）与劳动者${person.name}（公民身份号码：`)
      .line(`${person.id}，以下简称乙方）根据《中华人民共和国劳动合同法》，`)
      .line('第一条 本合同为无固定期限劳动合同，自2018.01.14起履行。')
      .build();
    const [doc] = read([page]);
    expect(doc.fields.employerName.value).toBe(company.name);
  });

  it('does not take seal lettering that lost a character (业务用章) for the party beside it', () => {
    const page = new PageBuilder()
      .title('劳动合同书')
      .line('第一条 本合同为固定期限劳动合同，期限自2018年5月24日起至2019年5月23日止。')
      .gap(2)
      .row([
        [200, '甲方（盖章）'],
        [520, '业务用章'],
        [940, '乙方（签字）：'],
      ])
      .row([
        [200, company.name],
        [940, person.name],
      ])
      .build();
    const [doc] = read([page]);
    expect(doc.fields.employerName.value).toBe(company.name);
  });

  it('reads a term whose end date wrapped and lost its separator at the break (…至2023 | 03-23。), flagged', () => {
    const page = new PageBuilder()
      .title('聘书')
      .line(`兹聘任${person.name}先生/女士为我公司技术主管，聘期自2021年3月24日至2023`)
      .line('03-23。', 100)
      .line('特发此证。')
      .line(company.name, 900)
      .build();
    const [doc] = read([page]);
    expect(doc.fields.startDate.value).toBe('2021-03-24');
    expect(doc.fields.endDate).toMatchObject({ value: '2023-03-23', needsReview: true });
  });

  it('reads a date the engine split into two boxes on its row (颁证日期：二〇- … 0年三月十日), flagged', () => {
    const page = new PageBuilder({ width: 2340, height: 1654 })
      .title('职业资格证书')
      .line(`姓名：${person.name}`, 700)
      .line(`证件号码：${person.id}`, 700)
      .line('工种/职业方向：中式面点师', 700)
      .line('等级：二级', 700)
      .line('证书号：1033010985206877', 700)
      .line('发证单位：杭州市人力资源和社会保障局', 1255)
      .row([
        [1431, '颁证日期：二〇-'],
        [1791, '0年三月十日'],
      ])
      .build();
    const [doc] = read([page]);
    expect(doc.fields.issueDate).toMatchObject({ value: '2010-03-10', needsReview: true });
  });
});
