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
