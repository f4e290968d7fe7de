import { describe, expect, it } from 'vitest';
import { findDates, extractDocuments } from '../../shared/extraction/index.js';
import { readDateValue } from '../../shared/extraction/value-readers.js';
import { flagSourcesClaimedTwice, SOURCE_CLAIMED_TWICE } from '../../shared/extraction/claimed-twice.js';
import { finaliseField } from '../../shared/extraction/confidence.js';
import type { DraftFields } from '../../shared/extraction/document-context.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';

// Three ways a photo's reading came out wrong yet confident on dev samples of seen families (2026-12-05), each pinned on
// constructed OCR lines: a check digit that passed over two misread characters, a date whose day was cut at the
// line's end, one fill-in date taken by two labels, and an operation certificate whose own occupation label was unread.

const TODAY = '2026-12-05';

/** A line as the engine returns it: text, box, and each character's score (`weak` lists [index, score] pairs). */
type EngineLine = { text: string; x: number; y: number; width: number; height: number; weak?: [number, number][] };

function enginePage(lines: readonly EngineLine[]): OcrPage {
  return {
    pageNumber: 1,
    width: 1653,
    height: 2339,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(({ text, x, y, width, height, weak = [] }) => {
      const step = width / [...text].length;
      const words = [...text].map((ch, i) => ({
        text: ch,
        confidence: weak.find(([at]) => at === i)?.[1] ?? 0.99,
        box: { x: Math.round(x + i * step), y, width: Math.round(step), height },
      }));
      return { text, confidence: 0.98, box: { x, y, width, height }, words };
    }),
  };
}

const at = (text: string, x: number, y: number, weak?: [number, number][]): EngineLine => ({ text, x, y, width: [...text].length * 30, height: 36, weak });

function contract(lines: EngineLine[]) {
  const doc = extractDocuments([enginePage([at('劳动合同书', 600, 150), ...lines])], { today: TODAY })[0];
  expect(doc.type).toBe('labor_contract');
  return doc;
}

describe('a checksummed code is confident only when the engine was sure of every character', () => {
  const parties = [at(`甲方（用人单位）：${company.name}`, 150, 300), at(`乙方（劳动者）：${person.name}`, 150, 460), at(`身份证号码：${person.id}`, 150, 520)];

  it('reports a credit code read with every character sure as confident', () => {
    const doc = contract([...parties, at(`统一社会信用代码：${company.code}`, 150, 380)]);
    expect(doc.fields.employerCreditCode).toMatchObject({ value: company.code, needsReview: false });
  });

  it('flags a credit code that passes its check digit but holds a character the engine scored under 0.6', () => {
    // `统一社会信用代码：` is 9 characters: the code's 9th character (index 8) is the line's 17th.
    const doc = contract([...parties, at(`统一社会信用代码：${company.code}`, 150, 380, [[9 + 8, 0.48]])]);
    expect(doc.fields.employerCreditCode.value).toBe(company.code);
    expect(doc.fields.employerCreditCode.needsReview).toBe(true);
  });
});

describe('a date whose day is not closed by 日 may have been cut', () => {
  it('marks `2018年3月1` open and `2018年3月1日`, `2018-03-01` closed', () => {
    expect(findDates('签订日期：2018年3月1')[0]).toMatchObject({ value: '2018-03-01', open: true });
    expect(findDates('签订日期：2018年3月1日')[0].open).toBeUndefined();
    expect(findDates('2018-03-01')[0].open).toBeUndefined();
  });

  it('reads an open date with the issue that sends it to the clerk', () => {
    expect(readDateValue('2018年3月1')).toMatchObject({ value: '2018-03-01', issues: ['date_day_may_continue'] });
    expect(readDateValue('2018年3月11日')?.issues).toEqual([]);
  });

  it('flags a signing date read as `2018年3月1` with the rest of its day boxed apart as a lone 日', () => {
    const doc = contract([
      at(`甲方（用人单位）：${company.name}`, 150, 300),
      at(`乙方（劳动者）：${person.name}`, 150, 460),
      at('签订日期：2018年3月1', 150, 989),
      { text: '日', x: 500, y: 996, width: 19, height: 14, weak: [[0, 0.5]] },
    ]);
    expect(doc.fields.signedDate).toMatchObject({ value: '2018-03-01', needsReview: true });
    expect(doc.fields.signedDate.issues).toContain('date_day_may_continue');
  });
});

describe('one value taken by two labels', () => {
  const field = (value: string, box: { x: number; y: number; width: number; height: number }) => ({
    value,
    confidence: 0.97,
    needsReview: false,
    source: { page: 1, box },
  });

  it('flags the start and the end date when both took the one fill-in date (the start with the line above joined)', () => {
    const draft: DraftFields = {
      startDate: field('2020-04-30', { x: 441, y: 680, width: 111, height: 74 }),
      endDate: field('2020-04-30', { x: 441, y: 722, width: 111, height: 32 }),
    };
    flagSourcesClaimedTwice(draft, ['startDate', 'endDate']);
    expect(draft.startDate!.issues).toEqual([SOURCE_CLAIMED_TWICE]);
    expect(draft.endDate!.issues).toEqual([SOURCE_CLAIMED_TWICE]);
  });

  it('leaves two dates read off one line (`自 A 起至 B 止`) and one date printed twice in two places alone', () => {
    const line = { x: 150, y: 700, width: 900, height: 36 };
    const draft: DraftFields = {
      startDate: field('2020-03-01', line),
      endDate: field('2023-02-28', line),
      signedDate: field('2020-03-01', { x: 150, y: 1800, width: 400, height: 36 }),
    };
    flagSourcesClaimedTwice(draft, ['startDate', 'endDate', 'signedDate']);
    expect([draft.startDate!.issues, draft.endDate!.issues, draft.signedDate!.issues]).toEqual([undefined, undefined, undefined]);
  });

  it('sends a field carrying the issue to the clerk whatever its score', () => {
    expect(finaliseField({ value: '2020-04-30', confidence: 0.97, needsReview: false, issues: [SOURCE_CLAIMED_TWICE] }, 0.9).needsReview).toBe(true);
  });
});

describe("an operation certificate's own occupation label", () => {
  it('flags the occupation read beside 作业类别 when 操作项目 is printed but nothing beside it was read', () => {
    const doc = extractDocuments(
      [
        enginePage([
          at('特种作业操作证', 500, 250),
          at(`姓名 ${person.name}`, 230, 340),
          at(`公民身份号码 ${person.id}`, 230, 385),
          at('作业类别制冷与空调作业', 230, 430),
          at('操作项目', 560, 430),
          at(`证号 T${person.id}`, 560, 520),
          at('发证机关 浙江省应急管理厅', 230, 560),
        ]),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.certificateKind.value).toBe('special_operation');
    expect(doc.fields.occupation.value).toBe('制冷与空调作业');
    expect(doc.fields.occupation.needsReview).toBe(true);
    expect(doc.fields.occupation.issues).toContain('kind_label_value_unreadable');
  });
});
