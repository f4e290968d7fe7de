import type { RecognisedText } from './text-lines.js';

/**
 * Where two readings of one line agree, character by character: the engine's merge of a line's first and second
 * readings (`mergeReadings`) and the reading under a seal (`withSealReading`) both keep a character at full confidence
 * only where another reading confirms it.
 */

/** `a` is `b` with one or more characters left out (ignoring spaces). */
export function isShorterSubsequence(a: string[], b: string[]): boolean {
  const x = a.filter((c) => c.trim() !== '');
  const y = b.filter((c) => c.trim() !== '');
  if (x.length >= y.length) return false;
  let j = 0;
  for (const c of y) if (j < x.length && x[j] === c) j++;
  return j === x.length;
}

/** At most this many characters half seen by one reading are taken from another that emitted them (more is no longer a lost glyph or two). */
const MAX_HALF_SEEN_TAKEN = 2;
const WORD = /[\p{L}\p{N}]/u;

/**
 * `fuller` is `shorter` with characters added, and every added character is a letter, digit or CJK character that
 * `shorter` half saw at that very place (`hiddenCharacters`: the same character, peaking where the blank still won,
 * before the same character of `shorter`): two readings of one line, from two crops, each saw it. A faint `娜` after
 * `姓名吕` under glare is half seen by the first reading (0.15) and emitted by the second (0.2): the second holds the
 * name, the first only its surname. At most `MAX_HALF_SEEN_TAKEN` added characters. Spaces are ignored.
 *
 * @example
 * fillsHalfSeenCharacters(reading('姓名吕', { hidden: [{ before: 3, text: '娜' }] }), reading('姓名吕娜')); // true
 */
export function fillsHalfSeenCharacters(shorter: Pick<RecognisedText, 'characters' | 'hiddenCharacters'>, fuller: Pick<RecognisedText, 'characters'>): boolean {
  const hidden = shorter.hiddenCharacters;
  if (!hidden?.length) return false;
  // Indices of `shorter`'s printed characters, and `fuller`'s printed characters.
  const own = shorter.characters.flatMap((c, k) => (c.trim() !== '' ? [k] : []));
  const theirs = fuller.characters.filter((c) => c.trim() !== '');
  if (theirs.length <= own.length || theirs.length - own.length > MAX_HALF_SEEN_TAKEN) return false;
  let matched = 0;
  const used = new Set<number>();
  for (const c of theirs) {
    if (matched < own.length && shorter.characters[own[matched]] === c) {
      matched++;
      continue;
    }
    // An added character: it stands before `shorter`'s next printed character (or after its last).
    const before = matched < own.length ? own[matched] : shorter.characters.length;
    const seen = hidden.findIndex((h, k) => !used.has(k) && h.text === c && h.before === before);
    if (seen < 0 || !WORD.test(c)) return false;
    used.add(seen);
  }
  return matched === own.length;
}

/**
 * The characters `a` and `b` share (their longest common subsequence), as pairs of indices (i in a, j in b) in order.
 */
export function commonCharacters(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * For each character of `a`: confirmed by `b` when it is part of their longest common subsequence (`pairs`) and no
 * character of `b` is missing from `a` right beside it (a character the other reading has and this one lacks leaves
 * both its neighbours unconfirmed, so a value that lost a character is never read at full confidence).
 */
export function confirmedCharacters(a: string[], b: string[], pairs: [number, number][]): boolean[] {
  const n = a.length;
  const m = b.length;
  const confirmed = new Array<boolean>(n).fill(false);
  for (const [i] of pairs) confirmed[i] = true;
  // Between consecutive pairs: if b has more characters there than a, a lacks some (a substitution has as many on both
  // sides and is already unconfirmed).
  const bounded: [number, number][] = [[-1, -1], ...pairs, [n, m]];
  const printed = (chars: string[], from: number, to: number) => chars.slice(from, to).filter((c) => c.trim() !== '').length;
  for (let k = 1; k < bounded.length; k++) {
    const [i0, j0] = bounded[k - 1];
    const [i1, j1] = bounded[k];
    if (printed(b, j0 + 1, j1) <= printed(a, i0 + 1, i1)) continue;
    if (i0 >= 0) confirmed[i0] = false;
    if (i1 < n) confirmed[i1] = false;
  }
  return confirmed;
}
