import { MalformedIdentifierError } from './errors.js';

/** Weights 2^(17-i) mod 11 of GB 11643-1999 for the 17 body digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (weighted sum mod 11): ISO 7064 MOD 11-2 with 10 written as `X`. */
const CHECK_BY_REMAINDER = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** Why a resident ID number failed validation (used as field issue codes). */
export const ResidentIdIssue = {
  format: 'id_format_invalid',
  birthDate: 'id_birth_date_invalid',
  checksum: 'id_checksum_failed',
} as const;
export type ResidentIdIssueCode = (typeof ResidentIdIssue)[keyof typeof ResidentIdIssue];

export interface ResidentIdValidation {
  valid: boolean;
  /** `YYYY-MM-DD` when the birth-date digits form a real, non-future date (even if the check character fails). */
  birthDate?: string;
  issue?: ResidentIdIssueCode;
}

/**
 * The 18th character of a GB 11643 citizen ID number for its first 17 digits.
 *
 * @example
 * residentIdCheckCharacter('11010519491231002'); // 'X'
 */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new MalformedIdentifierError('resident_id', 'the body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_BY_REMAINDER[sum % 11];
}

/** True when the year/month/day form a date that exists in the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Validates an 18-character resident ID number: shape, birth date (real, not before 1900, not after `today`) and the
 * check character. Lower-case `x` is accepted as `X`.
 *
 * @example
 * validateResidentId('11010519491231002X'); // { valid: true, birthDate: '1949-12-31' }
 */
export function validateResidentId(id: string, options: { today?: string } = {}): ResidentIdValidation {
  const normalised = id.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(normalised)) return { valid: false, issue: ResidentIdIssue.format };
  const year = Number(normalised.slice(6, 10));
  const month = Number(normalised.slice(10, 12));
  const day = Number(normalised.slice(12, 14));
  const birthDate = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (year < 1900 || !isRealDate(year, month, day) || birthDate > today) {
    return { valid: false, issue: ResidentIdIssue.birthDate };
  }
  if (residentIdCheckCharacter(normalised.slice(0, 17)) !== normalised[17]) {
    return { valid: false, birthDate, issue: ResidentIdIssue.checksum };
  }
  return { valid: true, birthDate };
}
