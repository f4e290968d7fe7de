import type { FileExtraction } from '../../shared/documents/index.js';
import type { TruthFile } from './truth.js';

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
      fields: Object.fromEntries(Object.entries(doc.fields).map(([name, value]) => [name, { value, confidence, needsReview: false }])),
    })),
  };
}
