import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldedModel } from '../../shared/ocr/folded-models.js';
import { decodeModel } from '../../shared/ocr/onnx-graph.js';
import { defaultPaddleModelPaths } from '../../shared/ocr/paddle-models.js';
import { renderTextPage } from './page-factory.js';

const paths = defaultPaddleModelPaths();
const sessionOptions: ort.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all', intraOpNumThreads: 1, enableMemPattern: false };

/** A rendered line as the recogniser's input: 48 px high, RGB scaled to [-1, 1], CHW. */
async function lineInput(text: string): Promise<ort.Tensor> {
  const png = await renderTextPage([{ text, x: 6, y: 40 }], { width: 24 + 34 * text.length, height: 52 });
  // Cropped to the ink with a small margin, as the engine crops a detected line.
  const line = await sharp(png).trim().extend({ top: 6, bottom: 6, left: 6, right: 6, background: '#ffffff' }).png().toBuffer();
  const { data, info } = await sharp(line).resize({ height: 48 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width } = info;
  const input = new Float32Array(3 * 48 * width);
  for (let i = 0; i < 48 * width; i++) for (let c = 0; c < 3; c++) input[c * 48 * width + i] = data[i * 3 + c]! / 127.5 - 1;
  return new ort.Tensor('float32', input, [1, 3, 48, width]);
}

/** Greedy CTC decoding of the recogniser's output. */
function ctcText(output: ort.Tensor, alphabet: string[]): string {
  const [, steps, classes] = output.dims as [number, number, number];
  const scores = output.data as Float32Array;
  let text = '';
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (scores[t * classes + c]! > scores[t * classes + best]!) best = c;
    if (best !== 0 && best !== previous) text += alphabet[best - 1];
    previous = best;
  }
  return text;
}

// Real PP-OCRv4 models (the folding runs on the shipped files); CPU is shared, so one line and one small page.
describe('foldedModel', () => {
  const alphabet = [
    ...readFileSync(paths.dictionary, 'utf8')
      .replace(/\r/g, '')
      .split('\n')
      .filter((c) => c !== ''),
    ' ',
  ];
  let shippedRecogniser: ort.InferenceSession;
  let foldedRecogniser: ort.InferenceSession;

  beforeAll(async () => {
    const recogniser = readFileSync(paths.recognition);
    shippedRecogniser = await ort.InferenceSession.create(recogniser, sessionOptions);
    foldedRecogniser = await ort.InferenceSession.create(foldedModel(recogniser).bytes, sessionOptions);
  });

  it('folds the recogniser’s affine blocks into its convolutions and writes each hard-swish in two ops', () => {
    const shipped = readFileSync(paths.recognition);

    const { bytes, folds } = foldedModel(shipped);

    expect(folds).toEqual({ affineAfterConvs: 28, hardSwishes: 28, affineBeforeConvs: 12 });
    const ops = decodeModel(bytes).nodes.map((node) => node.opType);
    expect(ops.filter((op) => op === 'Clip')).toHaveLength(0);
    expect(ops.filter((op) => op === 'HardSigmoid')).toHaveLength(28 + 2);
  });

  it('reads a rendered line with the folded recogniser as the shipped one reads it', async () => {
    const input = await lineInput('发证日期：2021年06月18日');

    const shipped = await shippedRecogniser.run({ [shippedRecogniser.inputNames[0]!]: input });
    const folded = await foldedRecogniser.run({ [foldedRecogniser.inputNames[0]!]: input });

    const shippedScores = shipped[shippedRecogniser.outputNames[0]!]!;
    const foldedScores = folded[foldedRecogniser.outputNames[0]!]!;
    expect(ctcText(foldedScores, alphabet)).toBe('发证日期：2021年06月18日');
    expect(ctcText(foldedScores, alphabet)).toBe(ctcText(shippedScores, alphabet));
    const a = shippedScores.data as Float32Array;
    const b = foldedScores.data as Float32Array;
    let largest = 0;
    for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]! - b[i]!));
    expect(largest).toBeLessThan(1e-3);
  });

  it('gives the folded detector the shipped detector’s probability map up to float rounding', async () => {
    const detector = readFileSync(paths.detection);
    const { bytes, folds } = foldedModel(detector);
    const shippedSession = await ort.InferenceSession.create(detector, sessionOptions);
    const foldedSession = await ort.InferenceSession.create(bytes, sessionOptions);
    const png = await renderTextPage([{ text: '姓名：王晓明', x: 20, y: 60 }], { width: 320, height: 96 });
    const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const input = new Float32Array(3 * 96 * 320);
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    for (let i = 0; i < 96 * 320; i++) for (let c = 0; c < 3; c++) input[c * 96 * 320 + i] = (data[i * 3 + c]! / 255 - mean[c]!) / std[c]!;
    const tensor = new ort.Tensor('float32', input, [1, 3, 96, 320]);

    const shipped = (await shippedSession.run({ [shippedSession.inputNames[0]!]: tensor }))[shippedSession.outputNames[0]!]!.data as Float32Array;
    const folded = (await foldedSession.run({ [foldedSession.inputNames[0]!]: tensor }))[foldedSession.outputNames[0]!]!.data as Float32Array;

    expect(folds).toEqual({ affineAfterConvs: 28, hardSwishes: 24, affineBeforeConvs: 10 });
    let largest = 0;
    let text = 0;
    let crossed = 0;
    for (let i = 0; i < shipped.length; i++) {
      largest = Math.max(largest, Math.abs(shipped[i]! - folded[i]!));
      if (shipped[i]! > 0.3) text++;
      if (folded[i]! > 0.3 !== shipped[i]! > 0.3) crossed++;
    }
    expect(text).toBeGreaterThan(500);
    expect(crossed).toBe(0);
    expect(largest).toBeLessThan(1e-3);
  });
});
