import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withSpecksInSpreadLabelsDropped } from '../../shared/extraction/spread-label-specks.js';
import { enginePage, type Line } from './support/text-lines.js';

// A special-ability certificate scanned upside down (seen-family sample seed 9575): `姓　　名` spread over 2.3 ems, the
// engine read a speck in its gap as `這` at 0.30.
const lines: Line[] = [
  ['专项职业能力证书', 502, 183, 645, 67],
  ['姓這名谢海凯', 101, 336, 284, 71],
  ['身份证号', 106, 473, 142, 50],
  ['330302197207210619', 272, 473, 313, 50],
  ['专项能力名称：家庭照护', 107, 566, 376, 50],
  ['证书编号', 107, 645, 143, 48],
  ['ZX20213301652334', 340, 638, 273, 38],
];

/** The scan's page with the name's line as the engine boxed its characters, the speck read at `speckConfidence`. */
function scan(speckConfidence: number) {
  const page = enginePage(lines);
  const name = page.lines.find((l) => l.text === '姓這名谢海凯')!;
  const at = (text: string, x: number, confidence = 1) => ({ text, confidence, box: { x, y: 350, width: 44, height: 44 } });
  name.words = [at('姓', 103), at('這', 139, speckConfidence), at('名', 202), at('谢', 274), at('海', 301), at('凯', 337, 0.91)];
  return page;
}

describe('a speck read as a character in the gap of a spread label', () => {
  it('reads the holder after the label the speck hid, once the unsure character in its gap is dropped', () => {
    expect(extractDocuments([scan(0.3)], {})[0].fields.holderName.value).toBe('谢海凯');
  });

  it('keeps a character the engine was sure of, which may be the line’s own', () => {
    const [line] = withSpecksInSpreadLabelsDropped([scan(0.95).lines[1]]);
    expect(line.text).toBe('姓這名谢海凯');
  });

  it('drops the speck from the text and from the characters alike', () => {
    const [line] = withSpecksInSpreadLabelsDropped([scan(0.3).lines[1]]);
    expect(line.text).toBe('姓名谢海凯');
    expect(line.words?.map((w) => w.text).join('')).toBe('姓名谢海凯');
  });
});
