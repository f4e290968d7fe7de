import { MalformedIdentifierError } from './errors.js';

/**
 * The two numbering structures of vocational certificates (see docs/extraction.md for the reading):
 * - `skill_level` (职业技能等级证书, 2020–): 22 characters, `Y` (employer-run assessment) or `S` (social training and
 *   assessment organisation) + 12-digit assessing-organisation code + 2-digit year + 1-digit level + 6-digit serial;
 * - `qualification` (职业资格证书): 16 digits, 2-digit year + 8-digit issuing-authority code (province, city,
 *   assessment station) + 1-digit level + 5-digit serial.
 */
export const CertificateNumberStructure = {
  skillLevel: 'skill_level',
  qualification: 'qualification',
  unknown: 'unknown',
} as const;
export type CertificateNumberStructureName = (typeof CertificateNumberStructure)[keyof typeof CertificateNumberStructure];

export interface ParsedCertificateNumber {
  structure: CertificateNumberStructureName;
  /** 1 (高级技师 / 一级) … 5 (初级工 / 五级), from the level digit; absent when the digit is not 1–5. */
  level?: number;
  /** Four-digit issue year from the two year digits (00–49 → 20xx, 50–99 → 19xx). */
  year?: number;
  /** `Y` or `S` for skill-level numbers. */
  assessor?: 'Y' | 'S';
}

/** Province-level codes of GB/T 2260, and `00` for a code padded on the left. */
const PROVINCE_CODES = new Set('00 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '));

/**
 * A city's two digits in GB/T 2260 under its province: prefectures 01–70, 90 for the county-level cities a province
 * runs itself, and `00` for the province's own authority or a padded code.
 */
const CITY_CODE = /^(?:[0-6]\d|70|90)$/;

const SKILL_LEVEL_PATTERN = /^([YS])(\d{12})(\d{2})(\d)(\d{6})$/;
const QUALIFICATION_PATTERN = /^(\d{2})(\d{8})(\d)(\d{5})$/;

function fourDigitYear(twoDigits: string): number {
  const yy = Number(twoDigits);
  // Qualification certificates have been issued since the 1990s; skill-level ones only since 2020.
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

function levelFromDigit(digit: string): number | undefined {
  const level = Number(digit);
  return level >= 1 && level <= 5 ? level : undefined;
}

/**
 * Recognises a certificate number's structure and reads the level and year it encodes. Case and surrounding spaces
 * are ignored; anything else that does not match exactly is `unknown`.
 *
 * @example
 * parseCertificateNumber('S000033010600221000123'); // { structure: 'skill_level', assessor: 'S', year: 2022, level: 1 }
 */
export function parseCertificateNumber(number: string): ParsedCertificateNumber {
  const n = number.trim().toUpperCase();
  const skill = SKILL_LEVEL_PATTERN.exec(n);
  if (skill) {
    const parsed: ParsedCertificateNumber = {
      structure: CertificateNumberStructure.skillLevel,
      assessor: skill[1] as 'Y' | 'S',
      year: fourDigitYear(skill[3]),
    };
    const level = levelFromDigit(skill[4]);
    if (level !== undefined) parsed.level = level;
    return parsed;
  }
  const qualification = QUALIFICATION_PATTERN.exec(n);
  // The issuing authority's code opens with its province (GB/T 2260), or with zeros where it is padded: any other two
  // digits are a misread (`1938…` for `1933…`), and the number has no structure to trust. So is a city no province
  // numbers (`133391…` for `133301…`).
  if (qualification && PROVINCE_CODES.has(qualification[2].slice(0, 2)) && CITY_CODE.test(qualification[2].slice(2, 4))) {
    const parsed: ParsedCertificateNumber = {
      structure: CertificateNumberStructure.qualification,
      year: fourDigitYear(qualification[1]),
    };
    const level = levelFromDigit(qualification[3]);
    if (level !== undefined) parsed.level = level;
    return parsed;
  }
  return { structure: CertificateNumberStructure.unknown };
}

function digits(value: number | string, width: number, what: string): string {
  const text = String(value);
  if (!/^\d+$/.test(text) || text.length > width) {
    throw new MalformedIdentifierError('certificate_number', `${what} must be at most ${width} digits`);
  }
  return text.padStart(width, '0');
}

function checkLevel(level: number): void {
  if (!Number.isInteger(level) || level < 1 || level > 5) {
    throw new MalformedIdentifierError('certificate_number', 'level must be an integer 1–5');
  }
}

export interface SkillLevelCertificateNumberParts {
  /** `Y` for an employer's own assessment, `S` for a social training-and-assessment organisation. Default `S`. */
  assessor?: 'Y' | 'S';
  /** 12-digit code of the assessing organisation (shorter codes are zero-padded on the left). */
  organisationCode: string;
  /** Issue year, four digits (or two). */
  year: number;
  level: number;
  /** Serial number within the organisation and year, up to 6 digits. */
  serial: number;
}

/**
 * Builds a 22-character skill-level certificate number (`[YS]` + 21 digits; 14th–15th = year, 16th = level).
 *
 * @example
 * buildSkillLevelCertificateNumber({ assessor: 'Y', organisationCode: '330106000001', year: 2021, level: 2, serial: 17 });
 * // 'Y330106000001212000017'
 */
export function buildSkillLevelCertificateNumber(parts: SkillLevelCertificateNumberParts): string {
  checkLevel(parts.level);
  const assessor = parts.assessor ?? 'S';
  if (assessor !== 'Y' && assessor !== 'S') {
    throw new MalformedIdentifierError('certificate_number', 'assessor must be Y or S');
  }
  return (
    assessor +
    digits(parts.organisationCode, 12, 'organisationCode') +
    digits(parts.year % 100, 2, 'year') +
    String(parts.level) +
    digits(parts.serial, 6, 'serial')
  );
}

export interface QualificationCertificateNumberParts {
  /** Issue year, four digits (or two). */
  year: number;
  /** 8-digit issuing-authority code: province (2) + city (2) + assessment station (4). Zero-padded on the left. */
  authorityCode: string;
  level: number;
  /** Serial number, up to 5 digits. */
  serial: number;
}

/**
 * Builds a 16-digit qualification certificate number (1st–2nd = year, 11th = level).
 *
 * @example
 * buildQualificationCertificateNumber({ year: 2015, authorityCode: '33010012', level: 3, serial: 456 });
 * // '1533010012300456'
 */
export function buildQualificationCertificateNumber(parts: QualificationCertificateNumberParts): string {
  checkLevel(parts.level);
  return digits(parts.year % 100, 2, 'year') + digits(parts.authorityCode, 8, 'authorityCode') + String(parts.level) + digits(parts.serial, 5, 'serial');
}
