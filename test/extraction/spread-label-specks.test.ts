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

describe("a speck heading the box of a spread label's last character, the label's first boxed apart", () => {
  // A social-insurance record scanned turned (seen-family sample seed 9586): `姓　　名` boxed as `姓` | `簡名`, the
  // engine reading a speck in the label's gap as `簡` at 0.06 at the head of the second box; the fill-in printed a
  // row low over the whole page, the name beside `身份证号码`.
  const record = (speckConfidence: number) => {
    const page = enginePage([
      ['杭州市社会保险参保缴费证明 （个人）', 379, 152, 863, 54],
      ['姓', 143, 271, 62, 48],
      ['簡名', 204, 266, 135, 60],
      ['身份证号码', 147, 343, 186, 46],
      ['柏立新', 333, 335, 143, 52],
      ['参保状态', 145, 412, 158, 51],
      ['330106198203152415', 359, 412, 363, 40],
      ['性', 144, 483, 49, 51],
      ['别', 292, 488, 40, 40],
      ['正常参保', 351, 477, 161, 51],
      ['男', 358, 550, 43, 44],
      ['序号', 158, 593, 81, 55],
      ['缴费单位', 429, 595, 142, 50],
      ['缴费起止年月', 794, 598, 200, 43],
      ['月数', 1047, 596, 79, 50],
      ['险种', 1281, 596, 77, 49],
      ['1', 185, 677, 28, 35],
      ['杭州新锐餐饮管理股份有限公司', 272, 673, 456, 41],
      ['201310-202107', 770, 675, 250, 36],
      ['94', 1061, 675, 50, 38],
      ['企业职工基本养老保险', 1154, 672, 329, 42],
      ['合计：94个月', 148, 834, 244, 48],
    ]);
    const label = page.lines.find((l) => l.text === '簡名')!;
    label.words = [
      { text: '簡', confidence: speckConfidence, box: { x: 199, y: 270, width: 60, height: 48 } },
      { text: '名', confidence: 1, box: { x: 279, y: 270, width: 48, height: 48 } },
    ];
    return page;
  };

  it("reads the insured person's name once the unsure character heading the label's second box is dropped", () => {
    expect(extractDocuments([record(0.06)], {})[0].fields.personName.value).toBe('柏立新');
  });

  it('drops the speck from the text, the characters and the box alike', () => {
    const line = withSpecksInSpreadLabelsDropped(record(0.06).lines).find((l) => l.text.endsWith('名'))!;
    expect(line.text).toBe('名');
    expect(line.words?.map((w) => w.text)).toEqual(['名']);
    expect(line.box.x).toBe(279);
  });

  it('keeps a sure character heading the box, which may be the line’s own', () => {
    const lines = withSpecksInSpreadLabelsDropped(record(0.95).lines);
    expect(lines.some((l) => l.text === '簡名')).toBe(true);
  });
});
