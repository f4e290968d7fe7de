import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { pageSignals } from '../../shared/extraction/page-signals.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { modelContractPages, renumber } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

// Classes found on the wide packets of letter22 (issue 19): a clause page whose heads lost their 、 on a photo, and
// show-through back sides with a line or two of symmetric characters read confidently.

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-12-06' });

function page(lines: string[]): OcrPage {
  const b = new PageBuilder({ top: 200 });
  for (const line of lines) b.line(line, 186);
  return b.build();
}

const opening = () =>
  page([
    '劳动合同书',
    `甲方（用人单位）：${company.name}`,
    `乙方（劳动者）：${person.name}`,
    '一、劳动合同期限',
    '固定期限：自 2021 年 10 月 2 日起至 2024 年 10 月 1 日止。',
    '二、工作内容和工作地点',
    '乙方同意担任电工岗位工作。',
  ]);
const middle = () =>
  page([
    '三、劳动报酬',
    '甲方每月 15 日前以货币形式支付乙方工资。',
    '四、社会保险',
    '甲乙双方按国家和省市规定参加社会保险。',
    '五、违约责任',
    '任何一方违反本合同约定，给对方造成经济损失的，应依法承担赔偿责任。',
  ]);
const signature = () =>
  page(['甲方（盖章）：', company.name, '负责人（签字）：朱鸣', '签约日期：2021年10月2日', `乙方（签字）：${person.name}`, '签订日期：2021年10月2日']);

describe('a contract’s clause page whose clause head lost its 、', () => {
  it('keeps the page and the signature page after it with the contract when its head is the next clause (`六其他`)', () => {
    const last = page(['六其他', '本合同一式两份，甲乙双方各执一份。', '本合同未尽事宜，按国家有关规定执行。', '（以下无正文）']);
    const docs = read([opening(), middle(), last, signature()]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 2, 3, 4]]]);
    expect(docs[0].fields.signedDate.value).toBe('2021-10-02');
  });

  it('takes a short heading after a numeral for a head, never a count, a date or a sentence', () => {
    const heads = (lines: string[]) => pageSignals(buildPageLayout(page(lines))).unmarkedClauses;
    expect(heads(['十其他', '本合同一式两份。'])).toEqual([10]);
    expect(heads(['十一劳动合同的解除', '本合同一式两份。'])).toEqual([11]);
    expect(heads(['三方协议另行签订', '五年内不得转让', '二〇二一年十月二日', '三、劳动报酬', '四甲乙双方按国家规定参加社会保险。'])).toBeUndefined();
  });
});

/** A duplex scan's back side: the front mirrored, read poorly, save a line of symmetric characters read well. */
function showThrough(lines: Array<[string, number]>): OcrPage {
  const b = new PageBuilder();
  lines.forEach(([text, confidence], i) => b.at(1500 - text.length * 32, 300 + i * 130, text, { confidence }));
  return b.build();
}

describe('a back side whose mirrored front has a line read well', () => {
  // As the engine read the back of a noisy scan's first contract page: `二、工作内容` mirrored is `工容内工二` (0.92).
  const back = showThrough([
    ['牛同合际荣', 0.67],
    ['（立单人用）六甲', 0.83],
    ['膜同合标荣条一第', 0.66],
    ['中O二O二自：别联宝固天', 0.73],
    ['本家左二不灯释越式甲', 0.47],
    ['同合本出的家膜同合', 0.59],
    ['工容内工二', 0.92],
    ['补工益岗种弧储式S非安式甲', 0.5],
  ]);

  it('takes it for a blank back side: in no document, splitting nothing', () => {
    expect(pageSignals(buildPageLayout(back)).blank).toBe(true);
    const docs = read(modelContractPages({ numbers: 'none', instructions: false }).flatMap((p) => [p, back]));
    expect(docs.map((d) => d.pages)).toEqual([[1, 3, 5, 7, 9]]);
  });

  it('keeps a page with more lines read well as text of its own', () => {
    const real = showThrough([
      ['牛同合际荣', 0.67],
      ['二、工作内容', 0.93],
      ['乙方工作地点', 0.95],
      ['三、工作时间', 0.92],
      ['本家左二不灯释越式甲', 0.47],
    ]);
    expect(pageSignals(buildPageLayout(real)).blank).toBe(false);
  });
});
