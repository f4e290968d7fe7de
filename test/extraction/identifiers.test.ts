import { describe, expect, it } from 'vitest';
import {
  buildQualificationCertificateNumber,
  buildSkillLevelCertificateNumber,
  creditCodeCheckCharacter,
  MalformedIdentifierError,
  parseCertificateNumber,
  residentIdCheckCharacter,
  validateCreditCode,
  validateResidentId,
} from '../../shared/extraction/index.js';

describe('residentIdCheckCharacter', () => {
  it('computes ISO 7064 MOD 11-2 and writes 10 as X', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it('throws MalformedIdentifierError on a body that is not 17 digits', () => {
    expect(() => residentIdCheckCharacter('1101051949123100')).toThrow(MalformedIdentifierError);
    expect(() => residentIdCheckCharacter('1101051949123100A')).toThrow(MalformedIdentifierError);
  });
});

describe('validateResidentId', () => {
  it('accepts a valid number, lower-case x included, and returns the birth date', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ valid: true, birthDate: '1949-12-31' });
    expect(validateResidentId('11010519491231002x')).toEqual({ valid: true, birthDate: '1949-12-31' });
  });

  it('rejects a wrong check character with `id_checksum_failed` but still reads the birth date', () => {
    expect(validateResidentId('110105194912310021')).toEqual({
      valid: false,
      birthDate: '1949-12-31',
      issue: 'id_checksum_failed',
    });
  });

  it('rejects an impossible or future birth date with `id_birth_date_invalid`', () => {
    const feb30 = '11010519900230001';
    expect(validateResidentId(feb30 + residentIdCheckCharacter(feb30)).issue).toBe('id_birth_date_invalid');
    const future = '33010620300101001';
    expect(validateResidentId(future + residentIdCheckCharacter(future), { today: '2026-11-27' }).issue).toBe('id_birth_date_invalid');
  });

  it('rejects wrong length or letters with `id_format_invalid`', () => {
    expect(validateResidentId('1101051949123100').issue).toBe('id_format_invalid');
    expect(validateResidentId('11010519491231O02X').issue).toBe('id_format_invalid');
  });
});

describe('creditCodeCheckCharacter / validateCreditCode', () => {
  it('computes the GB 32100 check character', () => {
    expect(creditCodeCheckCharacter('91330100716105852')).toBe('F');
    expect(validateCreditCode('91330100716105852F')).toEqual({ valid: true });
  });

  it('maps a remainder of 0 to the character 0', () => {
    // Search a body whose check character is 0 to pin the (31 - sum % 31) % 31 edge.
    let body = '';
    for (let serial = 0; serial < 1000; serial++) {
      const candidate = `9133010671610${String(serial).padStart(4, '0')}`;
      if (creditCodeCheckCharacter(candidate) === '0') {
        body = candidate;
        break;
      }
    }
    expect(body).not.toBe('');
    expect(validateCreditCode(body + '0')).toEqual({ valid: true });
  });

  it('flags a wrong check character with `credit_code_checksum_failed`', () => {
    expect(validateCreditCode('91330100716105852E')).toEqual({ valid: false, issue: 'credit_code_checksum_failed' });
  });

  it('flags letters outside the set (I, O, S, V, Z) and non-digit region codes with `credit_code_format_invalid`', () => {
    expect(validateCreditCode('9133010071610585OF').issue).toBe('credit_code_format_invalid');
    expect(validateCreditCode('913301A0716105852F').issue).toBe('credit_code_format_invalid');
    expect(() => creditCodeCheckCharacter('9133010071610585O')).toThrow(MalformedIdentifierError);
  });
});

describe('certificate numbers', () => {
  it('builds a skill-level number whose 14th–15th characters are the year and 16th the level', () => {
    const n = buildSkillLevelCertificateNumber({ assessor: 'Y', organisationCode: '330106000001', year: 2021, level: 2, serial: 17 });
    expect(n).toBe('Y330106000001212000017');
    expect(n).toHaveLength(22);
    expect(n.slice(13, 15)).toBe('21');
    expect(n[15]).toBe('2');
    expect(parseCertificateNumber(n)).toEqual({ structure: 'skill_level', assessor: 'Y', year: 2021, level: 2 });
  });

  it('builds a 16-digit qualification number whose 11th digit is the level', () => {
    const n = buildQualificationCertificateNumber({ year: 2015, authorityCode: '33010012', level: 3, serial: 456 });
    expect(n).toBe('1533010012300456');
    expect(n[10]).toBe('3');
    expect(parseCertificateNumber(n)).toEqual({ structure: 'qualification', year: 2015, level: 3 });
  });

  it('reads two-digit years 50–99 as the 1900s for qualification numbers', () => {
    expect(parseCertificateNumber('9833010012100001').year).toBe(1998);
  });

  it('leaves the level out when the level digit is not 1–5', () => {
    expect(parseCertificateNumber('S000033010600227000123')).toEqual({ structure: 'skill_level', assessor: 'S', year: 2022 });
  });

  it('calls a qualification number whose city no province numbers `unknown` (`133391…` read for `133301…`)', () => {
    expect(parseCertificateNumber('1333912519352593').structure).toBe('unknown');
    expect(parseCertificateNumber('1333012519352593').structure).toBe('qualification');
    expect(parseCertificateNumber('1333902519352593').structure).toBe('qualification');
  });

  it('calls anything else `unknown`', () => {
    expect(parseCertificateNumber('X000033010600221000123').structure).toBe('unknown');
    expect(parseCertificateNumber('153301001230045').structure).toBe('unknown');
    expect(parseCertificateNumber('').structure).toBe('unknown');
  });

  it('refuses to build a number with a level outside 1–5 or an over-long part', () => {
    expect(() => buildQualificationCertificateNumber({ year: 2015, authorityCode: '33010012', level: 6, serial: 1 })).toThrow(MalformedIdentifierError);
    expect(() => buildSkillLevelCertificateNumber({ organisationCode: '3301060000011', year: 2021, level: 2, serial: 1 })).toThrow(MalformedIdentifierError);
  });
});
