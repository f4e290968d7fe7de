import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { withHiddenCharactersOf } from '../../shared/ocr/paddle-ocr-engine.js';
import { decodeCtc, HIDDEN_CHARACTER_FROM, REPEAT_PARTED_FROM } from '../../shared/ocr/text-lines.js';
import { withHiddenCharactersUnconfirmed } from '../../shared/ocr/unsure-characters.js';
import { ctcSteps } from '../support/ctc-steps.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

// A faint character inside a boxed line can lose to CTC's blank at every step while the recogniser half sees it: the
// line reads `室` for `5室`, `科技份有限公司` for `科技股份有限公司`, every character sure (docs/ocr.md, "photo18").
// Real models in the engine test; the machine is shared, so the timeout is generous (nothing here asserts time).

const ALPHABET = ['0', '1', '5', '室', '股', '份', ' ', '、'];
const CLASSES = ALPHABET.length + 1;

/** CTC output with one row per step over this file's alphabet (`ctcSteps`). */
const steps = (rows: Record<string, number>[]): Float32Array => ctcSteps(ALPHABET, rows);

const decode = (rows: Record<string, number>[]) => decodeCtc(steps(rows), 0, rows.length, CLASSES, ALPHABET);

describe('decodeCtc, characters the blank outweighed', () => {
  it('keeps a digit that peaked under the blank before the first character, with where it would stand', () => {
    // Prepare: `5` at 0.2 (the blank at 0.8) two steps before a sure `室`.
    const read = decode([{}, { '5': 0.2 }, {}, { 室: 0.99 }, {}]);
    // Assess: the text is what greedy decoding always gave; the `5` is kept beside it.
    expect(read.text).toBe('室');
    expect(read.hiddenCharacters).toHaveLength(1);
    expect(read.hiddenCharacters![0]).toMatchObject({ before: 0, text: '5', position: 1 });
    expect(read.hiddenCharacters![0].confidence).toBeCloseTo(0.2, 5);
  });

  it('keeps a character lost between two read ones, at its strongest step', () => {
    const read = decode([{ 份: 0.02 }, { 股: 0.12 }, { 股: 0.3 }, {}, { 份: 0.98 }]);
    expect(read.text).toBe('份');
    expect(read.hiddenCharacters).toEqual([expect.objectContaining({ before: 0, text: '股', position: 2 })]);
    const middle = decode([{ 股: 0.97 }, {}, { '1': 0.4 }, {}, { 份: 0.99 }]);
    expect(middle.text).toBe('股份');
    expect(middle.hiddenCharacters).toEqual([expect.objectContaining({ before: 1, text: '1' })]);
  });

  it("does not count a read character's own fringe, a space or punctuation, nor a peak under the floor", () => {
    // `室`'s fringe on the steps round it; a space and a `、` under the blank; a `5` just under the floor.
    const fringe = decode([{ 室: 0.3 }, { 室: 0.99 }, { 室: 0.4 }, {}]);
    expect(fringe.hiddenCharacters).toBeUndefined();
    const spaced = decode([{ 股: 0.99 }, { ' ': 0.45 }, { '、': 0.3 }, { 份: 0.99 }]);
    expect(spaced.text).toBe('股份');
    expect(spaced.hiddenCharacters).toBeUndefined();
    const faint = decode([{ '5': HIDDEN_CHARACTER_FROM - 0.01 }, {}, { 室: 0.99 }]);
    expect(faint.hiddenCharacters).toBeUndefined();
  });

  it('keeps a repeat the collapse of repeats swallowed where the blank rose inside the run', () => {
    // Prepare: `115` printed tight, the two `1`s one run of steps; the blank rises to 0.45 between them and loses.
    const read = decode([{}, { '1': 0.97 }, { '1': 0.55 }, { '1': 0.93 }, { '5': 0.99 }, {}]);
    // Assess: greedy decoding still reads `15`; the second `1` is kept after the first, at the blank's probability.
    expect(read.text).toBe('15');
    expect(read.hiddenCharacters).toHaveLength(1);
    expect(read.hiddenCharacters![0]).toMatchObject({ before: 1, text: '1', position: 2 });
    expect(read.hiddenCharacters![0].confidence).toBeCloseTo(0.45, 5);
  });

  it('does not take a run’s own edges, a run sure throughout, or a space’s run for a swallowed repeat', () => {
    // The blank high only on the run's first and last steps: the character's fringe, one character.
    const edges = decode([{ 股: 0.6 }, { 股: 0.99 }, { 股: 0.98 }, { 股: 0.6 }, {}]);
    expect(edges.text).toBe('股');
    expect(edges.hiddenCharacters).toBeUndefined();
    // The blank just under the floor inside the run.
    const sure = decode([{ '0': 0.99 }, { '0': 1.01 - REPEAT_PARTED_FROM }, { '0': 0.99 }]);
    expect(sure.hiddenCharacters).toBeUndefined();
    const spaced = decode([{ 股: 0.99 }, { ' ': 0.9 }, { ' ': 0.55 }, { ' ': 0.9 }, { 份: 0.99 }]);
    expect(spaced.text).toBe('股 份');
    expect(spaced.hiddenCharacters).toBeUndefined();
  });

  it('reads the same text and confidences as plain greedy decoding', () => {
    const rows: Record<string, number>[] = [{ '1': 0.6, '5': 0.2 }, { '1': 0.45 }, {}, { '5': 0.3 }, { '0': 0.7 }, { '0': 0.5 }, {}, { '0': 0.9 }];
    const read = decode(rows);
    expect(read.text).toBe('100');
    expect(read.characterConfidences.map((c) => Number(c.toFixed(2)))).toEqual([0.6, 0.7, 0.9]);
    expect(read.hiddenCharacters).toEqual([expect.objectContaining({ before: 1, text: '5' })]);
  });
});

describe('withHiddenCharactersUnconfirmed', () => {
  it('caps the letters, digits or CJK characters on both sides of a hidden character, past punctuation', () => {
    const read = { ...evenlySpacedReading('170、室', 0.99), hiddenCharacters: [{ before: 3, text: '5', confidence: 0.2, position: 0.6 }] };
    const capped = withHiddenCharactersUnconfirmed(read, 0.5);
    expect(capped.characterConfidences).toEqual([0.99, 0.99, 0.5, 0.99, 0.5]);
    expect(capped.text).toBe('170、室');
  });

  it('caps the one neighbour a hidden character at either end has', () => {
    const head = { ...evenlySpacedReading('室', 0.99), hiddenCharacters: [{ before: 0, text: '5', confidence: 0.2, position: 0.1 }] };
    expect(withHiddenCharactersUnconfirmed(head, 0.5).characterConfidences).toEqual([0.5]);
    const tail = { ...evenlySpacedReading('俞梓', 0.99), hiddenCharacters: [{ before: 2, text: '晓', confidence: 0.2, position: 0.9 }] };
    expect(withHiddenCharactersUnconfirmed(tail, 0.5).characterConfidences).toEqual([0.99, 0.5]);
  });

  it('gives back the same reading when nothing was half seen', () => {
    const read = evenlySpacedReading('170室', 0.99);
    expect(withHiddenCharactersUnconfirmed(read, 0.5)).toBe(read);
  });
});

describe('withHiddenCharactersOf', () => {
  const hidden = [{ before: 0, text: '5', confidence: 0.2, position: 0.1 }];

  it("takes the first reading's hidden character when a second crop read the same characters without a trace", () => {
    const first = { ...evenlySpacedReading('室', 0.99), hiddenCharacters: hidden };
    const second = evenlySpacedReading('室', 0.995);
    expect(withHiddenCharactersOf(second, [first, second]).hiddenCharacters).toEqual(hidden);
  });

  it('takes none from a reading that differs (the merge weighed that one already)', () => {
    const first = { ...evenlySpacedReading('室', 0.99), hiddenCharacters: hidden };
    const second = evenlySpacedReading('5室', 0.97);
    expect(withHiddenCharactersOf(second, [first, second])).toBe(second);
  });
});

/** Two lines in 28-px type, blurred, JPEG 70; in the second one character printed so faint (#f5) that the blank wins it. */
async function lineWithAFaintCharacter(before: string, faint: string, after: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="200"><rect width="100%" height="100%" fill="#fff"/>
<text x="60" y="80" font-family="Noto Sans CJK SC" font-size="28" fill="#222">浙江省杭州市西湖区</text>
<text x="60" y="140" font-family="Noto Sans CJK SC" font-size="28" fill="#222">${before}<tspan fill="#f5f5f5">${faint}</tspan>${after}</text></svg>`;
  return sharp(Buffer.from(svg)).blur(1).jpeg({ quality: 70 }).toBuffer();
}

describe('PaddleOcrEngine, a character the recogniser half saw and dropped', () => {
  it('no longer reads the line surely where the character was lost', { timeout: 240_000 }, async () => {
    const bytes = await lineWithAFaintCharacter('解放路125号28幢170', '5', '室');
    const without = await createPaddleOcrEngine({ hiddenCharacters: false }).recognize({ bytes, pageNumber: 1 });
    const withStep = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });

    // Without the step the `5` is gone and every character is sure: a wrong address nothing doubts.
    const lost = without.lines[1];
    expect(lost.text).toBe('解放路125号28幢170室');
    expect(lost.words!.every((word) => word.confidence >= 0.9)).toBe(true);

    // With it the line is read again; whatever the readings make of the `5`, the characters round it are not sure.
    const doubted = withStep.lines[1];
    expect(doubted.secondReading).toBeDefined();
    const words = doubted.words!;
    const room = words.findIndex((word) => word.text === '室');
    expect(words[room].confidence <= 0.5 || words[room - 1].confidence <= 0.5).toBe(true);
    // The first line, read surely with nothing half seen, is left alone.
    expect(withStep.lines[0].words!.every((word) => word.confidence >= 0.9)).toBe(true);
  });

  it('reads a lost character back from the second crop, unconfirmed', { timeout: 240_000 }, async () => {
    const bytes = await lineWithAFaintCharacter('杭州嘉禾科技', '股', '份有限公司');
    const without = await createPaddleOcrEngine({ hiddenCharacters: false }).recognize({ bytes, pageNumber: 1 });
    const withStep = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });

    expect(without.lines[1].text).toBe('杭州嘉禾科技份有限公司');
    const name = withStep.lines[1];
    expect(name.text).toBe('杭州嘉禾科技股份有限公司');
    expect(name.words!.find((word) => word.text === '股')!.confidence).toBeLessThanOrEqual(0.5);
  });
});

/** Two lines in 22-px type, blurred, JPEG 70; the second ends `合计 116 月` with its two `1`s set 3 px tighter. */
async function lineWithTightRepeat(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="160"><rect width="100%" height="100%" fill="#fff"/>
<text x="60" y="60" font-family="Noto Sans CJK SC" font-size="22" fill="#222">浙江省杭州市西湖区</text>
<text x="60" y="120" font-family="Noto Serif CJK SC" font-size="22" fill="#222">实际缴费月数合计 1<tspan dx="-3">1</tspan>6 月</text></svg>`;
  return sharp(Buffer.from(svg)).blur(1.2).jpeg({ quality: 70 }).toBuffer();
}

describe('PaddleOcrEngine, a repeated character read as one', () => {
  it('no longer reads surely a line whose two `1`s CTC collapsed into one', { timeout: 240_000 }, async () => {
    const bytes = await lineWithTightRepeat();
    const without = await createPaddleOcrEngine({ hiddenCharacters: false }).recognize({ bytes, pageNumber: 1 });
    const withStep = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });

    // Without the step `116` is read `16`, every character sure: a wrong count nothing doubts.
    const lost = without.lines[1];
    expect(lost.text).toBe('实际缴费月数合计16月');
    expect(lost.words!.every((word) => word.confidence >= 0.9)).toBe(true);

    // With it the line is read again, and unless a reading gives `116` back the digits beside the lost `1` are not sure.
    const doubted = withStep.lines[1];
    expect(doubted.secondReading).toBeDefined();
    const digits = doubted.words!.filter((word) => /\d/.test(word.text));
    expect(doubted.text.includes('116') || digits.every((word) => word.confidence <= 0.5)).toBe(true);
    expect(withStep.lines[0].words!.every((word) => word.confidence >= 0.9)).toBe(true);
  });
});
