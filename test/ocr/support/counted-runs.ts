import type { PaddleModels } from '../../../shared/ocr/paddle-models.js';

/**
 * `models` with each run of its recogniser counted (one crop a run), for tests that pin how many recognitions a step
 * asks for.
 *
 * @example
 * const counted = withCountedRecognitions(models);
 * await labelOverValue(counted.models, …);
 * counted.runs(); // 1
 */
export function withCountedRecognitions(models: PaddleModels): { models: PaddleModels; runs: () => number; reset: () => void } {
  let runs = 0;
  const recognition = new Proxy(models.recognition, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key, target);
      if (key !== 'run' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        runs++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { models: { ...models, recognition }, runs: () => runs, reset: () => (runs = 0) };
}
