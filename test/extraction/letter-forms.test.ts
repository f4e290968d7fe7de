import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { readPost } from '../../shared/extraction/letter-reading.js';
import { company } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const read = (page: OcrPage) => extractDocuments([page], { today: '2026-11-27' })[0];

function letter(body: string[], o: { salutation?: string; signature?: string } = {}): OcrPage {
  const b = new PageBuilder().title('聘 书');
  if (o.salutation) b.line(o.salutation);
  for (const line of body) b.line(line, 210);
  return b
    .gap(2)
    .line(o.signature ?? company.name, 900)
    .line('二〇二〇年十二月二十日', 900)
    .build();
}

describe('reading the term of a 聘书 given as a length', () => {
  it('computes the end of 聘期：三年，自 A 起 (a colon after 聘期) and marks it computed', () => {
    const doc = read(letter(['兹聘任李娜为我公司人力资源部经理。', '聘期：三年，自2021年3月1日起。']));
    expect(doc.fields.startDate.value).toBe('2021-03-01');
    expect(doc.fields.endDate).toMatchObject({ value: '2024-02-29', needsReview: true });
    expect(doc.fields.endDate.issues).toContain('end_date_inferred_from_term');
  });

  it('ends a term of four years from 29 February on the 28th, the day before the anniversary', () => {
    expect(read(letter(['兹聘任李娜为我公司技术顾问，聘期四年，自2020年2月29日起。'])).fields.endDate.value).toBe('2024-02-28');
  });
});

describe('reading the employer of a 聘书 from its signature', () => {
  it('flags the employer when the letterhead names another organisation than the signature', () => {
    const page = new PageBuilder()
      .line('杭州西子控股集团有限公司', 600)
      .title('聘 书')
      .line('兹聘任李娜为我公司技术顾问，聘期自2021年3月1日至2023年2月28日。', 210)
      .gap(2)
      .line(company.name, 900)
      .line('二〇二〇年十二月二十日', 900)
      .build();
    const doc = read(page);
    expect(doc.fields.employerName).toMatchObject({ value: company.name, needsReview: true });
  });

  it('does not flag the employer that signs alone', () => {
    expect(read(letter(['兹聘任李娜为我公司技术顾问，聘期自2021年3月1日至2023年2月28日。'])).fields.employerName.needsReview).toBe(false);
  });

  it('reads the employer signed with its seal note beside the name (`X 有限公司（盖章）`), without the note', () => {
    const doc = read(letter(['兹聘任李娜为我公司技术顾问，聘期自2021年3月1日至2023年2月28日。'], { signature: `${company.name}（盖章）` }));
    expect(doc.fields.employerName.value).toBe(company.name);
  });
});

describe('reading a person whose surname is also part of the verb (任, 用)', () => {
  it('reads 经研究决定，聘任任军雨同志为 Y as 任军雨', () => {
    const doc = read(letter(['经研究决定，聘任任军雨同志为我公司高级技师，', '聘期自2021年3月1日至2024年2月29日。']));
    expect(doc.fields.employeeName.value).toBe('任军雨');
    expect(doc.fields.title.value).toBe('高级技师');
  });

  it('reads the salutation 用志强先生： as 用志强', () => {
    const doc = read(letter(['特聘请您为我公司技术顾问，聘期自2021年3月1日至2023年2月28日。'], { salutation: '用志强先生：' }));
    expect(doc.fields.employeeName.value).toBe('用志强');
  });
});

describe('reading the post of a 聘书', () => {
  it('never takes the term sentence for the post beside 职务', () => {
    const doc = read(letter(['兹聘任李娜为我公司技术顾问。', '职务：聘期五年，自二〇二一年三月一日起。']));
    expect(doc.fields.title.value).toBe('技术顾问');
  });

  it.each([['聘期五年,自二'], ['自2021年3月1日起'], ['2021年3月1日']])('reads %s as no post', (text) => {
    expect(readPost(text)).toBeNull();
  });

  it.each([['高级技师'], ['人力资源部经理'], ['年级组长']])('reads %s as a post', (text) => {
    expect(readPost(text)?.value).toBe(text);
  });
});

describe('reading the date a 聘书 was issued', () => {
  it('takes the date on a line of its own under the signature, confident', () => {
    const page = new PageBuilder()
      .title('聘 书')
      .line('兹聘任李娜为我公司技术顾问，聘期自2021年3月1日至2023年2月28日。', 210)
      .gap(2)
      .line(company.name, 900)
      .line('2021 年 2 月 26 日', 900)
      .build();
    expect(read(page).fields.issueDate).toMatchObject({ value: '2021-02-26', needsReview: false });
  });

  it('flags a date read from a sentence when the letter has no date line', () => {
    const page = new PageBuilder()
      .title('聘 书')
      .line('公司于2021年2月20日经董事会研究决定，聘任李娜为我公司技术顾问，', 210)
      .line('聘期自2021年3月1日至2023年2月28日。', 210)
      .gap(2)
      .line(company.name, 900)
      .build();
    const doc = read(page);
    expect(doc.fields.issueDate).toMatchObject({ value: '2021-02-20', needsReview: true });
    expect(doc.fields.issueDate.issues).toContain('issue_date_inferred_from_sentence');
  });
});

describe('reading a salutation whose colon the engine lost', () => {
  it('reads 王晓明同志 alone on its line as the person addressed', () => {
    const doc = read(letter(['特聘请您为我公司首席技师，聘期自2021年7月1日至2024年6月30日。'], { salutation: '王晓明同志' }));
    expect(doc.fields.employeeName.value).toBe('王晓明');
  });

  it('does not take a bare name without a form of address or colon for a salutation', () => {
    const doc = read(letter(['特聘请您为我公司首席技师，聘期自2021年7月1日至2024年6月30日。'], { salutation: '王晓明' }));
    expect(doc.fields.employeeName.value).toBeNull();
  });
});

describe('reading a term whose 至 the engine misread', () => {
  it('reads 聘期自 A 窑 B as the term from A to B and flags the end', () => {
    const doc = read(letter(['经公司研究，特聘请您为我单位班组长，聘期', '自2021-09-11窑二〇二六年九月十日。'], { salutation: '魏勇军女士：' }));
    expect(doc.fields.startDate.value).toBe('2021-09-11');
    expect(doc.fields.endDate).toMatchObject({ value: '2026-09-10', needsReview: true });
    expect(doc.fields.endDate.issues).toContain('term_separator_unreadable');
  });

  it('does not read two dates of different sentences as a term', () => {
    const doc = read(letter(['兹聘任李娜为我公司技术顾问，聘期三年。', '本聘书2021年3月1日签发，2021年3月5日起生效。']));
    expect(doc.fields.endDate.value).toBeNull();
  });
});
