import type { Box, ExtractedDocument, FileExtraction } from '../../shared/documents/index.js';
import type { ConditionName, PageSide, TruthDocument, TruthFile, TruthValue } from './truth.js';

/** The verdict on one truth field. */
export interface FieldOutcome {
  file: string;
  condition: ConditionName;
  family: string;
  heldOut: boolean;
  type: string;
  field: string;
  expected: TruthValue;
  /** `undefined` when the reader did not report the field at all. */
  actual: TruthValue | undefined;
  correct: boolean;
  missing: boolean;
  /** Wrong and not flagged: the failure a clerk would never catch. */
  confidentWrong: boolean;
  confidence?: number;
  needsReview?: boolean;
  /** The value wraps over several lines on the page (truth `multiline`). */
  multiline: boolean;
  /** The value was masked by the uploader (truth `masked`): right only when the reader reports no value. */
  masked: boolean;
  /** The 聘书's letter form, when the document is one. */
  letterForm?: string;
  /** Structural classes of the document (cover, page-number style …). */
  structure: string[];
}

/** The verdict on one truth document. */
export interface DocumentOutcome {
  file: string;
  condition: ConditionName;
  family: string;
  heldOut: boolean;
  expectedType: string;
  /** Type of the predicted document matched to it, `undefined` when none was. */
  actualType?: string;
  typeCorrect: boolean;
  /** The matched prediction covers exactly the truth's pages. */
  pagesCorrect: boolean;
  /** The truth's pages and, when one was matched, the pages of the prediction matched to it. */
  pages: number[];
  predictedPages?: number[];
  letterForm?: string;
  structure: string[];
  fields: FieldOutcome[];
}

/** The verdict on one file. */
export interface FileOutcome {
  file: string;
  condition: ConditionName;
  pageCount: number;
  /** The file needs grouping: several documents, or one document over several pages. */
  needsSplit: boolean;
  /** Every truth document found with exactly its pages, and no extra document predicted. */
  splitCorrect: boolean;
  extraDocuments: number;
  /**
   * Pages assigned right: a page of a document lies in the prediction matched to that document and in no other; a
   * blank page (truth `blankPages`) lies in no predicted document.
   */
  pagesRight: number;
  /** Blank pages of the file, and how many of them the reader left out of every document. */
  blankPages: number;
  blankPagesRight: number;
  /** Pages two documents share (two documents in one image, truth `parts`), and how many were read as two. */
  sharedPages: number;
  sharedPagesRight: number;
  error?: { code: string; message: string };
  documents: DocumentOutcome[];
}

/**
 * The comparison key of a value: NFKC (full-width → half-width), no whitespace at all, upper case, numbers as their
 * decimal text. The reader must already print normalised values; this only forgives representation that carries no
 * meaning (`3` vs `"3"`, `王 晓明` vs `王晓明`), never a different date format or a level word.
 *
 * @example
 * comparisonKey('９１３３ 0106') === comparisonKey('91330106'); // true
 */
export function comparisonKey(value: TruthValue | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return String(value).normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

/**
 * Whether a predicted value equals the truth under {@link comparisonKey}; a missing value is never equal.
 *
 * @example
 * valuesMatch('2021-06-18', '2021-06-18'); // true
 */
export function valuesMatch(expected: TruthValue, actual: TruthValue | undefined): boolean {
  if (actual === undefined) return false;
  return comparisonKey(expected) === comparisonKey(actual);
}

function samePages(a: readonly number[], b: readonly number[]): boolean {
  const sa = [...new Set(a)].sort((x, y) => x - y);
  const sb = [...new Set(b)].sort((x, y) => x - y);
  return sa.length === sb.length && sa.every((p, i) => p === sb[i]);
}

function overlap(a: readonly number[], b: readonly number[]): number {
  const sb = new Set(b);
  const shared = a.filter((p) => sb.has(p)).length;
  return shared / new Set([...a, ...b]).size;
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Whether a predicted document's part of a shared page lies on the truth's side of every other part of that page. */
function onSide(doc: ExtractedDocument, part: { page: number; side: PageSide }, predicted: readonly ExtractedDocument[]): boolean {
  const own = doc.regions?.find((r) => r.page === part.page)?.box;
  const others = predicted.flatMap((p) => (p === doc ? [] : (p.regions ?? []).filter((r) => r.page === part.page).map((r) => r.box)));
  if (!own || others.length === 0) return false;
  const c = centre(own);
  return others.every((box) => {
    const o = centre(box);
    return part.side === 'left' ? c.x < o.x : part.side === 'right' ? c.x > o.x : part.side === 'top' ? c.y < o.y : c.y > o.y;
  });
}

/**
 * Pairs each truth document with at most one predicted document: exact page sets first, then the largest page
 * overlap (same type preferred), so a reader that merges two certificates gets credit for one and a miss for the other.
 */
function matchDocuments(truth: readonly TruthDocument[], predicted: readonly ExtractedDocument[]): (number | undefined)[] {
  const used = new Set<number>();
  const matches: (number | undefined)[] = truth.map(() => undefined);
  // Two documents sharing a page have the same pages: of exact page sets, the one of the truth's type whose part lies
  // on the truth's side first (two certificates side by side), then the one of the truth's type, then any.
  const tiers = [
    (doc: TruthDocument, p: ExtractedDocument) => p.type === doc.type && (doc.parts ?? []).length > 0 && doc.parts!.every((part) => onSide(p, part, predicted)),
    (doc: TruthDocument, p: ExtractedDocument) => p.type === doc.type,
    () => true,
  ];
  for (const tier of tiers) {
    truth.forEach((doc, ti) => {
      if (matches[ti] !== undefined) return;
      const exact = predicted.findIndex((p, pi) => !used.has(pi) && samePages(doc.pages, p.pages) && tier(doc, p));
      if (exact >= 0) {
        matches[ti] = exact;
        used.add(exact);
      }
    });
  }
  truth.forEach((doc, ti) => {
    if (matches[ti] !== undefined) return;
    let best: number | undefined;
    let bestScore = 0;
    predicted.forEach((p, pi) => {
      if (used.has(pi)) return;
      const score = overlap(doc.pages, p.pages) + (p.type === doc.type ? 0.001 : 0);
      if (score > bestScore + 1e-9 && overlap(doc.pages, p.pages) > 0) {
        best = pi;
        bestScore = score;
      }
    });
    if (best !== undefined) {
      matches[ti] = best;
      used.add(best);
    }
  });
  return matches;
}

function fieldOutcome(
  truthFile: TruthFile,
  doc: TruthDocument,
  field: string,
  expected: TruthValue,
  reported: { value: TruthValue; confidence?: number; needsReview?: boolean } | undefined,
  masked: boolean,
): FieldOutcome {
  const actual = reported === undefined ? undefined : reported.value;
  // A masked value is unknowable: the only right answer is none (missing or null); any value is a guess.
  const correct = masked ? actual === undefined || actual === null : valuesMatch(expected, actual);
  return {
    file: truthFile.file,
    condition: truthFile.condition,
    family: doc.family,
    heldOut: doc.heldOut,
    type: doc.type,
    field,
    expected,
    actual,
    correct,
    missing: reported === undefined,
    confidentWrong: reported !== undefined && !correct && !reported.needsReview,
    confidence: reported?.confidence,
    needsReview: reported?.needsReview,
    multiline: doc.multiline?.includes(field) ?? false,
    masked,
    ...(doc.letterForm ? { letterForm: doc.letterForm } : {}),
    structure: doc.structure ?? [],
  };
}

function compareFields(truthFile: TruthFile, doc: TruthDocument, predicted: ExtractedDocument | undefined): FieldOutcome[] {
  const reportedOf = (field: string) => (predicted?.type === doc.type ? predicted.fields[field] : undefined);
  const printed = Object.entries(doc.fields).map(([field, expected]) => fieldOutcome(truthFile, doc, field, expected, reportedOf(field), false));
  const masked = (doc.masked ?? []).filter((f) => !(f in doc.fields)).map((field) => fieldOutcome(truthFile, doc, field, null, reportedOf(field), true));
  return [...printed, ...masked];
}

const inside = (b: Box, region: Box) => {
  const c = centre(b);
  return c.x >= region.x && c.x <= region.x + region.width && c.y >= region.y && c.y <= region.y + region.height;
};

/**
 * Whether a page two truth documents share (truth `parts`) is read as two: each document's prediction is of its
 * type and holds the page with a region on its side of the other's (left of it, above it …), and every field it read
 * on that page lies in its own region.
 */
function sharedPageRight(truth: TruthFile, page: number, predicted: readonly ExtractedDocument[], matches: readonly (number | undefined)[]): boolean {
  const owners = truth.documents.flatMap((d, ti) => (d.pages.includes(page) ? [ti] : []));
  const regions = owners.map((ti) => {
    const p = matches[ti] === undefined ? undefined : predicted[matches[ti]!];
    const region = p?.regions?.find((r) => r.page === page)?.box;
    const fieldsInside = Object.values(p?.fields ?? {}).every((f) => f.source?.page !== page || !f.source.box || (region && inside(f.source.box, region)));
    return p?.type === truth.documents[ti].type && region && fieldsInside ? region : undefined;
  });
  if (owners.length !== 2 || regions.some((r) => r === undefined)) return false;
  return owners.every((ti) => {
    const part = truth.documents[ti].parts?.find((p) => p.page === page);
    return part !== undefined && onSide(predicted[matches[ti]!], part, predicted);
  });
}

/**
 * Pages assigned right (see {@link FileOutcome.pagesRight}), blank pages left out of every document, and pages two
 * documents share read right (see {@link sharedPageRight}).
 */
function pageAssignment(truth: TruthFile, predicted: readonly ExtractedDocument[], matches: readonly (number | undefined)[]) {
  let right = 0;
  let blankRight = 0;
  let shared = 0;
  let sharedRight = 0;
  const blank = new Set(truth.blankPages ?? []);
  for (let page = 1; page <= truth.pageCount; page++) {
    const holders = predicted.flatMap((p, pi) => (p.pages.includes(page) ? [pi] : []));
    const owners = truth.documents.flatMap((d, ti) => (d.pages.includes(page) ? [ti] : []));
    const ok =
      owners.length === 0
        ? holders.length === 0
        : owners.length === 1
          ? holders.length === 1 && holders[0] === matches[owners[0]]
          : holders.length === owners.length && owners.every((ti) => holders.includes(matches[ti]!)) && sharedPageRight(truth, page, predicted, matches);
    if (ok) right += 1;
    if (owners.length > 1) {
      shared += 1;
      if (ok) sharedRight += 1;
    }
    if (blank.has(page) && holders.length === 0) blankRight += 1;
  }
  return { right, blank: blank.size, blankRight, shared, sharedRight };
}

/**
 * Compares what `intake extract` said about one file with its truth. A missing prediction or a read error makes every
 * document and field of the file wrong (none of them confident-wrong: nothing was asserted).
 *
 * @example
 * const outcome = compareFile(truth, extractions.find((e) => e.file === truth.file));
 * outcome.documents[0].fields.filter((f) => !f.correct);
 */
export function compareFile(truth: TruthFile, prediction: FileExtraction | undefined): FileOutcome {
  const predicted = prediction?.documents ?? [];
  const matches = matchDocuments(truth.documents, predicted);
  const documents = truth.documents.map((doc, i): DocumentOutcome => {
    const match = matches[i] === undefined ? undefined : predicted[matches[i]];
    return {
      file: truth.file,
      condition: truth.condition,
      family: doc.family,
      heldOut: doc.heldOut,
      expectedType: doc.type,
      actualType: match?.type,
      typeCorrect: match?.type === doc.type,
      // A page shared with another document counts only when both were read apart there (`sharedPageRight`).
      pagesCorrect:
        match !== undefined && samePages(doc.pages, match.pages) && (doc.parts ?? []).every((part) => sharedPageRight(truth, part.page, predicted, matches)),
      pages: [...doc.pages],
      ...(match ? { predictedPages: [...match.pages] } : {}),
      ...(doc.letterForm ? { letterForm: doc.letterForm } : {}),
      structure: doc.structure ?? [],
      fields: compareFields(truth, doc, match),
    };
  });
  const extraDocuments = predicted.length - matches.filter((m) => m !== undefined).length;
  const assigned = pageAssignment(truth, predicted, matches);
  return {
    file: truth.file,
    condition: truth.condition,
    pageCount: truth.pageCount,
    needsSplit: truth.documents.length > 1 || truth.documents.some((d) => d.pages.length > 1) || (truth.blankPages?.length ?? 0) > 0,
    splitCorrect: extraDocuments === 0 && documents.every((d) => d.pagesCorrect),
    extraDocuments,
    pagesRight: assigned.right,
    blankPages: assigned.blank,
    blankPagesRight: assigned.blankRight,
    sharedPages: assigned.shared,
    sharedPagesRight: assigned.sharedRight,
    error: prediction === undefined ? { code: 'no_prediction', message: 'intake extract printed nothing for this file' } : prediction.error,
    documents,
  };
}
