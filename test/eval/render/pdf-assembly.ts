import * as mupdf from 'mupdf';

/**
 * Joins PDFs page by page (each document's sheets are printed separately so their styles never collide).
 *
 * @example
 * const pdf = mergePdfs([cover, clauses, signatures]);
 */
export function mergePdfs(parts: readonly Uint8Array[]): Buffer {
  const out = new mupdf.PDFDocument();
  for (const part of parts) {
    const src = mupdf.Document.openDocument(part, 'application/pdf').asPDF();
    if (!src) throw new Error('not a PDF');
    for (let i = 0; i < src.countPages(); i++) out.graftPage(-1, src, i);
  }
  return Buffer.from(out.saveToBuffer('compress').asUint8Array());
}

/**
 * A scanner's PDF: one page per image, sized from the image's pixels at `dpi`, no text layer.
 *
 * @example
 * const pdf = imagesToPdf([{ data: jpeg1, dpi: 200 }, { data: jpeg2, dpi: 200 }]);
 */
export function imagesToPdf(images: readonly { data: Uint8Array; dpi: number }[]): Buffer {
  const doc = new mupdf.PDFDocument();
  for (const { data, dpi } of images) {
    const image = new mupdf.Image(data);
    const width = (image.getWidth() * 72) / dpi;
    const height = (image.getHeight() * 72) / dpi;
    const xobjects = doc.newDictionary();
    xobjects.put('Im0', doc.addImage(image));
    const resources = doc.newDictionary();
    resources.put('XObject', xobjects);
    const page = doc.addPage([0, 0, width, height], 0, resources, `q ${width.toFixed(2)} 0 0 ${height.toFixed(2)} 0 0 cm /Im0 Do Q`);
    doc.insertPage(-1, page);
  }
  return Buffer.from(doc.saveToBuffer('compress').asUint8Array());
}

/**
 * The text layer of each page (what the generator smoke test compares with the truth).
 *
 * @example
 * pdfPageTexts(pdf)[0].includes('职业技能等级证书');
 */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const texts: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) texts.push(doc.loadPage(i).toStructuredText('preserve-whitespace').asText());
  return texts;
}

/** Page count of a PDF. @example pdfPageCount(pdf); // 3 */
export function pdfPageCount(pdf: Uint8Array): number {
  return mupdf.Document.openDocument(pdf, 'application/pdf').countPages();
}
