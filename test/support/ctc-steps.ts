/**
 * A recogniser's CTC output as tests write it: one row per step giving the classes of `alphabet` their probabilities,
 * the rest of each step's mass on the blank (class 0).
 *
 * @example
 * ctcSteps(['0', '1'], [{ '1': 0.9 }, {}]); // step 1: blank 0.1, `1` 0.9; step 2: blank 1
 */
export function ctcSteps(alphabet: readonly string[], rows: Record<string, number>[]): Float32Array {
  const classes = alphabet.length + 1;
  const out = new Float32Array(rows.length * classes);
  rows.forEach((row, t) => {
    let rest = 1;
    for (const [ch, p] of Object.entries(row)) {
      out[t * classes + alphabet.indexOf(ch) + 1] = p;
      rest -= p;
    }
    out[t * classes] = Math.max(0, rest);
  });
  return out;
}
