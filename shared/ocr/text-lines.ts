import type * as ort from 'onnxruntime-node';
import { Tensor } from 'onnxruntime-node';
import type { Raster } from './raster.js';
import { acrossAt, type TextRegion } from './text-regions.js';

/** Height of the recogniser's and the direction classifier's input (PP-OCRv4 `rec_image_shape` 3×48×320). */
const LINE_HEIGHT = 48;
/** PP-OCR's recognition width (`rec_image_shape` 3×48×320): what every narrower crop used to be padded to. */
const PP_OCR_RECOGNITION_WIDTH = 320;
/** Beyond this width (≈ 60 characters) a region is squeezed rather than read wider: cost grows with width. */
const MAX_RECOGNITION_WIDTH = 2400;
/**
 * One line per run. ONNX Runtime on CPU gains nothing from batching here: on one thread a crop costs as much in a run
 * of 2–4 crops of the same width as alone, and more in runs of 6–8 (320 px: 21.4 ms alone, 22.7 in 6, 23.9 in 8; 640
 * px: 42 alone, 57 in 6), before any padding to the batch's widest crop (docs/ocr.md "perf14"; `npm run bench -- ocr`
 * prints the figures).
 */
const RECOGNITION_BATCH = 1;
const DIRECTION_WIDTH = 192;
/** A colon that closes a label, full-width or ASCII (`职业名称：`, `作业类别:`). */
const CLOSING_COLON = /^[:：]$/;
const HAN = /^\p{Script=Han}$/u;
/** The least width (in line heights) a printed Han character takes: a narrow reading with more of them is squeezed. */
const HAN_CHARACTER_WIDTH = 0.75;

/**
 * Samples a region of the raster into a normalised BGR tensor slot of `outWidth` × 48, straightening its rotation
 * (bilinear, border replicated). A bent region (`centreLine`, a curled page) is followed: each column is centred on
 * where the line's middle runs there, so the line reads as if printed straight. Pixels past the region's own width are
 * left at 0 (PP-OCR's padding). The one crop sampler of the engine (recognition, second readings, direction).
 *
 * @example
 * sampleRegion(raster, region, input, 0, 320, readingWidth(region));
 */
export function sampleRegion(raster: Raster, region: TextRegion, target: Float32Array, offset: number, slotWidth: number, outWidth: number): void {
  const { data, width, height } = raster;
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const stepU = region.width / outWidth;
  const stepV = region.height / LINE_HEIGHT;
  const originX = region.cx - (region.width / 2) * ux + (region.height / 2) * uy;
  const originY = region.cy - (region.width / 2) * uy - (region.height / 2) * ux;
  const plane = LINE_HEIGHT * slotWidth;
  const line = region.centreLine;
  // Across-line offset of each column (px): where a bent line's middle runs, measured from the region's centre.
  const shift = new Float64Array(outWidth);
  if (line) for (let i = 0; i < outWidth; i++) shift[i] = acrossAt(line, (i + 0.5) * stepU - region.width / 2);
  for (let j = 0; j < LINE_HEIGHT; j++) {
    const v0 = (j + 0.5) * stepV;
    for (let i = 0; i < outWidth; i++) {
      const u = (i + 0.5) * stepU;
      const v = v0 + shift[i];
      let x = originX + u * ux - v * uy - 0.5;
      let y = originY + u * uy + v * ux - 0.5;
      x = x < 0 ? 0 : x > width - 1 ? width - 1 : x;
      y = y < 0 ? 0 : y > height - 1 ? height - 1 : y;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const x1 = x0 + 1 < width ? x0 + 1 : x0;
      const y1 = y0 + 1 < height ? y0 + 1 : y0;
      const fx = x - x0;
      const fy = y - y0;
      const p00 = (y0 * width + x0) * 3;
      const p10 = (y0 * width + x1) * 3;
      const p01 = (y1 * width + x0) * 3;
      const p11 = (y1 * width + x1) * 3;
      const at = offset + j * slotWidth + i;
      for (let c = 0; c < 3; c++) {
        const top = data[p00 + c] + (data[p10 + c] - data[p00 + c]) * fx;
        const bottom = data[p01 + c] + (data[p11 + c] - data[p01 + c]) * fx;
        const value = top + (bottom - top) * fy;
        // RGB in, BGR out, scaled to −1…1.
        target[at + (2 - c) * plane] = value / 127.5 - 1;
      }
    }
  }
}

/**
 * How line crops are laid out for the recogniser.
 *
 * PP-OCRv4's recogniser was trained on 320-px inputs only: a shorter line sits at the left, followed by padding of 0
 * (mid grey after normalising) to 320. Read at its own width, with no padding after it, a short crop is outside what
 * the model has seen, and it drifts on labels and short numbers (`乙` → `Z`, `法定代表人：` → `法、定代表人：`,
 * `49` → `45`). Measured on 351 crops under 320 px of 19 scans and photos (docs/ocr.md, "cost12"): lines read
 * differently from the 320-px reading, ignoring full/half-width punctuation, fell from 14 (own width) to 11, 6 and 5
 * with 16, 96 and 128 px of grey after the crop; white padding doubled them (22), and packing several crops into one
 * input with grey gaps did not help (14–17). What is left differs only on doubtful readings, so a narrow crop is read
 * with `trailingPadding` of grey after it, and read again padded to 320 when it reads under `confirmBelow`. A crop of
 * one or two characters (under `paddedFrom`) still flips to a Latin look-alike with padding after it, and confidently
 * (`工` → `H` at 0.95–0.99, `乙` → `Z`): it is padded to 320 as PP-OCR pads it.
 */
export interface RecognitionSettings {
  /**
   * The narrowest input (px, a multiple of 8): a crop narrower than this is padded to it with 0 (PP-OCR's padding).
   * 320 is PP-OCR's `rec_image_shape`: every narrower crop padded to 320, the engine before cost12.
   */
  minWidth: number;
  /**
   * A crop narrower than this (px at the 48-px height; 96 ≈ two characters) is padded to 320 px, as PP-OCR pads it;
   * when narrow readings are confirmed (`confirmBelow` over 0) it is first read with `trailingPadding` after it and
   * padded to 320 px only if that reading is not sure Han characters (see `firstSlotWidth`).
   */
  paddedFrom: number;
  /**
   * Columns of padding (0, PP-OCR's) kept after a crop narrower than 320 px; the input is the crop's width plus this,
   * rounded up to a multiple of 8 (the recogniser's column stride), and never over 320. Each inference costs CPU in
   * proportion to its width (≈ 0.088 ms a column on one thread, docs/ocr.md "2026-12-05, peers").
   */
  trailingPadding: number;
  /**
   * A crop read in an input narrower than 320 px is read again padded to 320 px, and that reading kept, unless its mean
   * and every character reach this: a doubtful line reads exactly as PP-OCR reads it. Every character, not only the
   * mean: a glare-hit name read `公孙建` (0.997, 0.86, 0.99: mean 0.95) dropped the `燕` the 320 reading had at 0.34.
   * A label unsure only of its closing colon is kept (see `narrowReadingStands`). 0 keeps every narrow reading.
   */
  confirmBelow: number;
}

export const DEFAULT_RECOGNITION_SETTINGS: RecognitionSettings = { minWidth: 8, paddedFrom: 96, trailingPadding: 64, confirmBelow: 0.9 };

/** The engine before cost12 (and PP-OCR): every crop narrower than 320 px padded to 320. */
export const PP_OCR_RECOGNITION_SETTINGS: RecognitionSettings = {
  minWidth: PP_OCR_RECOGNITION_WIDTH,
  paddedFrom: 0,
  trailingPadding: 0,
  confirmBelow: 0,
};

/**
 * The width of the recogniser's input for a crop `readingWidth` px wide: from 320 px on the crop's own width (as it
 * always was read); under `paddedFrom`, 320; between, the crop plus `trailingPadding` rounded up to a multiple of 8, at
 * least `minWidth` and at most 320.
 *
 * @example
 * recognitionSlotWidth(131, DEFAULT_RECOGNITION_SETTINGS); // 200
 * recognitionSlotWidth(131, PP_OCR_RECOGNITION_SETTINGS); // 320
 */
export function recognitionSlotWidth(readingWidth: number, settings: Pick<RecognitionSettings, 'minWidth' | 'paddedFrom' | 'trailingPadding'>): number {
  if (readingWidth >= PP_OCR_RECOGNITION_WIDTH) return Math.max(settings.minWidth, readingWidth);
  if (readingWidth < settings.paddedFrom) return PP_OCR_RECOGNITION_WIDTH;
  const padded = Math.ceil((readingWidth + settings.trailingPadding) / 8) * 8;
  return Math.min(PP_OCR_RECOGNITION_WIDTH, Math.max(settings.minWidth, padded));
}

function readingWidth(region: TextRegion): number {
  return Math.max(8, Math.min(MAX_RECOGNITION_WIDTH, Math.ceil((LINE_HEIGHT * region.width) / region.height)));
}

/** One recognised line: its text, the mean of its characters' probabilities, and each character's probability. */
export interface RecognisedText {
  text: string;
  confidence: number;
  characters: string[];
  characterConfidences: number[];
  /**
   * Where each character sits along the line, as a fraction (0–1) of the region's width, from the CTC step that
   * emitted it: approximate (±½ character), good enough to tell a label from the value after it.
   */
  characterPositions: number[];
  /**
   * For each character the recogniser was unsure of (under `SECOND_CHOICE_BELOW`): its best other class where that is
   * itself substantial (≥ `SECOND_CHOICE_FROM`), as evidence for a code whose check digit fails; undefined elsewhere.
   * Absent when no character has one.
   */
  characterAlternatives?: (CharacterAlternative | undefined)[];
  /**
   * Characters the recogniser half saw between the ones it emitted: where the blank won a run of steps but a letter,
   * digit or CJK character peaked at `HIDDEN_CHARACTER_FROM` or more inside it (a faint `5` before `室`, a `股` lost
   * from `科技份有限公司`). Absent when there is none.
   */
  hiddenCharacters?: HiddenCharacter[];
}

/**
 * A character the greedy decoding dropped: for the blank, with the probability it peaked at; or a repeat of the
 * character before it that the collapse of repeats swallowed, with the probability the blank rose to between the two
 * (`REPEAT_PARTED_FROM`).
 */
export interface HiddenCharacter {
  /** The index in `characters` it would stand before (`characters.length`: after the last). */
  before: number;
  text: string;
  confidence: number;
  /** Where it peaked along the line: a CTC step index in `decodeCtc`, a fraction of the region's width after `recogniseRegions`. */
  position: number;
}

/** The recogniser's second choice for one character: another class and its probability at the same step. */
export interface CharacterAlternative {
  text: string;
  confidence: number;
}

/**
 * A character read under this probability keeps its second choice. Over it the best class is rarely wrong, and a
 * sure page then pays nothing more than the argmax it always paid.
 */
export const SECOND_CHOICE_BELOW = 0.9;
/** A second choice under this probability is noise, not evidence of what was printed. */
export const SECOND_CHOICE_FROM = 0.05;
/**
 * A letter, digit or CJK character that peaks at this probability where the blank still wins is a character the
 * recogniser half saw (`HiddenCharacter`). On 56 phone photos (docs/ocr.md, "photo18") peaks of 0.1–0.5 were dropped
 * characters about as often as not (`一、`, `登记机关`, `科技股份`, `2015.01.13`); under 0.1 mostly noise.
 */
export const HIDDEN_CHARACTER_FROM = 0.1;
/**
 * A run of one character's steps inside which the blank rises to this probability, with the character's steps on both
 * sides, may be two printed repeats that greedy decoding joined: repeats collapse unless a blank wins a step between
 * them, so `116` set tight reads `16` with every character sure. On a scanner-app record (docs/ocr.md, "photo19") the
 * blank between the two `1`s of `116` stood at about half, winning or losing by the crop; inside one character's own
 * run it stays under a tenth.
 */
export const REPEAT_PARTED_FROM = 0.2;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Reads the text of each region with the PP-OCRv4 recogniser (one line per run, see `RECOGNITION_BATCH`) and
 * decodes it with CTC greedy decoding. A crop narrower than 320 px is read with `settings.trailingPadding` of padding
 * after it, and again padded to 320 px if that reading is doubtful (see `RecognitionSettings`). Results are in the
 * order of `regions`.
 *
 * @example
 * const texts = await recogniseRegions(models.recognition, models.alphabet, raster, regions);
 */
export async function recogniseRegions(
  session: ort.InferenceSession,
  alphabet: string[],
  raster: Raster,
  regions: TextRegion[],
  settings: RecognitionSettings = DEFAULT_RECOGNITION_SETTINGS,
): Promise<RecognisedText[]> {
  const results: RecognisedText[] = new Array(regions.length);
  const order = regions.map((_, index) => index).sort((a, b) => readingWidth(regions[a]) - readingWidth(regions[b]));
  const doubtful: number[] = [];
  for (let first = 0; first < order.length; first += RECOGNITION_BATCH) {
    const batch = order.slice(first, first + RECOGNITION_BATCH);
    const slotWidth = Math.max(...batch.map((index) => firstSlotWidth(readingWidth(regions[index]), settings)));
    const glyphs = batch.every((index) => readingWidth(regions[index]) < settings.paddedFrom);
    const read = await readBatch(
      session,
      alphabet,
      raster,
      batch.map((index) => regions[index]),
      slotWidth,
    );
    batch.forEach((index, k) => {
      results[index] = read[k];
      const stands = narrowReadingStands(read[k], settings.confirmBelow) && (!glyphs || glyphsReadAsPrinted(read[k], readingWidth(regions[index])));
      if (slotWidth < PP_OCR_RECOGNITION_WIDTH && !stands) doubtful.push(index);
    });
  }
  // A doubtful narrow reading is replaced by PP-OCR's own: the crop padded to 320 px.
  for (const index of doubtful) [results[index]] = await readBatch(session, alphabet, raster, [regions[index]], PP_OCR_RECOGNITION_WIDTH);
  return results;
}

/**
 * The input width a crop is read in first: `recognitionSlotWidth`, but a crop of one or two characters (under
 * `paddedFrom`) is first read with `trailingPadding` after it too, when narrow readings are confirmed at all
 * (`confirmBelow` over 0), and kept only if it reads sure Han characters with room for each (see `glyphsReadAsPrinted`); otherwise it is read
 * again padded to 320 px, as PP-OCR pads it. Such a crop flips to a Latin look-alike with padding after it (`工` →
 * `H`), never seen to another Han character: on 18 files of a seen sample (docs/ocr.md, "cpu28") 65 of 92 read sure
 * Han narrow, every one as at 320 px, and `工` read `H` at 0.89.
 *
 * @example
 * firstSlotWidth(53, DEFAULT_RECOGNITION_SETTINGS); // 120
 * firstSlotWidth(53, { ...DEFAULT_RECOGNITION_SETTINGS, confirmBelow: 0 }); // 320
 */
export function firstSlotWidth(readingWidth: number, settings: RecognitionSettings): number {
  const glyphs = readingWidth < settings.paddedFrom && settings.confirmBelow > 0;
  return recognitionSlotWidth(readingWidth, glyphs ? { ...settings, paddedFrom: 0 } : settings);
}

/**
 * A narrow reading of a crop of one or two characters that may stand: Han characters only (`hanThroughout`), and no
 * more of them than the crop has room for at ¾ of a line height each (a printed Han character takes about a square;
 * more is a squeezed reading, which is read again padded to 320 px). On 23 files of a seen sample no sure Han reading
 * of such a crop took less room than that (docs/ocr.md, "cpu28").
 *
 * @example
 * glyphsReadAsPrinted(reading('性'), 50); // true
 * glyphsReadAsPrinted(reading('业务'), 44); // false: two characters in less than 1½ line heights
 */
export function glyphsReadAsPrinted(read: RecognisedText, readingWidth: number): boolean {
  const han = read.characters.filter((c) => HAN.test(c)).length;
  return hanThroughout(read) && han * HAN_CHARACTER_WIDTH * LINE_HEIGHT <= readingWidth;
}

/** Every character of the reading is a Han character, but for a colon that closes it (`性`, `别：`). */
export function hanThroughout(read: RecognisedText): boolean {
  const last = read.characters.length - 1;
  return read.characters.length > 0 && read.characters.every((c, k) => HAN.test(c) || (k === last && k > 0 && CLOSING_COLON.test(c)));
}

/**
 * The reading's mean and every character's probability reach `floor` (an empty reading never does).
 *
 * @example
 * sureThroughout({ text: '公孙建', confidence: 0.95, characterConfidences: [0.997, 0.86, 0.99], … }, 0.9); // false
 */
export function sureThroughout(read: RecognisedText, floor: number): boolean {
  return read.characters.length > 0 && read.confidence >= floor && read.characterConfidences.every((c) => c >= floor);
}

/**
 * A narrow reading is kept, not read again padded to 320 px, when it is sure throughout (`sureThroughout`), or when
 * everything before a colon that closes it is: the narrow crop is often unsure of a label's closing colon (0.5–0.8),
 * and the 320-px reading of such a label read the same characters, the colon at most turned full-width or ASCII, on
 * every one of them (docs/ocr.md, "cpu28"), so reading it again paid an inference for nothing. A line doubtful before
 * its colon, or unsure of a colon inside it (`法、定代表人：`), is still confirmed.
 *
 * @example
 * narrowReadingStands({ text: '证书号：', characters: ['证', '书', '号', '：'], characterConfidences: [0.99, 0.99, 0.98, 0.56], … }, 0.9); // true
 */
export function narrowReadingStands(read: RecognisedText, floor: number): boolean {
  if (sureThroughout(read, floor)) return true;
  const last = read.characters.length - 1;
  if (last < 1 || !CLOSING_COLON.test(read.characters[last])) return false;
  const before = read.characterConfidences.slice(0, last);
  return before.every((c) => c >= floor) && before.reduce((a, b) => a + b, 0) / before.length >= floor;
}

/** One inference over `regions` (each sampled at its reading width into a `slotWidth` px slot), CTC-decoded. */
async function readBatch(
  session: ort.InferenceSession,
  alphabet: string[],
  raster: Raster,
  regions: TextRegion[],
  slotWidth: number,
): Promise<RecognisedText[]> {
  const slot = 3 * LINE_HEIGHT * slotWidth;
  const input = new Float32Array(regions.length * slot);
  regions.forEach((region, k) => sampleRegion(raster, region, input, k * slot, slotWidth, readingWidth(region)));
  const outputs = await session.run({
    [session.inputNames[0]]: new Tensor('float32', input, [regions.length, 3, LINE_HEIGHT, slotWidth]),
  });
  const output = outputs[session.outputNames[0]];
  const [, steps, classes] = output.dims as number[];
  const probabilities = output.data as Float32Array;
  return regions.map((region, k) => {
    const decoded = decodeCtc(probabilities, k * steps * classes, steps, classes, alphabet);
    // Steps span the whole slot; the region itself fills only its reading width of it.
    const stepWidth = slotWidth / steps;
    const regionWidth = readingWidth(region);
    const fraction = (step: number) => ((step + 0.5) * stepWidth) / regionWidth;
    decoded.characterPositions = decoded.characterPositions.map((step) => Math.min(1, fraction(step)));
    if (decoded.hiddenCharacters) {
      // A peak in the padding after the crop is no character of the line.
      const inside = decoded.hiddenCharacters.flatMap((hidden) => (fraction(hidden.position) < 1 ? [{ ...hidden, position: fraction(hidden.position) }] : []));
      if (inside.length > 0) decoded.hiddenCharacters = inside;
      else delete decoded.hiddenCharacters;
    }
    return decoded;
  });
}

/**
 * Characters set at least this many times the region's height apart fill it with one line of print: a title in large
 * type. A label over its value boxed as one region (`two-band-lines.ts`) holds the value in the region's lower part, so
 * the value's glyphs stand closer than its height: on the seen moiré and small-label photos where `labelOverValue`
 * parted such a pair (docs/ocr.md, "cpu33") its whole reading's pitch was 0.27–0.58 of the region's height; the
 * titles it tried and never parted (`中华人民共和国职业资格证书`, `营业执照`, `劳动合同书`, `特种作业操作证`) 0.94–1.55.
 */
export const ONE_LINE_PITCH = 0.8;

/**
 * A region read as one line of print as tall as the region (`ONE_LINE_PITCH`): the mean distance between its first and
 * last characters' positions, per character, against the region's height. A reading of fewer than two characters says
 * nothing and is false.
 *
 * @example
 * fillsRegionHeight(region(340, 60, 664, 44), reading('中华人民共和国职业资格证书')); // true: 51 px apart, 44 px tall
 */
export function fillsRegionHeight(region: Pick<TextRegion, 'width' | 'height'>, read: Pick<RecognisedText, 'characterPositions'>): boolean {
  const positions = read.characterPositions;
  if (positions.length < 2 || region.height <= 0) return false;
  const pitch = ((positions[positions.length - 1] - positions[0]) * region.width) / (positions.length - 1);
  return pitch >= ONE_LINE_PITCH * region.height;
}

/**
 * Greedy CTC decoding: the most likely class at each step, repeats collapsed, blanks (class 0) dropped. A character
 * whose steps are unsure (under `SECOND_CHOICE_BELOW`) keeps its best other non-blank class, when that reaches
 * `SECOND_CHOICE_FROM` at one of its steps, in `characterAlternatives`: only those steps are scanned a second time.
 * Where the blank wins a run of steps over a letter, digit or CJK character at `HIDDEN_CHARACTER_FROM` or more (one
 * that is not the character emitted just before or after the run: its own fringe), that character is kept in
 * `hiddenCharacters`; the pass that finds each step's likeliest class finds it, so this costs nothing more. So is a
 * repeat of a letter, digit or CJK character whose run the blank nearly parted (`REPEAT_PARTED_FROM`): `1` after the
 * `1` of `16` where the page has `116`.
 *
 * @example
 * decodeCtc(probabilities, 0, 80, alphabet.length + 1, alphabet); // { text: '王晓明', confidence: 0.99, … }
 */
export function decodeCtc(probabilities: Float32Array, offset: number, steps: number, classes: number, alphabet: string[]): RecognisedText {
  const characters: string[] = [];
  const characterConfidences: number[] = [];
  const characterSteps: number[] = [];
  let alternatives: (CharacterAlternative | undefined)[] | undefined;
  let hidden: HiddenCharacter[] | undefined;
  // Inside the current run of blank steps: the likeliest character other than the one emitted before the run (whose
  // fringe it is), and the likeliest of another class again, in case the first is the fringe of the one after.
  const none = { index: 0, probability: 0, step: 0 };
  let peak = none;
  let runnerUp = none;
  let emittedBefore = -1;
  const closeRun = (emittedAfter: number) => {
    const chosen = peak.index !== emittedAfter ? peak : runnerUp;
    const text = alphabet[chosen.index - 1] ?? '';
    if (chosen.probability >= HIDDEN_CHARACTER_FROM && WORD_CHARACTER.test(text)) {
      hidden ??= [];
      hidden.push({ before: characters.length, text, confidence: chosen.probability, position: chosen.step });
    }
    peak = none;
    runnerUp = none;
  };
  let previous = -1;
  // Inside the current run of one character's steps: the blank's highest probability at a step with that character's
  // steps on both sides (where two printed repeats would be parted), and where. A step becomes a candidate when the
  // run reaches it and counts once the run goes on past it.
  let parting = none;
  let partingCandidate = none;
  const closeCharacterRun = () => {
    const repeated = characters[characters.length - 1];
    if (parting.probability >= REPEAT_PARTED_FROM && WORD_CHARACTER.test(repeated)) {
      hidden ??= [];
      hidden.push({ before: characters.length, text: repeated, confidence: parting.probability, position: parting.step });
    }
    parting = none;
    partingCandidate = none;
  };
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    // The likeliest non-blank class, then the blank against it: the one pass over the classes greedy decoding needs.
    let likeliest = 1;
    let likeliestProbability = probabilities[base + 1];
    for (let c = 2; c < classes; c++) {
      if (probabilities[base + c] > likeliestProbability) {
        likeliest = c;
        likeliestProbability = probabilities[base + c];
      }
    }
    const blankWins = probabilities[base] >= likeliestProbability;
    const best = blankWins ? 0 : likeliest;
    const bestProbability = blankWins ? probabilities[base] : likeliestProbability;
    if (blankWins && likeliest !== emittedBefore && likeliestProbability > runnerUp.probability) {
      const seen = { index: likeliest, probability: likeliestProbability, step: t };
      if (likeliestProbability > peak.probability) {
        if (likeliest !== peak.index) runnerUp = peak;
        peak = seen;
      } else if (likeliest !== peak.index) runnerUp = seen;
    }
    if (best !== 0 && best === previous) {
      // The run goes on: a step of it where the blank rose parts two repeats if the character's steps follow it again.
      if (partingCandidate.probability > parting.probability) parting = partingCandidate;
      partingCandidate = { index: 0, probability: probabilities[base], step: t };
    }
    if (best !== previous && previous > 0) closeCharacterRun();
    if (best !== 0 && best !== previous) {
      if (peak.probability > 0) closeRun(best);
      emittedBefore = best;
      characters.push(alphabet[best - 1] ?? '');
      characterConfidences.push(bestProbability);
      characterSteps.push(t);
    }
    // Every step of the character's run counts: its second choice may peak on a step after the one that emitted it.
    if (best !== 0 && bestProbability < SECOND_CHOICE_BELOW) {
      const other = secondChoice(probabilities, base, classes, best);
      const k = characters.length - 1;
      if (other.probability >= SECOND_CHOICE_FROM && other.probability > (alternatives?.[k]?.confidence ?? 0)) {
        alternatives ??= [];
        alternatives[k] = { text: alphabet[other.index - 1] ?? '', confidence: other.probability };
      }
    }
    previous = best;
  }
  if (previous > 0) closeCharacterRun();
  if (peak.probability > 0) closeRun(-1);
  const confidence = characterConfidences.length === 0 ? 0 : characterConfidences.reduce((a, b) => a + b, 0) / characterConfidences.length;
  // characterPositions holds CTC step indices here; recogniseRegions turns them into fractions of the line.
  const decoded: RecognisedText = { text: characters.join(''), confidence, characters, characterConfidences, characterPositions: characterSteps };
  if (alternatives) decoded.characterAlternatives = Array.from({ length: characters.length }, (_, k) => alternatives[k]);
  if (hidden) decoded.hiddenCharacters = hidden;
  return decoded;
}

/** The most likely non-blank class at one step other than `best`. */
function secondChoice(probabilities: Float32Array, base: number, classes: number, best: number): { index: number; probability: number } {
  let index = 0;
  let probability = 0;
  for (let c = 1; c < classes; c++) {
    if (c !== best && probabilities[base + c] > probability) {
      index = c;
      probability = probabilities[base + c];
    }
  }
  return { index, probability };
}

/**
 * PP-OCR's text-direction classifier on the given regions: for each, the probability that it is upside down.
 *
 * @example
 * const upsideDown = await classifyUpsideDown(models.direction, raster, longestRegions);
 */
export async function classifyUpsideDown(session: ort.InferenceSession, raster: Raster, regions: TextRegion[]): Promise<number[]> {
  if (regions.length === 0) return [];
  const slot = 3 * LINE_HEIGHT * DIRECTION_WIDTH;
  const input = new Float32Array(regions.length * slot);
  // Rectangles, as the classifier has always been shown (a bent line's crop is followed only for reading).
  regions.forEach(({ centreLine: _bend, ...rectangle }, k) =>
    sampleRegion(raster, rectangle, input, k * slot, DIRECTION_WIDTH, Math.min(DIRECTION_WIDTH, readingWidth(rectangle))),
  );
  const outputs = await session.run({
    [session.inputNames[0]]: new Tensor('float32', input, [regions.length, 3, LINE_HEIGHT, DIRECTION_WIDTH]),
  });
  const scores = outputs[session.outputNames[0]].data as Float32Array;
  // Output per region: [P(0°), P(180°)].
  return regions.map((_, k) => scores[k * 2 + 1]);
}
