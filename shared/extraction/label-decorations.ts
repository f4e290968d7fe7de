import { GENERIC_LABEL_NOUNS, LABEL_GROUP_OF, LABEL_PREFIXES } from './labels.js';
import { otherPartyLabelStart, otherPartyRoleEnd } from './other-party-labels.js';

/**
 * How forms number their labels: `1.` `1、` `一、` `(三)` `(3)` `①`, `()` when the engine lost the numeral
 * inside, and `丶` where it read the enumeration comma as that stroke (`一丶姓`). Only at a segment's start (a line's start or after a space), and never before a digit (`1.5万元`).
 */
const NUMBERING = /^(?:\d{1,2}[.、丶](?!\d)|[一二三四五六七八九十]{1,3}[、丶]|\([一二三四五六七八九十\d]{0,3}\)|[\u2460-\u2473])/;
/**
 * An item number in Chinese numerals whose enumeration comma the engine lost (`九住所`, `五成立日期:` of `九、住所`):
 * cut only before a whole label of two characters or more, so `一级`, `三号楼` and `十堰市` keep their numerals.
 */
const BARE_NUMERAL = /^[一二三四五六七八九十]{1,3}(?=[\u3400-\u9fff])/;
/** Brackets around a label: 【】, [] (also from ［］), 〔〕, and 「」 (the engine reads 】 as 」 too). */
const OPEN = /^[【[〔「]/;
const CLOSE = /[】\]〕」]/;
/** What a label holds: Chinese characters and the brackets of a qualifier (`乙方(劳动者)姓名`). */
const LABEL_TEXT = /^[\u3400-\u9fff()]{1,14}$/;

/** True when `token` (the text up to a space) can open a label: a label or its first characters, or text before a colon. */
function opensLabel(token: string): boolean {
  const colon = token.indexOf(':');
  const head = colon < 0 ? token : token.slice(0, colon);
  if (head.length === 0) return false;
  if (LABEL_PREFIXES.has(head)) return true;
  // A whole label of two characters or more glued to a value of digits or letters (`(2)培训时间2020.08.15至…`,
  // `(3)证书号PX2020…`): no clause goes on so (`一、乙方同意…` keeps its numbering).
  if (labelGluedToCode(head)) return true;
  // A label completed by a generic noun (`评价机构名称`: 评价机构 and 名称) is a label the lexicon does not list whole.
  for (const noun of GENERIC_LABEL_NOUNS) if (head.endsWith(noun) && LABEL_GROUP_OF.has(head.slice(0, -noun.length))) return true;
  // Another party's label (`曾用名`, `原单位`, `联系人身份证号`) is numbered like the form's own.
  if (otherPartyRoleEnd(head, 0) === head.length) return true;
  for (let at = 1; at < Math.min(head.length, 7); at++) if (LABEL_PREFIXES.has(head.slice(at)) && otherPartyLabelStart(head, at, 0) === 0) return true;
  // An unknown label with its colon (`紧急联系人:`, `财务负责人:`): a numbered line item all the same.
  return colon > 0 && LABEL_TEXT.test(head);
}

/** A mark the engine read inside a label's characters (`参保•人`, `姓·名`): a speck of dust or a dot of print. */
const MARK_IN_LABEL = /^([\u3400-\u9fff]{1,5})[•·・.](?=[\u3400-\u9fff])/;
/** The longest label the lexicon holds, in characters. */
const LONGEST_LABEL = 12;

/** True when `text` opens with a known label that runs past its first `from` characters. */
function labelOpensPast(text: string, from: number): boolean {
  for (let n = Math.min(text.length, LONGEST_LABEL); n > from; n--) if (LABEL_GROUP_OF.has(text.slice(0, n))) return true;
  return false;
}

/** True when `text` opens with a known label of two characters or more with a digit or a Latin letter right after it. */
function labelGluedToCode(text: string): boolean {
  for (let n = Math.min(text.length - 1, LONGEST_LABEL); n > 1; n--) if (LABEL_GROUP_OF.has(text.slice(0, n)) && /[0-9A-Za-z]/.test(text[n])) return true;
  return false;
}

/** One space-free token with its numbering and label brackets taken off. */
function cutToken(token: string): string {
  let out = token;
  // `参保•人吴飞俊`: a mark between a label's characters hid the label; without it the token opens with the label.
  const marked = MARK_IN_LABEL.exec(out);
  if (marked && labelOpensPast(marked[1] + out.slice(marked[0].length), marked[1].length)) out = marked[1] + out.slice(marked[0].length);
  const bareNumeral = BARE_NUMERAL.exec(out)?.[0];
  if (bareNumeral) {
    const rest = out.slice(bareNumeral.length);
    const head = rest.split(':')[0];
    if (head.length >= 2 && LABEL_GROUP_OF.has(head)) out = rest;
  }
  const numbered = NUMBERING.exec(out);
  if (numbered && out.length > numbered[0].length) {
    const rest = out.slice(numbered[0].length);
    const bare = rest.replace(OPEN, '');
    if (opensLabel(bare) || (bare !== rest && /^[\u3400-\u9fff]/.test(bare))) out = rest;
  }
  if (OPEN.test(out)) {
    const close = out.search(CLOSE);
    const inner = close < 0 ? out.slice(1) : out.slice(1, close);
    // `【姓名】王晓明` → `姓名:王晓明`; `【名` (a spread label's first box) → `名`.
    if (close > 0 && LABEL_TEXT.test(inner)) return `${inner}:${out.slice(close + 1).replace(/^:/, '')}`;
    if (close < 0 && LABEL_TEXT.test(inner) && (LABEL_PREFIXES.has(inner) || inner.length <= 3)) return inner;
    return out;
  }
  // `称】杭州…` (a spread label's last box, or the engine lost the opening bracket): the bracket is the label's colon.
  const close = out.search(CLOSE);
  if (close > 0 && LABEL_TEXT.test(out.slice(0, close))) return `${out.slice(0, close)}:${out.slice(close + 1).replace(/^:/, '')}`;
  return out;
}

/**
 * A line's text with the decorations forms put on labels taken off: the item numbering before a label (`1. 姓名`,
 * `一、甲方名称`, `(三)类型`, `①营`) and the brackets around one (`【姓名】王晓明` → `姓名:王晓明`, the closing
 * bracket standing for the colon). Numbering is cut only where a label follows (a clause `一、乙方同意…` keeps it), and
 * brackets only around Chinese text (`[2021]` stays). Works on normal-form text (normaliseText).
 *
 * @example
 * withoutLabelDecorations('(二)名'); // '名'
 * withoutLabelDecorations('【法定代表人】俞杰'); // '法定代表人:俞杰'
 * withoutLabelDecorations('参保•人吴飞俊'); // '参保人吴飞俊'
 */
export function withoutLabelDecorations(text: string): string {
  if (!/[.、丶()\u2460-\u2473【[〔「】\]〕」•·・一二三四五六七八九十]/.test(text)) return text;
  const parts = text.split(/(\s+)/);
  // A numbering set apart from its label by a space (`3. 参` — a spread label's first box —, `10. 经营范围`): it is cut
  // with the space when the next token opens a label, as when glued to it; left in, it read as a value's tail
  // (`…有限公司5`, `…403室10.`) or kept the spread label's pieces from joining.
  for (let i = 0; i + 2 < parts.length; i += 2) {
    if (!isBareNumbering(parts[i])) continue;
    const next = parts[i + 2];
    const bare = next.replace(OPEN, '');
    if (opensLabel(bare) || (bare !== next && /^[\u3400-\u9fff]/.test(bare))) {
      parts[i] = '';
      parts[i + 1] = '';
    }
  }
  return parts.map((part) => (/^\s+$/.test(part) || part === '' ? part : cutToken(part))).join('');
}

/** A token that is item numbering and nothing else (`3.`, `一、`, `(二)`, `①`). */
function isBareNumbering(token: string): boolean {
  const numbered = NUMBERING.exec(token);
  return !!numbered && numbered[0].length === token.length;
}
