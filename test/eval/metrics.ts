import type { DocumentOutcome, FieldOutcome, FileOutcome } from './compare.js';
import type { ConditionName } from './truth.js';

/** Right out of total, with the share (NaN-free: an empty tally has rate 1 so it never looks like a failure it is not). */
export interface Tally {
  right: number;
  total: number;
  rate: number;
}

function tally(right: number, total: number): Tally {
  return { right, total, rate: total === 0 ? 1 : right / total };
}

function groupTally<T>(items: readonly T[], key: (item: T) => string, isRight: (item: T) => boolean): Record<string, Tally> {
  const groups = new Map<string, { right: number; total: number }>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k) ?? { right: 0, total: 0 };
    g.total += 1;
    if (isRight(item)) g.right += 1;
    groups.set(k, g);
  }
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, tally(g.right, g.total)]));
}

/** Everything `npm run eval` prints, computed from the per-file outcomes. */
export interface EvalSummary {
  files: number;
  pages: number;
  documents: number;
  fields: Tally;
  fieldsByType: Record<string, Tally>;
  /** Keyed `type.field`, e.g. `vocational_certificate.idNumber`. */
  fieldsByField: Record<string, Tally>;
  fieldsByCondition: Record<string, Tally>;
  /** `seen` and `held_out` template families. */
  fieldsByFamilyGroup: Record<string, Tally>;
  fieldsByFamily: Record<string, Tally>;
  documentType: Tally;
  documentTypeByCondition: Record<string, Tally>;
  documentTypeByFamilyGroup: Record<string, Tally>;
  /** Held-out only, keyed `type.field` (the held-out figures apart from the seen ones). */
  fieldsByFieldHeldOut: Record<string, Tally>;
  /** Families by name, and which of them are held out (the report lists them apart). */
  heldOutFamilies: string[];
  /** Fields of 聘书 by the letter's form (`appoint/range`, `salutation/years`, `form` …). */
  fieldsByLetterForm: Record<string, Tally>;
  /** 聘书 with every field right, by letter form. */
  lettersByForm: Record<string, Tally>;
  /** Fields of documents carrying a structural class (`cover`, `page_numbers_hyphen`, `names_on_cover_only` …). */
  fieldsByStructure: Record<string, Tally>;
  /** Fields whose value wraps over several lines, overall and by `type.field`. */
  multilineFields: Tally;
  multilineByField: Record<string, Tally>;
  /** Masked fields: right when the reader reported no value. */
  maskedFields: Tally;
  /** Splitting, apart from fields: documents of files that need grouping found with exactly their pages … */
  splitExactDocuments: Tally;
  splitExactByCondition: Record<string, Tally>;
  splitExactByFamilyGroup: Record<string, Tally>;
  splitExactByFamily: Record<string, Tally>;
  splitExactByStructure: Record<string, Tally>;
  /** … pages of those files assigned to the right document (blank pages to none) … */
  splitPages: Tally;
  /** … and blank back sides left out of every document. */
  blankPages: Tally;
  /** Pages two documents share (two documents in one image): read as two, each document from its own part. */
  sharedPages: Tally;
  /** Files that need grouping (several documents, or one over several pages): split exactly right. */
  splitFiles: Tally;
  /** Documents in files holding several documents, found with exactly their pages. */
  splitDocuments: Tally;
  confidentWrong: number;
  confidentWrongByCondition: Record<string, number>;
  confidentWrongExamples: FieldOutcome[];
  /** Fields flagged `needsReview` (right or wrong): the clerk's workload. */
  flagged: Tally;
  /** Wrong values the reader did flag: errors a clerk catches. */
  wrongButFlagged: number;
  errors: { file: string; code: string; message: string }[];
  /** Every wrong field (flagged or not), for `--verbose`. */
  wrongFields: FieldOutcome[];
  /** Files whose documents were not found with exactly their pages. */
  splitFailures: { file: string; expected: string; found: string }[];
}

const familyGroup = (o: { heldOut: boolean }): string => (o.heldOut ? 'held_out' : 'seen');

/**
 * Aggregates per-file outcomes into the figures of the report.
 *
 * @example
 * const summary = summarise(truths.map((t) => compareFile(t, byFile.get(t.file))));
 * summary.fieldsByCondition.digital_pdf.rate; // 1 when every digital field was right
 */
export function summarise(outcomes: readonly FileOutcome[], maxExamples = 20): EvalSummary {
  const documents: DocumentOutcome[] = outcomes.flatMap((o) => o.documents);
  const fields: FieldOutcome[] = documents.flatMap((d) => d.fields);
  const confidentWrong = fields.filter((f) => f.confidentWrong);
  const multiDocFiles = outcomes.filter((o) => o.documents.length > 1);
  const splitFilesAll = outcomes.filter((o) => o.needsSplit);
  const exactDocs = splitFilesAll.flatMap((o) => o.documents);
  const byTag = <T extends { structure: string[] }>(items: readonly T[], isRight: (item: T) => boolean): Record<string, Tally> =>
    groupTally(
      items.flatMap((i) => i.structure.map((tag) => ({ tag, item: i }))),
      (x) => x.tag,
      (x) => isRight(x.item),
    );
  const letters = documents.filter((d) => d.letterForm !== undefined);
  const multiline = fields.filter((f) => f.multiline);
  const masked = fields.filter((f) => f.masked);
  const splitDocs = multiDocFiles.flatMap((o) => o.documents);
  const cwByCondition: Record<string, number> = {};
  for (const f of confidentWrong) cwByCondition[f.condition] = (cwByCondition[f.condition] ?? 0) + 1;
  return {
    files: outcomes.length,
    pages: outcomes.reduce((n, o) => n + o.pageCount, 0),
    documents: documents.length,
    fields: tally(fields.filter((f) => f.correct).length, fields.length),
    fieldsByType: groupTally(
      fields,
      (f) => f.type,
      (f) => f.correct,
    ),
    fieldsByField: groupTally(
      fields,
      (f) => `${f.type}.${f.field}`,
      (f) => f.correct,
    ),
    fieldsByCondition: groupTally(
      fields,
      (f) => f.condition,
      (f) => f.correct,
    ),
    fieldsByFamilyGroup: groupTally(fields, familyGroup, (f) => f.correct),
    fieldsByFamily: groupTally(
      fields,
      (f) => f.family,
      (f) => f.correct,
    ),
    documentType: tally(documents.filter((d) => d.typeCorrect).length, documents.length),
    documentTypeByCondition: groupTally(
      documents,
      (d) => d.condition,
      (d) => d.typeCorrect,
    ),
    documentTypeByFamilyGroup: groupTally(documents, familyGroup, (d) => d.typeCorrect),
    fieldsByFieldHeldOut: groupTally(
      fields.filter((f) => f.heldOut),
      (f) => `${f.type}.${f.field}`,
      (f) => f.correct,
    ),
    heldOutFamilies: [...new Set(documents.filter((d) => d.heldOut).map((d) => d.family))].sort(),
    fieldsByLetterForm: groupTally(
      fields.filter((f) => f.letterForm !== undefined),
      (f) => f.letterForm!,
      (f) => f.correct,
    ),
    lettersByForm: groupTally(
      letters,
      (d) => d.letterForm!,
      (d) => d.typeCorrect && d.fields.every((f) => f.correct),
    ),
    fieldsByStructure: byTag(fields, (f) => f.correct),
    multilineFields: tally(multiline.filter((f) => f.correct).length, multiline.length),
    multilineByField: groupTally(
      multiline,
      (f) => `${f.type}.${f.field}`,
      (f) => f.correct,
    ),
    maskedFields: tally(masked.filter((f) => f.correct).length, masked.length),
    splitExactDocuments: tally(exactDocs.filter((d) => d.pagesCorrect).length, exactDocs.length),
    splitExactByCondition: groupTally(
      exactDocs,
      (d) => d.condition,
      (d) => d.pagesCorrect,
    ),
    splitExactByFamilyGroup: groupTally(exactDocs, familyGroup, (d) => d.pagesCorrect),
    splitExactByFamily: groupTally(
      exactDocs,
      (d) => d.family,
      (d) => d.pagesCorrect,
    ),
    splitExactByStructure: byTag(exactDocs, (d) => d.pagesCorrect),
    splitPages: tally(
      splitFilesAll.reduce((n, o) => n + o.pagesRight, 0),
      splitFilesAll.reduce((n, o) => n + o.pageCount, 0),
    ),
    blankPages: tally(
      outcomes.reduce((n, o) => n + o.blankPagesRight, 0),
      outcomes.reduce((n, o) => n + o.blankPages, 0),
    ),
    sharedPages: tally(
      outcomes.reduce((n, o) => n + o.sharedPagesRight, 0),
      outcomes.reduce((n, o) => n + o.sharedPages, 0),
    ),
    splitFiles: tally(outcomes.filter((o) => o.needsSplit && o.splitCorrect).length, outcomes.filter((o) => o.needsSplit).length),
    splitDocuments: tally(splitDocs.filter((d) => d.pagesCorrect).length, splitDocs.length),
    confidentWrong: confidentWrong.length,
    confidentWrongByCondition: cwByCondition,
    confidentWrongExamples: confidentWrong.slice(0, maxExamples),
    flagged: tally(fields.filter((f) => f.needsReview === true).length, fields.filter((f) => !f.missing).length),
    wrongButFlagged: fields.filter((f) => !f.correct && f.needsReview === true).length,
    errors: outcomes.filter((o) => o.error).map((o) => ({ file: o.file, code: o.error!.code, message: o.error!.message })),
    wrongFields: fields.filter((f) => !f.correct),
    splitFailures: outcomes
      .filter((o) => o.needsSplit && !o.splitCorrect)
      .map((o) => ({
        file: o.file,
        expected: o.documents
          .map((d) => `${d.expectedType}[${d.pages.join(',')}${d.pagesCorrect ? ' ok' : ` got ${d.predictedPages?.join(',') ?? 'none'}`}]`)
          .join(' '),
        found: `${o.extraDocuments} extra document(s), ${o.pagesRight}/${o.pageCount} pages right${o.blankPages ? `, ${o.blankPagesRight}/${o.blankPages} blank pages left out` : ''}`,
      })),
  };
}

/** The issue's goals. */
export const GOALS = {
  digitalFieldRate: 1,
  scanFieldRate: 0.98,
  confidentWrong: 0,
  documentTypeRate: 0.99,
  splitRate: 1,
} as const;

/** One goal, what was measured, and whether it is met. */
export interface GoalCheck {
  goal: string;
  target: string;
  actual: string;
  met: boolean;
  /** False when the set held nothing to measure this goal on (then `met` is false too). */
  measured: boolean;
}

const pct = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

function pooled(byCondition: Record<string, Tally>, conditions: readonly string[]): Tally {
  let right = 0;
  let total = 0;
  for (const c of conditions) {
    right += byCondition[c]?.right ?? 0;
    total += byCondition[c]?.total ?? 0;
  }
  return tally(right, total);
}

/**
 * Holds a summary against the issue's goals; goals with nothing measured (no digital files in the set) are reported
 * as not measured rather than met.
 *
 * @example
 * checkGoals(summary).filter((g) => !g.met);
 */
export function checkGoals(summary: EvalSummary): GoalCheck[] {
  const imageConditions: ConditionName[] = ['clean_scan', 'noisy_scan', 'phone_photo', 'rotated_page', 'multi_document_scan'];
  const digital = pooled(summary.fieldsByCondition, ['digital_pdf']);
  const scans = pooled(summary.fieldsByCondition, imageConditions);
  const measured = (t: Tally, met: boolean, target: string, goal: string): GoalCheck => ({
    goal,
    target,
    actual: t.total === 0 ? 'not measured' : `${pct(t.rate)} (${t.right}/${t.total})`,
    met: t.total > 0 && met,
    measured: t.total > 0,
  });
  const checks: GoalCheck[] = [
    measured(digital, digital.rate >= GOALS.digitalFieldRate, '100 %', 'fields right on digital PDFs'),
    measured(scans, scans.rate >= GOALS.scanFieldRate, '≥ 98 %', 'fields right on scans and photos'),
    {
      goal: 'confident-wrong fields',
      target: '0',
      actual: String(summary.confidentWrong),
      met: summary.fields.total > 0 && summary.confidentWrong === GOALS.confidentWrong,
      measured: summary.fields.total > 0,
    },
    measured(summary.documentType, summary.documentType.rate >= GOALS.documentTypeRate, '≥ 99 %', 'document type right'),
    measured(summary.splitFiles, summary.splitFiles.rate >= GOALS.splitRate, '100 %', 'multi-page files split right'),
    measured(summary.splitExactDocuments, summary.splitExactDocuments.rate >= GOALS.splitRate, '100 %', 'documents with exactly their pages'),
    measured(summary.splitPages, summary.splitPages.rate >= GOALS.splitRate, '100 %', 'pages assigned to the right document'),
  ];
  const heldOut = summary.fieldsByFamilyGroup.held_out;
  if (heldOut) checks.push(measured(heldOut, heldOut.rate >= GOALS.scanFieldRate, '≥ 98 %', 'fields right on held-out layouts'));
  return checks;
}
