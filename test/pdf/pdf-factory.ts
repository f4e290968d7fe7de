import * as mupdf from 'mupdf';

export interface TextRun {
  text: string;
  /** Position of the baseline start in points from the top-left of an A4 page. */
  x: number;
  y: number;
  size?: number;
  /** Degrees anticlockwise the run is drawn at (a watermark across the page); 0 when absent. */
  angle?: number;
  /** Drawn invisibly (`3 Tr`), as a scanner app lays its OCR text over the page's image. */
  invisible?: boolean;
  /** Drawn in a second font of its own (`valueFontToUnicode` names its characters), as a form's filled-in values. */
  valueFont?: boolean;
}

/** A picture placed on a digital page (points from the top-left of an A4 page): a value or a signature pasted in. */
export interface PlacedImage {
  png: Uint8Array;
  x: number;
  y: number;
  width: number;
  height: number;
}

const A4: [number, number, number, number] = [0, 0, 595, 842];

function hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex');
}

function save(document: mupdf.PDFDocument, options = 'compress'): Uint8Array {
  const bytes = document.saveToBuffer(options).asUint8Array().slice();
  document.destroy();
  return bytes;
}

/** A certificate's page of text runs (name, employer, number, date), for the text-layer tests. */
export const certificatePage: TextRun[] = [
  { text: '职业技能等级证书', x: 200, y: 120, size: 24 },
  { text: '姓名：王晓明', x: 72, y: 200 },
  { text: '工作单位：杭州市西湖区人力资源和社会保障局', x: 72, y: 230 },
  { text: '证书编号：3301120221100011', x: 72, y: 260 },
  { text: '发证日期：2021年06月18日', x: 72, y: 290 },
];

export interface DigitalPdfOptions {
  saveOptions?: string;
  /** The pages' /Rotate (a page saved turned: a viewer shows it, and mupdf reads it, turned clockwise so far). */
  rotate?: mupdf.Rotate;
  /**
   * Code points the font's ToUnicode table gives for some characters instead of their own (`{ 人: '⼈' }`: the Kangxi
   * radical an office suite may name for the glyph 人 and the radical share). Every character of `pages` is mapped.
   */
  toUnicode?: Record<string, string>;
  /** Like `toUnicode`, for the second font the runs marked `valueFont` are drawn in (characters named as themselves without it). */
  valueFontToUnicode?: Record<string, string>;
  /** Pictures drawn on the first page, after its text. */
  images?: PlacedImage[];
}

/** A digital PDF (A4 pages) whose text is drawn with mupdf's built-in CJK font, so it has a real text layer. */
export function makeDigitalPdf(pages: TextRun[][], options: DigitalPdfOptions = {}): Uint8Array {
  const document = new mupdf.PDFDocument();
  const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
  if (options.toUnicode) font.put('ToUnicode', document.addStream(toUnicodeCMap(pages, options.toUnicode), {}));
  const fonts: Record<string, mupdf.PDFObject> = { F1: font };
  // The value font is embedded (a font of its own, as a form-filling tool embeds it), its codes glyph ids.
  const glyphs = pages.flat().some((run) => run.valueFont) ? new mupdf.Font('zh-Hans') : undefined;
  if (glyphs) {
    fonts.F2 = document.addFont(glyphs);
    const named = options.valueFontToUnicode ?? {};
    const characters = [
      ...new Set(
        pages
          .flat()
          .filter((run) => run.valueFont)
          .flatMap((run) => [...run.text]),
      ),
    ];
    const pairs = characters.map((c) => `<${gid(glyphs, c)}> <${hex(named[c] ?? c)}>`);
    fonts.F2.put('ToUnicode', document.addStream(cmap(pairs), {}));
  }
  const images = (options.images ?? []).map((placed) => ({ placed, image: document.addImage(new mupdf.Image(placed.png.slice())) }));
  const resources = document.addObject(
    images.length === 0 ? { Font: fonts } : { Font: fonts, XObject: Object.fromEntries(images.map(({ image }, k) => [`Im${k}`, image])) },
  );
  pages.forEach((runs, index) => {
    const pictures =
      index > 0 ? [] : images.map(({ placed: { x, y, width, height } }, k) => `q ${width} 0 0 ${height} ${x} ${A4[3] - y - height} cm /Im${k} Do Q`);
    document.insertPage(-1, document.addPage(A4, options.rotate ?? 0, resources, [textContent(runs, glyphs), ...pictures].join('\n')));
  });
  return save(document, options.saveOptions);
}

/** A ToUnicode CMap for the font's UCS-2 codes: each character of `pages` to itself, or to what `named` gives it. */
function toUnicodeCMap(pages: TextRun[][], named: Record<string, string>): string {
  const characters = [...new Set(pages.flat().flatMap((run) => [...run.text]))];
  return cmap(characters.map((c) => `<${hex(c)}> <${hex(named[c] ?? c)}>`));
}

/** The glyph id `font` draws `c` with, as four hex digits (an embedded Identity-H font's code for it). */
function gid(font: mupdf.Font, c: string): string {
  return font.encodeCharacter(c.codePointAt(0)!).toString(16).padStart(4, '0');
}

/** A ToUnicode CMap of `pairs` (`<code> <text>`). */
function cmap(pairs: string[]): string {
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Named def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${pairs.length} beginbfchar`,
    ...pairs,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

function textContent(runs: TextRun[], glyphs?: mupdf.Font): string {
  return runs
    .map((run) => {
      const radians = ((run.angle ?? 0) * Math.PI) / 180;
      const [c, s] = [Math.cos(radians), Math.sin(radians)].map((n) => n.toFixed(4));
      const mode = run.invisible ? '3 Tr ' : '';
      const codes = run.valueFont && glyphs ? [...run.text].map((ch) => gid(glyphs, ch)).join('') : hex(run.text);
      return `BT ${mode}/${run.valueFont ? 'F2' : 'F1'} ${run.size ?? 14} Tf ${c} ${s} ${-Number(s)} ${c} ${run.x} ${A4[3] - run.y} Tm <${codes}> Tj ET`;
    })
    .join('\n');
}

/** A scanned A4 page (like `makeScannedPdf`) with text `runs` drawn over the image (a watermark a PDF tool added). */
export function makeScannedPdfWithText(png: Uint8Array, runs: TextRun[]): Uint8Array {
  const document = new mupdf.PDFDocument();
  const image = document.addImage(new mupdf.Image(png.slice()));
  const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
  const resources = document.addObject({ XObject: { Im0: image }, Font: { F1: font } });
  document.insertPage(-1, document.addPage(A4, 0, resources, `q ${A4[2]} 0 0 ${A4[3]} 0 0 cm /Im0 Do Q\n${textContent(runs)}`));
  return save(document);
}

/** A scanned PDF: each page is one full-page image and nothing else. */
export function makeScannedPdf(pngPages: Uint8Array[]): Uint8Array {
  const document = new mupdf.PDFDocument();
  for (const png of pngPages) {
    const image = document.addImage(new mupdf.Image(png.slice()));
    const resources = document.addObject({ XObject: { Im0: image } });
    document.insertPage(-1, document.addPage(A4, 0, resources, `q ${A4[2]} 0 0 ${A4[3]} 0 0 cm /Im0 Do Q`));
  }
  return save(document);
}

/** A scanned A4 page (like `makeScannedPdf`) with `overlay` content (e.g. a vector stamp) drawn over the image. */
export function makeScannedPdfWithOverlay(png: Uint8Array, overlay: string): Uint8Array {
  const document = new mupdf.PDFDocument();
  const image = document.addImage(new mupdf.Image(png.slice()));
  const resources = document.addObject({ XObject: { Im0: image } });
  document.insertPage(-1, document.addPage(A4, 0, resources, `q ${A4[2]} 0 0 ${A4[3]} 0 0 cm /Im0 Do Q\n${overlay}`));
  return save(document);
}

/** A PDF that opens only with a password (AES-256, as phone scanner apps and office suites produce). */
export function makeEncryptedPdf(): Uint8Array {
  const plain = makeDigitalPdf([[{ text: '机密文件 保密', x: 72, y: 100 }]]);
  const document = mupdf.Document.openDocument(plain, 'application/pdf') as mupdf.PDFDocument;
  return save(document, 'encrypt=aes-256,user-password=secret,owner-password=owner');
}

/**
 * A PDF written by hand the way an attacker would: a few hundred bytes declaring one page of `widthPt` × `heightPt`
 * with one line of text, cross-reference table and all (no library involved, so nothing normalises the page size).
 */
export function makeHandWrittenPdf(widthPt: number, heightPt: number): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${widthPt} ${heightPt}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
  ];
  const content = 'BT /F1 48 Tf 100 100 Td (huge page) Tj ET';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
