import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { signedContract } from './support/signed-contract.js';
import { scanPage, type Line } from './support/text-lines.js';

// Classes found on seen-family samples (contract22, seeds 9771-9772, and the seen samples of contract19-21: contract
// proc-A, -C, -CS, -D, -E, -M on scans and photos). Constructed lines from the seen pages' geometry, values of their own.

const TODAY = '2026-12-06';

const contract = (start: string, signed: readonly Line[]): Line[] => signedContract(start, signed);

function signedDate(lines: readonly Line[]) {
  return extractDocuments([scanPage(lines)], { today: TODAY })[0].fields.signedDate;
}

describe('a signing date whose year a seal cut to a remnant', () => {
  // proc-A glare photo: `签订日期：0二0年十一月四日` (the year's head under the seal); proc-A fold photo: `签订日期：` |
  // `一八年六月三十日`; proc-M turned scan: `签订日期：毫〇二一年八月八日` (a seal's stroke read before the year).
  it('reads the year’s tail the seal left as the term start’s year, flagged', () => {
    const field = signedDate(contract('二〇二四年十一月十日', [['签订日期：0二4年十一月四日', 188, 1517, 420, 42]]));
    expect(field.value).toBe('2024-11-04');
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('signed_date_year_inferred');
  });

  it('reads two numerals left of the year beside the label as the year before the start’s when the day falls after it', () => {
    const field = signedDate(
      contract('2024年01月08日', [
        ['签订日期：', 188, 1517, 145, 42],
        ['二三年十二月三十日', 420, 1520, 230, 42],
      ]),
    );
    expect(field.value).toBe('2023-12-30');
    expect(field.needsReview).toBe(true);
  });

  it('passes over a mark the seal left before the year’s numerals', () => {
    const field = signedDate(contract('2023年8月20日', [['签订日期：毫〇二三年八月八日', 188, 1517, 440, 42]]));
    expect(field.value).toBe('2023-08-08');
  });

  it('guesses no year when the numerals left are no tail of the start’s year', () => {
    const field = signedDate(contract('2023年8月20日', [['签订日期：一九年八月八日', 188, 1517, 330, 42]]));
    expect(field?.value ?? null).toBeNull();
  });
});

describe('a signing date the engine boxed in pieces along its row', () => {
  // proc-D turned scan: `签订日期：二0二` | `年` | `一月十八日` (the year's last numeral lost under the seal, the row
  // split round it); proc-E faint copy: `签订日期：2018.11` | `.6`.
  it('runs the pieces on and reads the year with one numeral lost, flagged', () => {
    const field = signedDate(
      contract('2024-01-25', [
        ['签订日期：二0二', 189, 1517, 170, 35],
        ['年', 371, 1521, 24, 20],
        ['一月十八日', 406, 1514, 92, 30],
      ]),
    );
    expect(field.value).toBe('2024-01-18');
    expect(field.needsReview).toBe(true);
  });

  it('reads a whole date from its pieces, flagged as joined', () => {
    const field = signedDate(
      contract('2024-11-10', [
        ['签订日期：2024.11', 116, 1613, 326, 55],
        ['.6', 440, 1623, 35, 28],
      ]),
    );
    expect(field.value).toBe('2024-11-06');
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('split_value_inferred');
  });

  it('runs nothing on past the other party’s label on the row', () => {
    const field = signedDate(
      contract('2024-11-10', [
        ['签订日期：2024.11', 116, 1613, 326, 55],
        ['日期：', 470, 1613, 100, 55],
        ['.6', 575, 1623, 35, 28],
      ]),
    );
    expect(field?.value ?? null).not.toBe('2024-11-06');
  });
});

describe('two different dates under the two parties’ signing blocks, no 签订日期 label', () => {
  // The brief's held-out signature blocks: a date under `甲方（盖章）` and another under `乙方（签字）`, none labelled.
  // A labour contract takes effect when both parties have signed (劳动合同法 第十六条): the later date is the contract's.
  function signedBlocks(employerDate: string, employeeDate: string): Line[] {
    return [
      ['劳动合同书', 607, 217, 432, 83],
      ['用人单位', 137, 382, 301, 56],
      ['宁波海曙恒远物流有限公司', 436, 363, 535, 61],
      ['乙方', 147, 714, 120, 54],
      ['孙志伟', 436, 714, 148, 54],
      ['甲方（盖章）：', 183, 1441, 201, 51],
      ['乙方（签字）：', 840, 1441, 201, 51],
      [employerDate, 183, 1517, 300, 45],
      [employeeDate, 840, 1517, 300, 45],
    ];
  }

  it('takes the later date, the employer’s when it signed last, flagged', () => {
    const field = signedDate(signedBlocks('2024年3月8日', '2024年3月5日'));
    expect(field.value).toBe('2024-03-08');
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('party_signing_dates_differ');
  });

  it('takes the employee’s when it signed last', () => {
    const field = signedDate(signedBlocks('2024年3月5日', '2024年3月8日'));
    expect(field.value).toBe('2024-03-08');
  });
});
