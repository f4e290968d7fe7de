import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';

// ID cards on phone photos and small uploads (issue 12; idrec17): how the engine boxes a card's lines when the page
// curls or the upload is small, rebuilt on constructed lines with values of their own. No eval file is read.

const TODAY = '2026-12-06';

/**
 * One engine line: its text and box, and where its characters' ink runs inside the box (`ink: [x, width]`, the whole
 * box unless given) and how high the characters are (`type`, the box's height unless given). Each character gets an
 * even share of the ink, a digit half a Chinese character's.
 */
type EngineLine = [text: string, x: number, y: number, width: number, height: number, options?: { ink?: [number, number]; type?: number }];

function page(lines: readonly EngineLine[], size: { width: number; height: number }): OcrPage {
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, height, options = {}]) => {
      const chars = [...text.replace(/\s/g, '')];
      const ems = chars.map((ch) => (/[\x21-\x7e]/.test(ch) ? 0.5 : 1));
      const [inkX, inkWidth] = options.ink ?? [x, width];
      const em = inkWidth / ems.reduce((a, b) => a + b, 0);
      const type = options.type ?? height;
      let at = inkX;
      const words = chars.map((ch, i) => {
        const box = { x: at, y: y + (height - type) / 2, width: em * ems[i], height: type };
        at += em * ems[i];
        return { text: ch, confidence: 0.99, box };
      });
      return { text, confidence: 0.99, box: { x, y, width, height }, words };
    }),
  };
}

const read = (lines: readonly EngineLine[], size = { width: 1595, height: 2400 }) => extractDocuments([page(lines, size)], { today: TODAY })[0];

describe("an ID card's address beside a label boxed past its ink", () => {
  // A curled photo: the detector boxes `住址` 110 px wide over its 65 px of type, so the label's box reaches 30 px into
  // the box of the address's first line, whose characters start well after the label's.
  const card = (labelWidth: number): EngineLine[] => [
    ['姓名东方涛', 167, 388, 219, 51],
    ['性别女', 168, 443, 142, 53],
    ['民族汉', 371, 447, 138, 52],
    ['出生1978年12月1日', 162, 492, 420, 66],
    ['住址', 171, 554, labelWidth, 46, { ink: [173, 65] }],
    ['浙江省杭州市拱墅区解放', 251, 562, 439, 45, { ink: [261, 419] }],
    ['路330号18幢1901室', 252, 612, 365, 57, { ink: [255, 347] }],
    ['公民身份号码330105197812015343', 169, 875, 627, 41],
  ];

  it('reads the address whose first line starts inside the padded label box, with the line it wraps onto', () => {
    const doc = read(card(110));
    expect(doc.fields.address.value).toBe('浙江省杭州市拱墅区解放路330号18幢1901室');
  });

  it('reads the same address when the label is boxed tight to its ink', () => {
    const doc = read(card(70));
    expect(doc.fields.address.value).toBe('浙江省杭州市拱墅区解放路330号18幢1901室');
  });

  it("takes no line as the value whose characters start over the label's own ink", () => {
    // A stamp's word laid over the label: its box starts inside the label's ink, so it is on the label, not after it.
    const lines = card(110).map((l): EngineLine => (l[0] === '浙江省杭州市拱墅区解放' ? ['审核使用', 200, 560, 200, 45] : l));
    const doc = read(lines);
    expect(doc.fields.address?.value ?? null).not.toBe('审核使用');
  });
});

describe("an ID card's wrapped address on a small upload, its lines boxed at different heights", () => {
  // A 627 px wide upload: the detector boxes the address's first line 22 px high and the wrap under it 13 px, over
  // type of 15 and 10 px; set at one pitch (10.5 px a character), they are one value.
  const card = (wrap: EngineLine): EngineLine[] => [
    ['姓名贺伟颖', 119, 112, 58, 18],
    ['性别男民族苗', 118, 126, 91, 20],
    ['出生1974年2月10日', 119, 142, 104, 16],
    ['住址浙江省绍兴市柯桥区文三', 118, 154, 136, 22, { type: 15 }],
    wrap,
    ['公民身份号码330621197402102038', 119, 236, 161, 17],
    ['中华人民共和国', 174, 328, 124, 22],
    ['居民身份证', 191, 348, 90, 23],
  ];
  const small = { width: 627, height: 887 };

  it("joins the wrap set at the first line's pitch though boxed much lower", () => {
    const doc = read(card(['路288号10幢1002室', 141, 173, 93, 13, { type: 10 }]), small);
    expect(doc.fields.address.value).toBe('浙江省绍兴市柯桥区文三路288号10幢1002室');
  });

  it('joins no line under it set in a wider pitch and a lower box (another size of type)', () => {
    const doc = read(card(['路288号10幢1002室', 141, 173, 140, 13, { type: 10 }]), small);
    expect(doc.fields.address.value).not.toBe('浙江省绍兴市柯桥区文三路288号10幢1002室');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe("an ID card's address glued to `住` with the label's `址` lost", () => {
  // A shadow over the card: the engine lost `址` and boxed `住` with the address (`住浙江省…中山` | `路179号…`).
  const card = (first: string): EngineLine[] => [
    ['姓名公孙斌丽', 309, 258, 106, 32],
    ['性别女民族汉', 308, 281, 144, 36],
    ['出生2000年8月18日', 308, 303, 166, 36],
    [first, 305, 323, 215, 45],
    ['路179号22幢1201室', 339, 360, 147, 33],
    ['公民身份号码33010620000818354X', 300, 450, 254, 39],
  ];
  const small = { width: 1237, height: 1645 };

  it('reads the address from its province on, with its wrap, for the clerk to confirm', () => {
    const doc = read(card('住浙江省杭州市西湖区中山'), small);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区中山路179号22幢1201室');
    expect(doc.fields.address.issues).toContain('label_inferred');
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('still reads a misread label of two characters (`住扯`) as the label', () => {
    const doc = read(card('住扯浙江省杭州市西湖区中山'), small);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区中山路179号22幢1201室');
  });
});
