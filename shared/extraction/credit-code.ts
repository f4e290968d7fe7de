import { MalformedIdentifierError } from './errors.js';

/** The 31 characters GB 32100-2015 uses (no I, O, S, V, Z), in code-value order. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^(i) mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Why a 统一社会信用代码 failed validation (used as field issue codes). */
export const CreditCodeIssue = {
  format: 'credit_code_format_invalid',
  checksum: 'credit_code_checksum_failed',
} as const;
export type CreditCodeIssueCode = (typeof CreditCodeIssue)[keyof typeof CreditCodeIssue];

export interface CreditCodeValidation {
  valid: boolean;
  issue?: CreditCodeIssueCode;
}

/** The characters a credit code may contain, exported so OCR corrections can stay inside it. */
export const CREDIT_CODE_ALPHABET = ALPHABET;

/**
 * The 18th (check) character of a GB 32100 unified social credit code for its first 17 characters.
 *
 * @example
 * creditCodeCheckCharacter('91330100716105852'); // 'F'
 */
export function creditCodeCheckCharacter(first17: string): string {
  const body = first17.toUpperCase();
  if (body.length !== 17) throw new MalformedIdentifierError('credit_code', 'the body must be 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(body[i]);
    if (value < 0) throw new MalformedIdentifierError('credit_code', `character ${i + 1} is outside the GB 32100 set`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Validates an 18-character unified social credit code: characters from the GB 32100 set, a six-digit
 * administrative-division code in positions 3–8, and the check character.
 *
 * @example
 * validateCreditCode('91330100716105852F'); // { valid: true }
 */
export function validateCreditCode(code: string): CreditCodeValidation {
  const normalised = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(normalised)) {
    return { valid: false, issue: CreditCodeIssue.format };
  }
  if (creditCodeCheckCharacter(normalised.slice(0, 17)) !== normalised[17]) {
    return { valid: false, issue: CreditCodeIssue.checksum };
  }
  return { valid: true };
}

/**
 * Validates a 15-digit 注册号 (the registration number of business licences issued before the unified social credit
 * code, GB/T 17710 / ISO 7064 MOD 11,10 over all 15 digits: the running value after the last digit must be 1).
 *
 * @example
 * validateRegistrationNumber('110108000000016'); // true
 */
export function validateRegistrationNumber(number: string): boolean {
  return /^\d{15}$/.test(number) && iso7064Mod1110Valid(number);
}

/**
 * ISO 7064 MOD 11,10 over a string of digits whose last digit is the check digit: the running value after the last
 * digit must be 1.
 *
 * @example
 * iso7064Mod1110Valid('794623'); // true
 */
export function iso7064Mod1110Valid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let p = 10;
  let s = 0;
  for (const ch of digits) {
    s = (p + Number(ch)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return s === 1;
}

/**
 * The 15th (check) digit of a 注册号 for its first 14 digits (ISO 7064 MOD 11,10).
 *
 * @example
 * registrationNumberCheckDigit('11010800000001'); // '6'
 */
export function registrationNumberCheckDigit(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new MalformedIdentifierError('credit_code', 'a registration number body must be 14 digits');
  let p = 10;
  for (const ch of first14) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}
