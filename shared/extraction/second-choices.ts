import { CorrectionReason, type CodeCheck } from './code-reading.js';
import type { Candidate } from './confidence.js';
import type { DraftFields } from './document-context.js';
import { ADDRESS_NUMBER_UNITS, ADDRESS_VOCABULARY, ORGANISATION_WORDS } from './name-address-words.js';
import { linesOfSource, type LayoutCharacter, type LayoutLine, type PageLayout } from './page-layout.js';
import { longestCommonRun } from './unread-characters.js';
import { COMPOUND_SURNAMES, Evidence, type Reading } from './value-readers.js';

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

/**
 * Issue on an organisation's name or an address with a character read as its second choice because that choice makes
 * a word of such names and the first choice makes none (`培圳` → `培训`): likely right, shown to the clerk.
 */
export const WORD_SECOND_CHOICE_TAKEN = 'character_inferred_from_second_choice_word';

/** The correction's reason when a character of a name or an address was read as its second choice for a word. */
export const SECOND_CHOICE_WORD_REASON = 'ocr_second_choice_makes_word';

/**
 * The engine keeps a second choice only for a character it read under this probability (`SECOND_CHOICE_BELOW` in
 * shared/ocr/text-lines.ts); a character read surer is never changed whatever its neighbours spell.
 */
const SURE_CHARACTER = 0.9;

/** What a field's words are checked against: its vocabulary, and the units an address counts after a numeral. */
export interface FieldVocabulary {
  words: ReadonlySet<string>;
  numberUnits?: readonly string[];
  /** The words count only where they open the value (a person's compound surname). */
  atStart?: boolean;
}

/**
 * A person's name is judged by nothing but its surname: a compound surname (`诸葛`, `欧阳`) is a closed list, so a second
 * choice that makes one where the name opens (`诸昌娜`, `昌` 0.38 with `葛` second) is likely the print; a given name
 * is never changed.
 */
const PERSON_NAME_VOCABULARY: FieldVocabulary = { words: new Set(COMPOUND_SURNAMES), atStart: true };

/**
 * The fields whose values are organisations' names or addresses, each with its vocabulary, and persons' names, judged
 * by their compound surname only.
 */
export const VOCABULARY_BY_FIELD: Readonly<Record<string, FieldVocabulary>> = {
  employerName: { words: ORGANISATION_WORDS },
  companyName: { words: ORGANISATION_WORDS },
  enterpriseName: { words: ORGANISATION_WORDS },
  schoolName: { words: ORGANISATION_WORDS },
  issuer: { words: ORGANISATION_WORDS },
  address: { words: ADDRESS_VOCABULARY, numberUnits: ADDRESS_NUMBER_UNITS },
  holderName: PERSON_NAME_VOCABULARY,
  employeeName: PERSON_NAME_VOCABULARY,
  personName: PERSON_NAME_VOCABULARY,
  legalRepresentative: PERSON_NAME_VOCABULARY,
  studentName: PERSON_NAME_VOCABULARY,
  name: PERSON_NAME_VOCABULARY,
};

const HAN = /^[\u3400-\u9fff]$/u;
const NUMERAL = /^[0-9一二三四五六七八九十百零〇两]$/u;

/**
 * The characters of `value` read as their second choice where that choice makes a word of `vocabulary` and the first
 * choice is in none (`chars[i]` is the engine's character at the value's position i, where it was found), the word's
 * other characters read at least as surely as the character changed. Only a Chinese character read under
 * `SURE_CHARACTER` with a Chinese second choice is changed; each change is judged on the value as read; more than
 * `MAX_SECOND_CHOICES` such characters is a value read too poorly to mend: none is taken.
 *
 * @example
 * secondChoicesMakingWords('杭州市西湖区职业技能培圳学校', chars, VOCABULARY_BY_FIELD.issuer); // [{ position: 11, read: '圳', taken: '训', confidence: 0.28 }]
 */
export function secondChoicesMakingWords(value: string, chars: readonly (LayoutCharacter | undefined)[], vocabulary: FieldVocabulary): SecondChoiceChange[] {
  const text = [...value];
  const changes: SecondChoiceChange[] = [];
  text.forEach((read, i) => {
    const ch = chars[i];
    const other = ch?.alternative;
    if (!ch || !other || ch.text !== read || ch.confidence >= SURE_CHARACTER) return;
    if (!HAN.test(read) || !HAN.test(other.text)) return;
    if (wordsAt(text, i, vocabulary).length > 0) return;
    const chosen = [...text];
    chosen[i] = other.text;
    // The word's other characters vouch for the change only when read at least as surely as the character changed:
    // a neighbour that is likelier a misreading (`家政` read `建政`, `建` at 0.21, `政` at 0.47 with `设` second making
    // `建设`) makes a word by chance. (`城训` at 0.33 and 0.34 for `培训`, `城`'s second choice `培`: taken.)
    const made = wordsAt(chosen, i, vocabulary).some(({ start, length }) =>
      Array.from({ length }, (_, k) => start + k).every((k) => k === i || (chars[k]?.confidence ?? 0) >= ch.confidence),
    );
    if (made) changes.push({ position: i, read, taken: other.text, confidence: other.confidence });
  });
  return changes.length <= MAX_SECOND_CHOICES ? changes : [];
}

/** The words of the vocabulary, and the units counted after a numeral, that the character at `i` belongs to. */
function wordsAt(text: readonly string[], i: number, vocabulary: FieldVocabulary): { start: number; length: number }[] {
  const found: { start: number; length: number }[] = [];
  for (const word of vocabulary.words) {
    const length = [...word].length;
    const last = vocabulary.atStart ? Math.min(i, 0) : i;
    for (let start = Math.max(0, i - length + 1); start <= last; start++)
      if (text.slice(start, start + length).join('') === word) found.push({ start, length });
  }
  for (const unit of vocabulary.numberUnits ?? []) {
    const length = [...unit].length;
    for (let start = Math.max(1, i - length + 1); start <= i; start++)
      if (NUMERAL.test(text[start - 1]) && text.slice(start, start + length).join('') === unit) found.push({ start, length });
  }
  return found;
}

/**
 * Reads, in each organisation's name and address of a document, the characters whose second choice makes a word of
 * such names where the first choice makes none (`secondChoicesMakingWords`), the engine's characters found on the
 * lines the value was read from. The value stays flagged (`WORD_SECOND_CHOICE_TAKEN`), the correction saying which
 * characters: the word is evidence, not proof. Values from a text layer carry no second choices.
 *
 * @example
 * takeSecondChoicesMakingWords(draft, ctx.layouts); // issuer `…职业技能培圳学校` → `…职业技能培训学校`, flagged
 */
export function takeSecondChoicesMakingWords(draft: DraftFields, layouts: readonly PageLayout[]): void {
  const byPage = new Map(layouts.map((l) => [l.page, l]));
  for (const [name, vocabulary] of Object.entries(VOCABULARY_BY_FIELD)) {
    const field = draft[name];
    if (!field || typeof field.value !== 'string' || !field.source?.box) continue;
    const layout = byPage.get(field.source.page);
    if (!layout || layout.source === 'text_layer') continue;
    const value = field.value.replace(/\s+/g, '');
    if (value !== field.value) continue;
    const chars = charactersOfValue(value, linesOfSource(layout.lines, field.source.box));
    const changes = secondChoicesMakingWords(value, chars, vocabulary);
    if (changes.length === 0) continue;
    const text = [...value];
    for (const change of changes) text[change.position] = change.taken;
    field.correction = { from: value, reason: `${SECOND_CHOICE_WORD_REASON}: ${describeSecondChoices({ value: text.join(''), changes, probability: 0 })}` };
    field.value = text.join('');
    field.issues = [...(field.issues ?? []), WORD_SECOND_CHOICE_TAKEN];
  }
}

/** The engine's character at each position of `value`, where a stretch of it (two characters or more) is on a line. */
function charactersOfValue(value: string, lines: readonly LayoutLine[]): (LayoutCharacter | undefined)[] {
  const text = [...value];
  const out: (LayoutCharacter | undefined)[] = text.map(() => undefined);
  for (const line of lines) {
    if (!line.chars) continue;
    const read = line.chars.map((c) => c.text).join('');
    const run = longestCommonRun(read, value);
    if (run.length < 2) continue;
    const start = value.indexOf(read.slice(run.at, run.at + run.length));
    for (let k = 0; k < run.length; k++) out[start + k] ??= line.chars[run.at + k];
  }
  return out;
}
