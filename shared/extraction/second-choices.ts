import { CorrectionReason, type CodeCheck } from './code-reading.js';
import type { Candidate } from './confidence.js';
import type { LayoutCharacter } from './page-layout.js';
import { Evidence, type Reading } from './value-readers.js';

/**
 * A code whose check failed is tried again with the recogniser's second choices (issue 12, photos and blurred print):
 * the engine keeps, for each character it was unsure of, the other class it found likely at the same place
 * (`decodeCtc`). At most this many characters are changed: a check character catches one slip reliably, and two
 * changes already make a chance pass likely enough that only a lone passing candidate is taken.
 */
export const MAX_SECOND_CHOICES = 2;

/** Issue on a code read with some characters as their second choice: the check passed, the clerk confirms. */
export const SECOND_CHOICE_TAKEN = 'code_character_inferred_from_second_choice';
/** Issue on a code whose check failed where more than one set of second choices passes it: nothing is guessed. */
export const SECOND_CHOICES_AMBIGUOUS = 'code_second_choices_ambiguous';

/** One character read as its second choice. */
export interface SecondChoiceChange {
  /** 0-based position in the code. */
  position: number;
  /** The character as the engine read it. */
  read: string;
  /** Its second choice, taken. */
  taken: string;
  /** The engine's probability of the second choice. */
  confidence: number;
}

/** A value made from the read one with some characters replaced by their second choice. */
export interface SecondChoiceCandidate {
  value: string;
  changes: SecondChoiceChange[];
  /** The product of the engine's probabilities of the characters chosen (ranks candidates). */
  probability: number;
}

export type SecondChoiceOutcome =
  | { kind: 'repaired'; candidate: SecondChoiceCandidate }
  | { kind: 'ambiguous'; candidates: SecondChoiceCandidate[] }
  /** No second choice in reach, or none that passes the check. */
  | { kind: 'unchanged' };

/**
 * Tries the engine's second choices in a code read as `read` (compacted, as the code reader took it) that failed its
 * check: the code is found among the line's characters, each unsure character may be replaced by its second choice
 * (at most `MAX_SECOND_CHOICES` changes, a character the code cannot hold there must be), and the candidates passing
 * `check` are ranked by the product of their characters' probabilities. Exactly one passing → `repaired`; more →
 * `ambiguous`. A character with no second choice is never changed: a value the engine did not see is not guessed.
 *
 * @example
 * trySecondChoices('330106199003071032', line.chars, residentIdCheck()); // { kind: 'repaired', candidate: { value: '330106199003071038', … } }
 */
export function trySecondChoices(read: string, chars: readonly LayoutCharacter[] | undefined, check: CodeCheck): SecondChoiceOutcome {
  const at = chars ? codeAmong(read, chars) : -1;
  if (!chars || at < 0) return { kind: 'unchanged' };
  const base: string[] = [];
  const probability: number[] = [];
  const choices: { position: number; taken: string; confidence: number; forced: boolean }[] = [];
  for (let i = 0; i < read.length; i++) {
    const ch = chars[at + i];
    const own = check.characterAt(ch.text, i);
    const other = ch.alternative ? check.characterAt(ch.alternative.text, i) : '';
    if (own === '' && other === '') return { kind: 'unchanged' };
    base.push(own);
    probability.push(ch.confidence);
    if (other !== '' && other !== own) choices.push({ position: i, taken: other, confidence: ch.alternative!.confidence, forced: own === '' });
  }
  const forced = choices.filter((c) => c.forced);
  const free = choices.filter((c) => !c.forced);
  if (choices.length === 0 || forced.length > MAX_SECOND_CHOICES) return { kind: 'unchanged' };
  const passing: SecondChoiceCandidate[] = [];
  for (const picked of subsetsUpTo(free, MAX_SECOND_CHOICES - forced.length)) {
    const changes = [...forced, ...picked];
    if (changes.length === 0) continue;
    const value = [...base];
    const chosen = [...probability];
    for (const change of changes) {
      value[change.position] = change.taken;
      chosen[change.position] = change.confidence;
    }
    const text = value.join('');
    if (!check.passes(text)) continue;
    passing.push({
      value: text,
      changes: changes
        .map(({ position, taken, confidence }) => ({ position, read: chars[at + position].text, taken, confidence }))
        .sort((a, b) => a.position - b.position),
      probability: chosen.reduce((a, b) => a * b, 1),
    });
  }
  passing.sort((a, b) => b.probability - a.probability);
  if (passing.length === 1) return { kind: 'repaired', candidate: passing[0] };
  return passing.length > 1 ? { kind: 'ambiguous', candidates: passing } : { kind: 'unchanged' };
}

/**
 * Says which characters were read as their second choice, for the field's correction reason (1-based positions).
 *
 * @example
 * describeSecondChoices(candidate); // 'character 18 read 2, taken as its second choice 8 (0.31)'
 */
export function describeSecondChoices(candidate: SecondChoiceCandidate): string {
  return candidate.changes
    .map((c) => `character ${c.position + 1} read ${c.read}, taken as its second choice ${c.taken} (${c.confidence.toFixed(2)})`)
    .join('; ');
}

/** Where the code's characters start among the line's (case aside), or −1 when the line does not hold it as read. */
function codeAmong(read: string, chars: readonly LayoutCharacter[]): number {
  const wanted = read.toUpperCase();
  for (let start = 0; start + wanted.length <= chars.length; start++) {
    let k = 0;
    while (k < wanted.length && chars[start + k].text.toUpperCase() === wanted[k]) k++;
    if (k === wanted.length) return start;
  }
  return -1;
}

/** Every subset of `items` with at most `size` members (the empty one included), in order. */
function subsetsUpTo<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [[]];
  const extend = (from: number, current: T[]) => {
    if (current.length === size) return;
    for (let i = from; i < items.length; i++) {
      const next = [...current, items[i]];
      out.push(next);
      extend(i + 1, next);
    }
  };
  extend(0, []);
  return out;
}

/**
 * A candidate whose code failed its check (its reading carries `recheck`), tried again with the engine's second
 * choices: repaired (checksum evidence, flagged `code_character_inferred_from_second_choice`, the correction saying
 * which characters), flagged `code_second_choices_ambiguous` when several pass, else as it was.
 *
 * @example
 * withSecondChoices(candidate).reading.value; // '330106199003071038' where the engine's second choice of 2 was 8
 */
export function withSecondChoices(candidate: Candidate): Candidate {
  const { reading, line } = candidate;
  if (!reading.recheck) return candidate;
  const { read, check, keptIssues = [] } = reading.recheck;
  const outcome = trySecondChoices(read, line.chars, check);
  if (outcome.kind === 'unchanged') return candidate;
  if (outcome.kind === 'ambiguous') return { ...candidate, reading: { ...reading, issues: [...reading.issues, SECOND_CHOICES_AMBIGUOUS] } };
  return {
    ...candidate,
    reading: {
      value: outcome.candidate.value,
      evidence: Evidence.checksum,
      plausibility: reading.plausibility,
      issues: [...keptIssues, SECOND_CHOICE_TAKEN],
      correction: { from: read.toUpperCase(), reason: `${CorrectionReason.secondChoice}: ${describeSecondChoices(outcome.candidate)}` },
    },
  };
}

/** The reading was repaired from the engine's second choices (weaker than a code read right at once). */
export function readAsSecondChoice(reading: Reading): boolean {
  return reading.issues.includes(SECOND_CHOICE_TAKEN);
}
