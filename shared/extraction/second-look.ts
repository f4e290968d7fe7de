import { z } from 'zod';
import { boxSchema, type Box, type ExtractedDocument, type ExtractedField } from '../documents/index.js';
import { VALUE_ENDS_AT_FLOWING_LABEL } from './flowing-rows.js';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import { overlapShare } from '../documents/page-regions.js';
import { WRAP_JOINED } from './glued-value-wraps.js';
import { LABELS, type LabelGroup } from './labels.js';
import { boxAround } from './line-geometry.js';
import { buildPageLayout } from './page-layout.js';
import { VALUE_MASKED } from './value-readers.js';
import { NUMBER_SPLIT_AT_WRAP } from './wrapped-line-heads.js';

/**
 * A part of a page the reader wants the engine to read again (a second look): the neighbourhood of a field's label
 * whose value it could not read, or read unsurely. The engine detects and recognises the crop on its own, where a
 * value the page's pass lost is often found (`诸葛娜` over `姓　名：` read `诸` on the page, whole on the crop:
 * docs/extraction.md, overlap23 and look26).
 *
 * @example
 * secondLookRegionSchema.parse({ field: 'holderName', page: 1, box: { x: 80, y: 200, width: 900, height: 160 }, lineHeight: 40, reason: 'missing' });
 */
export const secondLookRegionSchema = z.object({
  field: z.string(),
  page: z.number().int().positive(),
  /** In pixels of the page image, like a line's box. */
  box: boxSchema,
  /** The height of the label's line (px): the engine scales the crop by it. */
  lineHeight: z.number().positive(),
  reason: z.enum(['missing', 'unsure']),
});
export type SecondLookRegion = z.infer<typeof secondLookRegionSchema>;

/** At most this many regions are read again on one page: a page's second look costs at most this many crops. */
export const MAX_SECOND_LOOKS_PER_PAGE = 3;

/** The label groups that announce each field, by field name (the fields of `FIELDS_BY_TYPE` that have a label). */
const FIELD_LABELS: Readonly<Record<string, readonly LabelGroup[]>> = {
  holderName: ['personName'],
  personName: ['personName'],
  name: ['personName'],
  studentName: ['personName'],
  employeeName: ['personName', 'employee'],
  idNumber: ['idNumber'],
  employeeIdNumber: ['idNumber'],
  studentIdNumber: ['idNumber'],
  occupation: ['occupation'],
  level: ['level'],
  certificateNumber: ['certificateNumber'],
  issueDate: ['issueDate'],
  issuer: ['issuer'],
  employerName: ['employer'],
  enterpriseName: ['employer'],
  employerCreditCode: ['creditCode'],
  creditCode: ['creditCode'],
  companyName: ['companyName'],
  address: ['address'],
  establishedDate: ['establishedDate'],
  legalRepresentative: ['legalRepresentative'],
  title: ['title'],
  startDate: ['startDate'],
  endDate: ['endDate'],
  signedDate: ['signedDate'],
  birthDate: ['birthDate'],
  schoolName: ['school'],
};

/**
 * A flagged value read again replaces the first reading's only when it is at least this much surer: on look26's s1 a
 * crop read an issuer a little surer and wrong twice (the first reading right), and a holder's name read 0.21 on the
 * page was read right at 0.81 on its crop.
 */
const SURER_BY = 0.3;

/**
 * Doubts the reader raises from the page's layout whatever characters the engine read: a wrap joined to a value from
 * layout alone (`WRAP_JOINED`), a number cut by a wrap, whose digits read whole and cut short look alike
 * (`NUMBER_SPLIT_AT_WRAP`). A crop of the same neighbourhood shows the same layout, so the doubt stays: over look26's two
 * samples, s9595, the default set and ask27's s1 (498 regions), 64 regions were asked for fields carrying one of them
 * and one answered; a `value_wrap_inferred` value, by contrast, is often read surer on its crop (5 of 20).
 */
const LAYOUT_DOUBTS: ReadonlySet<string> = new Set([WRAP_JOINED, NUMBER_SPLIT_AT_WRAP, VALUE_ENDS_AT_FLOWING_LABEL]);

/**
 * Whether reading a flagged field's neighbourhood again can settle the reader's doubt: a field left null or read
 * unsurely can, unless the uploader masked it or every issue it carries is one raised from the page's layout alone
 * (`LAYOUT_DOUBTS`), which a second reading of the same layout raises again.
 *
 * @example
 * mayAnswerAgain({ value: '杭州云栖家政服务智慧服务有限公司', confidence: 0.5, needsReview: true, issues: ['wrap_joined_inferred'] }); // false
 */
export function mayAnswerAgain(read: ExtractedField): boolean {
  if (!read.needsReview) return false;
  const issues = read.issues ?? [];
  // A value the uploader masked is no value to find (a second look would read the mask's unmasked remains).
  if (issues.includes(VALUE_MASKED)) return false;
  return read.value === null || !issues.length || !issues.every((issue) => LAYOUT_DOUBTS.has(issue));
}

/** How far the neighbourhood reaches from the label, in the label line's heights: a row above and below, left, right. */
const REACH_ACROSS = 2;
const REACH_BEFORE = 2;
const REACH_AFTER = 16;

/**
 * For each document, the regions of its pages that the reader wants read again: for every field it flagged (left
 * null or read unsurely) whose label it found on an OCR'd page of the document, the label's neighbourhood (its row,
 * the rows above and below, and the width where the families put values: after the label and under or over it).
 * A field whose label is lost asks for nothing (there is no place to name), nor does a masked one, nor one whose only
 * doubts a second reading of the same layout would raise again (`mayAnswerAgain`). Pure.
 *
 * @example
 * regionsToReadAgain(pages, documents)[0]; // [{ field: 'holderName', page: 1, box: {…}, lineHeight: 33, reason: 'missing' }]
 */
export function regionsToReadAgain(pages: readonly OcrPage[], documents: readonly ExtractedDocument[]): SecondLookRegion[][] {
  const layouts = new Map<number, ReturnType<typeof buildPageLayout>>();
  const layoutOf = (page: OcrPage) => {
    let layout = layouts.get(page.pageNumber);
    if (!layout) layouts.set(page.pageNumber, (layout = buildPageLayout(page)));
    return layout;
  };
  return documents.map((document) => {
    const regions: SecondLookRegion[] = [];
    for (const [field, read] of Object.entries(document.fields)) {
      if (!mayAnswerAgain(read)) continue;
      const groups = FIELD_LABELS[field];
      if (!groups) continue;
      const forms = new Set(groups.flatMap((group) => LABELS[group]));
      for (const pageNumber of document.pages) {
        const page = pages.find((p) => p.pageNumber === pageNumber);
        if (!page || page.source === 'text_layer') continue;
        const region = labelNeighbourhood(layoutOf(page), page, forms);
        if (!region) continue;
        regions.push({ field, page: pageNumber, ...withValueBox(region, read, pageNumber), reason: read.value === null ? 'missing' : 'unsure' });
        break;
      }
    }
    return regions;
  });
}

function labelNeighbourhood(
  layout: ReturnType<typeof buildPageLayout>,
  page: OcrPage,
  forms: ReadonlySet<string>,
): { box: Box; lineHeight: number } | undefined {
  for (const line of layout.lines) {
    const hit = line.hits.find((h) => forms.has(h.form) && !h.otherParty && !h.signature && !h.inferred);
    if (!hit) continue;
    const b = line.original;
    const length = Math.max(1, line.flat.length);
    // The label's part of its line, by its characters' share of the line's width.
    const left = b.x + (b.width * Math.min(length, Math.max(0, hit.start))) / length;
    const right = b.x + (b.width * Math.min(length, Math.max(0, hit.end))) / length;
    const lineHeight = Math.max(12, line.typeHeight ?? b.height, b.height);
    const x0 = Math.max(0, left - REACH_BEFORE * lineHeight);
    const x1 = Math.min(page.width, Math.max(right + REACH_AFTER * lineHeight, left + page.width / 2));
    const y0 = Math.max(0, b.y - REACH_ACROSS * lineHeight);
    const y1 = Math.min(page.height, b.y + b.height + REACH_ACROSS * lineHeight);
    if (x1 - x0 < lineHeight || y1 - y0 < lineHeight) continue;
    return { box: rounded({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }), lineHeight: Math.round(lineHeight) };
  }
  return undefined;
}

/** The neighbourhood grown over the unsure value's own box when the value was read on that page. */
function withValueBox(region: { box: Box; lineHeight: number }, read: ExtractedField, page: number): { box: Box; lineHeight: number } {
  const value = read.source?.page === page ? read.source.box : undefined;
  if (!value) return region;
  return { ...region, box: boxAround([region.box, value]) };
}

/**
 * The regions a page may read again: at most `MAX_SECOND_LOOKS_PER_PAGE` a page, missing values before unsure ones,
 * and a region that overlaps one already chosen (two fields under one label's neighbourhood) joined to it.
 *
 * @example
 * regionsByPage(regionsToReadAgain(pages, documents).flat()).get(1); // up to 3 regions of page 1
 */
export function regionsByPage(regions: readonly SecondLookRegion[], maxPerPage = MAX_SECOND_LOOKS_PER_PAGE): Map<number, SecondLookRegion[]> {
  const byPage = new Map<number, SecondLookRegion[]>();
  const ordered = [...regions].sort((a, b) => (a.reason === b.reason ? 0 : a.reason === 'missing' ? -1 : 1));
  for (const region of ordered) {
    const chosen = byPage.get(region.page) ?? [];
    const overlapping = chosen.findIndex((c) => overlapShare(c.box, region.box) >= 0.5);
    if (overlapping >= 0) {
      const joined = chosen[overlapping];
      chosen[overlapping] = { ...joined, box: boxAround([joined.box, region.box]), lineHeight: Math.max(joined.lineHeight, region.lineHeight) };
    } else if (chosen.length < maxPerPage) {
      chosen.push(region);
    }
    byPage.set(region.page, chosen);
  }
  return byPage;
}

/**
 * The page with the lines read again in `region` put in: a new line is kept when it lies inside the region (lines the
 * crop cut at its edge are not) and does not cross an old line reaching out of it; an old line inside the region is
 * replaced by the new lines over it, and stays where the crop found nothing over it. Pure.
 *
 * @example
 * pageWithRegionReadAgain(page, region, lines).lines; // the region's lines as read on its own crop
 */
export function pageWithRegionReadAgain(page: OcrPage, region: Pick<SecondLookRegion, 'box' | 'lineHeight'>, lines: readonly OcrLine[]): OcrPage {
  const area = grown(region.box, region.lineHeight * 0.25);
  const inside = (line: OcrLine) => contains(area, line.pageBox ?? line.box);
  const over = (a: OcrLine, b: OcrLine) => overlapShare(a.box, b.box) >= 0.3;
  const reaching = page.lines.filter((line) => !inside(line));
  // A line the crop read again a little off where the page's pass boxed it (a slanted card's wrap `路257弄30号1103室`
  // 32 px higher in the crop), its old box reaching out of the region: the same line, not a new one under or over it.
  const repeats = (line: OcrLine, old: OcrLine) =>
    line.text.replace(/\s+/g, '') === old.text.replace(/\s+/g, '') &&
    Math.abs(line.box.y + line.box.height / 2 - (old.box.y + old.box.height / 2)) < Math.max(line.box.height, old.box.height) * 1.5 &&
    Math.min(line.box.x + line.box.width, old.box.x + old.box.width) > Math.max(line.box.x, old.box.x);
  const same = (a: OcrLine, b: OcrLine) => over(a, b) || repeats(a, b);
  const added = lines.filter((line) => inside(line) && !reaching.some((old) => same(line, old)));
  if (added.length === 0) return page;
  const replaced = (line: OcrLine) => inside(line) && added.some((line2) => same(line, line2));
  const at = page.lines.findIndex(replaced);
  const kept = page.lines.filter((line) => !replaced(line));
  const before = at < 0 ? kept.length : page.lines.slice(0, at).filter((line) => !replaced(line)).length;
  // A new line that repeats an old one left in place (the crop read it over a line the page's pass kept) is not added twice.
  const fresh = added.filter((line) => !kept.some((old) => same(line, old)));
  const ordered = fresh.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  return { ...page, lines: [...kept.slice(0, before), ...ordered, ...kept.slice(before)] };
}

/**
 * Whether `after` (the pages read again with one more region put in) answers what was asked, at no cost elsewhere:
 * the same documents (types and pages); a field asked for is taken when it gains a value, keeps its value more surely
 * or less flagged, or gets one the reader does not flag and is surer of (or far surer of, `SURER_BY`); no other field
 * changes its value, and no field the first reading did not flag becomes flagged. Pure.
 *
 * @example
 * answersAsked(first, extract(pagesWithRegion), [new Set(['legalRepresentative'])]); // true when 王晓明 was found
 */
export function answersAsked(before: readonly ExtractedDocument[], after: readonly ExtractedDocument[], asked: readonly ReadonlySet<string>[]): boolean {
  if (before.length !== after.length) return false;
  if (!before.every((d, k) => d.type === after[k].type && d.pages.join() === after[k].pages.join())) return false;
  let gained = false;
  for (const [k, document] of before.entries()) {
    const next = after[k].fields;
    for (const field of new Set([...Object.keys(document.fields), ...Object.keys(next)])) {
      const was = document.fields[field];
      const now = next[field];
      if (!was || !now) return false;
      if (now.needsReview && !was.needsReview) return false;
      if (now.value === was.value) {
        if (asked[k]?.has(field) && (now.confidence > was.confidence || (was.needsReview && !now.needsReview))) gained = true;
        continue;
      }
      if (!asked[k]?.has(field) || now.value === null) return false;
      const surer = now.confidence > was.confidence && (!now.needsReview || now.confidence >= was.confidence + SURER_BY);
      if (was.value !== null && !surer) return false;
      gained = true;
    }
  }
  return gained;
}

/** Reads a region of a page again (the engine's `recognizeRegion` on the page's pixels): its lines in page pixels. */
export type ReadRegionAgain = (page: OcrPage, region: SecondLookRegion) => Promise<readonly OcrLine[] | undefined>;

export interface SecondLookResult {
  /** The pages the documents were read from: a region's lines are in them only when they answered (`answersAsked`). */
  pages: OcrPage[];
  documents: ExtractedDocument[];
  /** The regions read again (none when the reader asked for nothing), whether or not their lines were kept. */
  regions: SecondLookRegion[];
}

/**
 * The reader's second look: the regions it wants read again (`regionsToReadAgain`, at most
 * `MAX_SECOND_LOOKS_PER_PAGE` a page) read by `readRegion`; each region's lines are put into its page
 * (`pageWithRegionReadAgain`) and the pages read again, and they stay only when that answers what was asked at no
 * cost elsewhere (`answersAsked`). So the pages returned, which are stored and read again when a clerk regroups or
 * retypes, are exactly the pages the documents returned were read from: a crop that read a line worse leaves no trace.
 * No I/O of its own: `readRegion` is the engine's port. Run once, never in a loop.
 *
 * @example
 * const { pages, documents } = await withSecondLook(read.pages, extractDocuments(read.pages), extractDocuments, readRegion);
 */
export async function withSecondLook(
  pages: readonly OcrPage[],
  documents: readonly ExtractedDocument[],
  extract: (pages: OcrPage[]) => ExtractedDocument[],
  readRegion: ReadRegionAgain,
): Promise<SecondLookResult> {
  const asked = regionsToReadAgain(pages, documents);
  const byPage = regionsByPage(asked.flat());
  const regions = [...byPage.values()].flat();
  // Every region read first, one after another (each is a crop of a page rendered again), from the page as the first
  // pass read it.
  const reads: (readonly OcrLine[] | undefined)[] = [];
  for (const region of regions) reads.push(await readRegion(pages.find((p) => p.pageNumber === region.page)!, region));
  const fields = asked.map((regionsOf) => new Set(regionsOf.map((r) => r.field)));
  let kept = { pages: [...pages], documents: [...documents] };
  for (const [i, region] of regions.entries()) {
    const lines = reads[i];
    const at = kept.pages.findIndex((p) => p.pageNumber === region.page);
    if (!lines || at < 0) continue;
    const page = pageWithRegionReadAgain(kept.pages[at], region, lines);
    if (page === kept.pages[at]) continue;
    const candidate = kept.pages.map((p, k) => (k === at ? page : p));
    const read = extract(candidate);
    if (answersAsked(kept.documents, read, fields) && !losesText(kept.documents, read, page)) kept = { pages: candidate, documents: read };
  }
  return { ...kept, regions };
}

/**
 * Whether a field the region's lines changed is now a part of what it was (its head or its tail left out) while most
 * of the part left out is read nowhere on the page with the region put in: the crop lost text the page's pass read
 * (`网络直播` | `营销` read again as `营销` alone, its head gone from the crop's lines), and a part of a value is no surer
 * reading of it, however sure. A tail the crop read as a line of its own (`…（普通合伙）500万元人民币` read again as the
 * name and, apart, the capital) was joined on, not lost.
 */
function losesText(before: readonly ExtractedDocument[], after: readonly ExtractedDocument[], page: OcrPage): boolean {
  const read = new Set(page.lines.flatMap((line) => [...line.text.matchAll(LETTER)].map((m) => m[0])));
  return before.some((document, k) =>
    Object.entries(document.fields).some(([field, was]) => {
      const now = after[k]?.fields[field]?.value;
      if (typeof now !== 'string' || typeof was.value !== 'string' || now === was.value) return false;
      const [part, whole] = [now.replace(/\s+/g, ''), was.value.replace(/\s+/g, '')];
      if (part.length === 0 || part.length >= whole.length) return false;
      const left = whole.startsWith(part) ? whole.slice(part.length) : whole.endsWith(part) ? whole.slice(0, -part.length) : undefined;
      if (left === undefined) return false;
      // Lost when most of what was left out is read nowhere on the page (its characters, punctuation and forms aside).
      const letters = [...left.matchAll(LETTER)].map((m) => m[0]);
      return letters.length > 0 && letters.filter((c) => read.has(c)).length < letters.length * 0.5;
    }),
  );
}

/** A letter or digit of any script: what a reading holds, its punctuation aside. */
const LETTER = /[\p{L}\p{N}]/gu;

function rounded(box: Box): Box {
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

function grown(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}
