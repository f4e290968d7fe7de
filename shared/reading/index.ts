export * from './inspect-file.js';
export * from './read-pages.js';
export * from './read-file.js';
export * from './page-rasters.js';
export * from './page-previews.js';
export * from './region-reading.js';
export * from './reading-engine.js';

import { storePagePreviews } from './page-previews.js';
import { readPages } from './read-pages.js';
import { regionReader } from './region-reading.js';

/**
 * The page reader the process stage is given (its `PageReading` port): pages read from the file's text layer or by OCR
 * over mupdf's and sharp's rasters, and the previews stored for the page view.
 *
 * @example
 * composeProcess({ ... }).reading === pageReading; // what functions/process/compose.ts passes
 */
export const pageReading = { readPages, storePagePreviews, regionReader };

/**
 * `pageReading` with pages photographed on a desk straightened before OCR, for reading and for the previews stored
 * afterwards alike (so each field's box stays on the page the clerk sees): what a root passes to turn it on.
 *
 * @example
 * composeProcess({ ..., reading: pageReadingStraighteningPhotos });
 */
export const pageReadingStraighteningPhotos = {
  readPages: (...[bytes, type, options]: Parameters<typeof readPages>) => readPages(bytes, type, { ...options, straightenPhotos: true }),
  storePagePreviews: (input: Parameters<typeof storePagePreviews>[0]) => storePagePreviews({ ...input, straightenPhotos: true }),
  regionReader: (...[bytes, type, options]: Parameters<typeof regionReader>) => regionReader(bytes, type, { ...options, straightenPhotos: true }),
};
