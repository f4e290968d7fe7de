import { beforeAll, describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import {
  DEFAULT_RECOGNITION_SETTINGS,
  firstSlotWidth,
  glyphsReadAsPrinted,
  hanThroughout,
  PP_OCR_RECOGNITION_SETTINGS,
  recognitionSlotWidth,
  narrowReadingStands,
  sureThroughout,
  type RecognisedText,
} from '../../shared/ocr/text-lines.js';
import { certificateLines, certificateTexts, renderTextPage } from './page-factory.js';

describe('recognitionSlotWidth', () => {
  const padded = DEFAULT_RECOGNITION_SETTINGS;
  const bare = { minWidth: 96, paddedFrom: 0, trailingPadding: 0 };
  it.each([
    { crop: 131, settings: PP_OCR_RECOGNITION_SETTINGS, slot: 320, why: 'PP-OCR pads every narrower crop to 320 px' },
    { crop: 131, settings: padded, slot: 200, why: 'a short crop keeps 64 px of padding after it, rounded up to the column stride of 8' },
    { crop: 53, settings: padded, slot: 320, why: 'a crop of one or two characters is padded to 320 px: it flips to Latin look-alikes otherwise' },
    { crop: 96, settings: padded, slot: 160, why: 'from two characters on, a crop is read with its padding after it' },
    { crop: 270, settings: padded, slot: 320, why: 'crop and padding never take more than PP-OCR’s 320 px' },
    { crop: 131, settings: bare, slot: 136, why: 'without padding, a short crop is read at its own width rounded up to 8' },
    { crop: 40, settings: bare, slot: 96, why: 'a crop narrower than the floor is padded to the floor' },
    { crop: 417, settings: padded, slot: 417, why: 'from 320 px on, a crop is read at its own width, as before' },
    { crop: 417, settings: PP_OCR_RECOGNITION_SETTINGS, slot: 417, why: 'the same with the 320-px floor' },
  ])('reads a $crop px crop in a $slot px input ($why)', ({ crop, settings, slot }) => {
    expect(recognitionSlotWidth(crop, settings)).toBe(slot);
  });
});

describe('sureThroughout', () => {
  const reading = (characters: string, confidences: number[]): RecognisedText => ({
    text: characters,
    confidence: confidences.reduce((a, b) => a + b, 0) / Math.max(1, confidences.length),
    characters: [...characters],
    characterConfidences: confidences,
    characterPositions: confidences.map((_, k) => (k + 0.5) / confidences.length),
  });

  it('keeps a narrow reading sure in its mean and every character', () => {
    expect(sureThroughout(reading('王晓明', [0.99, 0.97, 0.98]), 0.9)).toBe(true);
  });

  it('confirms a reading whose mean is sure but one character is not (a dropped character hides there)', () => {
    expect(sureThroughout(reading('公孙建', [0.997, 0.86, 0.99]), 0.9)).toBe(false);
  });

  it('confirms an empty reading', () => {
    expect(sureThroughout(reading('', []), 0.9)).toBe(false);
  });
});

describe('firstSlotWidth', () => {
  it('reads a crop of one or two characters with its padding after it first, when narrow readings are confirmed', () => {
    expect(firstSlotWidth(53, DEFAULT_RECOGNITION_SETTINGS)).toBe(120);
  });

  it('pads a crop of one or two characters to 320 px when nothing would confirm its narrow reading', () => {
    expect(firstSlotWidth(53, { ...DEFAULT_RECOGNITION_SETTINGS, confirmBelow: 0 })).toBe(320);
    expect(firstSlotWidth(53, PP_OCR_RECOGNITION_SETTINGS)).toBe(320);
  });

  it('reads wider crops as recognitionSlotWidth lays them out', () => {
    expect(firstSlotWidth(131, DEFAULT_RECOGNITION_SETTINGS)).toBe(200);
    expect(firstSlotWidth(417, DEFAULT_RECOGNITION_SETTINGS)).toBe(417);
  });
});

/** A reading of `characters`, each read at 0.99 at its own step. */
const reading = (characters: string): RecognisedText => ({
  text: characters,
  confidence: 0.99,
  characters: [...characters],
  characterConfidences: [...characters].map(() => 0.99),
  characterPositions: [...characters].map((_, k) => k),
});

describe('hanThroughout', () => {
  it('takes Han characters, and a colon closing them', () => {
    expect(hanThroughout(reading('性'))).toBe(true);
    expect(hanThroughout(reading('别：'))).toBe(true);
    expect(hanThroughout(reading('姓名:'))).toBe(true);
  });

  it('refuses a Latin look-alike, digits, a lone colon and an empty reading', () => {
    expect(hanThroughout(reading('H'))).toBe(false);
    expect(hanThroughout(reading('01'))).toBe(false);
    expect(hanThroughout(reading('：'))).toBe(false);
    expect(hanThroughout(reading(''))).toBe(false);
  });
});

describe('glyphsReadAsPrinted', () => {
  it('keeps sure Han characters that each have room in the crop', () => {
    expect(glyphsReadAsPrinted(reading('性'), 50)).toBe(true);
    expect(glyphsReadAsPrinted(reading('林志'), 76)).toBe(true);
    expect(glyphsReadAsPrinted(reading('别：'), 62)).toBe(true);
  });

  it('refuses more Han characters than the crop has room for (a squeezed reading)', () => {
    expect(glyphsReadAsPrinted(reading('业务'), 44)).toBe(false);
  });

  it('refuses a Latin look-alike', () => {
    expect(glyphsReadAsPrinted(reading('H'), 56)).toBe(false);
  });
});

describe('narrowReadingStands', () => {
  const reading = (characters: string, confidences: number[]): RecognisedText => ({
    text: characters,
    confidence: confidences.reduce((a, b) => a + b, 0) / Math.max(1, confidences.length),
    characters: [...characters],
    characterConfidences: confidences,
    characterPositions: confidences.map((_, k) => (k + 0.5) / confidences.length),
  });

  it('keeps a label unsure only of its closing colon (the 320-px reading gives the same label)', () => {
    expect(narrowReadingStands(reading('证书号：', [0.99, 0.99, 0.98, 0.56]), 0.9)).toBe(true);
    expect(narrowReadingStands(reading('作业类别:', [0.99, 0.97, 0.99, 0.98, 0.64]), 0.9)).toBe(true);
  });

  it('confirms a label unsure before its colon', () => {
    expect(narrowReadingStands(reading('证书号：', [0.99, 0.72, 0.98, 0.56]), 0.9)).toBe(false);
  });

  it('confirms a line unsure of a mark inside it (a drifted reading)', () => {
    expect(narrowReadingStands(reading('法、定代表人：', [0.99, 0.6, 0.99, 0.98, 0.99, 0.99, 0.98]), 0.9)).toBe(false);
  });

  it('confirms a colon read alone', () => {
    expect(narrowReadingStands(reading('：', [0.6]), 0.9)).toBe(false);
  });

  it('keeps what sureThroughout keeps', () => {
    expect(narrowReadingStands(reading('王晓明', [0.99, 0.97, 0.98]), 0.9)).toBe(true);
    expect(narrowReadingStands(reading('公孙建', [0.997, 0.86, 0.99]), 0.9)).toBe(false);
  });
});

// Real PP-OCRv4 inference on one small page (CPU is shared: keep this file small).
describe('PaddleOcrEngine reading narrow crops with padding after them', () => {
  let padded: OcrPage;
  let ppOcr: OcrPage;
  let unconfirmed: OcrPage;

  beforeAll(async () => {
    // Every certificate line but the issuer is narrower than 320 px at the recogniser's 48-px height.
    const bytes = await renderTextPage(certificateLines);
    padded = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    ppOcr = await createPaddleOcrEngine({ recognition: PP_OCR_RECOGNITION_SETTINGS }).recognize({ bytes, pageNumber: 1 });
    // Every narrow reading confirmed at 320 px: the page must read exactly as PP-OCR's layout reads it.
    unconfirmed = await createPaddleOcrEngine({ recognition: { confirmBelow: 1.01 } }).recognize({ bytes, pageNumber: 1 });
  }, 60_000);

  it('reads short lines as the 320-px padding read them', () => {
    expect(padded.lines.map((line) => line.text)).toEqual(certificateTexts);
    expect(ppOcr.lines.map((line) => line.text)).toEqual(certificateTexts);
    for (const line of padded.lines) expect(line.confidence).toBeGreaterThan(0.9);
  });

  it('replaces every doubtful narrow reading by the 320-px reading', () => {
    expect(unconfirmed.lines.map((line) => [line.text, line.confidence])).toEqual(ppOcr.lines.map((line) => [line.text, line.confidence]));
  });

  it('places each character of a short line along it, not along the padding after it', () => {
    const name = padded.lines[1];
    expect(name.words?.map((word) => word.text).join('')).toBe('姓名：王晓明');
    // The name line is drawn at x = 80 in 34-px type: 王 is the fourth character, 明 the last (ends near 80 + 6 × 34).
    const centre = (text: string) => {
      const word = name.words!.find((w) => w.text === text)!;
      return word.box.x + word.box.width / 2;
    };
    expect(centre('王')).toBeGreaterThan(80 + 2.5 * 34);
    expect(centre('王')).toBeLessThan(80 + 4 * 34);
    expect(centre('明')).toBeGreaterThan(80 + 4.5 * 34);
    expect(centre('明')).toBeLessThan(80 + 6.5 * 34);
  });
});
