import { LABEL_GROUP_OF } from './labels.js';

/** A piece of a letter-spaced label: one to three Chinese characters. */
const PIECE = /^[\u3400-\u9fff]{1,3}$/u;

/**
 * A line that opens with a label the engine boxed with its own letter-spacing, in pieces of several characters
 * (`用人　单位　杭州华创汽车`, `合同　期限自　…`): the text's normal form keeps a space between two words, so the label
 * was no label and its value no value. When the first two to four space-separated pieces spell a known label of three
 * characters or more exactly, they are joined; a space still parts the label from what follows.
 *
 * @example
 * withBoxedSpacedLabelJoined('用人 单位 杭州华创汽车'); // '用人单位 杭州华创汽车'
 * withBoxedSpacedLabelJoined('王晓明 性别'); // unchanged
 */
export function withBoxedSpacedLabelJoined(text: string): string {
  const tokens = text.split(' ');
  for (let k = Math.min(4, tokens.length); k >= 2; k--) {
    const head = tokens.slice(0, k);
    if (!head.every((t) => PIECE.test(t))) continue;
    const label = head.join('');
    if (label.length < 3 || !LABEL_GROUP_OF.has(label)) continue;
    return [label, ...tokens.slice(k)].join(' ');
  }
  return text;
}
