import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

// mupdf reads its WebAssembly instance's options from this global when it loads: kept, to read the heap's size.
const wasm: { HEAPU8?: Uint8Array } = {};
(globalThis as { $libmupdf_wasm_Module?: object }).$libmupdf_wasm_Module = wasm;
const { PdfFile } = await import('../../shared/pdf/index.js');
const { makeScannedPdf } = await import('./pdf-factory.js');

const heapBytes = () => wasm.HEAPU8!.byteLength;

/** A 150 dpi A4 scan whose pixels differ from every other seed's (so no two decode alike). */
async function scan(seed: number): Promise<Uint8Array> {
  const noise = { type: 'gaussian' as const, mean: 100 + seed * 10, sigma: 20 };
  const jpeg = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff', noise } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return new Uint8Array(jpeg);
}

/** A digital certificate as Chromium prints it: embedded CJK subset fonts and Type3 fonts (every page has a text layer). */
const digitalCertificate = new Uint8Array(readFileSync(new URL('../fixtures/documents/digital-skill-level.pdf', import.meta.url)));

function readTextLayers(bytes: Uint8Array): void {
  const pdf = PdfFile.open(bytes);
  try {
    for (let page = 1; page <= pdf.pageCount; page++) pdf.readTextLayer(page, 200);
  } finally {
    pdf.close();
  }
}

async function readEveryPage(bytes: Uint8Array): Promise<void> {
  const pdf = PdfFile.open(bytes);
  try {
    for (let page = 1; page <= pdf.pageCount; page++) await pdf.ocrRaster(page, 200);
  } finally {
    pdf.close();
  }
}

describe('PdfFile memory', () => {
  it('reads scanned PDFs one after another in the WebAssembly heap the first one needed', async () => {
    // Prepare: five one-page scans, none decoding like another.
    const files: Uint8Array[] = [];
    for (let n = 0; n < 5; n++) files.push(makeScannedPdf([await scan(n)]));
    await readEveryPage(files[0]);
    const afterFirst = heapBytes();

    // Act
    for (const bytes of files.slice(1)) await readEveryPage(bytes);

    // Assess: what was decoded from a closed file is not kept (mupdf's store held every page's image: 6.5 MB each).
    expect(heapBytes() - afterFirst).toBeLessThan(8 * 1024 * 1024);
  });

  it('reads a digital PDF’s text layer 100 times over in the WebAssembly heap a few readings needed', { timeout: 300_000 }, () => {
    // Prepare: the heap grown to what reading the file needs.
    for (let n = 0; n < 5; n++) readTextLayers(digitalCertificate);
    const warm = heapBytes();

    // Act: one reading after another, as a warm process reads the PDFs it is sent (no turn of the event loop between).
    for (let n = 0; n < 100; n++) readTextLayers(digitalCertificate);

    // Assess: nothing of a closed file is held (each character's font was kept alive until V8 collected its wrapper:
    // 2.9 MB a reading here: +290 MB, and the 2 GB heap full before the 300th reading).
    expect(heapBytes() - warm).toBeLessThan(4 * 1024 * 1024);
  });
});
