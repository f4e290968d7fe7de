import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { renumber } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

// Classes found on the wide packets of letter21 (issue 19): a signature page known only by its running header, and a
// full stop read as a Latin o after a wrapped term date.

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-12-06' });

/** A page under the running header `劳动合同书` (small, top left) with the page number `number` at the right, if any. */
function headed(lines: string[], number?: string): OcrPage {
  const b = new PageBuilder({ top: 200 }).at(186, 90, '劳动合同书', { height: 43 });
  if (number) b.at(1462, 105, number, { height: 25 });
  for (const line of lines) b.line(line, 186);
  return b.build();
}

function cover(employee = person.name): OcrPage {
  return new PageBuilder({ top: 700 })
    .title('劳动合同书')
    .gap(4)
    .line(`甲方（用人单位）：${company.name}`, 300)
    .line(`乙方（劳动者）：${employee}`, 300)
    .build();
}

const clausePages = (): OcrPage[] => [
  headed(['一、劳动合同期限', '固定期限：自 2021 年 10 月 2 日起至 2024 年 10 月 1 日止。', '二、工作内容和工作地点', '乙方同意担任电工岗位工作。'], '1'),
  headed(['三、劳动报酬', '甲方每月 15 日前以货币形式支付乙方工资。', '四、社会保险', '甲乙双方按国家和省市规定参加社会保险。'], '2'),
  headed(['五、违约责任', '任何一方违反本合同约定，给对方造成经济损失的，应依法承担赔偿责任。', '六、其他', '本合同一式两份，甲乙双方各执一份。'], '3'),
];

describe('a contract’s signature page under its running header', () => {
  it('keeps the signature page with the contract when its page number was lost and only the header repeats', () => {
    const signature = headed([
      '',
      '',
      '甲方（盖章）：',
      company.name,
      '负责人（签字）：朱鸣',
      '签约日期：2021年10月2日',
      '乙方（签字）：' + person.name,
      '签订日期：2021年10月2日',
    ]);
    const docs = read([cover(), ...clausePages(), signature]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 2, 3, 4, 5]]]);
    expect(docs[0].fields.signedDate.value).toBe('2021-10-02');
    // The clause pages under the header are no covers: the boundary is not in doubt.
    expect(docs[0].issues ?? []).toEqual([]);
  });

  it('still starts a new contract under the same header when its cover and numbering start again', () => {
    const docs = read([cover(), ...clausePages(), cover('李娜'), ...clausePages()]);
    expect(docs.map((d) => d.pages)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
  });
});

describe('the next contract of one form under the same running header', () => {
  it('starts a new document where the clauses start again for other parties, with no cover and no page numbers', () => {
    const first = (employee: string) =>
      headed([
        `甲方（用人单位）：${company.name}`,
        `乙方（劳动者）：${employee}`,
        '一、劳动合同期限',
        '固定期限：自 2021 年 10 月 2 日起至 2024 年 10 月 1 日止。',
      ]);
    const rest = [
      headed(['二、工作内容和工作地点', '乙方同意担任电工岗位工作。', '三、劳动报酬', '甲方每月 15 日前以货币形式支付乙方工资。']),
      headed(['四、社会保险', '甲乙双方按国家和省市规定参加社会保险。', '五、其他', '本合同一式两份，甲乙双方各执一份。']),
    ];
    const docs = read([first(person.name), ...rest, first('李娜'), ...rest]);
    expect(docs.map((d) => d.pages)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(docs.map((d) => d.issues ?? [])).toEqual([[], []]);
  });
});

describe('a term date wrapped to a line of its own, its full stop read as a Latin o', () => {
  it('reads the end date of `聘期自 A 至` | `B o`', () => {
    const b = new PageBuilder().title('聘书');
    b.line('兹聘请 郭军同志 为质量工程师，聘期自2021年12月05日至', 210).line('2023.12.04 o', 150).line('特发此证。', 210);
    const [doc] = read([b.gap(2).line(company.name, 900).line('2021-11-26', 900).build()]);
    expect(doc.fields.startDate.value).toBe('2021-12-05');
    expect(doc.fields.endDate.value).toBe('2023-12-04');
  });
});

describe('a 聘书 whose person opens the sentence under a title boxed in two', () => {
  it('reads `聘` | `书` | `郭国平 被聘为质量工程师一职°` as 郭国平 and 质量工程师 (the title no part of the name, the ring a stop)', () => {
    const page = new PageBuilder()
      .row(
        [
          [631, '聘'],
          [726, '书'],
        ],
        { height: 110 },
      )
      .line('郭国平 被聘为质量工程师一职°', 335)
      .line('聘期为24个月，自二〇二一年三月二十三日起。', 335)
      .gap(2)
      .line(`${company.name} (盖章)`, 635)
      .line('二〇二一年三月十五日', 800)
      .build();
    const [doc] = read([page]);
    expect(doc.fields.employeeName.value).toBe('郭国平');
    expect(doc.fields.title.value).toBe('质量工程师');
    expect(doc.fields.endDate).toMatchObject({ value: '2023-03-22', needsReview: true });
  });
});

describe('a term whose end lost the separator between its month and its day', () => {
  it('reads `合同期限自2018年4月4日起至2019-0403止` with the end 2019-04-03, flagged date_separator_inferred', () => {
    const page = new PageBuilder()
      .title('劳动合同书')
      .line(`甲方（用人单位）：${company.name}`)
      .line(`乙方（劳动者）：${person.name}`)
      .line('一、劳动合同期限')
      .line('本合同为固定期限劳动合同，合同期限自2018年4月4日起至2019-0403止。', 186)
      .build();
    const [doc] = read([page]);
    expect(doc.fields.startDate.value).toBe('2018-04-04');
    expect(doc.fields.endDate).toMatchObject({ value: '2019-04-03', needsReview: true });
    expect(doc.fields.endDate.issues).toContain('date_separator_inferred');
  });
});
