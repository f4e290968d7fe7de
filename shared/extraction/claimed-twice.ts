import type { Box } from '../documents/index.js';
import type { DraftFields } from './document-context.js';

/** Issue on fields of two different labels that took the same value from the same box: only one of them owns it. */
export const SOURCE_CLAIMED_TWICE = 'source_claimed_twice_conflict';

/** Whether two boxes are mostly the same ink: their overlap covers at least half of the smaller one. */
function sameInk(a: Box, b: Box): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 && w * h >= 0.5 * Math.min(a.width * a.height, b.width * b.height);
}

/**
 * Flags fields that read the same value off the same ink: a value belongs to one label, so when two labels took it (a
 * fill-in printed between `合同期限自` and `至`, both taking the nearer date, one with the line above joined), one of
 * them read its neighbour's value and the clerk decides which. A line holding two values (`自 A 起至 B 止`) gives
 * different values and is not flagged.
 *
 * @example
 * flagSourcesClaimedTwice(draft, ['startDate', 'endDate']); // both get SOURCE_CLAIMED_TWICE when they share ink and value
 */
export function flagSourcesClaimedTwice(draft: DraftFields, names: readonly string[]): void {
  const read = names.filter((name) => draft[name]?.value != null && draft[name]?.source?.box);
  for (const [i, a] of read.entries()) {
    for (const b of read.slice(i + 1)) {
      const [fa, fb] = [draft[a]!, draft[b]!];
      if (fa.value !== fb.value || fa.source!.page !== fb.source!.page || !sameInk(fa.source!.box!, fb.source!.box!)) continue;
      for (const field of [fa, fb]) field.issues = [...new Set([...(field.issues ?? []), SOURCE_CLAIMED_TWICE])];
    }
  }
}
