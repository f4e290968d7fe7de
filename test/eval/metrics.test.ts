import { describe, expect, it } from 'vitest';
import { compareFile } from './compare.js';
import { truthAsExtraction } from './echo.js';
import { checkGoals, summarise } from './metrics.js';
import { formatCalibration, formatReport } from './report.js';
import type { ConditionName, TruthFile } from './truth.js';

function truth(file: string, condition: ConditionName, heldOut = false): TruthFile {
  return {
    file,
    condition,
    pageCount: 1,
    documents: [
      {
        type: 'business_license',
        pages: [1],
        family: heldOut ? 'licence/held-out' : 'licence/classic',
        heldOut,
        fields: { companyName: '杭州云栖科技有限公司', creditCode: '91330106MA2B3C4D5E', establishedDate: '2019-04-02' },
      },
    ],
  };
}

function outcomesWithOneScanError() {
  const files = [truth('a.pdf', 'digital_pdf'), truth('b.png', 'clean_scan'), truth('c.jpg', 'noisy_scan', true)];
  const predictions = files.map((t) => truthAsExtraction(t));
  predictions[2].documents[0].fields.creditCode = { value: '91330106MA2B3C4D5F', confidence: 0.95, needsReview: false };
  return files.map((t, i) => compareFile(t, predictions[i]));
}

describe('summarise', () => {
  it('aggregates field accuracy by type, field, condition and family group', () => {
    const summary = summarise(outcomesWithOneScanError());
    expect(summary.fields).toMatchObject({ right: 8, total: 9 });
    expect(summary.fieldsByType.business_license).toMatchObject({ right: 8, total: 9 });
    expect(summary.fieldsByField['business_license.creditCode']).toMatchObject({ right: 2, total: 3 });
    expect(summary.fieldsByCondition.digital_pdf).toMatchObject({ right: 3, total: 3, rate: 1 });
    expect(summary.fieldsByCondition.noisy_scan).toMatchObject({ right: 2, total: 3 });
    expect(summary.fieldsByFamilyGroup).toMatchObject({ seen: { right: 6, total: 6 }, held_out: { right: 2, total: 3 } });
  });

  it('counts confident-wrong fields by condition and keeps them as examples', () => {
    const summary = summarise(outcomesWithOneScanError());
    expect(summary.confidentWrong).toBe(1);
    expect(summary.confidentWrongByCondition).toEqual({ noisy_scan: 1 });
    expect(summary.confidentWrongExamples[0]).toMatchObject({ file: 'c.jpg', field: 'creditCode', actual: '91330106MA2B3C4D5F' });
  });

  it('computes split accuracy over files that need grouping only', () => {
    const single = truth('a.pdf', 'digital_pdf');
    const multi: TruthFile = { ...truth('m.pdf', 'multi_document_scan'), pageCount: 2 };
    multi.documents = [multi.documents[0], { ...multi.documents[0], pages: [2] }];
    const merged = truthAsExtraction(multi);
    merged.documents = [{ ...merged.documents[0], pages: [1, 2] }];
    const summary = summarise([compareFile(single, truthAsExtraction(single)), compareFile(multi, merged)]);
    expect(summary.splitFiles).toMatchObject({ right: 0, total: 1 });
    expect(summary.splitDocuments).toMatchObject({ right: 0, total: 2 });
    expect(summary.documentType).toMatchObject({ right: 2, total: 3 });
  });
});

describe('checkGoals', () => {
  it('reports each goal met or missed against what was measured', () => {
    const goals = checkGoals(summarise(outcomesWithOneScanError()));
    const byName = Object.fromEntries(goals.map((g) => [g.goal, g]));
    expect(byName['fields right on digital PDFs'].met).toBe(true);
    expect(byName['fields right on scans and photos']).toMatchObject({ met: false, actual: '83.3 % (5/6)' });
    expect(byName['confident-wrong fields']).toMatchObject({ met: false, actual: '1' });
    expect(byName['multi-page files split right']).toMatchObject({ met: false, measured: false, actual: 'not measured' });
  });
});

describe('formatReport', () => {
  it('prints the goals and the confident-wrong example with pages per minute', () => {
    const text = formatReport(summarise(outcomesWithOneScanError()), { pages: 30, seconds: 60 });
    expect(text).toContain('MISSED  confident-wrong fields');
    expect(text).toContain('business_license.creditCode: expected "91330106MA2B3C4D5E", got "91330106MA2B3C4D5F"');
    expect(text).toContain('30.0 pages/min');
    expect(text).toContain('N/A     multi-page files split right');
  });
});

describe('formatCalibration', () => {
  it('prints, per review threshold, the flagged share, confident-wrong and wrong-but-flagged counts', () => {
    const strict = outcomesWithOneScanError();
    const flaggedAll = strict.map((o) => ({
      ...o,
      documents: o.documents.map((d) => ({ ...d, fields: d.fields.map((f) => ({ ...f, needsReview: true, confidentWrong: false })) })),
    }));
    const text = formatCalibration([
      { threshold: 0.9, summary: summarise(strict) },
      { threshold: 0.99, summary: summarise(flaggedAll) },
    ]);
    const rows = text.split('\n').filter((line) => /^0\.\d\d/.test(line));
    expect(rows[0]).toMatch(/^0\.90\s+0\/9 \(0\.0 %\)\s+1\s+0\s+88\.9 %$/);
    expect(rows[1]).toMatch(/^0\.99\s+9\/9 \(100\.0 %\)\s+0\s+1\s+88\.9 %$/);
  });
});
