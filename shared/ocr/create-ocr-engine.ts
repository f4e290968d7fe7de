import { OcrEngineUnknownError } from './errors.js';
import type { OcrEngine } from './ocr-engine.js';
import { createPaddleOcrEngine } from './paddle-ocr-engine.js';

export const OCR_ENGINE_NAMES = ['paddle', 'textract'] as const;
export type OcrEngineName = (typeof OCR_ENGINE_NAMES)[number];

/**
 * How each engine is built. The Textract engine needs an AWS client, which the domain must not import: the
 * composition root (a Lambda handler, `local/start.ts`, the CLI) passes a factory that builds it.
 */
export interface OcrEngineFactories {
  paddle?: () => OcrEngine;
  textract?: () => OcrEngine;
}

/**
 * The engine named by the `OCR_ENGINE` setting (`paddle` when unset).
 *
 * @example
 * const engine = createOcrEngine(ocrEngineNameFrom(process.env), {
 *   textract: () => new TextractOcrEngine({ client: new TextractClient({}) }),
 * });
 */
export function createOcrEngine(name: OcrEngineName, factories: OcrEngineFactories = {}): OcrEngine {
  switch (name) {
    case 'paddle':
      return (factories.paddle ?? createPaddleOcrEngine)();
    case 'textract':
      if (!factories.textract) throw new OcrEngineUnknownError('textract');
      return factories.textract();
    default:
      throw new OcrEngineUnknownError(String(name));
  }
}

/**
 * Reads `OCR_ENGINE` from the environment: `paddle` (default) or `textract`; anything else is refused.
 *
 * @example
 * ocrEngineNameFrom({ OCR_ENGINE: 'textract' }); // 'textract'
 */
export function ocrEngineNameFrom(env: Record<string, string | undefined>): OcrEngineName {
  const value = (env.OCR_ENGINE ?? '').trim().toLowerCase() || 'paddle';
  if (!(OCR_ENGINE_NAMES as readonly string[]).includes(value)) throw new OcrEngineUnknownError(value);
  return value as OcrEngineName;
}
