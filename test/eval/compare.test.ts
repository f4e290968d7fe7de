import { describe, expect, it } from 'vitest';
import { compareFile, comparisonKey, valuesMatch } from './compare.js';
import { truthAsExtraction } from './echo.js';
import type { TruthFile } from './truth.js';

function certificateTruth(overrides: Partial<TruthFile> = {}): TruthFile {
  return {
    file: 'cert.png',
    condition: 'clean_scan',
    pageCount: 1,
    documents: [
      {
        type: 'vocational_certificate',
        pages: [1],
        family: 'skill-level/ribbon',
        heldOut: false,
        fields: { holderName: '欧阳晓明', idNumber: '33010619900305123X', level: 3, issueDate: '2021-06-18' },
      },
    ],
    ...overrides,
  };
}

function threeCertificateScan(): TruthFile {
  const one = certificateTruth().documents[0];
  return {
    file: 'three.pdf',
    condition: 'multi_document_scan',
    pageCount: 3,
    documents: [1, 2, 3].map((page) => ({ ...one, pages: [page] })),
  };
}

describe('comparisonKey', () => {
  it('forgives full-width characters, spaces and case but not a different date format', () => {
    expect(comparisonKey('９１３３ ０１０６ab')).toBe('91330106AB');
    expect(comparisonKey('王 晓明')).toBe(comparisonKey('王晓明'));
    expect(valuesMatch('2021-06-18', '2021年6月18日')).toBe(false);
    expect(valuesMatch('2021-06-18', '2021-6-18')).toBe(false);
  });

  it('treats a level printed as the number text as the same number, but not a level word', () => {
    expect(valuesMatch(3, '3')).toBe(true);
    expect(valuesMatch(3, '三级')).toBe(false);
  });

  it('keeps null apart from a missing value', () => {
    expect(valuesMatch(null, null)).toBe(true);
    expect(valuesMatch(null, undefined)).toBe(false);
    expect(valuesMatch(null, '2024-01-01')).toBe(false);
  });
});

describe('compareFile', () => {
  it('scores a perfect prediction as all right with nothing confident-wrong', () => {
    const truth = certificateTruth();
    const outcome = compareFile(truth, truthAsExtraction(truth));
    expect(outcome.documents[0].typeCorrect).toBe(true);
    expect(outcome.documents[0].fields.every((f) => f.correct)).toBe(true);
    expect(outcome.documents[0].fields.some((f) => f.confidentWrong)).toBe(false);
  });

  it('counts a missing field as wrong but not as confident-wrong', () => {
    const truth = certificateTruth();
    const prediction = truthAsExtraction(truth);
    delete prediction.documents[0].fields.idNumber;
    const idNumber = compareFile(truth, prediction).documents[0].fields.find((f) => f.field === 'idNumber')!;
    expect(idNumber).toMatchObject({ correct: false, missing: true, confidentWrong: false, actual: undefined });
  });

  it('counts a wrong value as confident-wrong only when needsReview is false', () => {
    const truth = certificateTruth();
    const prediction = truthAsExtraction(truth);
    prediction.documents[0].fields.holderName = { value: '欧阳晓朋', confidence: 0.97, needsReview: false };
    prediction.documents[0].fields.idNumber = { value: '330106199003051230', confidence: 0.4, needsReview: true };
    const fields = compareFile(truth, prediction).documents[0].fields;
    expect(fields.find((f) => f.field === 'holderName')).toMatchObject({ correct: false, confidentWrong: true });
    expect(fields.find((f) => f.field === 'idNumber')).toMatchObject({ correct: false, confidentWrong: false, needsReview: true });
  });

  it('scores every field of a document read as the wrong type as missing', () => {
    const truth = certificateTruth();
    const prediction = truthAsExtraction(truth);
    prediction.documents[0].type = 'id_card';
    const doc = compareFile(truth, prediction).documents[0];
    expect(doc).toMatchObject({ typeCorrect: false, actualType: 'id_card', pagesCorrect: true });
    expect(doc.fields.every((f) => f.missing && !f.correct)).toBe(true);
  });

  it('marks every document wrong when the reader rejected the file', () => {
    const truth = certificateTruth();
    const outcome = compareFile(truth, { file: truth.file, documents: [], error: { code: 'ocr_failed', message: 'x' } });
    expect(outcome.error?.code).toBe('ocr_failed');
    expect(outcome.documents[0]).toMatchObject({ typeCorrect: false, pagesCorrect: false, actualType: undefined });
  });

  it('reports a file with no prediction at all as `no_prediction`', () => {
    expect(compareFile(certificateTruth(), undefined).error?.code).toBe('no_prediction');
  });

  it('finds a three-certificate scan split right even when the documents come in another order', () => {
    const truth = threeCertificateScan();
    const prediction = truthAsExtraction(truth);
    prediction.documents.reverse();
    const outcome = compareFile(truth, prediction);
    expect(outcome).toMatchObject({ needsSplit: true, splitCorrect: true, extraDocuments: 0 });
  });

  it('gives a merged pair of certificates one match by overlap and one miss', () => {
    const truth = threeCertificateScan();
    const prediction = truthAsExtraction(truth);
    prediction.documents = [{ ...prediction.documents[0], pages: [1, 2] }, prediction.documents[2]];
    const outcome = compareFile(truth, prediction);
    expect(outcome.splitCorrect).toBe(false);
    expect(outcome.documents.map((d) => d.pagesCorrect)).toEqual([false, false, true]);
    expect(outcome.documents.map((d) => d.actualType)).toEqual(['vocational_certificate', undefined, 'vocational_certificate']);
  });

  it('fails the split when the reader cuts one contract into two documents', () => {
    const truth: TruthFile = {
      file: 'contract.pdf',
      condition: 'digital_pdf',
      pageCount: 3,
      documents: [{ type: 'labor_contract', pages: [1, 2, 3], family: 'contract/plain', heldOut: false, fields: { endDate: null } }],
    };
    const prediction = truthAsExtraction(truth);
    prediction.documents = [
      { ...prediction.documents[0], pages: [1, 2] },
      { ...prediction.documents[0], pages: [3] },
    ];
    const outcome = compareFile(truth, prediction);
    expect(outcome).toMatchObject({ splitCorrect: false, extraDocuments: 1 });
    expect(outcome.documents[0].fields[0]).toMatchObject({ field: 'endDate', correct: true });
  });
});

describe('compareFile on a page two documents share (pair25)', () => {
  const shared: TruthFile = {
    file: 'pair.jpg',
    condition: 'phone_photo',
    pageCount: 1,
    documents: [
      {
        type: 'vocational_certificate',
        pages: [1],
        family: 'certificate/ribbon',
        heldOut: false,
        fields: { holderName: '王晓明' },
        parts: [{ page: 1, side: 'left' }],
      },
      { type: 'id_card', pages: [1], family: 'id-card/copy', heldOut: false, fields: { name: '王晓明' }, parts: [{ page: 1, side: 'right' }] },
    ],
  };

  it('counts the page right when both documents hold it with their parts on their sides', () => {
    const outcome = compareFile(shared, truthAsExtraction(shared));
    expect(outcome.sharedPagesRight).toBe(1);
    expect(outcome.pagesRight).toBe(1);
    expect(outcome.splitCorrect).toBe(true);
  });

  it('counts the page wrong when the page was read as one document, or the parts are swapped', () => {
    const whole = truthAsExtraction(shared);
    whole.documents = [{ ...whole.documents[0], regions: undefined }];
    expect(compareFile(shared, whole).sharedPagesRight).toBe(0);
    const swapped = truthAsExtraction(shared);
    const [a, b] = swapped.documents;
    [a.regions, b.regions] = [b.regions, a.regions];
    const outcome = compareFile(shared, swapped);
    expect(outcome.sharedPagesRight).toBe(0);
    expect(outcome.splitCorrect).toBe(false);
  });

  it('counts the page wrong when a document’s field was read from the other’s part', () => {
    const prediction = truthAsExtraction(shared);
    prediction.documents[0].fields.holderName.source = { page: 1, box: { x: 700, y: 100, width: 100, height: 40 } };
    expect(compareFile(shared, prediction).sharedPagesRight).toBe(0);
  });
});
