import { parseCertificateNumber, type ParsedCertificateNumber } from './certificate-number.js';
import { CREDIT_CODE_ALPHABET, validateCreditCode, validateRegistrationNumber, type CreditCodeIssueCode } from './credit-code.js';
import { validateResidentId, type ResidentIdIssueCode } from './resident-id.js';

/** Letters OCR reads in place of digits; applied only in positions where a letter is impossible. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  U: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  L: '1',
  J: '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
  G: '6',
  b: '6',
  g: '9',
  q: '9',
  T: '7',
  // Cyrillic Ze (`З`, `з`): the engine's dictionary holds it, and a printed 3 reads as it (`…5０З6` for `…5036`).
  З: '3',
  з: '3',
};
/** Letters outside the GB 32100 set and the digits/letters OCR confuses them with. */
const CREDIT_CODE_LOOKALIKES: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5', V: 'U' };

export const CorrectionReason = {
  residentId: 'ocr_lookalike_fixed_checksum_passed',
  creditCode: 'ocr_lookalike_fixed_checksum_passed',
  certificateNumber: 'ocr_lookalike_fixed_structure_passed',
  /** Characters read as the recogniser's second choice, and the check then passed (`second-choices.ts`). */
  secondChoice: 'ocr_second_choice_checksum_passed',
  registrationNumber: 'ocr_lookalike_fixed_checksum_passed',
} as const;

/**
 * A code with a check character, as `second-choices.ts` tries characters in it: what a character read by the engine
 * (or its second choice) stands for at a position, and whether a whole value passes every check of the code.
 */
export interface CodeCheck {
  /** The code's character that `ch` stands for at `position` (look-alikes resolved), or '' when it cannot stand there. */
  characterAt(ch: string, position: number): string;
  passes(value: string): boolean;
}

/** A digit for a digit or a letter OCR reads in a digit's place; '' otherwise. */
function digitAt(ch: string): string {
  const digit = DIGIT_LOOKALIKES[ch] ?? ch;
  return /^\d$/.test(digit) ? digit : '';
}

/**
 * A resident ID number's checks (GB 11643: digits, a real birth date not after `today`, the check character, which
 * alone may be `X`).
 *
 * @example
 * residentIdCheck('2026-12-05').passes('11010519491231002X'); // true
 */
export function residentIdCheck(today?: string): CodeCheck {
  return {
    characterAt: (ch, position) => (position === 17 && (ch === 'X' || ch === 'x') ? 'X' : digitAt(ch)),
    passes: (value) => validateResidentId(value, { today }).valid,
  };
}

/**
 * A unified social credit code's checks (GB 32100): letters outside its set read as the digits or letters they
 * resemble (O → 0, I → 1, Z → 2, S → 5, V → U), digits only in the division code (positions 3–8).
 *
 * @example
 * CREDIT_CODE_CHECK.characterAt('O', 10); // '0'
 */
export const CREDIT_CODE_CHECK: CodeCheck = {
  characterAt: (ch, position) => {
    if (position >= 2 && position < 8) return digitAt(ch);
    const upper = ch.toUpperCase();
    const inSet = CREDIT_CODE_LOOKALIKES[upper] ?? upper;
    return inSet.length === 1 && CREDIT_CODE_ALPHABET.includes(inSet) ? inSet : '';
  },
  passes: (value) => validateCreditCode(value).valid,
};

/**
 * A 15-digit 注册号's checks (ISO 7064 MOD 11,10 over its digits).
 *
 * @example
 * REGISTRATION_NUMBER_CHECK.passes('110108000000016'); // true
 */
export const REGISTRATION_NUMBER_CHECK: CodeCheck = {
  characterAt: (ch) => digitAt(ch),
  passes: (value) => validateRegistrationNumber(value),
};

export interface CodeReading<Issue extends string> {
  value: string;
  valid: boolean;
  issue?: Issue;
  /** Set when look-alike characters were replaced and the checks then passed. */
  correctedFrom?: string;
}

function compact(raw: string): string {
  return raw.replace(/[\s\-_.·]/g, '');
}

function toDigits(text: string): string {
  let out = '';
  for (const ch of text) out += DIGIT_LOOKALIKES[ch] ?? ch;
  return out;
}

/**
 * Reads a resident ID number from OCR text: spaces removed, upper-case, and — only if the result then passes the
 * checksum and birth-date check — letters in digit positions replaced by the digits they resemble.
 *
 * @example
 * readResidentId('11010519491231OO2X'); // { value: '11010519491231002X', valid: true, correctedFrom: '11010519491231OO2X' }
 */
export function readResidentId(raw: string, options: { today?: string } = {}): CodeReading<ResidentIdIssueCode> {
  const plain = compact(raw).replace(/x$/, 'X');
  const direct = validateResidentId(plain, options);
  if (direct.valid || plain.length !== 18) return { value: plain.toUpperCase(), valid: direct.valid, issue: direct.issue };
  const last = plain[17] === 'X' ? 'X' : toDigits(plain[17]);
  const fixed = toDigits(plain.slice(0, 17)) + last;
  if (fixed !== plain) {
    const check = validateResidentId(fixed, options);
    if (check.valid) return { value: fixed, valid: true, correctedFrom: plain };
  }
  return { value: plain.toUpperCase(), valid: false, issue: direct.issue };
}

/**
 * Reads a unified social credit code: spaces removed, upper-case, letters outside the GB 32100 set (I O S V Z) and
 * letters in the digit-only division code replaced — kept only when the checksum then passes.
 *
 * @example
 * readCreditCode('9133O100716105852F'); // { value: '91330100716105852F', valid: true, correctedFrom: '9133O100716105852F' }
 */
export function readCreditCode(raw: string): CodeReading<CreditCodeIssueCode> {
  const plain = compact(raw).toUpperCase();
  const direct = validateCreditCode(plain);
  if (direct.valid || plain.length !== 18) return { value: plain, valid: direct.valid, issue: direct.issue };
  let fixed = '';
  for (let i = 0; i < plain.length; i++) {
    const ch = plain[i];
    fixed += i >= 2 && i < 8 ? (DIGIT_LOOKALIKES[ch] ?? ch) : (CREDIT_CODE_LOOKALIKES[ch] ?? ch);
  }
  if (fixed !== plain && validateCreditCode(fixed).valid) return { value: fixed, valid: true, correctedFrom: plain };
  return { value: plain, valid: false, issue: direct.issue };
}

/** A run of 15 digits, up to three of them read as look-alike letters, standing alone (no digit or letter beside it). */
const REGISTRATION_NUMBER_LOOKALIKE_TOKEN = /(?<![0-9A-Za-zЗз])[0-9A-Za-zЗз|]{15}(?![0-9A-Za-zЗз])/u;

/**
 * Reads a 15-digit 注册号 with up to three digits read as the letters they resemble (`3301061097950З6`, the 3 read
 * as Cyrillic `З`): the digits they stand for, kept only when the MOD 11,10 check then passes.
 *
 * @example
 * readRegistrationNumberLookalikes('注册号:3301061097950З6(2-1)')?.value; // '330106109795036'
 */
export function readRegistrationNumberLookalikes(raw: string): CodeReading<never> | undefined {
  const token = compact(raw).match(REGISTRATION_NUMBER_LOOKALIKE_TOKEN)?.[0];
  if (!token || /^\d{15}$/.test(token) || token.replace(/\d/g, '').length > 3) return undefined;
  const fixed = toDigits(token);
  return validateRegistrationNumber(fixed) ? { value: fixed, valid: true, correctedFrom: token } : undefined;
}

export interface CertificateNumberReading extends CodeReading<'certificate_number_structure_unknown'> {
  parsed: ParsedCertificateNumber;
}

/**
 * Reads a certificate number: spaces removed, upper-case; when it does not match either structure, letters in
 * digit positions are replaced by look-alike digits (a leading `5` of a 22-character number by `S`) and the result
 * kept if it then matches. A number that matches neither structure is returned as read with an issue.
 *
 * @example
 * readCertificateNumber('S0000330106OO221000123').value; // 'S000033010600221000123'
 */
export function readCertificateNumber(raw: string): CertificateNumberReading {
  const plain = compact(raw).toUpperCase();
  const parsed = parseCertificateNumber(plain);
  if (parsed.structure !== 'unknown') return { value: plain, valid: true, parsed };
  let fixed = plain;
  if (plain.length === 22) {
    const head = plain[0] === '5' ? 'S' : plain[0] === 'V' ? 'Y' : plain[0];
    fixed = head + toDigits(plain.slice(1));
  } else if (plain.length === 16) {
    fixed = toDigits(plain);
  }
  const reparsed = parseCertificateNumber(fixed);
  if (fixed !== plain && reparsed.structure !== 'unknown') {
    return { value: fixed, valid: true, parsed: reparsed, correctedFrom: plain };
  }
  return { value: plain, valid: false, parsed, issue: 'certificate_number_structure_unknown' };
}
