/**
 * Two documents on one page image: two certificates photographed side by side on a desk, an ID card and a certificate
 * scanned together on one flatbed page, a 聘书 beside a certificate (issue 19, pair25). Such a page is cut into the
 * part each document covers, each part read alone as a page of its own; both documents keep the page's number, and
 * each carries its part as a region of the page (`ExtractedDocument.regions`).
 */
import type { DocumentTypeName } from '../documents/index.js';
import type { Box } from '../documents/extracted-field.js';
import type { OcrPage } from '../documents/ocr-page.js';
import { classifyPage, documentTitles } from './classify.js';
import { buildPageLayout, type LayoutLine, type PageLayout } from './page-layout.js';

/** One document's part of a page that holds two: the lines inside it and where it lies on the page. */
export interface PagePart {
  page: OcrPage;
  region: Box;
}

/** Where a document's head is on the page: its title, or an ID card front's number line (a card's front has no title). */
interface Head {
  type: DocumentTypeName;
  box: Box;
  /** The least words of its kind's vocabulary its part must carry: more for a head that is no title. */
  keywords: number;
  /** The head is a title that must head its part (see MAX_LINES_OVER_TITLE). */
  mustHead: boolean;
}

/** Documents of these types may stand twice on one page (two certificates of one person); a contract's page never splits on its own title. */
const TWICE_ON_A_PAGE: ReadonlySet<DocumentTypeName> = new Set(['vocational_certificate']);

/** The least text each part must carry to be a document of its own (lines). */
const MIN_PART_LINES = 4;
/**
 * A title names its part's kind by itself: no words of the kind's vocabulary are asked of its part (a photo's engine
 * garbles the labels of a card or a certificate lying beside another: `签爱机关`, `笔书编号`).
 */
const TITLE_KEYWORDS = 0;
/** An ID card front (公民身份号码, 性别, 民族, 出生, 住址): four of them, so a contract's party table is never taken for one. */
const MIN_CARD_FRONT_KEYWORDS = 4;

/**
 * A document's title heads it: at most this many of its part's lines lie above it (a number or a seal's line, a
 * row a small turn lifts). A title-like value in the middle of a form (`国家职业资格三级` for the level) heads nothing.
 * An ID card's title is exempt: a copy of a card prints its front above its back's title.
 */
const MAX_LINES_OVER_TITLE = 2;

/** A gap between two text blocks at least this many body lines wide parts them. */
const MIN_GAP_LINES = 2.5;

/** Each of two documents of one kind on a page names its holder: a part without a name is a piece of the other. */
const HOLDER = /姓名|持证人|身份证|公民身份号码/;

const centreX = (b: Box) => b.x + b.width / 2;
const centreY = (b: Box) => b.y + b.height / 2;

function headsOf(layout: PageLayout): Head[] {
  // A title completed by the next short line stands for no head here: a label and the label under it complete one
  // (`职业技能等级` over `证书编号`), not the heads of two documents.
  const found: Head[] = documentTitles(layout)
    .filter((t) => !t.completed)
    .map((t) => ({ type: t.type, box: layout.lines[t.line].box, keywords: TITLE_KEYWORDS, mustHead: t.type !== 'id_card' }));
  // An ID card's front prints no title: its number line stands for it, unless the card's own title (its back) is there.
  if (!found.some((h) => h.type === 'id_card')) {
    const number = layout.lines.find((l) => /公民身份号码/.test(l.flat));
    if (number) found.push({ type: 'id_card', box: number.box, keywords: MIN_CARD_FRONT_KEYWORDS, mustHead: false });
  }
  return found;
}

/**
 * The widest empty band across the page along one axis between two positions: no line's extent on that axis enters
 * it. Its middle, and its width, or undefined when lines cover every point between them.
 */
function widestGap(lines: readonly LayoutLine[], axis: 'x' | 'y', from: number, to: number): { at: number; width: number } | undefined {
  const [lo, hi] = from < to ? [from, to] : [to, from];
  const spans = lines
    .map((l) => (axis === 'x' ? [l.box.x, l.box.x + l.box.width] : [l.box.y, l.box.y + l.box.height]) as [number, number])
    .filter(([a, b]) => b > lo && a < hi)
    .sort((p, q) => p[0] - q[0]);
  let best: { at: number; width: number } | undefined;
  let reach = lo;
  for (const [a, b] of spans) {
    if (a > reach && (!best || a - reach > best.width)) best = { at: (reach + a) / 2, width: a - reach };
    reach = Math.max(reach, b);
  }
  if (hi > reach && (!best || hi - reach > best.width)) best = { at: (reach + hi) / 2, width: hi - reach };
  return best;
}

/**
 * The part of a page inside `region`: the page with only the lines whose centres lie in it.
 *
 * @example
 * partOf(page, { x: 0, y: 0, width: 1200, height: 1700 }).page.lines.length;
 */
export function partOf(page: OcrPage, region: Box): PagePart {
  const inside = (b: Box) => centreX(b) >= region.x && centreX(b) < region.x + region.width && centreY(b) >= region.y && centreY(b) < region.y + region.height;
  return { page: { ...page, lines: page.lines.filter((l) => inside(l.box)) }, region };
}

/** A part reads as a document of the kind its head named: enough lines, its own title or vocabulary. */
function standsAlone(part: PagePart, head: Head, twice: boolean): boolean {
  if (part.page.lines.length < MIN_PART_LINES) return false;
  if (head.mustHead && part.page.lines.filter((l) => centreY(l.box) < head.box.y).length > MAX_LINES_OVER_TITLE) return false;
  const layout = buildPageLayout(part.page);
  const read = classifyPage(layout);
  return read.type === head.type && (read.scores[head.type] ?? 0) >= head.keywords && (!twice || HOLDER.test(layout.flat));
}

/**
 * The parts of a page that holds two documents, from the page's own evidence: two heads of known kinds (titles, or an
 * ID card front's number line) side by side or one above the other, with a band between their text blocks that no
 * line crosses at least 2.5 body lines wide (two documents' margins; a form's rows stand closer); each side read alone
 * must be a document of its head's kind, headed by its title (an ID card's excepted),
 * four lines or more, and under a card's front four words of a card's
 * vocabulary (a title names its kind by itself). Two heads of one kind part a page only for certificates, each naming
 * its holder (a contract's body repeats its title; an ID card's back and front are one card). The region of
 * each part runs to the page's edges and meets the other's in the middle of the gap. Undefined for a page of one
 * document.
 *
 * @example
 * pageParts(page, buildPageLayout(page))?.map((p) => p.region); // [{ x: 0, y: 0, width: 1210, height: 1700 }, …]
 */
export function pageParts(page: OcrPage, layout: PageLayout): [PagePart, PagePart] | undefined {
  if (layout.lines.length < MIN_PART_LINES * 2) return undefined;
  const found = headsOf(layout);
  let best: { parts: [PagePart, PagePart]; width: number } | undefined;
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      const [a, b] = [found[i], found[j]];
      if (a.type === b.type && !TWICE_ON_A_PAGE.has(a.type)) continue;
      for (const axis of ['x', 'y'] as const) {
        const centre = axis === 'x' ? centreX : centreY;
        const gap = widestGap(layout.lines, axis, centre(a.box), centre(b.box));
        if (!gap || gap.width < layout.medianLineHeight * MIN_GAP_LINES) continue;
        if (best && gap.width <= best.width) continue;
        const first: Box = axis === 'x' ? { x: 0, y: 0, width: gap.at, height: page.height } : { x: 0, y: 0, width: page.width, height: gap.at };
        const second: Box =
          axis === 'x'
            ? { x: gap.at, y: 0, width: page.width - gap.at, height: page.height }
            : { x: 0, y: gap.at, width: page.width, height: page.height - gap.at };
        const [headFirst, headSecond] = centre(a.box) < centre(b.box) ? [a, b] : [b, a];
        const parts: [PagePart, PagePart] = [partOf(page, first), partOf(page, second)];
        if (standsAlone(parts[0], headFirst, a.type === b.type) && standsAlone(parts[1], headSecond, a.type === b.type)) best = { parts, width: gap.width };
      }
    }
  }
  return best?.parts;
}
