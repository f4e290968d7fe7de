import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { renumber } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-11-27' });

/**
 * An employer's own contract as packets-v3's held-out family prints it (issue 19): no cover, no page numbers, the
 * parties in a four-column table on page 1 (甲方 | name | 乙方 | name), 第X条 clauses, and a signature page holding only
 * the seal, 甲方（盖章）, 乙方（签名） and the date. Only the clause numbers and the signature page join its pages.
 */
function partyTableContract(o: { term: string; employerBesideSeal: boolean; title?: string }): OcrPage[] {
  const first = new PageBuilder()
    .line('杭州云岚电子科技有限公司', 700)
    .title(o.title ?? '劳动合同书')
    .row([
      [150, '甲方'],
      [330, '杭州云岚电子科技有限公司'],
      [900, '乙方'],
      [1080, '郑雨桐'],
    ])
    .row([
      [150, '统一社会信用代码'],
      [520, '91330106MA2H3KXL7Q'],
      [900, '身份证号码'],
      [1120, '330106199203154427'],
    ])
    .row([
      [150, '法定代表人'],
      [420, '沈建国'],
      [900, '性别'],
      [1080, '女'],
    ])
    .line('甲乙双方根据《中华人民共和国劳动合同法》，经平等协商，签订本合同，共同遵守。')
    .line(`第一条 ${o.term}`)
    .line('第二条 乙方同意根据甲方工作需要，在 电工 岗位工作。')
    .line('第三条 甲乙双方协商一致，可以变更本合同约定的内容。')
    .build();
  const clauses = new PageBuilder()
    .line('第四条 甲方每月以货币形式按时足额支付乙方工资。')
    .line('第五条 甲乙双方按国家和省、市有关规定参加社会保险。')
    .line('第六条 甲方为乙方提供必要的劳动保护用品。')
    .line('第七条 任何一方违反本合同约定，应依法承担赔偿责任。')
    .build();
  const signature = new PageBuilder({ top: 900 })
    .line(o.employerBesideSeal ? '甲方（盖章）：杭州云岚电子科技有限公司' : '甲方（盖章）')
    .gap(4)
    .line('2023年03月06日')
    .gap(3)
    .line('乙方（签名）：')
    .line('郑雨桐')
    .line('2023年03月06日')
    .build();
  return [first, clauses, signature];
}

describe('a contract with its parties in a four-column table and no page numbers', () => {
  it('is one document of its three pages and reads the parties from the table row', () => {
    const docs = read(partyTableContract({ term: '合同期限为三年，自2023年03月06日起至2026年03月05日止。', employerBesideSeal: false }));
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 2, 3]]]);
    expect(docs[0].fields.employerName.value).toBe('杭州云岚电子科技有限公司');
    expect(docs[0].fields.employeeName.value).toBe('郑雨桐');
    expect(docs[0].fields.signedDate).toMatchObject({ value: '2023-03-06', source: { page: 3 } });
  });

  it('reads the term printed as 合同期限为三年，自 A 起至 B 止', () => {
    const [doc] = read(partyTableContract({ term: '合同期限为三年，自2023年03月06日起至2026年03月05日止。', employerBesideSeal: true }));
    expect([doc.fields.startDate.value, doc.fields.endDate.value]).toEqual(['2023-03-06', '2026-03-05']);
  });

  it('reads the term printed as 本合同期限：A 至 B, without 自, 起 or 止', () => {
    const [doc] = read(partyTableContract({ term: '本合同期限：2023年03月06日 至 2026年03月05日。', employerBesideSeal: true }));
    expect([doc.fields.startDate.value, doc.fields.endDate.value]).toEqual(['2023-03-06', '2026-03-05']);
  });

  it('takes a contract titled 员工聘用合同 for a labour contract, not a 聘书', () => {
    const docs = read(partyTableContract({ term: '合同期限为三年，自2023年03月06日起至2026年03月05日止。', employerBesideSeal: false, title: '员工聘用合同' }));
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 2, 3]]]);
  });
});

/** The last page of a contract: the employer's and the employee's blocks, each with a date under it and no label. */
function signaturePage(dates: [string, string | undefined]): OcrPage {
  const page = new PageBuilder({ top: 900 }).line('甲方（盖章）').gap(4).line(dates[0]).gap(3).line('乙方（签名）：').line('郑雨桐');
  if (dates[1]) page.line(dates[1]);
  return page.build();
}

describe("the signing date printed with no label under both parties' blocks", () => {
  const body = partyTableContract({ term: '合同期限为三年，自2023年03月06日起至2026年03月05日止。', employerBesideSeal: false }).slice(0, 2);

  it('is the signing date, not flagged, when both blocks carry the same day', () => {
    const [doc] = read([...body, signaturePage(['2023年03月06日', '2023年03月06日'])]);
    expect(doc.fields.signedDate).toMatchObject({ value: '2023-03-06', needsReview: false, source: { page: 3 } });
    expect(doc.fields.signedDate.issues ?? []).not.toContain('signed_date_inferred_unlabelled');
  });

  it('stays flagged for the clerk when the two blocks carry different days', () => {
    const [doc] = read([...body, signaturePage(['2023年03月06日', '2023年03月08日'])]);
    expect(doc.fields.signedDate.needsReview).toBe(true);
    expect(doc.fields.signedDate.issues).toContain('signed_date_inferred_unlabelled');
  });

  it('stays flagged for the clerk when only one block carries a date', () => {
    const [doc] = read([...body, signaturePage(['2023年03月06日', undefined])]);
    expect(doc.fields.signedDate.needsReview).toBe(true);
    expect(doc.fields.signedDate.issues).toContain('signed_date_inferred_unlabelled');
  });
});

/** Page 1 as a PDF's text layer gives it: the employer's name wrapped in its cell, the cell centred on the label's row. */
function wrappedCellPage(header: boolean): OcrPage {
  const b = new PageBuilder({ width: 1653, height: 2339, source: 'text_layer', lineHeight: 37, confidence: 1 });
  if (header) b.at(574, 176, '杭州万松建筑工程股份有限公司', { height: 45 });
  return b
    .at(588, 263, '员工聘用合同', { height: 61 })
    .at(215, 422, '甲方')
    .at(496, 403, '杭州万松建筑工程股份有限')
    .at(496, 441, '公司')
    .at(896, 422, '乙方')
    .at(1091, 422, '司马娟卿')
    .at(215, 516, '统一社会信用代码')
    .at(496, 519, '91330106N2E55RHP6P')
    .at(896, 516, '身份证号码')
    .at(1091, 519, '33010519930501277X')
    .at(215, 800, '第一条 合同期限为三年，自2023年03月06日起至2026年03月05日止。')
    .at(215, 870, '第二条 乙方同意在 电工 岗位工作。')
    .build();
}

describe('an employer name wrapped in its table cell', () => {
  const signature = signaturePage(['2023年03月06日', '2023年03月06日']);

  it('is read whole and not flagged when the page prints the name whole elsewhere (the letterhead line)', () => {
    const [doc] = read([wrappedCellPage(true), signature]);
    expect(doc.fields.employerName).toMatchObject({ value: '杭州万松建筑工程股份有限公司', needsReview: false });
  });

  it('is read whole but flagged wrap_joined_inferred when nothing else prints it whole', () => {
    const [doc] = read([wrappedCellPage(false), signature]);
    expect(doc.fields.employerName).toMatchObject({ value: '杭州万松建筑工程股份有限公司', needsReview: true });
    expect(doc.fields.employerName.issues).toContain('wrap_joined_inferred');
  });
});
