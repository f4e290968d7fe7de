import { describe, expect, it } from 'vitest';
import { registrationNumberCheckDigit, residentIdCheckCharacter, validateCreditCode, validateResidentId } from '../../shared/extraction/index.js';
import { CREDIT_CODE_CHECK, residentIdCheck } from '../../shared/extraction/code-reading.js';
import { extractDocuments } from '../../shared/extraction/extract-documents.js';
import {
  SECOND_CHOICE_TAKEN,
  SECOND_CHOICES_AMBIGUOUS,
  VOCABULARY_BY_FIELD,
  WORD_SECOND_CHOICE_TAKEN,
  secondChoicesMakingWords,
  trySecondChoices,
} from '../../shared/extraction/second-choices.js';
import { buildPageLayout, type LayoutCharacter } from '../../shared/extraction/page-layout.js';
import { ocrPageSchema, type OcrPage } from '../../shared/documents/ocr-page.js';
import { businessLicensePage, creditCode, person, skillLevelCertificatePage } from './support/documents.js';

const TODAY = '2026-12-05';
const read = (pages: OcrPage[]) => extractDocuments(pages, { today: TODAY });

/** What the engine said of one character of the value: read at `confidence`, with `text` as its second choice. */
type SecondChoice = { text: string; confidence: number; readAt?: number };

/**
 * The page with the line holding `value` given per-character words, as the PaddleOCR engine reports them: every
 * character sure (0.99) except those given second choices (by position in `value`).
 */
function withSecondChoices(page: OcrPage, value: string, choices: Record<number, SecondChoice>): OcrPage {
  const lines = page.lines.map((line) => {
    const at = line.text.indexOf(value);
    if (at < 0) return line;
    let x = line.box.x;
    const words = [...line.text].flatMap((text, k) => {
      const box = { x, y: line.box.y, width: 16, height: line.box.height };
      x += 16;
      if (text.trim() === '') return [];
      const choice = k >= at && k < at + value.length ? choices[k - at] : undefined;
      return choice
        ? [{ text, confidence: choice.readAt ?? 0.55, box, alternative: { text: choice.text, confidence: choice.confidence } }]
        : [{ text, confidence: 0.99, box }];
    });
    return { ...line, words };
  });
  return { ...page, lines };
}

/** `id` with the digit at `position` replaced by `digit`. */
const withDigit = (id: string, position: number, digit: string) => id.slice(0, position) + digit + id.slice(position + 1);

/** A digit at `position` (sequence digits 15–17) that makes `id` pass its check on its own, other than the one there. */
function passingDigitAt(id: string, position: number): string | undefined {
  return '0123456789'.split('').find((d) => d !== id[position] && validateResidentId(withDigit(id, position, d), { today: TODAY }).valid);
}

describe('second choices of a code whose check fails', () => {
  const truth = person.id; // 330106199003071231: positions 14–16 are the sequence
  const misreadAt = 15;
  const misread = withDigit(truth, misreadAt, truth[misreadAt] === '3' ? '8' : '3');

  it('repairs an ID number whose check fails from its second choice and flags it, naming the character', () => {
    // Prepare: the engine read one sequence digit wrong, and had the printed digit as its second choice.
    const page = withSecondChoices(skillLevelCertificatePage({ id: misread }), misread, { [misreadAt]: { text: truth[misreadAt], confidence: 0.4 } });
    // Act
    const [doc] = read([page]);
    // Assess
    expect(doc.fields.idNumber.value).toBe(truth);
    expect(doc.fields.idNumber.needsReview).toBe(true);
    expect(doc.fields.idNumber.issues).toEqual([SECOND_CHOICE_TAKEN]);
    expect(doc.fields.idNumber.correction?.from).toBe(misread);
    expect(doc.fields.idNumber.correction?.reason).toContain(
      `character ${misreadAt + 1} read ${misread[misreadAt]}, taken as its second choice ${truth[misreadAt]}`,
    );
  });

  it('leaves an ID number unrepaired but flagged when two sets of second choices both pass its check', () => {
    // Prepare: a second unsure digit whose second choice also makes the number pass on its own.
    const other = 16;
    const rival = passingDigitAt(misread, other)!;
    expect(rival).toBeDefined();
    const page = withSecondChoices(skillLevelCertificatePage({ id: misread }), misread, {
      [misreadAt]: { text: truth[misreadAt], confidence: 0.4 },
      [other]: { text: rival, confidence: 0.3 },
    });
    // Act
    const [doc] = read([page]);
    // Assess
    expect(doc.fields.idNumber).toMatchObject({ value: misread, needsReview: true, issues: ['id_checksum_failed', SECOND_CHOICES_AMBIGUOUS] });
    expect(doc.fields.idNumber.correction).toBeUndefined();
  });

  it('leaves an ID number whose check fails unchanged when the engine had no second choice', () => {
    const page = withSecondChoices(skillLevelCertificatePage({ id: misread }), misread, {});
    const [doc] = read([page]);
    expect(doc.fields.idNumber).toMatchObject({ value: misread, needsReview: true, issues: ['id_checksum_failed'] });
  });

  it('never takes a second choice that passes the check digit with a birth date that does not exist', () => {
    // The month's tens digit (position 10) with a second choice that passes the check alone but makes month 3x.
    const month = 10;
    const bogus = '0123456789'.split('').find((d) => {
      const candidate = withDigit(misread, month, d);
      return d !== misread[month] && validateResidentId(candidate, { today: TODAY }).issue === 'id_birth_date_invalid' && checksumPasses(candidate);
    })!;
    expect(bogus).toBeDefined();
    const page = withSecondChoices(skillLevelCertificatePage({ id: misread }), misread, {
      [misreadAt]: { text: truth[misreadAt], confidence: 0.4 },
      [month]: { text: bogus, confidence: 0.45 },
    });
    const [doc] = read([page]);
    expect(doc.fields.idNumber).toMatchObject({ value: truth, needsReview: true, issues: [SECOND_CHOICE_TAKEN] });
  });

  it('repairs a credit code whose second choice is a letter outside GB 32100 read as the digit it resembles (O → 0)', () => {
    const code = creditCode('71610585A');
    const position = 9; // the organisation code's second character, `1`
    const misreadCode = code.slice(0, position) + '7' + code.slice(position + 1);
    expect(validateCreditCode(misreadCode).valid).toBe(false);
    // The engine's second choice is `I` (not in the set), which stands for 1.
    const page = withSecondChoices(businessLicensePage({ code: misreadCode }), misreadCode, { [position]: { text: 'I', confidence: 0.3 } });
    const [doc] = read([page]);
    expect(doc.fields.creditCode).toMatchObject({ value: code, needsReview: true, issues: [SECOND_CHOICE_TAKEN] });
  });

  it('repairs a 15-digit 注册号 from its second choice and keeps it flagged as a registration number', () => {
    const body = '11010800000002';
    const number = body + registrationNumberCheckDigit(body);
    const misreadNumber = withDigit(number, 13, '8');
    const page = withSecondChoices(businessLicensePage({ code: misreadNumber }), misreadNumber, { 13: { text: number[13], confidence: 0.35 } });
    const [doc] = read([page]);
    expect(doc.fields.creditCode).toMatchObject({ value: number, needsReview: true, issues: ['credit_code_is_registration_number', SECOND_CHOICE_TAKEN] });
  });

  it('changes at most two characters, never one the engine was sure of', () => {
    const chars = [...misread].map((text) => ({ text, confidence: 0.99 }));
    expect(trySecondChoices(misread, chars, residentIdCheck(TODAY))).toEqual({ kind: 'unchanged' });
    // Three characters each needing their second choice: out of reach.
    const three = withDigit(withDigit(misread, 14, misread[14] === '5' ? '6' : '5'), 16, misread[16] === '5' ? '6' : '5');
    const unsure = [...three].map((text, k) => ({
      text,
      confidence: [14, 15, 16].includes(k) ? 0.5 : 0.99,
      alternative: [14, 15, 16].includes(k) ? { text: truth[k], confidence: 0.4 } : undefined,
    }));
    expect(validateResidentId(three, { today: TODAY }).valid).toBe(false);
    const outcome = trySecondChoices(three, unsure, residentIdCheck(TODAY));
    expect(outcome.kind === 'repaired' && outcome.candidate.value === truth).toBe(false);
  });

  it('reads a credit-code character as the one its look-alike stands for at that position', () => {
    expect(CREDIT_CODE_CHECK.characterAt('O', 10)).toBe('0');
    expect(CREDIT_CODE_CHECK.characterAt('S', 12)).toBe('5');
    expect(CREDIT_CODE_CHECK.characterAt('B', 4)).toBe('8');
    expect(CREDIT_CODE_CHECK.characterAt('B', 12)).toBe('B');
    expect(CREDIT_CODE_CHECK.characterAt('字', 12)).toBe('');
  });
});

/** `page` with the line reading `printed` read as `read` instead (same length: the boxes stay). */
function misreadLine(page: OcrPage, printed: string, read: string): OcrPage {
  return { ...page, lines: page.lines.map((line) => (line.text === printed ? { ...line, text: read } : line)) };
}

/** The engine's characters of `value`: sure (0.99) except those given second choices (by position). */
function charactersOf(value: string, choices: Record<number, SecondChoice>): LayoutCharacter[] {
  return [...value].map((text, k) =>
    choices[k]
      ? { text, confidence: choices[k].readAt ?? 0.55, alternative: { text: choices[k].text, confidence: choices[k].confidence } }
      : { text, confidence: 0.99 },
  );
}

describe('second choices that make a word of a name or an address', () => {
  it('reads an issuer’s character as its second choice where that makes a word of organisations’ names, flagged', () => {
    // Prepare: `培训` printed, `训` read `圳` (0.44) with `训` its second choice (0.28): `培圳` is no word.
    const printed = '杭州市西湖区职业技能培训学校';
    const misread = '杭州市西湖区职业技能培圳学校';
    const page = withSecondChoices(skillLevelCertificatePage({ issuer: misread }), misread, { 11: { text: '训', confidence: 0.28, readAt: 0.44 } });
    // Act
    const [doc] = read([page]);
    // Assess
    expect(doc.fields.issuer).toMatchObject({ value: printed, needsReview: true });
    expect(doc.fields.issuer.issues).toContain(WORD_SECOND_CHOICE_TAKEN);
    expect(doc.fields.issuer.correction).toEqual({
      from: misread,
      reason: 'ocr_second_choice_makes_word: character 12 read 圳, taken as its second choice 训 (0.28)',
    });
  });

  it('reads an address’s unit after a numeral as its second choice (`90量` → `90号`), flagged', () => {
    const printed = '浙江省杭州市西湖区文三路90号';
    const misread = '浙江省杭州市西湖区文三路90量';
    const page = withSecondChoices(misreadLine(businessLicensePage(), printed, misread), misread, { 14: { text: '号', confidence: 0.1, readAt: 0.5 } });
    const [doc] = read([page]);
    expect(doc.fields.address).toMatchObject({ value: printed, needsReview: true });
    expect(doc.fields.address.issues).toContain(WORD_SECOND_CHOICE_TAKEN);
  });

  it('keeps a character whose first choice is itself in a word, whatever its second choice makes', () => {
    // `服务` is a word; its second choice `装` would make `服装`, a word too.
    const value = '杭州西子智能服务有限公司';
    expect(secondChoicesMakingWords(value, charactersOf(value, { 7: { text: '装', confidence: 0.3 } }), VOCABULARY_BY_FIELD.employerName)).toEqual([]);
  });

  it('leaves a character misread inside a trade name as read when its second choice makes no word', () => {
    // `栖` read `柄`, second choice `梧`: the trade name is arbitrary, no word tells.
    const value = '杭州云柄机械有限公司';
    expect(secondChoicesMakingWords(value, charactersOf(value, { 3: { text: '梧', confidence: 0.2 } }), VOCABULARY_BY_FIELD.employerName)).toEqual([]);
  });

  it('takes no second choice whose word leans on a neighbour read less surely than the character changed', () => {
    // `家政` read `建政`: `政` (0.47) has `设` second, making `建设` with `建`, itself read at 0.21.
    const value = '杭经借建政服务有限公司';
    const chars = charactersOf(value, { 3: { text: '史', confidence: 0.11, readAt: 0.21 }, 4: { text: '设', confidence: 0.13, readAt: 0.47 } });
    expect(secondChoicesMakingWords(value, chars, VOCABULARY_BY_FIELD.companyName)).toEqual([]);
    // Both read unsurely, the neighbour at least as surely: `城训` (0.33, 0.34) with `城`'s second choice `培`.
    const issuer = '杭州之江职业城训学校';
    const both = charactersOf(issuer, { 6: { text: '培', confidence: 0.21, readAt: 0.33 }, 7: { text: '圳', confidence: 0.2, readAt: 0.34 } });
    expect(secondChoicesMakingWords(issuer, both, VOCABULARY_BY_FIELD.issuer)).toEqual([{ position: 6, read: '城', taken: '培', confidence: 0.21 }]);
  });

  it('never changes a character read surely, nor a person’s given name', () => {
    const issuer = '杭州市西湖区职业技能培圳学校';
    const sure = charactersOf(issuer, { 11: { text: '训', confidence: 0.05, readAt: 0.93 } });
    expect(secondChoicesMakingWords(issuer, sure, VOCABULARY_BY_FIELD.issuer)).toEqual([]);
    // A holder named `王培圳` keeps the `圳` the engine read, second choice or not.
    const name = '王培圳';
    const page = withSecondChoices(skillLevelCertificatePage({ name }), name, { 2: { text: '训', confidence: 0.3 } });
    expect(read([page])[0].fields.holderName.value).toBe(name);
  });
});

describe('second choices that make a person’s compound surname', () => {
  it('reads a name’s second character as its second choice where that makes a compound surname, flagged', () => {
    // Prepare: `欧阳` printed, `阳` read `旧` (0.41) with `阳` its second choice (0.22): `欧旧` is no surname of two.
    const misread = '欧旧振华';
    const page = withSecondChoices(skillLevelCertificatePage({ name: misread }), misread, { 1: { text: '阳', confidence: 0.22, readAt: 0.41 } });
    // Act
    const [doc] = read([page]);
    // Assess
    expect(doc.fields.holderName).toMatchObject({ value: '欧阳振华', needsReview: true });
    expect(doc.fields.holderName.issues).toContain(WORD_SECOND_CHOICE_TAKEN);
  });

  it('leaves a given name alone, and a compound surname only where the name opens', () => {
    // `王欧旧`: `欧阳` would stand inside the name, never a surname there.
    const name = '王欧旧';
    expect(secondChoicesMakingWords(name, charactersOf(name, { 2: { text: '阳', confidence: 0.3, readAt: 0.4 } }), VOCABULARY_BY_FIELD.holderName)).toEqual([]);
    // `司徒晓雯` read right keeps its characters whatever their second choices.
    const whole = '司徒晓雯';
    expect(secondChoicesMakingWords(whole, charactersOf(whole, { 1: { text: '马', confidence: 0.3, readAt: 0.6 } }), VOCABULARY_BY_FIELD.holderName)).toEqual(
      [],
    );
  });
});

describe('second choices on the way from the engine to the reader', () => {
  it("keeps a character's second choice in the reader's characters, half-width", () => {
    const page = withSecondChoices(skillLevelCertificatePage(), person.id, { 3: { text: '８', confidence: 0.3 } });
    const line = buildPageLayout(page).lines.find((l) => l.flat.includes(person.id))!;
    const at = line
      .chars!.map((c) => c.text)
      .join('')
      .indexOf(person.id);
    expect(line.chars![at + 3].alternative).toEqual({ text: '8', confidence: 0.3 });
    expect(line.chars![at + 4].alternative).toBeUndefined();
  });

  it('loads a page cached before second choices were kept', () => {
    const old = {
      pageNumber: 1,
      width: 100,
      height: 50,
      rotation: 0,
      source: 'paddle',
      lines: [
        {
          text: '8',
          confidence: 0.9,
          box: { x: 0, y: 0, width: 10, height: 10 },
          words: [{ text: '8', confidence: 0.9, box: { x: 0, y: 0, width: 10, height: 10 } }],
        },
      ],
    };
    expect(ocrPageSchema.parse(old).lines[0].words?.[0].alternative).toBeUndefined();
  });
});

/** The ID number's check character agrees with its first 17 digits (whatever its birth date). */
function checksumPasses(id: string): boolean {
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17];
}
