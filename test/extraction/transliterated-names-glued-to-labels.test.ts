import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readPersonName } from '../../shared/extraction/value-readers.js';
import { scanPage, type Line } from './support/text-lines.js';

// Issue 12 class 6, names. A minority name is transliterated in parts joined by the middle dot (`热依拉·哈力克`); it
// starts with no Han surname, so the reader held it less typical than a Han name, and an ID card's name glued to its
// label (`姓名热依拉·哈力克`, as the engine boxes the card's first row) was not read at all on clean scans.

const TODAY = '2026-12-07';

function card(nameRow: string): Line[] {
  return [
    [nameRow, 685, 179, 291, 44],
    ['性别女 民族 维吾尔', 688, 227, 325, 42],
    ['出生1986年8月12日', 689, 274, 315, 37],
    ['住址 浙江省杭州市拱墅区莫干', 688, 313, 410, 49],
    ['山路328号27幢606室', 756, 363, 294, 43],
    ['公民身份号码330105198608120749', 691, 572, 491, 36],
  ];
}

const read = (lines: readonly Line[]) => extractDocuments([scanPage(lines, { size: { width: 1429, height: 900 } })], { today: TODAY })[0];

describe('a transliterated name glued to its label', () => {
  it('is as typical a name as a Han one when every part has two characters or more', () => {
    expect(readPersonName('热依拉·哈力克')?.plausibility).toBe(1);
    expect(readPersonName('帕提古丽·热合曼')?.plausibility).toBe(1);
    // A part of one character was cut at a wrap: still flagged.
    expect(readPersonName('阿依古丽·吾')).toMatchObject({ issues: ['person_name_part_incomplete'] });
  });

  it('reads an ID card’s name boxed with its label', () => {
    const doc = read(card('姓名热依拉·哈力克'));
    expect(doc.type).toBe('id_card');
    expect(doc.fields.name?.value).toBe('热依拉·哈力克');
  });
});
