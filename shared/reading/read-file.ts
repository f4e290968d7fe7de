import type { ExtractedDocument, FileExtraction } from '../documents/extracted-document.js';
import { checkUpload } from '../intake/validate.js';
import { describeFailure } from '../intake/failure.js';
import { DEFAULT_INTAKE_LIMITS, type IntakeLimits } from '../intake/limits.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';
import type { OcrPage } from '../documents/ocr-page.js';
import { inspectFile } from './inspect-file.js';
import { readPages } from './read-pages.js';
import { regionReader } from './region-reading.js';
import { withSecondLook } from '../extraction/second-look.js';
import { emptyTimings, timed, type StageTimings } from '../documents/stage-timings.js';

/** Turns a file's pages into documents (shared/extraction's `extractDocuments`, injected so reading stays testable). */
export type ExtractDocuments = (pages: OcrPage[]) => ExtractedDocument[];

export interface ReadFileDeps {
  ocr: OcrEngine;
  extract: ExtractDocuments;
  limits?: IntakeLimits;
  ocrDpi?: number;
  /** See `ReadPagesOptions.straightenPhotos` (off by default). */
  straightenPhotos?: boolean;
}

export interface ReadFileResult {
  extraction: FileExtraction;
  pages: OcrPage[];
  timings: StageTimings;
}

/**
 * Reads one file without touching any store (what `intake extract` does): checks it (magic bytes, limits, encrypted
 * or damaged PDF, image bombs), reads its pages (text layer or OCR), extracts its documents, and takes the reader's
 * second look as the process function does (`withSecondLook`: the neighbourhoods of the labels whose values it lacks
 * read again on their own crops, when the engine can read a region; the pages returned hold what it kept). A file that cannot be
 * read yields `{ error: { code, message }, documents: [] }` rather than throwing; only a failing OCR engine throws.
 *
 * @example
 * const { extraction } = await readFile(bytes, '证书.pdf', { ocr, extract: extractDocuments });
 * extraction.documents[0]?.type; // 'vocational_certificate'
 */
export async function readFile(bytes: Uint8Array, fileName: string, deps: ReadFileDeps): Promise<ReadFileResult> {
  const limits = deps.limits ?? DEFAULT_INTAKE_LIMITS;
  const timings = emptyTimings();
  let type;
  try {
    type = await timed(timings, 'sniff', async () => {
      const checked = checkUpload(bytes, fileName, limits);
      await inspectFile(bytes, checked.type, limits);
      return checked.type;
    });
  } catch (error) {
    return { extraction: { file: fileName, documents: [], error: describeFailure(error).error }, pages: [], timings };
  }
  let pages: OcrPage[];
  try {
    const read = await readPages(bytes, type, { ocr: deps.ocr, limits, ocrDpi: deps.ocrDpi, straightenPhotos: deps.straightenPhotos });
    pages = read.pages;
    for (const stage of Object.keys(timings) as (keyof StageTimings)[]) timings[stage] += read.timings[stage];
  } catch (error) {
    const failure = describeFailure(error);
    // Damaged content found only while decoding (a page that will not render) is still the file's fault.
    if (failure.status === 'rejected') return { extraction: { file: fileName, documents: [], error: failure.error }, pages: [], timings };
    throw error;
  }
  const documents = await timed(timings, 'extract', () => deps.extract(pages));
  const readRegion = regionReader(bytes, type, { ocr: deps.ocr, limits, ocrDpi: deps.ocrDpi, straightenPhotos: deps.straightenPhotos });
  if (!readRegion) return { extraction: { file: fileName, documents }, pages, timings };
  const looked = await timed(timings, 'ocr', () => withSecondLook(pages, documents, deps.extract, readRegion));
  return { extraction: { file: fileName, documents: looked.documents }, pages: looked.pages, timings };
}
