import { describe, expect, it } from 'vitest';
import { compareFile } from './compare.js';
import { truthAsExtraction } from './echo.js';
import { checkGoals, summarise } from './metrics.js';
import { formatReport } from './report.js';
import type { TruthFile } from './truth.js';

/** A duplex scan: a four-page contract with a blank back side after each page, then a 聘书 written as a letter. */
function duplexPacket(): TruthFile {
  return {
    file: 'packet.pdf',
    condition: 'clean_scan',
    pageCount: 9,
    blankPages: [2, 4, 6, 8],
    documents: [
      {
        type: 'labor_contract',
        pages: [1, 3, 5, 7],
        family: 'contract/model',
        heldOut: false,
        structure: ['cover', 'page_numbers_hyphen'],
        multiline: ['employerName'],
        fields: { employerName: '杭州紫金建筑工程有限公司', employeeName: '吕伊君', startDate: '2020-01-01', endDate: null, signedDate: '2019-12-28' },
      },
      {
        type: 'employment_letter',
        pages: [9],
        family: 'letter/decree',
        heldOut: true,
        letterForm: 'salutation/years',
        masked: ['employeeName'],
        fields: { title: '技术总监', startDate: '2020-03-01', endDate: '2023-02-28' },
      },
    ],
  };
}

describe('comparing packets: pages, blank back sides, masked and wrapped fields', () => {
  it('scores the truth fed back as all right: every page assigned, blank pages in no document, masked fields unreported', () => {
    const truth = duplexPacket();
    const outcome = compareFile(truth, truthAsExtraction(truth));
    expect(outcome).toMatchObject({ needsSplit: true, splitCorrect: true, pagesRight: 9, blankPages: 4, blankPagesRight: 4, extraDocuments: 0 });
    const letter = outcome.documents[1].fields;
    expect(letter.find((f) => f.field === 'employeeName')).toMatchObject({ masked: true, correct: true, missing: true, confidentWrong: false });
    expect(outcome.documents[0].fields.find((f) => f.field === 'employerName')?.multiline).toBe(true);
    expect(outcome.documents[0].fields.find((f) => f.field === 'employeeName')?.multiline).toBe(false);
  });

  it('counts a value reported for a masked field as wrong, confident-wrong unless flagged', () => {
    const truth = duplexPacket();
    const guessed = truthAsExtraction(truth);
    guessed.documents[1].fields.employeeName = { value: '吕伊', confidence: 0.93, needsReview: false };
    expect(compareFile(truth, guessed).documents[1].fields.find((f) => f.field === 'employeeName')).toMatchObject({ correct: false, confidentWrong: true });
    guessed.documents[1].fields.employeeName = { value: '吕伊', confidence: 0.5, needsReview: true };
    expect(compareFile(truth, guessed).documents[1].fields.find((f) => f.field === 'employeeName')).toMatchObject({ correct: false, confidentWrong: false });
    guessed.documents[1].fields.employeeName = { value: null, confidence: 0, needsReview: true };
    expect(compareFile(truth, guessed).documents[1].fields.find((f) => f.field === 'employeeName')?.correct).toBe(true);
  });

  it('counts blank pages taken into the contract as wrong pages and the contract as not split right', () => {
    const truth = duplexPacket();
    const prediction = truthAsExtraction(truth);
    prediction.documents[0].pages = [1, 2, 3, 4, 5, 6, 7, 8];
    const outcome = compareFile(truth, prediction);
    expect(outcome).toMatchObject({ splitCorrect: false, pagesRight: 5, blankPagesRight: 0 });
    expect(outcome.documents[0]).toMatchObject({ pagesCorrect: false, typeCorrect: true });
    // The fields are still scored against the matched document: splitting is reported apart from fields.
    expect(outcome.documents[0].fields.every((f) => f.correct)).toBe(true);
  });

  it('counts a contract cut at its signature page: the cut page is wrong, the rest right, and one extra document', () => {
    const truth = duplexPacket();
    const prediction = truthAsExtraction(truth);
    const contract = prediction.documents[0];
    prediction.documents = [{ ...contract, pages: [1, 3, 5] }, { ...contract, pages: [7], fields: {} }, prediction.documents[1]];
    const outcome = compareFile(truth, prediction);
    expect(outcome).toMatchObject({ extraDocuments: 1, pagesRight: 8, splitCorrect: false });
  });

  it('counts a page claimed by two predicted documents as wrong', () => {
    const truth = duplexPacket();
    const prediction = truthAsExtraction(truth);
    prediction.documents[1].pages = [7, 9];
    expect(compareFile(truth, prediction).pagesRight).toBe(8);
  });
});

describe('a set without packets', () => {
  it('reports splitting as not measured rather than 100 %', () => {
    const single: TruthFile = { ...duplexPacket(), pageCount: 1, blankPages: undefined, documents: [{ ...duplexPacket().documents[1], pages: [1] }] };
    const text = formatReport(summarise([compareFile(single, truthAsExtraction(single))]));
    expect(text).toContain('Splitting (apart from fields): not measured');
    expect(text).toContain('N/A     pages assigned to the right document');
  });
});

describe('summarising packets', () => {
  const truth = duplexPacket();
  const perfect = compareFile(truth, truthAsExtraction(truth));
  const broken = truthAsExtraction(truth);
  broken.documents[0].pages = [1, 2, 3, 4, 5, 6, 7, 8];
  broken.documents[0].fields.employerName = { value: '杭州紫金建筑工程', confidence: 0.95, needsReview: true };
  broken.documents[1].fields.title = { value: '技术', confidence: 0.95, needsReview: false };
  const summary = summarise([perfect, compareFile({ ...truth, file: 'b.pdf' }, broken)]);

  it('gives splitting apart from fields: documents with exactly their pages, pages assigned right, blank pages', () => {
    expect(summary.splitExactDocuments).toMatchObject({ right: 3, total: 4 });
    expect(summary.splitPages).toMatchObject({ right: 14, total: 18 });
    expect(summary.blankPages).toMatchObject({ right: 4, total: 8 });
    expect(summary.splitExactByStructure.cover).toMatchObject({ right: 1, total: 2 });
    expect(summary.splitExactByFamilyGroup).toMatchObject({ seen: { right: 1, total: 2 }, held_out: { right: 2, total: 2 } });
  });

  it('breaks 聘书 down by letter form, wrapped values and masked fields apart, held-out families listed', () => {
    expect(summary.fieldsByLetterForm['salutation/years']).toMatchObject({ right: 7, total: 8 });
    expect(summary.lettersByForm['salutation/years']).toMatchObject({ right: 1, total: 2 });
    expect(summary.multilineFields).toMatchObject({ right: 1, total: 2 });
    expect(summary.maskedFields).toMatchObject({ right: 2, total: 2 });
    expect(summary.heldOutFamilies).toEqual(['letter/decree']);
    expect(summary.fieldsByFieldHeldOut['employment_letter.title']).toMatchObject({ right: 1, total: 2 });
    expect(summary.fieldsByStructure.page_numbers_hyphen).toMatchObject({ right: 9, total: 10 });
  });

  it('holds pages and exact documents against the 100 % goals and prints the new sections', () => {
    const goals = Object.fromEntries(checkGoals(summary).map((g) => [g.goal, g]));
    expect(goals['pages assigned to the right document']).toMatchObject({ met: false, actual: '77.8 % (14/18)' });
    expect(goals['documents with exactly their pages']).toMatchObject({ met: false, actual: '75.0 % (3/4)' });
    const text = formatReport(summary, undefined, { verbose: true });
    expect(text).toContain(
      'Splitting (apart from fields): documents with exactly their pages 3/4 (75.0 %); pages assigned to the right document 14/18 (77.8 %); blank pages in no document 4/8 (50.0 %)',
    );
    expect(text).toContain('Multi-line (wrapped) values right: 1/2 (50.0 %)');
    expect(text).toContain('Masked fields left unreported: 2/2 (100.0 %)');
    expect(text).toMatch(/聘书 fields by letter form\s+right \/ total\s+rate\nsalutation\/years\s+7 \/ 8/);
    expect(text).toMatch(/by template family \(HELD OUT\)\s+right \/ total\s+rate\nletter\/decree /);
    expect(text).toContain(
      'b.pdf: labor_contract[1,3,5,7 got 1,2,3,4,5,6,7,8] employment_letter[9 ok]; 0 extra document(s), 5/9 pages right, 0/4 blank pages left out',
    );
  });
});
