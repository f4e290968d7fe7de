/**
 * The PaddleOCR engine as the intake reads with it. The engine knows no document types, so what it reads on a page
 * only for the reader's sake is decided here, where both meet: a seal's ring is read whole only on a page the reader
 * says may name its employer in a seal alone (a 聘书; sealgate26). One place, so that the process function, the local
 * stack, `intake extract` (and with it `npm run eval`) and the benches read alike.
 */
import { mayNameEmployerOnlyInSeal } from '../extraction/index.js';
import { createPaddleOcrEngine, type PaddleOcrEngine, type PaddleOcrEngineOptions, type WorkerEngineFactory } from '../ocr/index.js';

/**
 * The engine the intake reads with; `options` (threads, timings, settings under measurement) override its defaults.
 *
 * @example
 * const ocr = createReadingPaddleEngine({ intraOpNumThreads: 1 });
 */
export function createReadingPaddleEngine(options: PaddleOcrEngineOptions = {}): PaddleOcrEngine {
  return createPaddleOcrEngine({ sealRings: mayNameEmployerOnlyInSeal, ...options });
}

/**
 * `createReadingPaddleEngine` named for a `PaddleOcrWorkerPool`, whose workers build their engines from it: the pool then
 * reads (seal-ring gate included) as the one-thread engine does.
 *
 * @example
 * const pool = new PaddleOcrWorkerPool({ workers: 2, engineFactory: readingEngineFactory });
 */
export const readingEngineFactory: WorkerEngineFactory = { module: import.meta.url, name: 'createReadingPaddleEngine' };
