import type { RecognisedText } from '../../shared/ocr/text-lines.js';

/**
 * A recogniser's reading of `text` with its characters evenly spaced along the line: each at `confidence`, or at its
 * own of `confidence` when a list is given (the line's confidence their mean), with second choices when given.
 */
export function evenlySpacedReading(
  text: string,
  confidence: number | readonly number[],
  alternatives?: RecognisedText['characterAlternatives'],
): RecognisedText {
  const characters = [...text];
  const confidences = typeof confidence === 'number' ? characters.map(() => confidence) : [...confidence];
  return {
    text,
    confidence: confidences.reduce((a, b) => a + b, 0) / confidences.length,
    characters,
    characterConfidences: confidences,
    characterPositions: characters.map((_, k) => (k + 0.5) / characters.length),
    ...(alternatives ? { characterAlternatives: alternatives } : {}),
  };
}
