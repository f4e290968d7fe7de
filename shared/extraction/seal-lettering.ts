import type { Box } from '../documents/index.js';
import { onArc } from './field-search.js';
import { boxAround, centreX, centreY, right } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';

/**
 * The name round the top of a round seal, joined from the pieces the engine read of it: a text layer gives one box
 * per character along the arc; an engine reading pixels boxes a few characters at a time, each piece's box far taller
 * than a straight row of its characters (`onArc`), with short straight pieces near the top between them.
 */
export interface SealLettering {
  /** The pieces' characters in order along the arc (left end first). */
  text: string;
  pieces: LayoutLine[];
  /** Where the pieces lie, together. */
  box: Box;
  /** The least sure piece's confidence. */
  confidence: number;
  /**
   * Two pieces lie further apart along the arc than a character and a half of the pieces' own pitch: the engine lost
   * characters between them, so the text is not the seal's whole name.
   */
  gap: boolean;
}

/** Chinese characters only: a seal's name has no digits, Latin letters or punctuation. */
const LETTERING = /^[\u3400-\u9fff]+$/;
/** A seal's name is at most this many characters (`杭州某某某某科技服务股份有限公司`); longer runs are prose. */
const MOST_CHARACTERS = 24;
/** A ring's lettering read whole is taken at this confidence or more (the engine reports none under it). */
const SURE_RING = 0.85;
/** Pieces of one seal lie within this many of their own heights of each other. */
const REACH = 3;
/** A gap wider than this many characters of the pieces' pitch, along the top, lost characters. */
const LOST_CHARACTER_GAP = 1.5;

const bottom = (l: LayoutLine) => l.box.y + l.box.height;

/** A piece that can only be seal lettering: an arc's piece, or a lone character (a text layer's, a ring's). */
function arcPiece(line: LayoutLine): boolean {
  return line.hits.length === 0 && LETTERING.test(line.flat) && (onArc(line) || [...line.flat].length === 1);
}

/**
 * The seal names a page's lettering spells, one per group of arc pieces lying together, the pieces ordered by their
 * angle round the ring (the top arc runs left to right, its ends turning down). Short straight pieces inside a group's
 * span are part of it (`建筑` between `杭州之江` and `程有限公司`). A group needs two pieces or more.
 *
 * @example
 * sealLettering(layout)[0]?.text; // '杭州卓越餐饮管理有限公司'
 */
export function sealLettering(layout: PageLayout): SealLettering[] {
  // The engine's readings of whole rings (`PageLayout.sealRings`) stand for the pieces it read inside the same seal.
  const rings = (layout.sealRings ?? [])
    .filter((ring) => ring.confidence >= SURE_RING && LETTERING.test(ring.text) && [...ring.text].length <= MOST_CHARACTERS)
    .map((ring) => ringLettering(layout, ring));
  const inRing = (l: LayoutLine) =>
    rings.some(({ box }) => centreX(l) >= box.x && centreX(l) <= box.x + box.width && centreY(l) >= box.y && centreY(l) <= box.y + box.height);
  return [...rings, ...piecedLettering(layout).filter((seal) => !seal.pieces.some(inRing))];
}

/** A ring's lettering read whole, as one piece of its own (the seal's box, no characters lost). */
function ringLettering(layout: PageLayout, ring: NonNullable<PageLayout['sealRings']>[number]): SealLettering {
  const line: LayoutLine = {
    page: layout.page,
    index: -1,
    raw: ring.text,
    text: ring.text,
    flat: ring.text,
    leading: ring.text,
    confidence: ring.confidence,
    box: ring.box,
    original: ring.box,
    hits: [],
  };
  return { text: ring.text, pieces: [line], box: ring.box, confidence: ring.confidence, gap: false };
}

/** The seal names the detector's pieces of arcs spell (see `sealLettering`). */
function piecedLettering(layout: PageLayout): SealLettering[] {
  const seeds = layout.lines.filter(arcPiece);
  const groups: LayoutLine[][] = [];
  for (const piece of seeds) {
    const near = (o: LayoutLine) =>
      Math.hypot(centreX(o) - centreX(piece), centreY(o) - centreY(piece)) < REACH * Math.max(piece.box.height, o.box.height, layout.medianLineHeight);
    const joined = groups.filter((g) => g.some(near));
    const merged = [piece, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  const found: SealLettering[] = [];
  for (const group of groups) {
    if (group.length < 2) continue;
    const span = boxAround(group.map((l) => l.box));
    const inside = layout.lines.filter(
      (l) =>
        !group.includes(l) &&
        l.hits.length === 0 &&
        LETTERING.test(l.flat) &&
        [...l.flat].length <= 6 &&
        centreX(l) > span.x &&
        centreX(l) < span.x + span.width &&
        centreY(l) > span.y &&
        centreY(l) < span.y + span.height,
    );
    const pieces = [...group, ...inside];
    // Round a centre under the lettering (the ring about as tall as the top arc is wide), clockwise from straight up:
    // the lettering's ends may turn down past the centre's height, never to the bottom of the ring.
    const cx = span.x + span.width / 2;
    const cy = span.y + span.width / 2;
    const angle = (l: LayoutLine) => Math.atan2(centreX(l) - cx, cy - centreY(l));
    pieces.sort((a, b) => angle(a) - angle(b));
    const text = pieces.map((l) => l.flat).join('');
    const characters = [...text].length;
    if (characters < 4 || characters > MOST_CHARACTERS) continue;
    const pitch = pieces.reduce((n, l) => n + Math.hypot(l.box.width, l.box.height), 0) / characters;
    const gap = pieces.slice(1).some((l, i) => {
      const before = pieces[i];
      // Nearest corners of the two boxes: pieces along an arc overlap or touch where no character was lost.
      const dx = Math.max(0, l.box.x - right(before), before.box.x - right(l));
      const dy = Math.max(0, l.box.y - bottom(before), before.box.y - bottom(l));
      return Math.hypot(dx, dy) > pitch * LOST_CHARACTER_GAP;
    });
    found.push({ text, pieces, box: boxAround(pieces.map((l) => l.original)), confidence: Math.min(...pieces.map((l) => l.confidence)), gap });
  }
  return found;
}
