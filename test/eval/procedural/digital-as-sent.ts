/**
 * Digital PDFs as offices send them, made from a digital procedural set (seen families only): each PDF rewritten the
 * way a PDF printer, an office suite or a viewer leaves a page whose text layer is not the text the page shows, its
 * truth file copied unchanged (the page shows the same document). What the generator's browser never draws:
 *
 * - `turned`: the page saved turned (`/Rotate` 90, 180 or 270), as a viewer saves a page someone turned, or a PDF
 *   printer puts a landscape form sideways onto a portrait sheet; its text runs down, up or leftwards;
 * - `overprint`: every run drawn two to four times a fraction of a point apart, as PDF printers make bold of a font
 *   without a bold face (and shadows): each drawing is a line of the text layer;
 * - `radicals`: the fonts' ToUnicode tables name the Kangxi or supplement radical for each CJK glyph a radical shares
 *   with a character (人 as ⼈ U+2F08, 长 as ⻓ U+2ED3), as office suites on some systems write them;
 * - `mixed`: one of the three per file, drawn from the seed;
 * - `ocr-layer`, `no-unicode`, `cid-unicode`, `shifted`, `image-value`: text layers that are not the page's text at all
 *   (`HiddenLayerWay`), and `hidden`: one of these five per file, drawn from the seed;
 * - `value-font`: the text layer wrong in part (mixed31): some values (under 8 % of the page's characters, one at
 *   least with a Chinese character) taken out of the text layer and drawn again, where they were, in a font of their
 *   own whose ToUnicode table is broken — each character named as its code neighbour (`shifted`: 张 as 弡, 2 as 3) or
 *   as U+FFFD (`unmapped`), drawn from the seed —, as a form filled in with another font, or a value typed in by
 *   a tool that embeds its font badly, leaves it; the rest of the page is read right.
 *
 *   node --import tsx test/eval/procedural/digital-as-sent.ts --from /work/hs/x/d1 --dir /work/hs/x/d1-sent --as mixed --seed 7
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import * as mupdf from 'mupdf';

export type SentAs = 'turned' | 'overprint' | 'radicals' | HiddenLayerWay | 'value-font';

/**
 * Ways a PDF's text layer is not the text its page shows (digital30): each page must be read from its pixels, wholly or
 * where the layer does not reach.
 *
 * - `ocr-layer`: the page as a scanner app saves it: an image of the page (150 dpi) with an invisible (`3 Tr`) OCR text
 *   layer over it, one line per line of the page, about one character in twelve misread (a digit for another, a
 *   character for one near it in the code table), as a phone app's quick OCR leaves it;
 * - `no-unicode`: the fonts' ToUnicode tables removed (CID fonts without them: mupdf reads U+FFFD);
 * - `cid-unicode`: each ToUnicode table naming every code as the code point of the same number (glyph ids taken for
 *   characters: `(cid:123)` garbage, here Latin and control characters);
 * - `shifted`: each ToUnicode table naming every CJK character as its neighbour in the code table (姓 as 始: garbage
 *   that looks like Chinese);
 * - `image-value`: one value's line taken out of the text layer and pasted back as an image of itself (200 dpi), as a
 *   value typed elsewhere and pasted into a form, or a signature block, leaves it: the text layer covers all but it.
 */
export type HiddenLayerWay = 'ocr-layer' | 'no-unicode' | 'cid-unicode' | 'shifted' | 'image-value';

export const HIDDEN_LAYER_WAYS: readonly HiddenLayerWay[] = ['ocr-layer', 'no-unicode', 'cid-unicode', 'shifted', 'image-value'];

/** Characters and the radical a ToUnicode table may name for their glyph (Kangxi radicals, and the supplement's). */
export const RADICAL_NAMES: Readonly<Record<string, string>> = {
  一: '⼀',
  人: '⼈',
  入: '⼊',
  八: '⼋',
  力: '⼒',
  十: '⼗',
  又: '⼜',
  口: '⼝',
  土: '⼟',
  大: '⼤',
  女: '⼥',
  子: '⼦',
  小: '⼩',
  山: '⼭',
  工: '⼯',
  己: '⼰',
  干: '⼲',
  心: '⼼',
  戈: '⼽',
  手: '⼿',
  文: '⽂',
  方: '⽅',
  日: '⽇',
  月: '⽉',
  木: '⽊',
  止: '⽌',
  比: '⽐',
  毛: '⽑',
  水: '⽔',
  火: '⽕',
  父: '⽗',
  片: '⽚',
  牛: '⽜',
  犬: '⽝',
  玉: '⽟',
  瓦: '⽡',
  甘: '⽢',
  生: '⽣',
  用: '⽤',
  田: '⽥',
  白: '⽩',
  皮: '⽪',
  目: '⽬',
  石: '⽯',
  立: '⽴',
  米: '⽶',
  老: '⽼',
  而: '⽽',
  耳: '⽿',
  自: '⾃',
  至: '⾄',
  舌: '⾆',
  色: '⾊',
  行: '⾏',
  衣: '⾐',
  西: '⻄',
  言: '⾔',
  走: '⾛',
  足: '⾜',
  身: '⾝',
  里: '⾥',
  金: '⾦',
  长: '⻓',
  门: '⻔',
  雨: '⾬',
  青: '⻘',
  非: '⾮',
  面: '⾯',
  音: '⾳',
  页: '⻚',
  风: '⻛',
  飞: '⻜',
  食: '⻝',
  马: '⻢',
  高: '⾼',
  鱼: '⻥',
  鸟: '⻦',
  黄: '⻩',
  齐: '⻬',
  龙: '⻰',
  民: '⺠',
  见: '⻅',
  车: '⻋',
  贝: '⻉',
};

/** A small seeded generator (mulberry32), so a seed makes the same set again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The PDF rewritten as `as` says (`next` draws the angle or the offsets).
 *
 * @example
 * const sent = sentAs(bytes, 'turned', random(7));
 */
export function sentAs(bytes: Uint8Array, as: SentAs, next: () => number, values: readonly string[] = []): Uint8Array {
  if (as === 'ocr-layer') return scannedWithOcrLayer(bytes, next);
  if (as === 'image-value') return valuePastedAsImage(bytes, values, next);
  if (as === 'value-font') return valuesInBrokenFont(bytes, values, next);
  const document = mupdf.Document.openDocument(bytes.slice(), 'application/pdf') as mupdf.PDFDocument;
  try {
    if (as === 'radicals') nameRadicals(document);
    if (as === 'no-unicode' || as === 'cid-unicode' || as === 'shifted') breakToUnicode(document, as);
    const angle = [90, 180, 270][Math.floor(next() * 3)];
    const drawings = 2 + Math.floor(next() * 3);
    const offsets = Array.from({ length: drawings - 1 }, () => [0.15 + next() * 0.35, next() * 0.3]);
    for (let index = 0; index < document.countPages(); index++) {
      const page = document.findPage(index);
      if (as === 'turned') page.put('Rotate', angle);
      if (as === 'overprint') drawAgain(document, page, offsets);
    }
    return document.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    document.destroy();
  }
}

/** The page's content drawn again at each offset (points), after itself. */
function drawAgain(document: mupdf.PDFDocument, page: mupdf.PDFObject, offsets: number[][]): void {
  const contents = page.get('Contents');
  const parts = contents.isArray() ? Array.from({ length: contents.length }, (_, k) => contents.get(k)) : [contents];
  const all = document.newArray();
  all.push(document.addStream('q\n', {}));
  for (const part of parts) all.push(part);
  for (const [dx, dy] of offsets) {
    all.push(document.addStream(`\nQ\nq 1 0 0 1 ${dx.toFixed(2)} ${dy.toFixed(2)} cm\n`, {}));
    for (const part of parts) all.push(part);
  }
  all.push(document.addStream('\nQ\n', {}));
  page.put('Contents', all);
}

/**
 * Every ToUnicode table in the document rewritten whole, each code to `rename(code, text)`; with no `rename`, every
 * table is removed.
 */
function rewriteToUnicode(document: mupdf.PDFDocument, rename?: (code: string, text: string) => string): void {
  for (let number = 1; number < document.countObjects(); number++) {
    let object: mupdf.PDFObject;
    try {
      object = document.newIndirect(number).resolve();
    } catch {
      continue;
    }
    if (!object.isDictionary()) continue;
    const table = object.get('ToUnicode');
    if (!table || table.isNull() || !table.isStream()) continue;
    if (!rename) {
      object.delete('ToUnicode');
      continue;
    }
    const cmap = table.readStream().asString();
    const pairs = [...cmapCodes(cmap)].map(([code, text]) => `<${code}> <${hex(rename(code, text))}>`);
    const space = /begincodespacerange[\s\S]*?endcodespacerange/.exec(cmap)?.[0] ?? 'begincodespacerange <0000> <FFFF> endcodespacerange';
    const chunks: string[] = [];
    for (let start = 0; start < pairs.length; start += 100) {
      const chunk = pairs.slice(start, start + 100);
      chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    table.writeStream(
      [
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
        `1 ${space}`,
        ...chunks,
        'endcmap CMapName currentdict /CMap defineresource pop end end',
      ].join('\n'),
    );
  }
}

/** Every ToUnicode table rewritten whole, each code to the radical `RADICAL_NAMES` gives its character, if any. */
function nameRadicals(document: mupdf.PDFDocument): void {
  rewriteToUnicode(document, (_code, text) => [...text].map((c) => RADICAL_NAMES[c] ?? c).join(''));
}

/** A ToUnicode CMap's codes (hex as written) and the text each names, from its bfchar and bfrange entries. */
function cmapCodes(cmap: string): Map<string, string> {
  const codes = new Map<string, string>();
  const text = (h: string) =>
    Buffer.from(h.length % 4 === 0 ? h : h.padStart(Math.ceil(h.length / 4) * 4, '0'), 'hex')
      .swap16()
      .toString('utf16le');
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, target] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) codes.set(code, text(target));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, target, list] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      const listed = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1]) : undefined;
      for (let code = from; code <= to && code - from < 256; code++) {
        const key = code.toString(16).toUpperCase().padStart(lo.length, '0');
        if (listed) {
          if (listed[code - from]) codes.set(key, text(listed[code - from]));
        } else {
          const first = text(target!);
          const last = first.codePointAt(first.length - 1)! + (code - from);
          codes.set(key, first.slice(0, -1) + String.fromCodePoint(last));
        }
      }
    }
  }
  return codes;
}

/** Every font's ToUnicode table removed (`no-unicode`) or rewritten to name wrong code points (`cid-unicode`, `shifted`). */
function breakToUnicode(document: mupdf.PDFDocument, as: 'no-unicode' | 'cid-unicode' | 'shifted'): void {
  if (as === 'no-unicode') return rewriteToUnicode(document);
  rewriteToUnicode(document, (code, text) => {
    if (as === 'cid-unicode') return String.fromCodePoint(Math.max(1, parseInt(code, 16) & 0xffff));
    return [...text].map((c) => (/\p{Script=Han}/u.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 1) : c)).join('');
  });
}

/** A line of a page's text as mupdf reads it: its text, box (points, y down), type size and characters. */
interface PageLine {
  text: string;
  bbox: [number, number, number, number];
  size: number;
  chars: { c: string; origin: [number, number]; size: number; quad: number[] }[];
}

function pageLines(page: mupdf.Page): PageLine[] {
  const lines: PageLine[] = [];
  let current: PageLine | undefined;
  const text = page.toStructuredText('preserve-whitespace');
  try {
    text.walk({
      beginLine(rect) {
        current = { text: '', bbox: [rect[0], rect[1], rect[2], rect[3]], size: 0, chars: [] };
      },
      onChar(c, origin, font, size, quad) {
        font.destroy();
        current!.text += c;
        current!.size = Math.max(current!.size, size);
        current!.chars.push({ c, origin: [origin[0], origin[1]], size, quad: [...quad] });
      },
      endLine() {
        if (current && current.text.trim() !== '') lines.push(current);
      },
    });
  } finally {
    text.destroy();
  }
  return lines;
}

/** A character a quick OCR might read for `c`: another digit, a letter's neighbour, a CJK character's code neighbour. */
function misread(c: string, next: () => number): string {
  if (/[0-9]/.test(c)) return String((Number(c) + 1 + Math.floor(next() * 8)) % 10);
  if (/\p{Script=Han}/u.test(c)) return String.fromCodePoint(c.codePointAt(0)! + (next() < 0.5 ? -1 : 1));
  if (/[A-Za-z]/.test(c)) return c === 'O' ? '0' : c === 'l' ? '1' : c.toLowerCase() === c ? c.toUpperCase() : c.toLowerCase();
  return c;
}

/** The misread rate of `ocr-layer`'s invisible text. */
const OCR_LAYER_MISREAD_SHARE = 1 / 12;

/** The page as an image (150 dpi) with an invisible OCR text layer over it (`ocr-layer`). */
function scannedWithOcrLayer(bytes: Uint8Array, next: () => number): Uint8Array {
  const source = mupdf.Document.openDocument(bytes.slice(), 'application/pdf');
  const out = new mupdf.PDFDocument();
  try {
    const font = out.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans');
    for (let index = 0; index < source.countPages(); index++) {
      const page = source.loadPage(index);
      const [x0, y0, x1, y1] = page.getBounds();
      const width = x1 - x0;
      const height = y1 - y0;
      const pixmap = page.toPixmap(mupdf.Matrix.scale(150 / 72, 150 / 72), mupdf.ColorSpace.DeviceRGB, false, true);
      const image = out.addImage(new mupdf.Image(pixmap));
      const layer = pageLines(page).map((line) => {
        const read = [...line.text].map((c) => (c.trim() !== '' && next() < OCR_LAYER_MISREAD_SHARE ? misread(c, next) : c)).join('');
        const size = Math.max(4, line.bbox[3] - line.bbox[1]) * 0.85;
        const chars = [...read].length;
        // Spread to the line's width, as OCR layers are (horizontal scaling), so the text covers what the image shows.
        const scaling = Math.max(10, Math.min(400, ((line.bbox[2] - line.bbox[0]) / Math.max(1, chars * size)) * 100));
        const utf16 = Buffer.from(read, 'utf16le').swap16().toString('hex');
        const baseline = height - (line.bbox[3] - y0) + size * 0.12;
        return `BT 3 Tr /F1 ${size.toFixed(2)} Tf ${scaling.toFixed(1)} Tz 1 0 0 1 ${(line.bbox[0] - x0).toFixed(2)} ${baseline.toFixed(2)} Tm <${utf16}> Tj ET`;
      });
      const resources = out.addObject({ XObject: { Im0: image }, Font: { F1: font } });
      const content = [`q ${width.toFixed(2)} 0 0 ${height.toFixed(2)} 0 0 cm /Im0 Do Q`, ...layer].join('\n');
      out.insertPage(-1, out.addPage([0, 0, width, height], 0, resources, content));
      pixmap.destroy();
      page.destroy();
    }
    return out.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    out.destroy();
    source.destroy();
  }
}

/**
 * One line holding one of `values` taken out of the text layer (redacted: its text only) and pasted back as an image of
 * itself (`image-value`). The line is drawn from the seed among the lines holding a value of two characters or more.
 */
function valuePastedAsImage(bytes: Uint8Array, values: readonly string[], next: () => number): Uint8Array {
  const document = mupdf.Document.openDocument(bytes.slice(), 'application/pdf') as mupdf.PDFDocument;
  try {
    const page = document.loadPage(0) as mupdf.PDFPage;
    const lines = pageLines(page);
    const holding = lines.filter((line) => values.some((value) => value.length >= 2 && line.text.replace(/\s/g, '').includes(value)));
    if (holding.length === 0) return bytes;
    const line = holding[Math.floor(next() * holding.length)];
    const [x0, y0, x1, y1] = line.bbox;
    const pad = 1;
    const rect: mupdf.Rect = [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
    const scale = 200 / 72;
    const full = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    const [px, py] = [Math.floor(rect[0] * scale), Math.floor(rect[1] * scale)];
    const [pw, ph] = [Math.ceil((rect[2] - rect[0]) * scale), Math.ceil((rect[3] - rect[1]) * scale)];
    const crop = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, pw, ph], false);
    const from = full.getPixels();
    const to = crop.getPixels();
    for (let y = 0; y < ph; y++) {
      for (let x = 0; x < pw; x++) {
        for (let k = 0; k < 3; k++) to[(y * pw + x) * 3 + k] = from[((py + y) * full.getWidth() + px + x) * 3 + k] ?? 255;
      }
    }
    const annotation = page.createAnnotation('Redact');
    annotation.setRect(rect);
    // Text only: no black box, images and line art kept.
    page.applyRedactions(false, 0, 0, 0);
    const image = document.addImage(new mupdf.Image(crop));
    const pageObject = page.getObject();
    const [, , , pageTop] = page.getBounds();
    const resources = pageObject.get('Resources');
    let xobjects = resources.get('XObject');
    if (!xobjects || xobjects.isNull()) {
      xobjects = document.newDictionary();
      resources.put('XObject', xobjects);
    }
    xobjects.put('PastedValue', image);
    const w = pw / scale;
    const h = ph / scale;
    const content = document.addStream(
      `\nq ${w.toFixed(3)} 0 0 ${h.toFixed(3)} ${(px / scale).toFixed(3)} ${(pageTop - py / scale - h).toFixed(3)} cm /PastedValue Do Q\n`,
      {},
    );
    const contents = pageObject.get('Contents');
    const all = document.newArray();
    if (contents.isArray()) for (let k = 0; k < contents.length; k++) all.push(contents.get(k));
    else all.push(contents);
    all.push(content);
    pageObject.put('Contents', all);
    full.destroy();
    crop.destroy();
    return document.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    document.destroy();
  }
}

/** The share of a page's characters `value-font` draws at most in its broken font. */
const VALUE_FONT_MAX_SHARE = 0.08;

/**
 * Values taken out of the text layer (redacted: their characters only) and drawn again at the same places in a font of
 * their own whose ToUnicode table names each character wrongly (`value-font`): its code neighbour or U+FFFD.
 */
function valuesInBrokenFont(bytes: Uint8Array, values: readonly string[], next: () => number): Uint8Array {
  const naming: 'shifted' | 'unmapped' = next() < 0.5 ? 'shifted' : 'unmapped';
  const document = mupdf.Document.openDocument(bytes.slice(), 'application/pdf') as mupdf.PDFDocument;
  try {
    const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans');
    const codes = new Set<number>();
    let drawn = 0;
    const wanted = [...new Set(values.map((v) => v.replace(/\s/g, '')).filter((v) => [...v].length >= 2))];
    for (let index = 0; index < document.countPages(); index++) {
      const page = document.loadPage(index) as mupdf.PDFPage;
      const lines = pageLines(page);
      const total = lines.reduce((n, line) => n + line.chars.filter((ch) => ch.c.trim() !== '').length, 0);
      // Each value's characters on the page: the first place it is printed, found in a line's characters.
      const places: { value: string; chars: PageLine['chars'] }[] = [];
      for (const value of wanted) {
        for (const line of lines) {
          const printed = line.chars.filter((ch) => ch.c.trim() !== '');
          const at = printed
            .map((ch) => ch.c)
            .join('')
            .indexOf(value);
          if (at < 0) continue;
          places.push({ value, chars: printed.slice(at, at + [...value].length) });
          break;
        }
      }
      // Drawn from the seed, one with a Chinese character first, then others while under the page's share.
      const order = places
        .map((place) => ({ place, key: next() }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.place);
      const first = order.findIndex((place) => /\p{Script=Han}/u.test(place.value));
      if (first < 0) {
        page.destroy();
        continue;
      }
      const chosen = [order[first]];
      let count = [...order[first].value].length;
      for (const place of order) {
        if (chosen.includes(place) || chosen.some((c) => c.chars.some((ch) => place.chars.includes(ch)))) continue;
        const n = [...place.value].length;
        if (count + n > total * VALUE_FONT_MAX_SHARE) continue;
        chosen.push(place);
        count += n;
      }
      const [, , , pageTop] = page.getBounds();
      const runs: string[] = [];
      for (const place of chosen) {
        const xs = place.chars.flatMap((ch) => [ch.quad[0], ch.quad[2], ch.quad[4], ch.quad[6]]);
        const ys = place.chars.flatMap((ch) => [ch.quad[1], ch.quad[3], ch.quad[5], ch.quad[7]]);
        const annotation = page.createAnnotation('Redact');
        annotation.setRect([Math.min(...xs) + 0.2, Math.min(...ys) + 0.2, Math.max(...xs) - 0.2, Math.max(...ys) - 0.2]);
        // Each character at its own origin, so the value shows where it was whatever the new font's widths.
        for (const ch of place.chars) {
          for (const c of ch.c) codes.add(c.charCodeAt(0));
          const utf16 = Buffer.from(ch.c, 'utf16le').swap16().toString('hex');
          runs.push(`BT /ValueFont ${ch.size.toFixed(2)} Tf 1 0 0 1 ${ch.origin[0].toFixed(3)} ${(pageTop - ch.origin[1]).toFixed(3)} Tm <${utf16}> Tj ET`);
        }
        drawn += [...place.value].length;
      }
      // Text only: images and line art kept.
      page.applyRedactions(false, 0, 0, 0);
      const pageObject = page.getObject();
      const resources = pageObject.get('Resources');
      let fonts = resources.get('Font');
      if (!fonts || fonts.isNull()) {
        fonts = document.newDictionary();
        resources.put('Font', fonts);
      }
      fonts.put('ValueFont', font);
      const contents = pageObject.get('Contents');
      const all = document.newArray();
      if (contents.isArray()) for (let k = 0; k < contents.length; k++) all.push(contents.get(k));
      else all.push(contents);
      all.push(document.addStream(`\nq 0 g\n${runs.join('\n')}\nQ\n`, {}));
      pageObject.put('Contents', all);
      page.destroy();
    }
    if (drawn === 0) return bytes;
    const pairs = [...codes]
      .sort((a, b) => a - b)
      .map((code) => {
        const named = naming === 'unmapped' ? 0xfffd : code + 1;
        return `<${code.toString(16).toUpperCase().padStart(4, '0')}> <${named.toString(16).toUpperCase().padStart(4, '0')}>`;
      });
    const chunks: string[] = [];
    for (let start = 0; start < pairs.length; start += 100) {
      const chunk = pairs.slice(start, start + 100);
      chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    const table = document.addStream(
      [
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
        '1 begincodespacerange <0000> <FFFF> endcodespacerange',
        ...chunks,
        'endcmap CMapName currentdict /CMap defineresource pop end end',
      ].join('\n'),
      {},
    );
    font.resolve().put('ToUnicode', table);
    return document.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    document.destroy();
  }
}

function hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const opts = new Command('digital-as-sent')
    .requiredOption('--from <dir>', 'a digital procedural set')
    .requiredOption('--dir <dir>', 'output folder')
    .option(
      '--as <way>',
      'turned, overprint, radicals, ocr-layer, no-unicode, cid-unicode, shifted, image-value, value-font, mixed or hidden (one of ocr-layer … image-value)',
      'mixed',
    )
    .option('--seed <n>', 'seed', '1')
    .parse(process.argv)
    .opts<{ from: string; dir: string; as: string; seed: string }>();
  const next = random(Number(opts.seed));
  await mkdir(opts.dir, { recursive: true });
  const truths = (await readdir(opts.from)).filter((name) => name.endsWith('.truth.json')).sort();
  const ways: SentAs[] = ['turned', 'overprint', 'radicals'];
  for (const truthName of truths) {
    const truth = JSON.parse(await readFile(path.join(opts.from, truthName), 'utf8')) as {
      file: string;
      condition: string;
      documents: { fields: Record<string, unknown> }[];
    };
    if (truth.condition !== 'digital_pdf' || !truth.file.endsWith('.pdf')) continue;
    const as =
      opts.as === 'mixed'
        ? ways[Math.floor(next() * ways.length)]
        : opts.as === 'hidden'
          ? HIDDEN_LAYER_WAYS[Math.floor(next() * HIDDEN_LAYER_WAYS.length)]
          : (opts.as as SentAs);
    const bytes = new Uint8Array(await readFile(path.join(opts.from, truth.file)));
    const values = truth.documents.flatMap((d) => Object.values(d.fields)).filter((v): v is string => typeof v === 'string');
    await writeFile(path.join(opts.dir, truth.file), sentAs(bytes, as, next, values));
    await copyFile(path.join(opts.from, truthName), path.join(opts.dir, truthName));
    console.log(`${truth.file}: ${as}`);
  }
}
