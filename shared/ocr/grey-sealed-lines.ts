import type { PaddleModels } from './paddle-models.js';
import type { Raster } from './raster.js';
import { withGreySealsLifted, type GreySealsOnPage } from './grey-seals.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import { regionBounds, type PixelBounds, type TextRegion } from './text-regions.js';
import { typicalLineHeight } from './merged-lines.js';

/**
 * Lines a grey seal crosses, read sure but wrong. On a faint photocopy (or a greyscale scan) a seal has lost its
 * colour and conditioning's faint-ink stretch brings its ring as dark as print; where the ring runs through a glyph the
 * recogniser drops or swaps it at full confidence (`杭州市` read `杭市` at 0.99, `2018年12月6日` read `2018年2月6日`),
 * or reads the ring's lettering on past a value's end (`2021-10-13` read `2021-10-131E`). Nothing unsure marks them,
 * so the unsure-line steps never see them. Each level line whose box crosses a grey seal found on the page
 * (`greySealsOnPage`, as `withLinesUnderGreySeals` found it) is read again with the seal's broad strokes lifted
 * (`withGreySealsLifted`), and the lifted reading replaces the first where it only restores what the seal hid: it is
 * sure and is the first reading with characters added strictly inside it (a glyph the ring crossed), or with
 * characters shed at an end that lies under the seal (the seal's own lettering read on). A lifted reading that swaps a
 * character or adds one at an end is refused (a seal remnant read as `…181`, moire12). docs/ocr.md, "faint31".
 */

/** A lifted reading replaces the first only when at least this sure. */
const SURE_LIFTED = 0.9;
/** Lines whose box overlaps a seal's box by at least this share of the line's height (vertically) are read again. */
const MIN_OVERLAP = 0.5;
/** A seal's box is grown by this many line heights each way before lines are matched to it and it is lifted. */
const SEAL_MARGIN = 1;
/** At most this many lines per page are read again. */
const MAX_LINES = 12;
/** Lines within this angle of the page's rows (a seal's own arched lettering is not read again). */
const LEVEL = (10 * Math.PI) / 180;

function printed(characters: readonly string[]): string[] {
  return characters.filter((c) => c.trim() !== '');
}

const LATIN = /[A-Za-z]/u;

/**
 * `lifted` is `first` with characters added strictly inside it (the first and last characters kept), each added one
 * sure (≥ `SURE_LIFTED`) and no Latin letter between two characters that are none (a ring's arc read `F` in
 * `2018年F2月`).
 */
function addedInside(first: RecognisedText, lifted: RecognisedText): boolean {
  const a = printed(first.characters);
  const b = lifted.characters.map((c, i) => ({ c, p: lifted.characterConfidences[i] })).filter(({ c }) => c.trim() !== '');
  if (a.length === 0 || b.length <= a.length) return false;
  if (a[0] !== b[0].c || a[a.length - 1] !== b[b.length - 1].c) return false;
  let j = 0;
  for (const [k, { c, p }] of b.entries()) {
    if (j < a.length && a[j] === c) {
      j++;
      continue;
    }
    if (p < SURE_LIFTED) return false;
    if (LATIN.test(c) && !LATIN.test(b[k - 1]?.c ?? '') && !LATIN.test(b[k + 1]?.c ?? '')) return false;
  }
  return j === a.length;
}

/** `lifted` is `first` with characters shed at its start (`side` -1) or end (`side` 1) only. */
function shedAt(first: readonly string[], lifted: readonly string[]): (1 | -1) | undefined {
  const a = printed(first).join('');
  const b = printed(lifted).join('');
  if (b.length === 0 || b.length >= a.length) return undefined;
  if (a.startsWith(b)) return 1;
  if (a.endsWith(b)) return -1;
  return undefined;
}

/**
 * Whether a line's reading with the grey seal lifted replaces its first reading: it is sure (≥ `SURE_LIFTED`) and
 * either adds characters strictly inside the first reading, or sheds characters at an end of it that lies under the
 * seal (`endUnderSeal(side)`).
 *
 * @example
 * liftedReadingRestores(read('杭市西湖区职业技能培训学校'), read('杭州市西湖区职业技能培训学校'), () => false); // true
 */
export function liftedReadingRestores(first: RecognisedText, lifted: RecognisedText, endUnderSeal: (side: 1 | -1) => boolean): boolean {
  if (lifted.confidence < SURE_LIFTED) return false;
  if (addedInside(first, lifted)) return true;
  const side = shedAt(first.characters, lifted.characters);
  return side !== undefined && endUnderSeal(side);
}

function overlapsSeal(box: PixelBounds, seal: PixelBounds): boolean {
  const height = box.y1 - box.y0;
  const vertical = Math.min(box.y1, seal.y1) - Math.max(box.y0, seal.y0);
  return vertical >= MIN_OVERLAP * height && box.x1 > seal.x0 && box.x0 < seal.x1;
}

/** A seal's box grown by `SEAL_MARGIN` line heights each way (the page-wide search misses a ring's thinner arcs). */
function grownSeal(bounds: PixelBounds, lineHeight: number, raster: Raster): PixelBounds {
  const m = Math.round(SEAL_MARGIN * lineHeight);
  return {
    x0: Math.max(0, bounds.x0 - m),
    y0: Math.max(0, bounds.y0 - m),
    x1: Math.min(raster.width, bounds.x1 + m),
    y1: Math.min(raster.height, bounds.y1 + m),
  };
}

/**
 * A copy of the page with every grey seal's broad strokes lifted over its grown box (`withGreySealsLifted`, one
 * pseudo-line per seal). Undefined when there is no seal.
 *
 * @example
 * const lifted = greySealsLiftedPage(page, seals, 45);
 */
export function greySealsLiftedPage(raster: Raster, seals: GreySealsOnPage | undefined, lineHeight: number): Raster | undefined {
  if (!seals || lineHeight <= 0) return undefined;
  const boxes = seals.seals.map((seal) => grownSeal(seal.bounds, lineHeight, raster));
  const regions: TextRegion[] = boxes.map((b) => ({
    cx: (b.x0 + b.x1) / 2,
    cy: (b.y0 + b.y1) / 2,
    width: b.x1 - b.x0,
    height: b.y1 - b.y0,
    angle: 0,
    score: 1,
  }));
  const lines = seals.seals.map((seal, index) => ({ index, sealLevel: seal.sealLevel, liftFrom: seal.liftFrom, keepBelow: seal.keepBelow, sealArea: 1 }));
  return withGreySealsLifted(raster, regions, { ...seals, lines });
}

/**
 * The page's readings with the lines a grey seal crosses read again on the page with the seal lifted, each kept where
 * `liftedReadingRestores` (at the lower of the two confidences), and the lifted page (for the cut-line-end reads). The
 * same array and no page when `seals` is undefined (the usual page).
 *
 * @example
 * ({ texts, lifted } = await withSealedLinesReadLifted(models, page, ordered, texts, settings, seals));
 */
export async function withSealedLinesReadLifted(
  models: Pick<PaddleModels, 'recognition' | 'alphabet'>,
  raster: Raster,
  ordered: readonly TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
  seals: GreySealsOnPage | undefined,
): Promise<{ texts: RecognisedText[]; lifted?: Raster }> {
  const lineHeight = typicalLineHeight(ordered);
  const lifted = greySealsLiftedPage(raster, seals, lineHeight);
  if (!seals || !lifted) return { texts };
  const grown = seals.seals.map((seal) => grownSeal(seal.bounds, lineHeight, raster));
  const lines: { index: number; seal: PixelBounds }[] = [];
  ordered.forEach((region, index) => {
    if (Math.abs(region.angle) > LEVEL || region.width < region.height || lines.length >= MAX_LINES) return;
    const box = regionBounds(region, raster);
    const seal = grown.find((candidate) => overlapsSeal(box, candidate));
    if (!seal || texts[index].text.trim() === '') return;
    lines.push({ index, seal });
  });
  if (lines.length === 0) return { texts, lifted };
  const read = await recogniseRegions(
    models.recognition,
    models.alphabet,
    lifted,
    lines.map((line) => ordered[line.index]),
    recognition,
  );
  let out = texts;
  lines.forEach((line, k) => {
    const first = texts[line.index];
    const box = regionBounds(ordered[line.index], raster);
    const endUnderSeal = (side: 1 | -1) => {
      const x = side === 1 ? box.x1 : box.x0;
      return x > line.seal.x0 && x < line.seal.x1;
    };
    if (!liftedReadingRestores(first, read[k], endUnderSeal)) return;
    if (out === texts) out = [...texts];
    out[line.index] = { ...read[k], confidence: Math.min(first.confidence, read[k].confidence) };
  });
  return { texts: out, lifted };
}
