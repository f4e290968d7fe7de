import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { NAME_PART_CUT, NAME_SURNAME_LOOK_ALIKE, readPersonName } from '../../shared/extraction/value-readers.js';
import { enginePage, type Line } from './support/text-lines.js';

const licence = (representative: string): Line[] => [
  ['营业执照', 640, 300, 380, 80],
  ['统一社会信用代码', 200, 480, 300, 40],
  ['91330106MA2H3K8X1Q', 520, 480, 420, 40],
  ['名称', 200, 600, 80, 40],
  ['杭州紫金信息技术有限公司', 520, 600, 500, 40],
  ['类型', 200, 680, 80, 40],
  ['有限责任公司(自然人投资或控股)', 520, 680, 560, 40],
  ['法定代表人', 200, 760, 200, 40],
  [representative, 520, 760, 160, 40],
  ['住所', 200, 840, 80, 40],
  ['浙江省杭州市西湖区文三路90号', 520, 840, 560, 40],
];

describe('a compound surname read with a look-alike character', () => {
  it.each([
    ['夏候文杰', '夏侯文杰'],
    ['上宫婉清', '上官婉清'],
    ['令孤英颖', '令狐英颖'],
    ['皇浦嘉怡', '皇甫嘉怡'],
  ])('reads %s as %s and flags it for the clerk', (read, name) => {
    const reading = readPersonName(read);
    expect(reading?.value).toBe(name);
    expect(reading?.issues).toContain(NAME_SURNAME_LOOK_ALIKE);
  });

  it('puts right a legal representative’s surname on a scanned licence, for review', () => {
    const doc = extractDocuments([enginePage(licence('夏候子英'))], { today: '2026-12-06' })[0]!;
    expect(doc.fields.legalRepresentative.value).toBe('夏侯子英');
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });

  it('leaves a two-character name and a single surname with a look-alike given name as read', () => {
    expect(readPersonName('夏候')?.issues ?? []).not.toContain(NAME_SURNAME_LOOK_ALIKE);
    expect(readPersonName('夏晓明')?.value).toBe('夏晓明');
    expect(readPersonName('夏侯子英')?.issues ?? []).not.toContain(NAME_SURNAME_LOOK_ALIKE);
  });
});

describe('a single surname read as a traditional character it looks like', () => {
  it.each([
    ['會军婷', '曾军婷'],
    ['會明', '曾明'],
  ])('reads %s as %s and flags it for the clerk', (read, name) => {
    const reading = readPersonName(read);
    expect(reading?.value).toBe(name);
    expect(reading?.issues).toContain(NAME_SURNAME_LOOK_ALIKE);
  });

  it('leaves a name whose look-alike stands inside it as read', () => {
    expect(readPersonName('王會明')?.value).toBe('王會明');
    expect(readPersonName('曾明')?.issues ?? []).not.toContain(NAME_SURNAME_LOOK_ALIKE);
  });
});

describe('a minority name with a part of one character', () => {
  it('flags `阿依古丽·吾` (its part cut at a narrow cell’s wrap) and leaves whole names as read', () => {
    expect(readPersonName('阿依古丽·吾')).toMatchObject({ value: '阿依古丽·吾', issues: [NAME_PART_CUT] });
    expect(readPersonName('阿依古丽·吾拉木')?.issues).toEqual([]);
    expect(readPersonName('热依拉·买买提')?.issues).toEqual([]);
  });

  it('leaves such a name flagged on a scanned licence', () => {
    const doc = extractDocuments([enginePage(licence('阿依古丽·吾'))], { today: '2026-12-07' })[0]!;
    expect(doc.fields.legalRepresentative).toMatchObject({ value: '阿依古丽·吾', needsReview: true });
  });
});
