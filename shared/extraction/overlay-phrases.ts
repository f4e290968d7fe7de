/**
 * Overlay text stamped or printed across a copy (`复印无效`, `仅限办理职业技能补贴使用`, `仅供…审核使用`) that the
 * engine read into a value's line with one or two of its characters misread, so the exact stamp patterns in
 * `page-layout.ts` (OVERPRINT) miss it: `新49号侵限办理职业技能补贴使用` (an address, `侵` for `仅`), `有限公司仅` (an
 * employer, the stamp's first character boxed with it). A run at a value's edge, or between its parts, that is a piece
 * of a known phrase with at most one misread character (two on a run of eight or more) is cut; the line is then
 * capped below the review threshold, because the stamp may have hidden or taken a character of the value.
 */

/**
 * A closed list of the phrases such stamps carry. The variable middle of `仅供…审核使用` (the office's name) is not
 * listed whole: its common tails are (`人力社保局审核使用`).
 */
const OVERLAY_PHRASES = [
  '此复印件仅供办理',
  '复印件仅限办理',
  '仅限办理职业技能补贴使用',
  '仅限办理技能补贴使用',
  '仅供职业技能补贴申报使用',
  '仅供补贴申报使用他用无效',
  '仅供本次申报使用',
  '仅供审核使用',
  '仅供备案使用',
  '市人力社保局审核使用',
  '区人力社保局审核使用',
  '人力资源和社会保障局审核使用',
  '社保局审核使用',
  '再复印无效',
  '复印件无效',
  '他用无效',
  '与原件一致',
  '与原件相符',
  '与原件核对无误',
];

/**
 * Characters of the words that make a text a stamp (`仅限`, `仅供`, `使用`, `无效`, `复印`, `审核`, `原件`, `一致`,
 * `相符`, `他用`), not of its topic (`职业技能补贴`, `人力社保局`): a run cut must hold at least two of them read right,
 * so an office's or a company's own name (`人力资源和社会保障局`) or a sentence about the subsidy
 * (`申领职业技能补贴`) is never taken for a piece of a stamp.
 */
const MARKS = new Set([...'仅供使用无效复印审核原件致符他']);

/**
 * The engine's misreadings of a phrase's first character (`侵` for `仅`): only such a character is taken with the
 * piece it opens when it stands at the value's edge, where any other is the value's own (`张三丰限办理…`).
 */
const OPENING_LOOKALIKES: Readonly<Record<string, string>> = { 仅: '侵仪仗汉叹权収伩议仅', 复: '夏复', 再: '冉再', 与: '写马与', 此: '比此' };

/** Cap on the confidence of a line an overlay's piece was cut from: under the review threshold (0.9). */
export const OVERLAY_CUT_CONFIDENCE = 0.85;

/** Fewest characters of a run taken for a misread piece of a phrase; shorter runs are a value's own as often. */
const MIN_RUN = 3;

/**
 * Misread characters allowed in a run of `length`: none in a run of three or four (`审核员`, a trade, is one character
 * off `审核使`), one up to seven, two from eight.
 */
const allowed = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

/** The longest phrase: no run longer than it is one piece. */
const LONGEST = Math.max(...OVERLAY_PHRASES.map((p) => [...p].length));

interface PieceMatch {
  /** Characters of the run that differ from the phrase's piece. */
  misses: number;
  /** Stamp characters (MARKS) read right. */
  marks: number;
  /** Where the run differs from the piece, by index in the run. */
  missAt: number[];
  /** The piece opens the phrase (its first character is the phrase's). */
  opens: boolean;
  /** The phrase's first character. */
  first: string;
}

/** The closest piece of a phrase to `run` (same length), or undefined when none is within the allowance. */
function closestPiece(run: string, accept: (match: PieceMatch) => boolean = () => true): PieceMatch | undefined {
  const chars = [...run];
  let best: PieceMatch | undefined;
  for (const phrase of OVERLAY_PHRASES) {
    const p = [...phrase];
    for (let start = 0; start + chars.length <= p.length; start++) {
      const missAt: number[] = [];
      let marks = 0;
      for (let i = 0; i < chars.length; i++) {
        if (chars[i] !== p[start + i]) missAt.push(i);
        else if (MARKS.has(chars[i])) marks++;
      }
      if (missAt.length > allowed(chars.length) || marks < 2) continue;
      const match = { misses: missAt.length, marks, missAt, opens: start === 0, first: p[0] };
      if (!accept(match)) continue;
      if (!best || missAt.length < best.misses || (missAt.length === best.misses && marks > best.marks)) best = match;
    }
  }
  return best;
}

/**
 * Length of the longest run at the end of `chars` (or its start, `fromStart`) that is a piece of an overlay phrase,
 * with no misread character at its inner edge (a value's own last character that merely resembles the stamp's first
 * is not taken): 0 when none.
 */
function edgeRun(chars: string[], fromStart: boolean): number {
  for (let length = Math.min(chars.length, LONGEST); length >= MIN_RUN; length--) {
    const run = fromStart ? chars.slice(0, length) : chars.slice(chars.length - length);
    const inner = fromStart ? length - 1 : 0;
    // A misread character at the inner edge is the stamp's own only where it opens the phrase on a long run and is
    // a known misreading of its first character (`侵限办理职业技能补贴使用`, `侵` for `仅`): else it is the value's.
    const match = closestPiece(
      run.join(''),
      (m) => !m.missAt.includes(inner) || (!fromStart && length >= MIN_INNER_RUN && m.opens && (OPENING_LOOKALIKES[m.first] ?? '').includes(run[0])),
    );
    if (match) return length;
  }
  return 0;
}

/** The stamp's first character alone after a value (`有限公司仅`): no name, address or employer ends in `仅`. */
const LONE_OPENING = /(?<=[\u3400-\u9fff\d])仅$/;

/**
 * The line's text with misread pieces of overlay phrases cut from the ends of its space-separated parts (and a long
 * piece from inside a part), and whether anything was cut.
 *
 * @example
 * withoutOverlayPieces('新49号侵限办理职业技能补贴使用'); // { text: '新49号', cut: true }
 * withoutOverlayPieces('杭州市西湖区人力资源和社会保障局'); // { text: '杭州市西湖区人力资源和社会保障局', cut: false }
 */
export function withoutOverlayPieces(text: string): { text: string; cut: boolean } {
  if (![...text].some((c) => MARKS.has(c))) return { text, cut: false };
  let cut = false;
  const parts = text.split(/(\s+)/).map((part) => {
    if (/^\s*$/.test(part)) return part;
    let chars = [...part];
    const tail = edgeRun(chars, false);
    if (tail > 0) {
      chars = chars.slice(0, chars.length - tail);
      cut = true;
    }
    const head = edgeRun(chars, true);
    if (head > 0) {
      chars = chars.slice(head);
      cut = true;
    }
    const middle = innerRun(chars);
    if (middle) {
      chars = [...chars.slice(0, middle.start), ' ', ...chars.slice(middle.start + middle.length)];
      cut = true;
    }
    let out = chars.join('');
    if (LONE_OPENING.test(out)) {
      out = out.slice(0, -1);
      cut = true;
    }
    return out;
  });
  return cut ? { text: parts.join('').replace(/\s+/g, ' ').trim(), cut } : { text, cut };
}

/** Shortest piece cut from inside a part: a long run leaves no doubt it is the stamp's, not the value's. */
const MIN_INNER_RUN = 6;

/** The longest run inside `chars` (not at an edge) that is a piece of an overlay phrase, with matched ends. */
function innerRun(chars: string[]): { start: number; length: number } | undefined {
  for (let length = Math.min(chars.length - 2, LONGEST); length >= MIN_INNER_RUN; length--) {
    for (let start = 1; start + length < chars.length; start++) {
      const match = closestPiece(chars.slice(start, start + length).join(''), (m) => !m.missAt.includes(0) && !m.missAt.includes(length - 1));
      if (match) return { start, length };
    }
  }
  return undefined;
}
