import { describe, expect, it } from 'vitest';
import { END_DATE_COMPUTED } from '../../shared/extraction/letter-reading.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { renumber } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-11-27' });

/** A notice-style 聘书 as packets-v3's held-out family prints it (issue 19): salutation, 特聘请您为, a closing line. */
function noticeLetter(o: { title: string; salutation: string; sentence: string }): OcrPage {
  return new PageBuilder()
    .title(o.title)
    .gap(2)
    .line(o.salutation)
    .line(o.sentence, 230)
    .line('聘期内享受公司相应岗位待遇。', 230)
    .line('特此通知。', 230)
    .gap(4)
    .line('杭州云岚电子科技有限公司', 900)
    .line('2024年06月28日', 960)
    .build();
}

describe('a notice-style 聘书: X 同志： then 经研究决定，特聘请您为 Y', () => {
  it('reads the name without its form of address, the post, and the end computed from 聘期三年，自 A 起', () => {
    const [doc] = read([
      noticeLetter({ title: '聘任通知书', salutation: '郑雨桐同志：', sentence: '经研究决定，特聘请您为我公司 技术总监，聘期三年，自2024年07月01日起。' }),
    ]);
    expect(doc.type).toBe('employment_letter');
    expect(doc.fields.employeeName.value).toBe('郑雨桐');
    expect(doc.fields.title.value).toBe('技术总监');
    expect(doc.fields.startDate.value).toBe('2024-07-01');
    expect(doc.fields.endDate).toMatchObject({ value: '2027-06-30', needsReview: true });
    expect(doc.fields.endDate.issues).toContain(END_DATE_COMPUTED);
    expect(doc.fields.employerName.value).toBe('杭州云岚电子科技有限公司');
    expect(doc.fields.issueDate.value).toBe('2024-06-28');
  });

  it('takes the issue date from under the signature, not the term end, when the term is a span', () => {
    const [doc] = read([
      noticeLetter({
        title: '聘请书',
        salutation: '郑雨桐 女士：',
        sentence: '根据工作需要，经研究决定，特聘请您为 技术总监，聘期自2024年07月01日起至2027年06月30日止。',
      }),
    ]);
    expect(doc.fields.employeeName.value).toBe('郑雨桐');
    expect([doc.fields.startDate.value, doc.fields.endDate.value]).toEqual(['2024-07-01', '2027-06-30']);
    expect(doc.fields.issueDate.value).toBe('2024-06-28');
  });
});
