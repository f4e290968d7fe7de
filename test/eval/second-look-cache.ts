/**
 * Dev-only: the reader's second look (`withSecondLook`) as the eval harness scores it. The regions read again are kept
 * in the OCR cache beside the file's pages (`secondLooks`, by page, box and line height: made on first use, like the
 * pages), so re-scoring the two-pass reading stays seconds.
 */
import { readFile } from 'node:fs/promises';
import type { ExtractedDocument } from '../../shared/documents/index.js';
import type { OcrLine, OcrPage } from '../../shared/documents/ocr-page.js';
import { extractDocuments, withSecondLook, type ExtractOptions, type SecondLookRegion } from '../../shared/extraction/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/limits.js';
import { isReadableType, sniffType } from '../../shared/intake/sniff.js';
import type { OcrEngine } from '../../shared/ocr/index.js';
import { regionReader } from '../../shared/reading/index.js';

/** A file's cached reading: its OCR pages and the lines of each region read again. */
export interface CachedReading {
  pages: OcrPage[];
  secondLooks?: Record<string, OcrLine[]>;
}

/** The key of a region in a file's `secondLooks`. */
export function secondLookKey(page: number, region: Pick<SecondLookRegion, 'box' | 'lineHeight'>): string {
  const { x, y, width, height } = region.box;
  return `${page}:${x},${y},${width},${height}:${region.lineHeight}`;
}

export interface TwoPassReading {
  pages: OcrPage[];
  documents: ExtractedDocument[];
  /** Regions read again (from the cache or the engine). */
  regions: number;
  /** Of those, how many the engine read now (not in the cache). */
  made: number;
}

/**
 * The file's documents read in two passes: the page's pass, then the second look on the regions the reader asks for,
 * their lines from `cached.secondLooks` or, when missing there, from `engine()` on the file at `filePath` (stored into
 * `cached.secondLooks`).
 *
 * @example
 * const read = await twoPassReading(cache[file], path.join(set, file), () => engine);
 */
export async function twoPassReading(cached: CachedReading, filePath: string, engine: () => OcrEngine, options: ExtractOptions = {}): Promise<TwoPassReading> {
  const extract = (pages: OcrPage[]) => extractDocuments(pages, options);
  const first = extract(cached.pages);
  let made = 0;
  let reader: ReturnType<typeof regionReader> | null = null;
  const looked = await withSecondLook(cached.pages, first, extract, async (page, region) => {
    const key = secondLookKey(page.pageNumber, region);
    const known = cached.secondLooks?.[key];
    if (known) return known;
    if (reader === null) {
      const bytes = new Uint8Array(await readFile(filePath));
      const type = sniffType(bytes);
      reader = isReadableType(type) ? regionReader(bytes, type, { ocr: engine(), limits: DEFAULT_INTAKE_LIMITS }) : undefined;
    }
    const lines = (await reader?.(page, region)) ?? [];
    made++;
    cached.secondLooks = { ...cached.secondLooks, [key]: lines };
    return lines;
  });
  return { pages: looked.pages, documents: looked.documents, regions: looked.regions.length, made };
}
