import { describe, expect, it } from 'vitest';
import { processWorkerLayout } from '../../local/embedded-stack.js';

describe('processWorkerLayout', () => {
  it('starts one process worker per queued batch, each with a one-thread OCR engine, on two cores', () => {
    expect(processWorkerLayout(2, {}, 2)).toEqual({ workers: 2, ocrThreads: 1, ocrLayout: 'engine' });
  });

  it('never starts more workers than cores, and gives a lone worker every core', () => {
    expect(processWorkerLayout(8, {}, 2)).toEqual({ workers: 2, ocrThreads: 1, ocrLayout: 'engine' });
    expect(processWorkerLayout(1, {}, 4)).toEqual({ workers: 1, ocrThreads: 4, ocrLayout: 'engine' });
    expect(processWorkerLayout(2, { count: 1 }, 2)).toEqual({ workers: 1, ocrThreads: 2, ocrLayout: 'engine' });
  });

  it('runs the pool layout as one process worker with one single-thread OCR engine per core', () => {
    expect(processWorkerLayout(2, { ocrLayout: 'pool' }, 2)).toEqual({ workers: 1, ocrThreads: 2, ocrLayout: 'pool' });
  });
});
