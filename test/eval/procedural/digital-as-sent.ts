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
 * - `mixed`: one of the three per file, drawn from the seed.
 *
 *   node --import tsx test/eval/procedural/digital-as-sent.ts --from /work/hs/x/d1 --dir /work/hs/x/d1-sent --as mixed --seed 7
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import * as mupdf from 'mupdf';

export type SentAs = 'turned' | 'overprint' | 'radicals';

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
export function sentAs(bytes: Uint8Array, as: SentAs, next: () => number): Uint8Array {
  const document = mupdf.Document.openDocument(bytes.slice(), 'application/pdf') as mupdf.PDFDocument;
  try {
    if (as === 'radicals') nameRadicals(document);
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

/** Every ToUnicode table rewritten whole, each code to the radical `RADICAL_NAMES` gives its character, if any. */
function nameRadicals(document: mupdf.PDFDocument): void {
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
    const cmap = table.readStream().asString();
    const codes = cmapCodes(cmap);
    const pairs = [...codes].map(([code, text]) => `<${code}> <${hex([...text].map((c) => RADICAL_NAMES[c] ?? c).join(''))}>`);
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

function hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const opts = new Command('digital-as-sent')
    .requiredOption('--from <dir>', 'a digital procedural set')
    .requiredOption('--dir <dir>', 'output folder')
    .option('--as <way>', 'turned, overprint, radicals or mixed', 'mixed')
    .option('--seed <n>', 'seed', '1')
    .parse(process.argv)
    .opts<{ from: string; dir: string; as: string; seed: string }>();
  const next = random(Number(opts.seed));
  await mkdir(opts.dir, { recursive: true });
  const truths = (await readdir(opts.from)).filter((name) => name.endsWith('.truth.json')).sort();
  const ways: SentAs[] = ['turned', 'overprint', 'radicals'];
  for (const truthName of truths) {
    const truth = JSON.parse(await readFile(path.join(opts.from, truthName), 'utf8')) as { file: string; condition: string };
    if (truth.condition !== 'digital_pdf' || !truth.file.endsWith('.pdf')) continue;
    const as = opts.as === 'mixed' ? ways[Math.floor(next() * ways.length)] : (opts.as as SentAs);
    const bytes = new Uint8Array(await readFile(path.join(opts.from, truth.file)));
    await writeFile(path.join(opts.dir, truth.file), sentAs(bytes, as, next));
    await copyFile(path.join(opts.from, truthName), path.join(opts.dir, truthName));
    console.log(`${truth.file}: ${as}`);
  }
}
