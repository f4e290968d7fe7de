import type { ReadableType } from '../intake/sniff.js';
import type { StorePagePreviewsInput } from '../reading/page-previews.js';
import type { ReadPagesOptions, ReadPagesResult } from '../reading/read-pages.js';
import type { regionReader } from '../reading/region-reading.js';

/**
 * How the process stage turns a file's bytes into pages and page previews: the PDF and image work (mupdf, sharp, the
 * OCR engine's rasters) behind one port, so the stage itself stays TypeScript. `shared/reading`'s `pageReading` is
 * the adapter every root passes; the shapes it takes and gives are its own (imported here as types only).
 */
export interface PageReading {
  /** Reads every page from the text layer or by OCR, with checkpoints and the previews of scanned pages. */
  readPages(bytes: Uint8Array, type: ReadableType, options: ReadPagesOptions): Promise<ReadPagesResult>;
  /** Stores the previews reading did not make (digital pages, pages OCR turned); resolves to how many it wrote. */
  storePagePreviews(input: StorePagePreviewsInput): Promise<number>;
  /** What reads a region of an OCR'd page again for the reader's second look (none: no second look). */
  regionReader?: typeof regionReader;
}
