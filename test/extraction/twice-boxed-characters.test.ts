import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../shared/ocr/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withCharactersBoxedTwiceDropped } from '../../shared/extraction/twice-boxed-characters.js';
import { enginePage, type Line } from './support/text-lines.js';

// A special-ability certificate turned upside down (seen-family sample seed 9592): the occupation is set one character
// a line down its cell and read as one column, and the detector boxed the column's last `理` a second time alone.
const lines: Line[] = [
  ['专项职业能力证书', 569, 163, 510, 55],
  ['姓名：王晓明', 180, 363, 300, 52],
  ['出生日期：', 185, 689, 155, 45],
  ['证件号码：', 467, 689, 158, 45],
  ['330621200004193397', 675, 692, 341, 41],
  ['专项能力名称：', 187, 1069, 218, 43],
  ['证书编号：', 534, 1070, 156, 43],
  ['ZX20213301376481', 744, 1073, 301, 38],
  ['杭州市西湖区人力资源和社会保障局', 954, 1340, 536, 45],
  ['发证日期：2021年09月25日', 953, 1397, 537, 49],
];

/** The column `母婴护理` read down its cell, one 41-px character under another from y 996. */
const column: OcrLine = {
  text: '母婴护理',
  confidence: 0.998,
  box: { x: 452, y: 994, width: 55, height: 162 },
  words: [...'母婴护理'].map((text, i) => ({ text, confidence: 0.998, box: { x: 459, y: 996 + i * 45, width: 41, height: 41 } })),
};

/** `理` boxed alone, `y` px down the page. */
const lone = (y: number): OcrLine => ({
  text: '理',
  confidence: 0.999,
  box: { x: 457, y, width: 45, height: 48 },
  words: [{ text: '理', confidence: 0.999, box: { x: 459, y: y + 6, width: 36, height: 36 } }],
});

describe('a character the engine boxed twice', () => {
  it('reads a column’s last character once when the detector boxed it again alone', () => {
    const page = enginePage(lines, { size: { width: 1654, height: 2340 } });
    page.lines.push(column, lone(1132));
    expect(extractDocuments([page], {})[0].fields.occupation.value).toBe('母婴护理');
  });

  it('keeps a lone character that stands apart from the column’s characters', () => {
    expect(withCharactersBoxedTwiceDropped([column, lone(1190)])).toHaveLength(2);
    expect(withCharactersBoxedTwiceDropped([column, { ...lone(1132), text: '埋' }])).toHaveLength(2);
    expect(withCharactersBoxedTwiceDropped([column, lone(1132)]).map((l) => l.text)).toEqual(['母婴护理']);
  });
});
