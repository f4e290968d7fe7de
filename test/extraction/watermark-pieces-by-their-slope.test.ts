import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';

// A folded photo of a certificate under a watermark set at about 40° (`仅供杭州市西湖区人力社保局审核使用`, repeated).
// The engine read the watermark in pieces; a two-character piece (`西湖`) sat beside the occupation's label, too short
// for its box's shape to tell it from print, and was read as the occupation. Its characters' own boxes climb at the
// watermark's angle. Geometry from the engine's reading of such a photo (1944 × 1462).

/** A line whose characters are boxed `size` px along a slope (`rise` px down the page per character). */
function line(text: string, x: number, y: number, size: number, rise = 0, advance = size): OcrLine {
  const chars = [...text];
  const words = chars.map((ch, i) => ({ text: ch, confidence: 0.99, box: { x: x + i * advance, y: y + i * rise, width: size, height: size } }));
  const ys = words.map((w) => w.box.y);
  const top = Math.min(...ys);
  return {
    text,
    confidence: 0.99,
    box: { x, y: top, width: (chars.length - 1) * advance + size, height: Math.max(...ys) - top + size },
    words,
  };
}

function certificate(pieceRise: number): OcrPage {
  return {
    pageNumber: 1,
    width: 1944,
    height: 1462,
    rotation: 0,
    source: 'paddle',
    lines: [
      line('职业资格证书', 780, 304, 56),
      line('姓名', 230, 454, 30),
      line('冯红杰', 234, 482, 30),
      line('性别', 970, 423, 30),
      line('证件号', 974, 495, 30),
      line('33030219920502808X', 976, 522, 12, 0),
      line('出生日期', 236, 526, 30),
      line('一九九二年五月二日', 241, 551, 30),
      line('西湖', 762, 534, 33, pieceRise, 36),
      line('级别', 977, 579, 30),
      line('职业（工种）', 241, 607, 30),
      line('四级（中级工）', 979, 602, 30),
      line('钳工', 243, 640, 30),
      line('发证机关', 980, 650, 30),
      line('证书号码', 247, 681, 30),
      line('浙江省人力资源和社会保障厅', 983, 675, 30),
      line('0833015398415009', 247, 709, 12),
      line('仅供杭州市西湖区人力社保局审核使用', 300, 1300, 57, -30, 34),
    ],
  };
}

describe('two characters of a watermark set across the page', () => {
  it('leaves out a piece whose characters climb at the watermark’s angle, and reads the occupation under its label', () => {
    const page = certificate(-29);

    expect(buildPageLayout(page).lines.map((l) => l.flat)).not.toContain('西湖');
    expect(extractDocuments([page], { today: '2026-12-07' })[0].fields.occupation?.value).toBe('钳工');
  });

  it('keeps two characters that climb only as a curled row’s end does', () => {
    const layout = buildPageLayout(certificate(-8));

    expect(layout.lines.map((l) => l.flat)).toContain('西湖');
  });
});

/** The same photo's lines as the engine boxed them (box, then the first character's box, its rise and advance). */
const FOLDED_ROWS: [string, [number, number, number, number], number, number, number, number, number][] = [
  ['职业资格证书', [780, 304, 343, 65], 782, 323, 39, -2.4, 58],
  ['性别', [970, 423, 66, 35], 972, 428, 27, 0.0, 29],
  ['姓名', [230, 454, 62, 33], 236, 459, 24, -1.0, 26],
  ['冯红杰', [234, 482, 81, 35], 235, 488, 25, -1.0, 24],
  ['证件号', [974, 495, 91, 39], 975, 504, 26, -2.0, 30],
  ['出生日期', [236, 526, 118, 37], 238, 534, 25, -1.3, 28],
  ['33030219920502808X', [976, 522, 223, 41], 972, 535, 24, -0.5, 12],
  ['一九九二年五月二日', [241, 551, 218, 44], 243, 564, 27, -1.1, 23],
  ['级别', [977, 579, 62, 34], 978, 584, 24, -1.0, 26],
  ['职业（工种）', [241, 607, 112, 36], 242, 614, 25, -0.6, 18],
  ['四级（中级工）', [979, 602, 159, 42], 981, 613, 27, -1.2, 22],
  ['中', [490, 624, 39, 37], 496, 633, 23, 0, 23],
  ['钳工', [243, 640, 57, 33], 250, 644, 25, 0.0, 16],
  ['发证机关', [980, 650, 119, 37], 982, 657, 25, -1.0, 29],
  ['证书号码', [247, 681, 114, 35], 249, 689, 24, -1.3, 28],
  ['浙江省人力资源和', [983, 675, 198, 44], 984, 688, 27, -1.1, 23],
  ['0833015398415009', [247, 709, 196, 37], 244, 719, 23, -0.5, 12],
  ['社会保障厅', [985, 710, 127, 39], 986, 719, 26, -1.2, 24],
  ['发证日期：2008/01/31', [1458, 774, 247, 42], 1460, 786, 25, -0.6, 16],
];

describe('the level’s label beside the occupation’s', () => {
  it('is no occupation: a trade’s name never opens with `级别`', () => {
    const lines = FOLDED_ROWS.map(([text, [x, y, width, height], ...glyphs]) => ({ ...line(text, ...glyphs), box: { x, y, width, height } }));
    const page: OcrPage = { pageNumber: 1, width: 1944, height: 1462, rotation: 0, source: 'paddle', lines };

    expect(extractDocuments([page], { today: '2026-12-07' })[0].fields.occupation?.value).toBe('钳工');
  });
});
