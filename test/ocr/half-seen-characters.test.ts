import { describe, expect, it } from 'vitest';
import { mergeReadings } from '../../shared/ocr/paddle-ocr-engine.js';
import { fillsHalfSeenCharacters } from '../../shared/ocr/reading-agreement.js';
import type { HiddenCharacter, RecognisedText } from '../../shared/ocr/text-lines.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

const region = { cx: 100, cy: 20, width: 120, height: 30, angle: 0, score: 0.9 };

/** A reading that half saw `hidden` (a character the blank outweighed, see `decodeCtc`). */
function halfSeeing(text: string, confidence: number | number[], hidden: Omit<HiddenCharacter, 'position'>[]): RecognisedText {
  return { ...evenlySpacedReading(text, confidence), hiddenCharacters: hidden.map((h) => ({ ...h, position: 0.9 })) };
}

describe('fillsHalfSeenCharacters (a character one reading half saw and the other emitted)', () => {
  it('holds when the only added character is the one half seen at that very place', () => {
    const first = halfSeeing('姓名吕', [1, 0.98, 0.9], [{ before: 3, text: '娜', confidence: 0.15 }]);

    expect(fillsHalfSeenCharacters(first, evenlySpacedReading('姓名吕娜', 0.76))).toBe(true);
  });

  it('holds for a character added inside the line, spaces aside', () => {
    const first = halfSeeing('上城区人路', 0.97, [{ before: 4, text: '民', confidence: 0.3 }]);

    expect(fillsHalfSeenCharacters(first, evenlySpacedReading('上城区 人民路', 0.8))).toBe(true);
  });

  it('fails when the added character was half seen elsewhere in the line, or another character was', () => {
    const elsewhere = halfSeeing('姓名吕', 0.95, [{ before: 2, text: '娜', confidence: 0.15 }]);
    const another = halfSeeing('姓名吕', 0.95, [{ before: 3, text: '鲜', confidence: 0.15 }]);

    expect(fillsHalfSeenCharacters(elsewhere, evenlySpacedReading('姓名吕娜', 0.76))).toBe(false);
    expect(fillsHalfSeenCharacters(another, evenlySpacedReading('姓名吕娜', 0.76))).toBe(false);
  });

  it('fails when the other reading adds more than what was half seen', () => {
    // Seen on a glare photo: `性别男土家` half saw `民`; the other reading had `民族` there.
    const first = halfSeeing('性别男土家', 0.8, [{ before: 3, text: '民', confidence: 0.27 }]);

    expect(fillsHalfSeenCharacters(first, evenlySpacedReading('性别男民族土家', 0.74))).toBe(false);
  });

  it('fails when nothing was half seen, or the other reading changes a character as well', () => {
    const plain = evenlySpacedReading('姓名吕', 0.95);
    const first = halfSeeing('姓名吕', 0.95, [{ before: 3, text: '娜', confidence: 0.15 }]);

    expect(fillsHalfSeenCharacters(plain, evenlySpacedReading('姓名吕娜', 0.76))).toBe(false);
    expect(fillsHalfSeenCharacters(first, evenlySpacedReading('姓名目娜', 0.76))).toBe(false);
  });
});

describe('mergeReadings with a character half seen by the surer reading', () => {
  it('keeps the unsure fuller reading whose added character the surer one half saw there, that character flagged', () => {
    // Seen on an ID-card photo under glare: the page's reading `姓名吕` (0.96) half saw `娜` at 0.15 after `吕`; the
    // looser crop read `姓名吕娜` at 0.76, `娜` at 0.2. Before, the surer reading was kept and the name lost.
    const first = halfSeeing('姓名吕', [1, 0.98, 0.9], [{ before: 3, text: '娜', confidence: 0.15 }]);
    const again = evenlySpacedReading('姓名吕娜', [1, 0.99, 0.87, 0.2]);

    const merged = mergeReadings(first, region, { reading: again, region });

    expect(merged.reading.text).toBe('姓名吕娜');
    expect(merged.other).toMatchObject({ text: '姓名吕', agrees: false });
    expect(merged.reading.characterConfidences[3]).toBeLessThanOrEqual(0.5);
  });

  it('keeps the surer shorter reading when its other reading adds a character it did not half see', () => {
    const first = evenlySpacedReading('姓名吕', [1, 0.98, 0.9]);
    const again = evenlySpacedReading('姓名吕鲜', [1, 0.99, 0.86, 0.46]);

    const merged = mergeReadings(first, region, { reading: again, region });

    expect(merged.reading.text).toBe('姓名吕');
  });
});
