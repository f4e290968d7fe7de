import type { ExtractedField } from '../documents/index.js';
import { valueCharacterConfidence, type LayoutLine } from './page-layout.js';
import { Evidence, type Reading } from './value-readers.js';

/** Default `needsReview` threshold: a field under this confidence is shown to the clerk (docs/extraction.md). */
export const DEFAULT_REVIEW_THRESHOLD = 0.9;

/** How a value was tied to its label. */
export const LabelMatch = {
  /** Label and value in one line, with a colon or at the line start. */
  inline: 1,
  /** In one line, but the label was found mid-line without a colon. */
  inlineLoose: 0.96,
  /** The nearest line to the right on the same row. */
  sameRow: 0.98,
  /** The line below the label. */
  below: 0.95,
  /** Found by its own shape or by position, with no label (an ID number alone on a line, a date under a seal). */
  unlabelled: 0.94,
  /** Found in running text by a phrase pattern (兹聘请 … 为 …). */
  prose: 0.95,
} as const;

/** A value read at one place on a page, before confidence is settled. */
export interface Candidate {
  reading: Reading;
  line: LayoutLine;
  labelMatch: number;
  /** The text the value was read from (the label's segment or the neighbouring line). */
  raw: string;
  /** Position of the label form in the field's label list (lower = more specific label). */
  labelRank: number;
}

/** Below this, a character of a checksummed code may be a second misreading that the check digit cannot catch. */
export const CHECKSUM_CHARACTER_FLOOR = 0.6;

/** Issues that mean a value is wrong or unconfirmed whatever its score. */
const BLOCKING_ISSUE =
  /failed|invalid|mismatch|inconsistent|conflict|not_found|future|order|unreadable|incomplete|inferred|masked|may_continue|registration_number|ends_like_label/;

/**
 * Confidence of one candidate from OCR line confidence, label match and the value's own checks: a passed checksum
 * makes an OCR slip very unlikely; shape-only values (names, dates) pay for the OCR score three times over, because
 * a misread Chinese character or digit still looks valid.
 *
 * @example
 * candidateConfidence({ reading, line, labelMatch: LabelMatch.inline, raw: '王晓明', labelRank: 0 }); // 0.97
 */
export function candidateConfidence(candidate: Candidate): number {
  const ocr = candidate.line.confidence;
  const { reading } = candidate;
  let confidence: number;
  if (reading.evidence === Evidence.checksum) {
    confidence = 1 - (1 - ocr) * 0.15;
    // A check digit catches one misread character, not two: a code holding a character the engine was unsure of may
    // hide a second slip the check cannot see (91330106MA2M… read M12N…, still valid, beside an M at 0.48).
    const own = valueCharacterConfidence(candidate.line, String(reading.value)) ?? valueCharacterConfidence(candidate.line, candidate.raw);
    if (own !== undefined && own < CHECKSUM_CHARACTER_FLOOR) confidence = Math.min(confidence, own);
  } else if (reading.evidence === Evidence.failed) confidence = Math.min(0.4, ocr * 0.4);
  else {
    // A misread character hides in a line's mean; where the engine scored characters, the value's weakest one counts,
    // squared: on the eval sets a substitution (万→方) came out at 0.95 on a line of 0.99, so one weak character alone
    // must bring a shape-only value under the threshold.
    const own = valueCharacterConfidence(candidate.line, String(reading.value)) ?? valueCharacterConfidence(candidate.line, candidate.raw);
    confidence = own === undefined ? ocr ** 3 : Math.min(ocr ** 3, ocr ** 2 * own ** 2);
  }
  confidence *= candidate.labelMatch * reading.plausibility;
  if (reading.correction) confidence = Math.min(confidence, 0.95);
  if (reading.corroborated) confidence = 1 - (1 - confidence) * 0.5;
  return confidence;
}

/** Rounds to three decimals, clamped to 0–1. */
export function roundConfidence(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/**
 * Settles a field: confidence rounded, `needsReview` when under the threshold, when any blocking issue was raised
 * or when no value was read.
 *
 * @example
 * finaliseField({ value: '王晓明', confidence: 0.97, needsReview: false }, 0.9).needsReview; // false
 */
export function finaliseField(field: ExtractedField, threshold: number): ExtractedField {
  const issues = field.issues ?? [];
  let confidence = roundConfidence(field.confidence);
  if (issues.some((i) => BLOCKING_ISSUE.test(i))) confidence = Math.min(confidence, 0.5);
  const needsReview = field.value === null || confidence < threshold || issues.some((i) => BLOCKING_ISSUE.test(i));
  const out: ExtractedField = { value: field.value, confidence, needsReview };
  if (field.source) out.source = field.source;
  if (issues.length > 0) out.issues = [...new Set(issues)];
  if (field.correction) out.correction = field.correction;
  return out;
}

/** A field with no value: `needsReview`, with the reason. */
export function missingField(issue = 'not_found'): ExtractedField {
  return { value: null, confidence: 0, needsReview: true, issues: [issue] };
}
