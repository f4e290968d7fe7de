import { describe, expect, it } from 'vitest';
import { mergeReadings, splicedReading } from '../../shared/ocr/paddle-ocr-engine.js';
import { decodeCtc, SECOND_CHOICE_BELOW, SECOND_CHOICE_FROM } from '../../shared/ocr/text-lines.js';
import { ctcSteps } from '../support/ctc-steps.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

const ALPHABET = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const CLASSES = ALPHABET.length + 1;

/** CTC output with one row per step over this file's alphabet (`ctcSteps`). */
const steps = (rows: Record<string, number>[]): Float32Array => ctcSteps(ALPHABET, rows);

describe('decodeCtc', () => {
  it("keeps an unsure character's second choice with its probability", () => {
    // Prepare: `3` sure, `8` read at 0.55 with `3` at 0.4 beside it, blank, `1` sure.
    const probabilities = steps([{ '3': 0.98 }, { '8': 0.55, '3': 0.4 }, {}, { '1': 0.97 }]);
    // Act
    const read = decodeCtc(probabilities, 0, 4, CLASSES, ALPHABET);
    // Assess
    expect(read.text).toBe('381');
    expect(read.characterAlternatives).toHaveLength(3);
    expect(read.characterAlternatives?.[0]).toBeUndefined();
    expect(read.characterAlternatives?.[1]?.text).toBe('3');
    expect(read.characterAlternatives?.[1]?.confidence).toBeCloseTo(0.4, 5);
    expect(read.characterAlternatives?.[2]).toBeUndefined();
  });

  it('keeps the strongest second choice over all steps of a character', () => {
    const probabilities = steps([
      { '8': 0.7, '6': 0.1 },
      { '8': 0.6, '3': 0.35 },
    ]);
    const read = decodeCtc(probabilities, 0, 2, CLASSES, ALPHABET);
    expect(read.text).toBe('8');
    expect(read.characterAlternatives?.[0]).toMatchObject({ text: '3' });
  });

  it('keeps no second choice for characters read surely, nor one too faint to be evidence', () => {
    const sure = decodeCtc(steps([{ '3': SECOND_CHOICE_BELOW + 0.05, '8': 0.04 }, {}, { '5': 0.99 }]), 0, 3, CLASSES, ALPHABET);
    expect(sure.text).toBe('35');
    expect(sure.characterAlternatives).toBeUndefined();
    const faint = decodeCtc(steps([{ '3': 0.6, '8': SECOND_CHOICE_FROM - 0.01 }]), 0, 1, CLASSES, ALPHABET);
    expect(faint.characterAlternatives).toBeUndefined();
  });

  it('never offers the blank as a second choice', () => {
    // Most of the rest is blank (0.45); the only other class is 2 at 0.05.
    const read = decodeCtc(steps([{ '7': 0.5, '2': 0.05 }]), 0, 1, CLASSES, ALPHABET);
    expect(read.characterAlternatives?.[0]).toMatchObject({ text: '2' });
  });
});

describe('second choices through second readings', () => {
  const region = { cx: 200, cy: 20, width: 400, height: 30, angle: 0, score: 0.9 };

  it("takes what the other reading read instead as a character's second choice", () => {
    // Prepare: the surer reading has 3 where the other reading has 8, and no second choice of its own there.
    const first = evenlySpacedReading('330106199003071231', 0.8);
    const again = evenlySpacedReading('330106199003071238', 0.95);
    // Act
    const merged = mergeReadings(first, region, { reading: again, region });
    // Assess
    expect(merged.reading.text).toBe('330106199003071238');
    expect(merged.reading.characterAlternatives?.[17]).toEqual({ text: '1', confidence: 0.8 });
    expect(merged.reading.characterAlternatives?.slice(0, 17).every((a) => a === undefined)).toBe(true);
  });

  it("keeps the kept reading's own second choice where it was likelier than the other reading's character", () => {
    const own = new Array(18).fill(undefined);
    own[17] = { text: '6', confidence: 0.9 };
    const merged = mergeReadings(evenlySpacedReading('330106199003071231', 0.8), region, {
      reading: evenlySpacedReading('330106199003071238', 0.95, own),
      region,
    });
    expect(merged.reading.characterAlternatives?.[17]).toEqual({ text: '6', confidence: 0.9 });
  });

  it('offers no second choice where the other reading lacks or adds characters rather than reading them otherwise', () => {
    const merged = mergeReadings(evenlySpacedReading('3301061990030712', 0.8), region, { reading: evenlySpacedReading('330106199003071238', 0.95), region });
    expect(merged.reading.characterAlternatives).toBeUndefined();
  });

  it("keeps both readings' second choices when a stretch of the line is read again", () => {
    const first = evenlySpacedReading('发证日期2021年', 0.97, [
      undefined,
      undefined,
      undefined,
      undefined,
      { text: '7', confidence: 0.2 },
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const crop = evenlySpacedReading('2O21', 0.7, [undefined, { text: '0', confidence: 0.3 }, undefined, undefined]);
    // The stretch covers characters 4–7 (`2021`) of a 9-character line 360 px wide, read from a crop of exactly that.
    const stretch = { from: -20, to: 140, keptBefore: 4, keptFrom: 8, readFrom: -20, readTo: 140 };
    const spliced = splicedReading(first, stretch, crop, 360);
    expect(spliced.text).toBe('发证日期2O21年');
    expect(spliced.characterAlternatives).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      { text: '0', confidence: 0.3 },
      undefined,
      undefined,
      undefined,
    ]);
  });
});
