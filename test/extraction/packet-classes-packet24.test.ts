import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { EMPLOYER_FROM_SEAL } from '../../shared/extraction/agreement-readers.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { renumber } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

// Classes of the packets as people scan and photograph them (issue 19, packet24): two pages of a contract in one
// photo, and a 聘书 whose employer is named only in its seal.

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-12-06' });

function page(lines: string[], options: { width?: number; x?: number } = {}): PageBuilder {
  const b = new PageBuilder({ top: 200, width: options.width });
  for (const line of lines) b.line(line, options.x ?? 186);
  return b;
}

/** The contract's first page: its parties and its first clauses, the term among them. */
const opening = () =>
  page([
    '劳动合同',
    `用人单位（甲方）：${company.name}`,
    `劳动者（乙方）：${person.name}`,
    '一、合同期限',
    '本合同为固定期限劳动合同，自 2021 年 10 月 2 日起至 2024 年 10 月 1 日止。',
    '二、工作岗位',
    '乙方担任电工。',
  ]).build();

/** The last clauses on the left, the signature page on the right: a contract lying open, photographed whole. */
function lastClausesAndSignatureSideBySide(): OcrPage {
  const b = page(['三、劳动报酬', '甲方每月 15 日前以货币形式支付乙方工资。', '四、其他', '本合同一式两份，甲乙双方各执一份。', '（以下为签署页，无正文）'], {
    width: 3400,
  });
  const right = ['甲方（盖章）：', company.name, '法定代表人（签字）：朱鸣', `乙方（签字）：${person.name}`, '签订日期：2021年10月2日'];
  right.forEach((text, i) => b.at(1900, 900 + i * 58, text));
  return b.build();
}

const letter = (sealed: (b: PageBuilder) => void) => {
  const b = page(['聘　书', `兹聘任 ${person.name} 同志为我公司 高级技师，聘期自 2021年1月1日 至 2023年12月31日。`, '特发此聘书。']);
  b.at(1000, 1900, '2020年12月25日');
  sealed(b);
  return b.build();
};

/** The seal's name one character to a box round the top of its ring, as a text layer gives it. */
function sealRing(b: PageBuilder, name: string, lost: number[] = []): void {
  const chars = [...name];
  const [cx, cy, r] = [1100, 1830, 140];
  chars.forEach((ch, i) => {
    if (lost.includes(i)) return;
    const angle = ((-115 + (230 * i) / (chars.length - 1)) * Math.PI) / 180;
    b.at(Math.round(cx + r * Math.sin(angle) - 18), Math.round(cy - r * Math.cos(angle) - 18), ch, { height: 36, width: 36 });
  });
}

describe('two pages of a contract in one photo', () => {
  it('ends the body on the photo that holds its signature page, so the next page’s 聘书 is a document of its own', () => {
    const docs = read([opening(), lastClausesAndSignatureSideBySide(), letter((b) => b.at(980, 1840, company.name))]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([
      ['labor_contract', [1, 2]],
      ['employment_letter', [3]],
    ]);
    expect(docs[0].fields.signedDate.value).toBe('2021-10-02');
  });
});

describe('a 聘书 whose employer is named only in its seal', () => {
  it('reads the employer from the seal’s lettering, in order round the ring, for the clerk to confirm', () => {
    const [doc] = read([letter((b) => sealRing(b, company.name))]);
    expect(doc.fields.employerName).toMatchObject({ value: company.name, needsReview: true });
    expect(doc.fields.employerName.issues).toContain(EMPLOYER_FROM_SEAL);
    expect(doc.fields.employeeName.value).toBe(person.name);
  });

  it('reads the employer from the ring’s lettering the engine read whole, though its pieces lost characters, for the clerk to confirm', () => {
    const sealed = letter((b) => sealRing(b, company.name, [4, 5, 6]));
    sealed.lines.push({ text: company.name, confidence: 0.96, box: { x: 940, y: 1670, width: 320, height: 320 }, sealLettering: true });

    const [doc] = read([sealed]);

    expect(doc.fields.employerName).toMatchObject({ value: company.name, needsReview: true });
    expect(doc.fields.employerName.issues).toContain(EMPLOYER_FROM_SEAL);
  });

  it('keeps the ring’s lettering read whole out of the page’s lines', () => {
    const sealed = letter(() => undefined);
    sealed.lines.push({ text: company.name, confidence: 0.96, box: { x: 940, y: 1670, width: 320, height: 320 }, sealLettering: true });

    const layout = buildPageLayout(sealed);

    expect(layout.lines.map((line) => line.flat)).not.toContain(company.name);
    expect(layout.sealRings?.map((ring) => ring.text)).toEqual([company.name]);
  });

  it('gives no employer when characters of the seal’s name were lost between its pieces', () => {
    const [doc] = read([letter((b) => sealRing(b, company.name, [4, 5, 6]))]);
    expect(doc.fields.employerName).toMatchObject({ value: null, needsReview: true });
  });
});
