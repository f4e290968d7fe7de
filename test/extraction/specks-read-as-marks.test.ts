import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readAddress, readCreditCodeValue, readOrganisationName, readPersonName } from '../../shared/extraction/value-readers.js';
import { scanPage, type Line } from './support/text-lines.js';

// Specks the engine reads as marks at a value's edge: a full stop at the end of the line an issuer's name wraps from,
// a closing quote after a name, characters glued to a credit code's end. Constructed lines and values of their own: no eval file is read.

const readScan = (lines: readonly Line[]) => extractDocuments([scanPage(lines, { size: { width: 2400, height: 1300 } })], { today: '2026-12-07' })[0];

const certificate = (upper: string): Line[] => [
  ['职业技能等级证书', 632, 90, 482, 52],
  ['姓名', 134, 223, 90, 31],
  ['邵雨桐', 314, 223, 100, 30],
  ['居民身份证号', 560, 221, 200, 35],
  ['330108199204123326', 800, 221, 300, 30],
  ['职业（工种）', 133, 300, 138, 31],
  ['保育师', 314, 300, 85, 32],
  ['等级', 452, 300, 70, 30],
  ['三级/高级工', 636, 300, 140, 31],
  ['证书编号', 792, 300, 117, 30],
  ['S330108426135512117533', 928, 300, 330, 32],
  [upper, 141, 396, 250, 37],
  ['技术培训学院', 144, 449, 150, 35],
  ['2022年3月18日', 144, 500, 200, 35],
];

describe('an issuer’s name wrapped at the foot of a certificate', () => {
  it('joins `宁波市海曙区职业。` and `技术培训学院`, the full stop at the wrap a speck', () => {
    // Act
    const issuer = readScan(certificate('宁波市海曙区职业。')).fields.issuer;
    // Assess
    expect(issuer.value).toBe('宁波市海曙区职业技术培训学院');
    expect(issuer.needsReview).toBe(true);
  });

  it('reads the same name when the upper line holds no mark', () => {
    expect(readScan(certificate('宁波市海曙区职业')).fields.issuer.value).toBe('宁波市海曙区职业技术培训学院');
  });
});

describe('a closing quote after a value that opens none', () => {
  it('is left off a company’s name, a person’s name and an address', () => {
    expect(readOrganisationName('宁波安达机电设备股份有限公司’')?.value).toBe('宁波安达机电设备股份有限公司');
    expect(readOrganisationName('宁波安达机电设备有限公司”')?.value).toBe('宁波安达机电设备有限公司');
    expect(readPersonName('欧阳晓峰’')?.value).toBe('欧阳晓峰');
    expect(readAddress('浙江省宁波市海曙区中山西路12号3幢401室`')?.value).toBe('浙江省宁波市海曙区中山西路12号3幢401室');
  });

  it('stays where the value opened the quote it closes', () => {
    expect(readOrganisationName('宁波“安达”机电设备有限公司')?.value).toBe('宁波“安达”机电设备有限公司');
  });
});

describe('a credit code read with characters glued to one end', () => {
  it('keeps the 18 at the end that pass the check as read, flagged', () => {
    // Prepare: 91330212MA2QK7D3XL passes GB 32100's check; a copy mark's `(2-1)` read as `21` glued after it.
    const reading = readCreditCodeValue('91330212MA2QK7D3XL21');
    // Assess
    expect(reading?.value).toBe('91330212MA2QK7D3XL');
    expect(reading?.issues).toContain('credit_code_run_cut_inferred');
    expect(readCreditCodeValue('791330212MA2QK7D3XL')?.value).toBe('91330212MA2QK7D3XL');
  });

  it('leaves a run whose ends both fail the check as read', () => {
    const reading = readCreditCodeValue('91330212MA2QK7D3XM21');
    expect(reading?.value).not.toBe('91330212MA2QK7D3XM');
    expect(reading?.issues?.join(',') ?? '').not.toContain('run_cut');
  });
});
