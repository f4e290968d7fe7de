export * from './inspect-file.js';
export * from './read-pages.js';
export * from './read-file.js';
export * from './page-rasters.js';
export * from './page-previews.js';

import { storePagePreviews } from './page-previews.js';
import { readPages } from './read-pages.js';

/**
 * The page reader the process stage is given (its `PageReading` port): pages read from the file's text layer or by OCR
 * over mupdf's and sharp's rasters (a page photographed on a desk straightened first), and the previews stored for the
 * page view (from the same straightened pixels, so each field's box stays on the page the clerk sees).
 *
 * @example
 * composeProcess({ ... }).reading === pageReading; // what functions/process/compose.ts passes
 */
export const pageReading = { readPages, storePagePreviews };
