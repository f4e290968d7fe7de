import type { FileExtraction } from '../../shared/documents/index.js';
import type { TruthFile } from './truth.js';

const NOMINAL_PART = {
  left: { x: 0, y: 0, width: 500, height: 1000 },
  right: { x: 500, y: 0, width: 500, height: 1000 },
  top: { x: 0, y: 0, width: 1000, height: 500 },
  bottom: { x: 0, y: 500, width: 1000, height: 500 },
} as const;

/**
 * Turns a truth file into the `intake extract --json` entry a perfect reader would print (every field sure). The
 * runner's `--echo` mode and the metric tests start from it and then break it on purpose.
 *
 * @example
 * const perfect = truthAsExtraction(truth); // compareFile(truth, perfect) has every field right
 */
export function truthAsExtraction(truth: TruthFile, confidence = 0.99): FileExtraction {
  return {
    file: truth.file,
    documents: truth.documents.map((doc) => ({
      type: doc.type,
      pages: [...doc.pages],
      // A page shared with another document: the part on its side of a nominal 1000 × 1000 page.
      ...(doc.parts?.length ? { regions: doc.parts.map((p) => ({ page: p.page, box: NOMINAL_PART[p.side] })) } : {}),
      fields: Object.fromEntries(Object.entries(doc.fields).map(([name, value]) => [name, { value, confidence, needsReview: false }])),
    })),
  };
}
