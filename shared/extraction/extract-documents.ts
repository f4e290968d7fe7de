import {
  FIELDS_BY_TYPE,
  type DocumentTypeName,
  type PageRegion,
  type ExtractedDocument,
  type ExtractedField,
  type SocialInsuranceSpanRow,
} from '../documents/index.js';
import type { OcrPage } from '../documents/ocr-page.js';
import { OPEN_ENDED, readEmploymentLetter, readInternshipAgreement, readLaborContract } from './agreement-readers.js';
import { readBusinessLicense } from './business-license-reader.js';
import { readVocationalCertificate } from './certificate-reader.js';
import { classifyPage } from './classify.js';
import { DEFAULT_REVIEW_THRESHOLD, finaliseField, missingField } from './confidence.js';
import { crossCheckDocuments } from './cross-check.js';
import { flagSourcesClaimedTwice } from './claimed-twice.js';
import type { DocumentContext, DraftFields } from './document-context.js';
import { BOUNDARY_UNCERTAIN, groupPages, type PageGroup } from './grouping.js';
import { readIdCard } from './id-card-reader.js';
import { flagUnreadCharacters } from './unread-characters.js';
import { buildPageLayout, isStampCharactersOnly } from './page-layout.js';
import { pageParts, partOf } from './page-parts.js';
import { flagValuesAtPageEdge } from './page-edge.js';
import { sourceBoxesOnImage } from './boxes-on-image.js';
import { readSocialInsuranceRecord } from './social-insurance-reader.js';
import { takeSecondChoicesMakingWords } from './second-choices.js';

export interface ExtractOptions {
  /** `YYYY-MM-DD`; dates after it are impossible (issue dates, signing dates). Default: the current UTC date. */
  today?: string;
  /** Fields under this confidence get `needsReview` (default DEFAULT_REVIEW_THRESHOLD, docs/extraction.md). */
  reviewThreshold?: number;
  /** Cross-check the person's name and ID across the documents found (default true). */
  crossCheck?: boolean;
  /** The file belongs to one claimant: any name/ID difference between its documents is a mismatch. */
  singlePerson?: boolean;
}

/** Issue on a value made of nothing but a stamp's or a watermark's characters (`限办`): never confirmed unread. */
export const VALUE_STAMP_CHARACTERS_ONLY = 'value_stamp_characters_inferred';

/** Issue codes that mark a null as the right answer, not a missing value; they are not shown to clerks. */
const NULL_IS_ANSWER = new Set([OPEN_ENDED, 'level_not_applicable']);

function settle(draft: DraftFields, type: DocumentTypeName, threshold: number): Record<string, ExtractedField> {
  const fields: Record<string, ExtractedField> = {};
  flagSourcesClaimedTwice(draft, FIELDS_BY_TYPE[type] as readonly string[]);
  for (const name of FIELDS_BY_TYPE[type] as readonly string[]) {
    const field = draft[name];
    if (!field) {
      fields[name] = missingField();
      continue;
    }
    const answerIsNull = field.value === null && (field.issues ?? []).some((i) => NULL_IS_ANSWER.has(i));
    const issues = (field.issues ?? []).filter((i) => !NULL_IS_ANSWER.has(i));
    // A value spelled only from a stamp's or watermark's characters was read off the overprint, not the field.
    if (typeof field.value === 'string' && isStampCharactersOnly(field.value)) issues.push(VALUE_STAMP_CHARACTERS_ONLY);
    const settled = finaliseField({ ...field, issues }, threshold);
    if (answerIsNull) settled.needsReview = settled.confidence < threshold || issues.length > 0;
    fields[name] = settled;
  }
  return fields;
}

function readGroup(group: PageGroup, options: Required<Pick<ExtractOptions, 'today' | 'reviewThreshold'>>): ExtractedDocument {
  const ctx: DocumentContext = { layouts: group.layouts, kind: group.kind, today: options.today };
  let draft: DraftFields = {};
  let spans: SocialInsuranceSpanRow[] | undefined;
  switch (group.type) {
    case 'vocational_certificate':
      draft = readVocationalCertificate(ctx, group.typeConfidence);
      break;
    case 'labor_contract':
      draft = readLaborContract(ctx);
      break;
    case 'employment_letter':
      draft = readEmploymentLetter(ctx);
      break;
    case 'social_insurance_record': {
      const read = readSocialInsuranceRecord(ctx);
      draft = read.fields;
      spans = read.spans;
      break;
    }
    case 'business_license':
      draft = readBusinessLicense(ctx);
      break;
    case 'internship_agreement':
      draft = readInternshipAgreement(ctx);
      break;
    case 'id_card':
      draft = readIdCard(ctx);
      break;
    case 'unknown':
      break;
  }
  flagValuesAtPageEdge(draft, group.layouts);
  flagUnreadCharacters(draft, group.layouts);
  takeSecondChoicesMakingWords(draft, group.layouts);
  if (group.issues.includes(BOUNDARY_UNCERTAIN)) {
    // The pages may be two documents: every value read from them is shown to the clerk with the reason.
    for (const field of Object.values(draft)) if (field && field.value !== null) field.issues = [...(field.issues ?? []), BOUNDARY_UNCERTAIN];
  }
  const doc: ExtractedDocument = {
    type: group.type,
    pages: [...new Set(group.layouts.map((l) => l.page))],
    fields: settle(draft, group.type, options.reviewThreshold),
    typeConfidence: Math.round(group.typeConfidence * 1000) / 1000,
  };
  const regions = group.layouts.flatMap((l) => (l.region ? [{ page: l.page, box: l.region }] : []));
  if (regions.length > 0) doc.regions = regions;
  if (group.issues.length > 0) doc.issues = [...group.issues];
  if (spans) doc.spans = spans;
  return doc;
}

/**
 * Reads the documents in a file's OCR pages: normalises the text, classifies each page, groups pages into documents
 * (a multi-document scan is split), extracts each type's fields by layout, validates and cross-checks them and
 * scores each field, flagging with `needsReview` any value that may be wrong. Pure and synchronous.
 *
 * @example
 * const docs = extractDocuments(pages, { today: '2026-11-27' });
 * docs[0].fields.holderName; // { value: '王晓明', confidence: 0.97, needsReview: false, source: {...} }
 */
export function extractDocuments(pages: readonly OcrPage[], options: ExtractOptions = {}): ExtractedDocument[] {
  const settled = {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    reviewThreshold: options.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD,
  };
  const ordered = [...pages].sort((a, b) => a.pageNumber - b.pageNumber);
  // A page holding two documents (two certificates side by side) is read as two pages of one number, one per part.
  const layouts = ordered.flatMap((page) => {
    const whole = buildPageLayout(page);
    const parts = pageParts(page, whole);
    return parts ? parts.map((part) => ({ ...buildPageLayout(part.page), region: part.region })) : [whole];
  });
  const classes = layouts.map(classifyPage);
  const docs = groupPages(layouts, classes).map((group) => readGroup(group, settled));
  if (options.crossCheck !== false) {
    crossCheckDocuments(docs, { singlePerson: options.singlePerson, reviewThreshold: settled.reviewThreshold });
  }
  // Laid out on a curled page's straightened rows; shown where the text lies on the image.
  sourceBoxesOnImage(docs, pages);
  return docs;
}

/** Pages of a file that a clerk put together as one document, with its type when the clerk named it. */
export interface PageGrouping {
  pages: readonly number[];
  type?: DocumentTypeName;
  /** The parts of pages the document shares with another (`ExtractedDocument.regions`): only those parts are read. */
  regions?: readonly PageRegion[];
}

/**
 * Reads a file's pages as the clerk grouped them (a page split off into a document of its own, two documents merged):
 * each group is one document, of the type given or else the type its first page is classified as, read by the same
 * readers as `extractDocuments` (no OCR: the pages are the ones read before), then cross-checked. Pure and synchronous.
 *
 * @example
 * const [certificate, idCard] = extractGroupedDocuments(pages, [{ pages: [1] }, { pages: [2], type: 'id_card' }]);
 */
export function extractGroupedDocuments(pages: readonly OcrPage[], groups: readonly PageGrouping[], options: ExtractOptions = {}): ExtractedDocument[] {
  const settled = {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    reviewThreshold: options.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD,
  };
  const byNumber = new Map(pages.map((page) => [page.pageNumber, page]));
  const docs = groups.map((group) => {
    const layouts = [...group.pages]
      .sort((a, b) => a - b)
      .map((n) => {
        const page = byNumber.get(n);
        if (!page) throw new RangeError(`page ${n} is not among the pages read`);
        const region = group.regions?.find((r) => r.page === n)?.box;
        return region ? { ...buildPageLayout(partOf(page, region).page), region } : buildPageLayout(page);
      });
    const first = classifyPage(layouts[0]!);
    const type = group.type ?? first.type;
    return readGroup(
      { type, kind: type === first.type ? first.kind : undefined, typeConfidence: group.type ? 1 : first.confidence, layouts, issues: [], uncertainPages: [] },
      settled,
    );
  });
  if (options.crossCheck !== false) {
    crossCheckDocuments(docs, { singlePerson: options.singlePerson, reviewThreshold: settled.reviewThreshold });
  }
  // Laid out on a curled page's straightened rows; shown where the text lies on the image.
  sourceBoxesOnImage(docs, pages);
  return docs;
}
