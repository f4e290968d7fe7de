/** Milliseconds spent per stage of reading a file (the benchmark's breakdown). */
export interface StageTimings {
  /** Magic bytes, limits, page count (no decoding). */
  sniff: number;
  /** Rasterising PDF pages, normalising images, page previews. */
  render: number;
  /** Reading a PDF's text layer. */
  textLayer: number;
  /** The OCR engine. */
  ocr: number;
  /** Classification and field extraction. */
  extract: number;
}

/**
 * A zeroed timing record.
 *
 * @example
 * const timings = emptyTimings(); // { sniff: 0, render: 0, textLayer: 0, ocr: 0, extract: 0 }
 */
export function emptyTimings(): StageTimings {
  return { sniff: 0, render: 0, textLayer: 0, ocr: 0, extract: 0 };
}

/**
 * Runs `work` and adds its duration to `timings[stage]` (a stage of reading, or any record of milliseconds by step).
 *
 * @example
 * const pages = await timed(timings, 'ocr', () => engine.recognize(image));
 */
export async function timed<T, Stage extends string>(timings: Record<Stage, number>, stage: Stage, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] += performance.now() - started;
  }
}

/**
 * Adds the stages of `more` into `total`.
 *
 * @example
 * addTimings(total, fileTimings);
 */
export function addTimings(total: StageTimings, more: StageTimings): StageTimings {
  for (const stage of Object.keys(total) as (keyof StageTimings)[]) total[stage] += more[stage];
  return total;
}
