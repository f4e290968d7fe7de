import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { readPost } from '../../shared/extraction/letter-reading.js';
import { company } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const read = (page: OcrPage) => extractDocuments([page], { today: '2026-11-27' })[0];

function notice(title: string, salutation: string, body: string[]): OcrPage {
  const b = new PageBuilder().title(title).line(salutation);
  for (const line of body) b.line(line, 210);
  return b.gap(2).line(company.name, 900).line('二〇二〇年十二月二十日', 900).build();
}

describe('a letter titled with the appointing verb (聘任通知) addressed to a person whose surname is 任', () => {
  it('reads 聘任通知 | 任强同志：… as the title and a salutation, not as 聘任 X 任 Y', () => {
    const doc = read(notice('聘任通知', '任强同志：根据工作需要，经研究决定，', ['特聘请您为我公司技术总监，聘期自2021年3月1日至2024年2月29日。']));
    expect(doc.fields.employeeName.value).toBe('任强');
    expect(doc.fields.title.value).toBe('技术总监');
  });

  it('leaves the post missing, and flagged, when the letter names none (`聘用通知` | `任强同志：…`)', () => {
    const doc = read(notice('聘用通知', '任强同志：根据工作需要，经研究决定，', ['聘期自2021年3月1日至2024年2月29日。']));
    expect(doc.fields.employeeName.value).toBe('任强');
    expect(doc.fields.title).toMatchObject({ value: null, needsReview: true });
  });

  it('never takes a post holding a form of address or a colon', () => {
    expect(readPost('强同志:根据工作需要')).toBeNull();
    expect(readPost('王先生')).toBeNull();
    expect(readPost('技术总监')?.value).toBe('技术总监');
  });
});

describe('a term clause between the person and the post whose closing comma the engine lost', () => {
  it('reads 兹聘任 X，聘期自 A 至 B辑任 Y (`日，担` read as one character) as X and Y, the term left unread', () => {
    const b = new PageBuilder().title('聘 书');
    b.line('兹聘任姜怡君，聘期自二〇一九年九月四日至二', 210).line('〇二四年九月三辑任本公司班组长岗位。', 210);
    const doc = read(b.gap(2).line(company.name, 900).line('二〇一九年八月廿六日', 900).build());
    expect(doc.fields.employeeName.value).toBe('姜怡君');
    expect(doc.fields.title.value).toBe('班组长');
    expect(doc.fields.endDate).toMatchObject({ value: null, needsReview: true });
  });
});
