import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 classes 1 and 5 and the stacked placements of real forms, on constructed OCR lines with their own values:
// a value printed most of a line off its label's baseline, a value stacked right above or below its label, labels
// spaced with ASCII or full-width spaces. No eval file is read here.

const TODAY = '2026-12-05';
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

const title: Line = ['职业技能等级证书', 560, 150, 520, 60];
const tail: Line[] = [
  ['职业名称', 200, 900, 144, 36],
  ['电工', 420, 900, 72, 36],
  ['证书编号', 200, 980, 144, 36],
  ['S000033010600213000123', 420, 980, 390, 36],
];

describe('a value stacked above or below its label', () => {
  it('reads a name printed right above its label, with nothing beside or below the label', () => {
    const doc = readOne([
      title,
      [person.name, 200, 282, 108, 38],
      ['公民身份号码', 900, 282, 216, 38],
      ['姓名', 200, 330, 72, 38],
      [person.id, 900, 330, 325, 38],
      ['性别:男', 200, 450, 130, 38],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it("reads a name under its label past a line on its row that is stacked over the next column's label", () => {
    // 姓名's row holds, far right, the ID stacked tight over `公民身份号码`, which has nothing beside or under it.
    const doc = readOne([
      title,
      ['姓名', 176, 331, 76, 40],
      [person.id, 925, 335, 334, 39],
      [person.name, 177, 378, 108, 40],
      ['公民身份号码', 923, 378, 245, 40],
      ['性别:男', 921, 440, 143, 40],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it('never takes for a label the value stacked over the label below it', () => {
    // `姓名` waits with nothing beside it; the line under it is the name stacked tight over `持证人`… of the next
    // block: a label of its own that has nothing under it. 姓名 must not read it as its own below-value.
    const doc = readOne([
      title,
      ['身份证号', 200, 300, 144, 38],
      [person.id, 420, 300, 325, 38],
      ['等级', 200, 380, 72, 38],
      ['王晓红', 200, 460, 108, 38],
      ['持证人', 200, 502, 108, 38],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe('王晓红');
    expect(doc.fields.level.value).not.toBe('王晓红');
  });
});

describe("a value off its label's baseline", () => {
  it('reads a name printed most of a line under its label, nearer the next row whose label has its own value', () => {
    const doc = readOne([
      title,
      ['姓名:', 200, 700, 90, 36],
      [person.name, 420, 738, 108, 36],
      ['身份证号:', 200, 780, 160, 36],
      [person.id, 420, 780, 325, 36],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it("reads a value half a line above its label row (partial overlap) and keeps the next row's value its own", () => {
    const doc = readOne([
      title,
      ['姓名:', 200, 700, 90, 36],
      [person.name, 420, 700, 108, 36],
      ['身份证号:', 200, 780, 160, 36],
      [person.id, 420, 758, 325, 36],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});

describe('labels spaced with ASCII or full-width spaces', () => {
  it.each([
    ['ASCII, one space', '身 份 证 号:', '姓 名:'],
    ['ASCII, three spaces', '身   份   证   号', '姓   名'],
    ['full-width, two spaces', '身　　份　　证　　号', '姓　　名'],
  ])('reads the values beside labels spaced with %s', (_, idLabel, nameLabel) => {
    const doc = readOne([
      title,
      [nameLabel, 200, 300, 200, 36],
      [person.name, 460, 300, 108, 36],
      [idLabel, 200, 380, 240, 36],
      [person.id, 460, 380, 325, 36],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});
