import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';

// A line that sags alone on a flat page (a signature scrawled across a date) is read again as one straight rectangle,
// and that reading is its second reading only when it has none already: a line under a seal's ink, or unsure, keeps
// `readAgain`'s. The straight reading is therefore taken only for lone bent lines without one (docs/ocr.md, "cpu30").
// Real PP-OCRv4 inference; the recogniser's runs are told apart by the step that asked for them (nothing asserts time).

const STRAIGHT_READING = 'readLoneBendsStraight';

/** Every session's `run` (the engine's models are its own, loaded once per process). */
const sessions = (ort.InferenceSession as unknown as { prototype: ort.InferenceSession }).prototype;

describe('the straight reading of a lone bent line', { timeout: 300_000 }, () => {
  const run = sessions.run;
  let straightReadings = 0;

  beforeAll(() => {
    sessions.run = function (this: ort.InferenceSession, ...args: Parameters<typeof run>) {
      // The step that asked for the run is on the stack (V8 keeps the awaiting async frames).
      if ((new Error().stack ?? '').includes(STRAIGHT_READING)) straightReadings++;
      return run.apply(this, args);
    } as typeof run;
  });

  afterAll(() => {
    sessions.run = run;
  });

  it('is not taken for a bent line that is read again under a seal’s ink', async () => {
    // A phone photo of a generated certificate (seen family, seed 10301): a signature across the issue date under the
    // red seal bends that line, the only bent one on the page; the seal's ink over it has it read again as stored.
    const bytes = readFileSync(new URL('../fixtures/ocr/signed-date-under-seal-photo.jpg', import.meta.url));
    straightReadings = 0;

    const page = await createPaddleOcrEngine({ intraOpNumThreads: 1 }).recognize({ bytes, pageNumber: 1 });

    const date = page.lines.find((line) => line.text.startsWith('发证日期'));
    expect(date?.secondReading).toBeDefined();
    expect(straightReadings).toBe(0);
  });
});
