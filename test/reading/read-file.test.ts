import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import type { OcrEngine, OcrPage, RegionToRead } from '../../shared/ocr/index.js';
import { enginePage } from '../extraction/support/text-lines.js';
import { LICENCE_PAGE_SIZE, LICENCE_WITHOUT_REPRESENTATIVE, LOST_REPRESENTATIVE } from '../extraction/support/lost-value-licence.js';
import { inspectFile, readFile, readPages, type PageCheckpoints, type PagePreview } from '../../shared/reading/index.js';
import { company, person } from '../extraction/support/documents.js';
import { makeDigitalPdf, makeEncryptedPdf, makeScannedPdf } from '../pdf/pdf-factory.js';
import { blankPng, scriptedOcr } from '../pipeline/pipeline-factories.js';

const contractRuns = [
  { text: '劳动合同书', x: 250, y: 80, size: 22 },
  { text: `甲方（用人单位）：${company.name}`, x: 72, y: 140 },
  { text: `统一社会信用代码：${company.code}`, x: 72, y: 170 },
  { text: `乙方（劳动者）：${person.name}`, x: 72, y: 200 },
  { text: `身份证号码：${person.id}`, x: 72, y: 230 },
];
const certificateLines = ['职业技能等级证书', `姓名：${person.name}`, `证件号码：${person.id}`];
const extract = (pages: OcrPage[]) => extractDocuments(pages);

/** Checkpoints in a Map, remembering what was saved with which preview. */
function memoryCheckpoints(): PageCheckpoints & { pages: Map<number, OcrPage>; previews: Map<number, PagePreview> } {
  const pages = new Map<number, OcrPage>();
  const previews = new Map<number, PagePreview>();
  return {
    pages,
    previews,
    load: async (pageNumber) => pages.get(pageNumber),
    save: async (page, preview) => {
      pages.set(page.pageNumber, page);
      if (preview) previews.set(page.pageNumber, preview);
    },
  };
}

describe('readFile', () => {
  it('reads a digital PDF from its text layer without OCR and reports stage timings', async () => {
    const ocr = scriptedOcr([]);

    const { extraction, pages, timings } = await readFile(makeDigitalPdf([contractRuns]), '合同.pdf', { ocr, extract });

    expect(ocr.calls).toBe(0);
    expect(pages[0]!.source).toBe('text_layer');
    expect(extraction.documents[0]).toMatchObject({ type: 'labor_contract', pages: [1] });
    expect(extraction.documents[0]!.fields.employerCreditCode!.value).toBe(company.code);
    expect(Object.keys(timings).sort()).toEqual(['extract', 'ocr', 'render', 'sniff', 'textLayer']);
    expect(timings.textLayer).toBeGreaterThan(0);
    expect(timings.ocr).toBe(0);
  });

  it('renders and OCRs the pages of a scanned PDF', async () => {
    const ocr = scriptedOcr(certificateLines);
    const png = await blankPng(200, 280);

    const { extraction, pages, timings } = await readFile(makeScannedPdf([png, png]), 'scan.pdf', { ocr, extract });

    expect(ocr.calls).toBe(2);
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2]);
    expect(extraction.documents.map((d) => d.type)).toEqual(['vocational_certificate', 'vocational_certificate']);
    expect(timings.render).toBeGreaterThan(0);
  });

  it('normalises and OCRs an image', async () => {
    const ocr = scriptedOcr(certificateLines);
    const { extraction } = await readFile(await blankPng(), '证书 照片.png', { ocr, extract });
    expect(extraction.documents[0]!.fields.holderName!.value).toBe(person.name);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'a.pdf', 'empty_file'],
    ['an encrypted PDF', makeEncryptedPdf(), 'a.pdf', 'pdf_encrypted'],
    ['a truncated PDF', makeDigitalPdf([contractRuns]).subarray(0, 300), 'a.pdf', 'pdf_corrupt'],
    ['a PDF over the page limit', makeDigitalPdf([contractRuns, contractRuns, contractRuns]), 'a.pdf', 'pdf_too_many_pages'],
  ])('returns an error instead of documents for %s (`%s`)', async (_name, bytes, fileName, code) => {
    const { extraction } = await readFile(bytes, fileName, { ocr: scriptedOcr([]), extract, limits: { ...DEFAULT_INTAKE_LIMITS, maxPdfPages: 2 } });
    expect(extraction).toEqual({ file: fileName, documents: [], error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
  });

  it('rejects an image over the pixel limit with `image_too_large`', async () => {
    const big = new Uint8Array(
      await sharp({ create: { width: 1200, height: 1000, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    const { extraction } = await readFile(big, 'big.png', { ocr: scriptedOcr([]), extract, limits: { ...DEFAULT_INTAKE_LIMITS, maxImagePixels: 1_000_000 } });
    expect(extraction.error?.code).toBe('image_too_large');
  });

  it("lets a failing OCR engine throw (an infrastructure fault, not the sender's)", async () => {
    await expect(readFile(await blankPng(), 'a.png', { ocr: scriptedOcr([], { failOnCall: 1 }), extract })).rejects.toThrow('worker killed');
  });

  it('takes the reader’s second look, as the process function does: a lost value read from its label’s region', async () => {
    // Prepare: a licence photo whose legal representative the page's pass lost; its row read alone gives it.
    const licence = LICENCE_WITHOUT_REPRESENTATIVE;
    const size = LICENCE_PAGE_SIZE;
    const regions: RegionToRead[] = [];
    const ocr: OcrEngine = {
      name: 'paddle',
      recognize: async () => enginePage(licence, { size }),
      recognizeRegion: async (_raster, region) => {
        regions.push(region);
        return enginePage([LOST_REPRESENTATIVE], { size }).lines;
      },
    };
    // Act
    const { extraction, pages } = await readFile(await blankPng(size.width, size.height), '执照.png', { ocr, extract });
    // Assess
    expect(regions.length).toBeGreaterThan(0);
    expect(extraction.documents[0]!.fields.legalRepresentative!.value).toBe('王晓明');
    expect(pages[0]!.lines.some((l) => l.text === '王晓明')).toBe(true);
  });
});

describe('inspectFile', () => {
  it('counts pages without reading content', async () => {
    expect(await inspectFile(makeDigitalPdf([contractRuns, contractRuns]), 'pdf', DEFAULT_INTAKE_LIMITS)).toEqual({ pageCount: 2 });
    expect(await inspectFile(await blankPng(), 'png', DEFAULT_INTAKE_LIMITS)).toEqual({ pageCount: 1 });
  });
});

describe('readPages with checkpoints', () => {
  it('saves each page with a JPEG preview of scanned pages, and resumes from saved pages without reading them again', async () => {
    const png = await blankPng(200, 280);
    const pdf = makeScannedPdf([png, png, png]);
    const checkpoints = memoryCheckpoints();
    const crashing = scriptedOcr(certificateLines, { failOnCall: 3 });
    await expect(readPages(pdf, 'pdf', { ocr: crashing, limits: DEFAULT_INTAKE_LIMITS, checkpoints, previewDpi: 48 })).rejects.toThrow();
    expect([...checkpoints.pages.keys()]).toEqual([1, 2]);
    expect(checkpoints.previews.get(1)!.contentType).toBe('image/jpeg');

    const resumed = scriptedOcr(certificateLines);
    const progress: number[] = [];
    const result = await readPages(pdf, 'pdf', {
      ocr: resumed,
      limits: DEFAULT_INTAKE_LIMITS,
      checkpoints,
      previewDpi: 48,
      onPage: (done) => void progress.push(done),
    });

    expect(resumed.calls).toBe(1);
    expect(result.resumedPages).toBe(2);
    expect(result.pages.map((p) => p.pageNumber)).toEqual([1, 2, 3]);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('neither checkpoints nor previews text-layer pages unless asked (cheaper to read again; rendered on demand)', async () => {
    const checkpoints = memoryCheckpoints();
    await readPages(makeDigitalPdf([contractRuns]), 'pdf', { ocr: scriptedOcr([]), limits: DEFAULT_INTAKE_LIMITS, checkpoints, previewDpi: 48 });
    expect(checkpoints.pages.size).toBe(0);
    expect(checkpoints.previews.size).toBe(0);

    const eager = memoryCheckpoints();
    await readPages(makeDigitalPdf([contractRuns]), 'pdf', {
      ocr: scriptedOcr([]),
      limits: DEFAULT_INTAKE_LIMITS,
      checkpoints: eager,
      previewDpi: 48,
      previewTextLayerPages: true,
    });
    expect(eager.previews.get(1)!.contentType).toBe('image/png');
  });

  it('previews a text-layer page saved turned upright, as its text was read', async () => {
    const eager = memoryCheckpoints();
    const { pages } = await readPages(makeDigitalPdf([contractRuns], { rotate: 90 }), 'pdf', {
      ocr: scriptedOcr([]),
      limits: DEFAULT_INTAKE_LIMITS,
      checkpoints: eager,
      previewDpi: 48,
      previewTextLayerPages: true,
    });

    expect(pages[0]).toMatchObject({ rotation: 270, source: 'text_layer' });
    const preview = await sharp(eager.previews.get(1)!.bytes).metadata();
    // A4 at 48 dpi, portrait as the page was drawn (the saved page is landscape).
    expect(preview.height! > preview.width!).toBe(true);
  });
});
