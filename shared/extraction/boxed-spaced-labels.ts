import { LABEL_GROUP_OF } from './labels.js';

/** A piece of a letter-spaced label: one to three Chinese characters. */
const PIECE = /^[\u3400-\u9fff]{1,3}$/u;

/**
 * A line that opens with a label the engine boxed with its own letter-spacing, in pieces of several characters
 * (`用人　单位　杭州华创汽车`, `合同　期限自　…`): the text's normal form keeps a space between two words, so the label
 * was no label and its value no value. When the first two to four space-separated pieces spell a known label of three
 * characters or more exactly, they are joined; a space still parts the label from what follows. When the label ends
 * inside the piece after them, glued to its value (`准操项 目熔化焊接与热切割作业`, `参保 人侯辉宇`), the label is joined and stays glued
 * to the value, as the engine printed it (a glued label is weaker evidence than a separated one). A colon the engine
 * read in the label's gap (`性:别女`) goes after the label.
 *
 * @example
 * withBoxedSpacedLabelJoined('用人 单位 杭州华创汽车'); // '用人单位 杭州华创汽车'
 * withBoxedSpacedLabelJoined('准操项 目熔化焊接与热切割作业'); // '准操项目熔化焊接与热切割作业'
 * withBoxedSpacedLabelJoined('职业 名称物流服务师'); // '职业名称物流服务师'
 * withBoxedSpacedLabelJoined('性:别女'); // '性别:女'
 * withBoxedSpacedLabelJoined('王晓明 性别'); // unchanged
 */
export function withBoxedSpacedLabelJoined(text: string): string {
  const moved = withColonInGapMoved(text);
  if (moved) return moved;
  const tokens = text.split(' ');
  for (let k = Math.min(4, tokens.length); k >= 2; k--) {
    const head = tokens.slice(0, k);
    if (!head.every((t) => PIECE.test(t))) continue;
    const label = head.join('');
    if (label.length < 3 || !LABEL_GROUP_OF.has(label)) continue;
    return [label, ...tokens.slice(k)].join(' ');
  }
  return withLabelEndingInsideValueJoined(tokens) ?? text;
}

/** The longest a label's tail glued to its value may be (`目` of `准操项目`, `期限` of `合同期限`). */
const GLUED_TAIL = 3;

/** `准操项 目熔化…`: pieces whose label ends one to three characters into the next token, which then holds its value. */
function withLabelEndingInsideValueJoined(tokens: readonly string[]): string | undefined {
  for (let k = Math.min(3, tokens.length - 1); k >= 1; k--) {
    const head = tokens.slice(0, k);
    if (!head.every((t) => PIECE.test(t))) continue;
    const next = tokens[k];
    for (let tail = Math.min(GLUED_TAIL, next.length - 1); tail >= 1; tail--) {
      const label = head.join('') + next.slice(0, tail);
      // The pieces alone must not spell a label already (`姓名 王晓明` is a label and its value, not a glued label),
      // unless a word of two characters or more completes a longer one (`职业 名称物流服务师`: `职业名称`).
      if (label.length < 3 || !LABEL_GROUP_OF.has(label) || (LABEL_GROUP_OF.has(head.join('')) && tail < 2)) continue;
      if (!/^[\u3400-\u9fff]+$/u.test(next.slice(0, tail))) continue;
      return [label + next.slice(tail), ...tokens.slice(k + 1)].join(' ');
    }
  }
  return undefined;
}

/** A line's head: one to four Chinese characters, a colon, and the characters after it. */
const COLON_IN_HEAD = /^([\u3400-\u9fff]{1,4})([:：])([\u3400-\u9fff]+)/u;

/**
 * `性:别女`, `证书:号Y3301…`: the engine read the colon in the gap of a spread label, before the label's last
 * characters. When the characters before the colon spell no label and, with the next one to three after it, spell one,
 * the colon goes after the label.
 */
function withColonInGapMoved(text: string): string | undefined {
  const m = COLON_IN_HEAD.exec(text);
  if (!m || LABEL_GROUP_OF.has(m[1])) return undefined;
  const [, head, colon, after] = m;
  for (let tail = Math.min(GLUED_TAIL, after.length); tail >= 1; tail--) {
    const label = head + after.slice(0, tail);
    if (LABEL_GROUP_OF.has(label)) return `${label}${colon}${text.slice(head.length + 1 + tail)}`;
  }
  return undefined;
}
