/** One CJK unified ideograph (the basic block and extension A cover every character on our documents). */
export const CJK = '\\u3400-\\u9fff';
const TRAILING_CJK = new RegExp(`[${CJK}]+$`);
const LEADING_CJK = new RegExp(`^[${CJK}]+`);
const CJK_ONLY = new RegExp(`^[${CJK}]+$`);

/**
 * Full-width ASCII forms (digits, Latin letters, punctuation, ideographic space) to their half-width forms, and the
 * dash and colon look-alikes OCR produces to one form each. Chinese punctuation with no ASCII twin (、。) stays.
 *
 * @example
 * toHalfWidth('２０２１年０６月（三级）：ＡＢ'); // '2021年06月(三级):AB'
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0xa0) out += ' ';
    else if (ch === '—' || ch === '–' || ch === '－' || ch === '‐' || ch === '−') out += '-';
    else if (ch === '∶' || ch === '﹕') out += ':';
    else out += ch;
  }
  return out;
}

/**
 * Removes the spaces OCR and letter-spaced typography put between single Chinese characters (`姓 名` → `姓名`,
 * `王 晓 明` → `王晓明`) while keeping the space between two multi-character words (`王晓明 性别`), which is what
 * separates a value from the next label.
 *
 * @example
 * joinSpacedCjk('姓 名  王 晓 明 性别：男'); // '姓名 王晓明 性别:男' (after toHalfWidth)
 */
export function joinSpacedCjk(text: string): string {
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return '';
  let out = tokens[0];
  for (let i = 1; i < tokens.length; i++) {
    const tail = TRAILING_CJK.exec(out)?.[0] ?? '';
    const head = LEADING_CJK.exec(tokens[i])?.[0] ?? '';
    // Join across the space only where one side is a lone character: letter-spacing, not a word boundary.
    // A character after digits (`12日`, `5号`) ends a word of its own, it is not a letter-spaced character.
    const tailLone = tail.length === 1 && !/[0-9A-Za-z]/.test(out.charAt(out.length - 2));
    const spaced = tail.length > 0 && head.length > 0 && (tailLone || head.length === 1);
    out += spaced ? tokens[i] : ` ${tokens[i]}`;
  }
  return out;
}

/**
 * The normal form every reader works on: half-width, spaced CJK joined, runs of spaces collapsed, trimmed.
 *
 * @example
 * normaliseText(' 姓　名：王 晓 明 '); // '姓名:王晓明'
 */
export function normaliseText(text: string): string {
  // U+2027 (hyphenation point) is never part of a name: it is spacing the engine saw as a dot (`姓名‧陈鸣`).
  // U+4E36 `丶` is a radical, never running text: it is the enumeration comma `、` the engine read as a character
  // (`高处安装丶维护丶拆除作业`).
  const spaced = toHalfWidth(text)
    .replace(LETTER_SPACING_DOT, '$1$2 $3')
    .replace(/\u2027/g, ' ')
    .replace(/\u4e36/g, '、');
  // A full stop ending the line, read as a Latin o set apart by a space (`…至` | `2023.12.04 o`): it is the stop, not
  // a digit run on into the date (flat text has no spaces to keep them apart)…
  return (
    joinSpacedCjk(spaced)
      .replace(/\s*:\s*/g, ':')
      .trim()
      .replace(/([\d\u3400-\u9fff])\s+[oO]$/u, '$1。')
      // …and read as a ring (`担任质量工程师一职°`): after a Chinese character a ring is no degree sign.
      .replace(/([\u3400-\u9fff])[°º˚]$/u, '$1。')
  );
}

// A dot the engine read in the letter-spacing of a two-character label (`姓‧名`, `住・址`): two lone characters with a
// dot between them are a spaced word, never a minority name (those have longer parts on either side of the dot).
const LETTER_SPACING_DOT = new RegExp(`(^|\\s)([${CJK}])[‧•・･·]([${CJK}])(?=[\\s:]|$)`, 'g');

/** True when the text is Chinese characters only (after removing spaces and the middle dot of minority names). */
export function isCjkOnly(text: string): boolean {
  return CJK_ONLY.test(text.replace(/[\s·•]/g, ''));
}

/** Removes every space: for names and codes, where no space is ever meaningful. */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Closing quotes (and a grave or acute accent) at a value's end, in a value that opens no quote. */
const UNOPENED_CLOSING_QUOTES = /^(?!.*[‘“])(.*?)[’”`´]+$/su;

/** Strips leading/trailing punctuation and separators that OCR attaches to a value. */
export function trimValue(text: string): string {
  // A bracket opened at the end (`…有限公司(` before `统一社会信用代码`) belongs to the remark that follows, not the value.
  // Leaders between a label and its value (`……`, `⋯⋯`, `····`, `____`, `————`) carry nothing.
  // A dash leader the engine read as a run of `一` (`一一电子商务运营`) starts no value.
  // Nor does a closing bracket (`」物流服务师`, a cell's rule read as a corner bracket after the label's colon).
  // A closing quote after the value with none opened in it (`…股份有限公司’`) is a speck read as a mark.
  return text
    .replace(/^[\s:;,.、。，；|_\-)）」』】\]…⋯‥·•・･]+/, '')
    .replace(/^一{2,}(?=[\u3400-\u9fff])/, '')
    .replace(/[\s:;,、，；|_\-(（\[【…⋯‥·•・･]+$/, '')
    .replace(UNOPENED_CLOSING_QUOTES, '$1')
    .trim();
}
