import { describe, expect, it } from 'vitest';
import { readCertificateNumber, readCreditCode, readResidentId } from '../../shared/extraction/index.js';
import { creditCode, residentId } from './support/documents.js';

describe('readResidentId', () => {
  it('replaces look-alike letters when the checksum then passes and says so', () => {
    const id = residentId('19900307', '330106', '103');
    const misread = id.slice(0, 15) + 'O' + id.slice(16);
    expect(id[15]).toBe('0');
    expect(readResidentId(misread)).toEqual({ value: id, valid: true, correctedFrom: misread });
  });

  it('keeps a misread that no look-alike fixes, with the reason', () => {
    const id = residentId();
    const wrongDigit = id.slice(0, 16) + String((Number(id[16]) + 1) % 10) + id[17];
    expect(readResidentId(wrongDigit)).toMatchObject({ value: wrongDigit, valid: false, issue: 'id_checksum_failed' });
  });

  it('ignores spaces and a lower-case x', () => {
    expect(readResidentId('11010519491231 002x')).toMatchObject({ value: '11010519491231002X', valid: true });
  });
});

describe('readCreditCode', () => {
  it('replaces letters outside the GB 32100 set when the checksum then passes', () => {
    const code = creditCode('71610585A');
    const misread = code.replace(/^(\d{4})0/, '$1O');
    expect(misread).not.toBe(code);
    expect(readCreditCode(misread)).toEqual({ value: code, valid: true, correctedFrom: misread });
  });
});

describe('readCertificateNumber', () => {
  it('reads a leading 5 of a 22-character number as S and O as 0 when the structure then matches', () => {
    expect(readCertificateNumber('50000330106O0213000123')).toMatchObject({
      value: 'S000033010600213000123',
      valid: true,
      correctedFrom: '50000330106O0213000123',
    });
  });

  it('flags a number that matches neither structure', () => {
    expect(readCertificateNumber('S12345')).toMatchObject({ valid: false, issue: 'certificate_number_structure_unknown' });
  });
});
