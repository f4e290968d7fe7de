import type { Box } from '../documents/index.js';
import type { CharacterAlternative, OcrLine, OcrPage } from '../documents/ocr-page.js';
import { withoutCutFiller } from './cut-filler.js';
import { runsOffPage } from './page-edge.js';
import { withBracketLabelsClosed } from './bracket-labels.js';
import { withSpreadLabelHeadsCut } from './spread-label-heads.js';
import { withSpecksInSpreadLabelsDropped } from './spread-label-specks.js';
import { withColumnLabelsCut } from './labels-at-column-starts.js';
import { withGluedLabelsCut } from './labels-glued-after-values.js';
import { withVerticalRunsJoined } from './vertical-runs.js';
import { withCharactersBoxedTwiceDropped } from './twice-boxed-characters.js';
import { OVERPRINT_CHARS, OVERPRINT_WORDS } from './overprint-words.js';
import { fuzzyLabelAt, GENERIC_LABEL_NOUNS, isWeakLabel, LABEL_PREFIXES, LABEL_QUALIFIERS, LABELS_BY_FIRST_CHAR, lookalikeShortLabelAt } from './labels.js';
import { withoutLabelDecorations } from './label-decorations.js';
import { OVERLAY_CUT_CONFIDENCE, withoutOverlayPieces } from './overlay-phrases.js';
import { opensOtherPartyWord, otherPartyLabelStart, otherPartyRoleEnd } from './other-party-labels.js';
import { normaliseText, toHalfWidth, trimValue } from './text.js';
import { joinLabelsAcrossWraps } from './label-wraps.js';
import { joinLabelsWrappedInCells } from './cell-wraps.js';
import { joinLabelTails, labelLostLastCharacter } from './label-tails.js';
import { joinSpreadDates } from './spread-dates.js';
import { withBoxedSpacedLabelJoined } from './boxed-spaced-labels.js';
import { underlinesAsSpaces } from './underline-blanks.js';
import { lineSlope, rowSlopeField, rowSlopeSamples, type RowSlopeSample } from './row-slope-field.js';
import { headOfCharacters, headTypeTop, typeSizeOfCharacters } from './bent-rows.js';

/** A label found in a line and the text that follows it up to the next label (its inline value). */
export interface LabelHit {
  form: string;
  start: number;
  end: number;
  /** Text after the label (colon and a leading parenthetical such as `(用人单位)` removed) up to the next label. */
  inlineValue: string;
  /** Label is followed by a colon, a space or a parenthesis: a strong sign it really is a label. */
  clean: boolean;
  /** Known only from its English sub-label: the Chinese label itself was not read. */
  inferred?: boolean;
  /** Read with one character misread or missing (`法定代表入`): a label all the same, a little less sure. */
  fuzzy?: boolean;
  /** A label about someone or something else (`紧急联系人身份证号`, `原单位`): of no field; its value is no one's. */
  otherParty?: boolean;
  /** Qualified by a remark asking for a signature (`乙方(签字):`): what stands there is signed by hand, if anything. */
  signature?: boolean;
  /** Qualified by a remark asking for a seal (`甲方(盖章):`): a seal's lettering stands there, read in pieces if at all. */
  sealed?: boolean;
}

/** One OCR line in normal form, with where it sits. */
export interface LayoutLine {
  page: number;
  index: number;
  raw: string;
  text: string;
  /** The same text without any space, for keyword matching. */
  flat: string;
  confidence: number;
  /** The box in a deskewed frame (rows level even on a scan turned a few degrees): use it for layout relations. */
  box: Box;
  /** The box as the OCR engine reported it, for `source`. */
  original: Box;
  /**
   * Per-character confidences where the engine gives them (normal form, no spaces), to score a value by its own
   * characters; with the engine's second choice for a character it was unsure of (`second-choices.ts` tries them on a
   * code whose check digit fails).
   */
  chars?: LayoutCharacter[];
  /**
   * The height of the line's characters where the engine boxed them (the median), which a box joined from pieces on
   * a slanted row overstates: the size of the type, to tell a value's lines from a title's or a seal's.
   */
  typeHeight?: number;
  /**
   * How far in from the box's left edge the first character the engine recognised starts (its character box), where
   * it boxed characters: about nothing on a line read whole, an em or more where it saw ink it could not read.
   */
  headGap?: number;
  /**
   * How far the box runs on past the right edge of the last character the engine recognised, where it boxed
   * characters: a few pixels on a line read whole, about an em where it saw a last character it did not read (a
   * name's lost last character, `unread-characters.ts`), or where a photo's label box is padded past its ink (`住址`
   * boxed 110 px wide over 65 px of type reaches into its value's box).
   */
  tailGap?: number;
  /**
   * How the line's own characters climb or fall along it (dy/dx) once the page is levelled, where the engine boxed
   * enough of them on a straight enough run: about nothing on a level row, a few hundredths where a curled or folded
   * page tilts the row more than the page's slopes say (its box then stands taller than its type, `bent-rows.ts`).
   */
  rowSlope?: number;
  /**
   * Where the line's first characters run (their centre, levelled as the box is), where the engine boxed characters:
   * on a row a curled page bends, the head's text may stand well inside the line's tall box (`bent-rows.ts`).
   */
  head?: { x: number; y: number };
  /**
   * The engine read the line along a bend (`shared/ocr/bent-lines.ts`) and boxed its characters at the straightened
   * strip's height: its type is its characters' advance, its box a bent region's, padded round the bend.
   */
  readAlongBend?: boolean;
  /** 0 = left half, 1 = right half of a two-page spread; undefined on single pages. */
  half?: 0 | 1;
  hits: LabelHit[];
  /** Text before the first label (the whole text if the line has no label). */
  leading: string;
}

/** One character of a line as the reader sees it: normal form, the engine's probability, and its second choice. */
export interface LayoutCharacter {
  text: string;
  confidence: number;
  alternative?: CharacterAlternative;
  /**
   * Blank run between the box of the character the engine recognised before this one, on the same engine line, and
   * this one's box, in pixels (the first character of each boxed word; undefined where there is none): a fraction of
   * an em between the characters of a word read whole, about an em where a character was seen and not read
   * (`方思` boxed over `方涵思`, `unread-characters.ts`) or where the print spaces a word out.
   */
  gapBefore?: number;
  /**
   * How far the character's box starts from the line box's left edge, in pixels (a word of several characters shares
   * its box evenly): where a value glued to its label in one box really begins, which an even share of the line's width
   * misplaces by characters where the label stands apart or digits run narrow.
   */
  offset?: number;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  source: OcrPage['source'];
  lines: LayoutLine[];
  /** Whole page text without spaces, lines in reading order, for classification. */
  flat: string;
  /** True when the lines fall into two side-by-side halves (a booklet spread). */
  spread: boolean;
  medianLineHeight: number;
  /** Boxes of the page's print (as read, before any joining) that run off the page: their text may be cut (`page-edge.ts`). */
  offPage?: Box[];
  /**
   * The lettering of the page's round seals as the engine read it whole (`OcrLine.sealLettering`: the ring unrolled),
   * each with the seal's box; kept out of `lines` (no label's value), for `seal-lettering.ts`.
   */
  sealRings?: { text: string; confidence: number; box: Box }[];
  /** The part of the page image this layout reads when the page holds two documents (`page-parts.ts`); else the whole page. */
  region?: Box;
}

const BILINGUAL_LABEL = /^[\u3400-\u9fff()]{1,10}\s*[A-Za-z][A-Za-z .'&/-]*[:.]?$/;

/** English sub-labels of bilingual forms and the Chinese label each stands for. */
const GLOSSES: ReadonlyArray<[RegExp, string]> = [
  [/^(full )?name$/i, '姓名'],
  [/^(id|id card|identity card|citizen id) ?(no|number)\.?$/i, '身份证号'],
  [/^(sex|gender)$/i, '性别'],
  [/^(occupation|trade|profession)$/i, '职业(工种)'],
  [/^(level|grade)$/i, '等级'],
  [/^(certificate|cert\.?) ?(no|number)\.?$/i, '证书编号'],
  [/^(date of issue|issue date|issued on|date issued)$/i, '发证日期'],
  [/^(issuing authority|issued by|issuer|issuing organi[sz]ation)$/i, '发证机关'],
  [/^(position|post)$/i, '职务'],
  [/^appointee$/i, '受聘人'],
  [/^employer$/i, '聘任单位'],
];

/**
 * A label whose Chinese the engine lost or misread (`名 Name` with 姓 gone under letter-spacing), known by its
 * English sub-label. Marked `inferred`, so a value read through it is shown to the clerk.
 */
function labelFromGloss(text: string): LabelHit | undefined {
  if (!BILINGUAL_LABEL.test(text)) return undefined;
  const gloss = text
    .replace(/^[\u3400-\u9fff()]+\s*/, '')
    .replace(/[:.]$/, '')
    .trim();
  const form = GLOSSES.find(([pattern]) => pattern.test(gloss))?.[1];
  return form ? { form, start: 0, end: text.length, inlineValue: '', clean: true, inferred: true } : undefined;
}
// `业务用章`: the 专 of a seal's lettering is often lost under the red ink; so is its first character (`务专用章`).
const SEAL_TEXT = /^(业务|合同|财务|人事|行政|[务同事政])?专?用章$|^(公章|印章)$/;

/**
 * True for a seal's lettering read alone (`业务专用章`, `务专用章` with its head lost under the ink, `公章`): no field's
 * value, wherever it stands.
 *
 * @example
 * isSealLettering('务专用章'); // true
 * isSealLettering('专用设备'); // false
 */
export function isSealLettering(text: string): boolean {
  return SEAL_TEXT.test(text.replace(/\s+/g, ''));
}
// A sentence's stop and enumeration comma part the pairs of run-on prose (`…有限公司。类型有限责任公司、法定代表人…`).
const SEPARATOR = /[\s:;,，；|(（\[【。、]/;
/** Punctuation a sentence parts its pairs with: a label right after it opens a pair as one opening a line does. */
const PAIR_PUNCTUATION = /[,;，；。、]/;
/**
 * How a value ends where run-on prose glues the next pair's label to it with nothing between: a digit, a code's
 * capital, a closing bracket, a date's `日`, an organisation's `公司` (`…2026.08.18负责人俞振`, `…有限公司类型有限…`).
 * No Chinese value goes on from these into a licence's label word.
 */
const VALUE_END_BEFORE = /(?:[0-9A-Z)）]|\d日|公司)$/;

/**
 * Where a label spaced out inside a line ends (`…15日住 所浙江省…`, `…1509室经营范 围一般项目…`): its characters
 * with one to three spaces between them (at least one), as forms space labels out; undefined when `text` at `at`
 * does not spell `form` so. Labels of two to five characters, as forms space them.
 *
 * @example
 * spacedLabelEnd('日住 所浙江省', 1, '住所'); // 4
 */
export function spacedLabelEnd(text: string, at: number, form: string): number | undefined {
  const chars = [...form];
  if (chars.length < 2 || chars.length > 5) return undefined;
  let j = at;
  let spaced = false;
  for (let k = 0; k < chars.length; k++) {
    if (k > 0) {
      let n = 0;
      while (text[j] === ' ' || text[j] === '　') {
        j++;
        n++;
      }
      if (n > 3) return undefined;
      if (n > 0) spaced = true;
    }
    if (text[j] !== chars[k]) return undefined;
    j++;
  }
  return spaced ? j : undefined;
}

/**
 * Text stamped or watermarked across a copy (`仅限办理技能补贴使用`, `与原件一致`, `复印无效`): never part of a value.
 * Removed from the line's text (the engine's `raw` keeps it); a line of nothing else is dropped.
 */
const OVERPRINT = new RegExp(
  [
    '(此件|本件|本复印件|复印件)?仅(限|供)[\u3400-\u9fffA-Za-z0-9]{1,24}?(使用|之用|用途)([,，]?(他用|它用|其他用途|复印|再复印)无效)?',
    '(此件|本件|本复印件|复印件)?(经核对)?(与原件(相)?(一致|相符|相同)|与原件核对无误)',
    '(再次?|二次)?复印(件)?无效',
    '(他用|它用)无效',
    // A clerk's check stamp set right after a value (`家政服务员(已核验)`).
    '[(（]?(已核验|已核对|已审核|已核实|已查验|核验无误)[)）]?',
    // `(复印件)` stamped into a value; at a box's end the engine may lose its closing bracket (`西式面点师（复印件`).
    '[(（]复印件(?:[)）]|$)',
    // Filler after the last value of a form.
    '[(（]?(以下空白|此处空白|以下无内容)[)）]?',
  ].join('|'),
  'g',
);
/** The same words longest first (`与原件` before `原件`), as `isOverprintFragment` takes them out; sorted once. */
const OVERPRINT_WORDS_LONGEST_FIRST = [...OVERPRINT_WORDS].sort((a, b) => b.length - a.length);

/** A text with the spaces and punctuation a stamp's pieces are read with taken out. */
const withoutStampPunctuation = (text: string): string => text.replace(/[\s,，.。;；:：、()（）]/g, '');

/**
 * True for a text made of nothing but the characters stamps and watermarks are made of (`限办`, `印无`, `核使`): the
 * engine's reading of a diagonal watermark's letters where a short value was looked for. No name, trade, date or
 * organisation is spelled from them alone.
 *
 * @example
 * isStampCharactersOnly('限办'); // true
 * isStampCharactersOnly('育婴员'); // false
 */
export function isStampCharactersOnly(text: string): boolean {
  const flat = withoutStampPunctuation(text);
  return flat.length >= 2 && [...flat].every((c) => OVERPRINT_CHARS.has(c));
}

/** The phrases a copy's watermark repeats across the page, whose pieces the engine reads apart. */
const WATERMARK_PHRASES = ['复印无效', '再复印无效', '与原件一致', '与原件相符', '仅限办理', '补贴使用', '他用无效'];

/**
 * True for three characters or more of a watermark's phrase with one of them misread (`印无双` for `印无效`, boxed
 * tall off a diagonal `复印无效` beside a label): no name or trade is one character off a piece of `复印无效`.
 *
 * @example
 * isMisreadWatermarkPiece('印无双'); // true
 * isMisreadWatermarkPiece('印振华'); // false
 */
export function isMisreadWatermarkPiece(text: string): boolean {
  const flat = withoutStampPunctuation(text);
  if (flat.length < 3) return false;
  return WATERMARK_PHRASES.some((phrase) => {
    for (let start = 0; start + flat.length <= phrase.length; start++) {
      const piece = phrase.slice(start, start + flat.length);
      if ([...flat].filter((c, i) => c !== piece[i]).length <= 1) return true;
    }
    return false;
  });
}

/**
 * True for a broken piece of a stamp or a watermark that the engine read apart from the rest (`印无效复印`,
 * `局审核使用审核使用`, `申报使用`, `复印无`): at least one whole stamp word, and nothing left once its words are
 * taken out but single characters of those words (cut at the box's edge) and at most one other character.
 *
 * @example
 * isOverprintFragment('局审核使用审核使用'); // true
 */
export function isOverprintFragment(text: string): boolean {
  const flat = withoutStampPunctuation(text);
  if (flat.length < 2) return false;
  // No character of a stamp's words, so none of its words (most lines): nothing to take out.
  if (![...flat].some((c) => OVERPRINT_CHARS.has(c))) return false;
  let rest = flat;
  let words = 0;
  for (const word of OVERPRINT_WORDS_LONGEST_FIRST) {
    const parts = rest.split(word);
    words += parts.length - 1;
    rest = parts.join('|');
  }
  if (words === 0) return false;
  const left = rest.replace(/\|/g, '');
  const foreign = [...left].filter((c) => !OVERPRINT_CHARS.has(c)).length;
  return foreign <= 1 && left.length <= words + 1;
}

/**
 * True when a line is a broken piece of a stamp. A whole stamp in it is taken out first, so what it was set into
 * stays (`室(复印件)`, the last character of a wrapped address with `(复印件)` stamped after it, is `室`, not a piece
 * of the stamp); a line that is whole stamps alone is kept as before (cleaned to nothing when laid out).
 */
function overprintOnly(text: string): boolean {
  const rest = withoutOverprint(text);
  if (rest !== text && withoutStampPunctuation(rest) !== '') return isOverprintFragment(rest);
  return isOverprintFragment(text);
}

/**
 * The character of print that opens a stamp's fragment boxed with it (`霞仅供补申报使用，用无效`: a name's last
 * character under a grey stamp, the stamp swelling the box to over 1.5 body heights): kept as a line of its own, so a
 * value it may end is flagged rather than read short. Undefined for any other line.
 *
 * @example
 * printOpeningStamp({ text: '霞仅供补申报使用，用无效', box: { x: 420, y: 309, width: 516, height: 89 }, confidence: 0.89 }, 48); // '霞'
 */
export function printOpeningStamp(line: OcrPage['lines'][number], bodyHeight: number): string | undefined {
  if (line.box.height < bodyHeight * 1.5) return undefined;
  const text = normaliseText(line.text);
  const first = text.replace(/\s/g, '')[0];
  if (first === undefined || !/[\u3400-\u9fff]/u.test(first) || OVERPRINT_CHARS.has(first)) return undefined;
  return isOverprintFragment(text) ? first : undefined;
}

/**
 * A speck read as letters: one to three Latin letters the engine itself doubts (< 0.6), the residue of a seal's
 * star, a watermark's stroke or a signature. No field's value is a few bare letters.
 */
function isSpeck(line: OcrPage['lines'][number]): boolean {
  return line.confidence < 0.6 && /^[A-Za-z]{1,3}$/.test(line.text.trim());
}

/**
 * Latin letters the engine reads for a Chinese character boxed alone, and the character: `乙` of a letter-spaced
 * `乙　方：` is read `Z` (at 0.5–0.8), `工` of `工　种` is read `H` (at 0.9) or, shrunk, `L` or `I` (at 0.6). Such a letter is the character only as a spread label's first piece, where the
 * pieces on its row then spell a label (`mergeSpacedLabels`); anywhere else it is left as read.
 */
const LOOKALIKE_HEADS: Readonly<Record<string, string>> = { Z: '乙', z: '乙', H: '工', L: '工', I: '工' };

/** A speck that may be a spread label's head read as a Latin look-alike: kept until the labels are joined. */
function isLookalikeHead(line: { text: string }): boolean {
  return LOOKALIKE_HEADS[line.text.trim()] !== undefined;
}

/** Short labels that open a licence's lines (and a contract's first party, `甲方杭州…`); a sentence they open (`甲方应…`) reads as no typical value. */
const GLUED_LINE_LABELS = new Set(['名称', '类型', '住所', '负责人', '经营者', '投资人', '甲方', '用人单位']);
/**
 * A certificate's `工种` opening a line glued to a trade's name that makes up the rest of it (`工种中式面点师`,
 * `工种育婴员`): a label and its value, never a sentence (`工种调整须经…`).
 */
const GLUED_TRADE = /^[㐀-鿿]{1,10}[师员工]$/;
/** A level's labels, and the words a level is printed in: `等级四级`, `级别高级工` are a label and its value, never prose. */
const LEVEL_LABELS = new Set(['等级', '级别']);
const LEVEL_WORD_START = /^(?:国家职业资格)?(?:[一二三四五]级|高级技师|技师|高级工|中级工|初级工)/;
/**
 * The text without overprinted stamps and watermarks. Lines are cleaned when the page is laid out; a value joined
 * from wrapped lines is cleaned again, since a stamp may wrap with it (`…培训(已核` | `验)`).
 *
 * @example
 * withoutOverprint('家政服务员(已核验)'); // '家政服务员'
 */
export function withoutOverprint(text: string): string {
  return text.replace(OVERPRINT, '');
}

/**
 * Labels that name one of a person's attributes, never a party: a noun after one starts a label of its own (`性` `别`
 * `姓` `名` spread along one row is 性别 then 姓名, never a label `性别姓名` that takes the name under it as its own).
 */
const ATTRIBUTE_LABELS = new Set(['性别', '民族', '出生', '出生日期', '年龄', '籍贯', '学历', '文化程度', '政治面貌']);

/**
 * What a line holding no label gives a value: its text trimmed of leaders, but a lone hyphen before a digit kept (`-4-401室`,
 * an address's number wrapped after `…西苑26`: it is the number's own, `26-4-401`, never a leader).
 */
function wrapLeading(text: string): string {
  // trimValue strips the hyphen as a leader and stops at the digit after it.
  const trimmed = trimValue(text);
  return /^\s*-\d/.test(text) ? `-${trimmed}` : trimmed;
}

/**
 * True when the weak label at `at` is the tail of a longer label we do not know (`理论考核日期:`, `培训日期:`): the
 * Chinese word it ends starts the line or follows a space, and is no label's value (`职业:电工等级:三级` keeps 等级).
 */
function endsUnknownLabel(text: string, at: number, hits: ReadonlyArray<{ end: number }>): boolean {
  let start = at;
  while (start > 0 && /[\u3400-\u9fff]/.test(text[start - 1])) start--;
  if (start === at || at - start > 6) return false;
  if (start > 0 && !/[\s(]/.test(text[start - 1])) return false;
  const previous = hits[hits.length - 1];
  // After another label's value and a space it starts a label of its own; right after a label it is that label's value.
  return !previous || /[^\s:]/.test(text.slice(previous.end, start));
}

/**
 * Where a label found at `at` really starts: at a qualifier printed right before it (`有效证件号码`, `用工终止日`),
 * when the qualifier opens a label segment (the line's start or a separator before it).
 */
function qualifiedStart(text: string, at: number, hits: ReadonlyArray<{ end: number }>): number {
  const floor = hits.length ? hits[hits.length - 1].end : 0;
  for (let n = 3; n >= 1; n--) {
    const start = at - n;
    if (start < floor) continue;
    if (!LABEL_QUALIFIERS.has(text.slice(start, at))) continue;
    if (start === 0 || SEPARATOR.test(text[start - 1])) return start;
  }
  return at;
}

export function findHits(text: string): LabelHit[] {
  const hits = findHitsParting(text, PAIR_PUNCTUATION);
  return colonsPartPairs(text, hits) ? findHitsParting(text, PAIR_PUNCTUATION_OR_COLON) : hits;
}

/** Sentence punctuation, and the colon that run-on prose's `；` was misread as. */
const PAIR_PUNCTUATION_OR_COLON = /[,;，；。、:]/;

/**
 * True when a line's colons part its pairs instead of following their labels: run-on licence prose whose `；` were
 * read `:` (`…分公:负责人方欣一:登记成立日期二O一五年…:经营期限…`). Two labels or more stand right after a colon
 * with their values glued on (no colon after them): there a weak label after a colon (`负责人`) opens a pair as it
 * does after `；`.
 */
function colonsPartPairs(text: string, hits: ReadonlyArray<{ start: number; end: number; clean: boolean }>): boolean {
  return hits.filter((h) => text[h.start - 1] === ':' && !h.clean && /[\u3400-\u9fff\dA-Z]/.test(text[h.end] ?? '')).length >= 2;
}

function findHitsParting(text: string, pairPunctuation: RegExp): LabelHit[] {
  const hits: Omit<LabelHit, 'inlineValue'>[] = [];
  for (let i = 0; i < text.length; i++) {
    const candidates = LABELS_BY_FIRST_CHAR.get(text[i]) ?? [];
    const atStart = i === 0 || SEPARATOR.test(text[i - 1]);
    const before = hits.length;
    // `甲方委托代理人:`, `乙方紧急联系人`: a party's word opening someone else's role is that role's label, not the party's.
    const roleEnd = atStart ? otherPartyRoleEnd(text, i) : undefined;
    if (roleEnd !== undefined && candidates.some((l) => text.startsWith(l.form, i) && l.form.length < roleEnd - i)) {
      hits.push({ form: text.slice(i, roleEnd), start: i, end: roleEnd, clean: true, otherParty: true });
      i = roleEnd - 1;
      continue;
    }
    // A label spaced out inside the line (`住 所`) where none is printed whole: a form's label, never a value's words.
    const exact = candidates.some((l) => text.startsWith(l.form, i));
    for (const label of candidates) {
      const spacedEnd = exact ? undefined : spacedLabelEnd(text, i, label.form);
      if (!text.startsWith(label.form, i) && spacedEnd === undefined) continue;
      const spaced = spacedEnd !== undefined;
      const end = spacedEnd ?? i + label.form.length;
      // `…有限公司类型：…`: the company's `公司` and a label `类型` glued, not the label `公司类型`.
      if (label.form.startsWith('公司') && hits.length > 0 && /(有限|股份|分)$/.test(text.slice(hits[hits.length - 1].end, i))) {
        const rest = label.form.slice(2);
        if ((LABELS_BY_FIRST_CHAR.get(rest[0]) ?? []).some((l) => l.form === rest)) continue;
      }
      // A licence's label glued to the end of the value before it in run-on prose (see VALUE_END_BEFORE), or opening a
      // pair after the sentence's punctuation.
      const opensPair = i === 0 || pairPunctuation.test(text[i - 1]) || VALUE_END_BEFORE.test(text.slice(0, i));
      const pairLabel = GLUED_LINE_LABELS.has(label.form) && opensPair;
      const colon = text[end] === ':';
      const other = otherPartyLabelStart(text, i, hits.length ? hits[hits.length - 1].end : 0);
      if (other !== undefined) {
        // `紧急联系人身份证号:`, `财务负责人:`: someone else's label, of no field; it still ends the value before it.
        hits.push({ form: text.slice(other, end), start: other, end, clean: colon || end === text.length || /[\s(]/.test(text[end]), otherParty: true });
        i = end - 1;
        break;
      }
      const lost = labelLostLastCharacter(text, i, end);
      if (lost) {
        // `用人单位名：`: a longer label that lost its last character, not a short one with `名` for a value's head.
        hits.push({ form: lost.form, start: qualifiedStart(text, i, hits), end: lost.end, clean: true, fuzzy: true });
        i = lost.end - 1;
        break;
      }
      const glued = hits[hits.length - 1];
      if (
        GENERIC_LABEL_NOUNS.has(label.form) &&
        glued &&
        glued.end === i &&
        !ATTRIBUTE_LABELS.has(glued.form) &&
        (colon || end === text.length || /\s/.test(text[end]))
      ) {
        // `评价机构名称` ending its box: the noun completes the label glued before it (its value is in the next box).
        glued.end = end;
        glued.clean = true;
        i = end - 1;
        break;
      }
      if (label.weak && !atStart && !colon && !pairLabel && !spaced) continue;
      if (label.weak && !atStart && endsUnknownLabel(text, i, hits)) continue;
      const previous = hits[hits.length - 1];
      if (text[i - 1] === '(' && text[end] === ')' && previous && previous.end === i - 1) {
        // `甲方(实习单位)`: the parenthesis qualifies the label before it, it is not a label of its own.
        i = end;
        break;
      }
      if (/^\(.*\)$/.test(label.form) && previous && /^\s*$/.test(text.slice(previous.end, i))) {
        // `丙方(盖章):杭州…学院`: a signature remark right after a label qualifies it; the value after it is the label's.
        previous.end = end;
        previous.clean = true;
        if (/签字|签名/.test(label.form)) previous.signature = true;
        else if (/章/.test(label.form)) previous.sealed = true;
        i = end - 1;
        break;
      }
      if (GENERIC_LABEL_NOUNS.has(label.form) && previous && !ATTRIBUTE_LABELS.has(previous.form) && /^(\([^)]{1,8}\))?$/.test(text.slice(previous.end, i))) {
        // `乙方(学生)姓名`: the noun completes the label before it.
        previous.end = end;
        previous.clean = text[end] === ':' || end === text.length || /[\s(]/.test(text[end]);
        i = end - 1;
        break;
      }
      // A label glued to the text after it (`姓名王晓明`) is weaker evidence than `姓名:` or `姓名 王晓明`.
      // A date's label with one Latin letter before the digits (`发证日期A202112.01` on a noisy scan): the colon read
      // as a letter, or a speck; no date starts with a letter, so it stands where the separator did.
      const separated = colon || end === text.length || /[\s(]/.test(text[end]) || (/(日期|时间)$/.test(label.form) && /^[A-Za-z](?=\d)/.test(text.slice(end)));
      // A short label glued to running text (`乙方应按…`, `甲方根据…`) is a word in a sentence, not a label.
      // Licence labels that open a line are labels even when the engine lost the gap after them (`名称杭州…公司`,
      // `负责人刘俊`), and so are they opening a pair of run-on prose after its punctuation (`…至长期，住所浙江省…`);
      // what they lead to must then look fully typical (see findLabelledCandidates).
      if (
        label.weak &&
        !separated &&
        /[\u3400-\u9fff]/.test(text[end]) &&
        !pairLabel &&
        !spaced &&
        !(i === 0 && label.form === '工种' && GLUED_TRADE.test(text.slice(end))) &&
        !(LEVEL_LABELS.has(label.form) && LEVEL_WORD_START.test(text.slice(end)))
      )
        continue;
      hits.push({ form: label.form, start: qualifiedStart(text, i, hits), end, clean: separated });
      i = end - 1;
      break;
    }
    const role = hits.length === before && atStart ? otherPartyRoleEnd(text, i) : undefined;
    if (role !== undefined) {
      // `受理人`, `原单位` standing alone: someone else's label, never a name or a value of the label before it.
      hits.push({ form: text.slice(i, role), start: i, end: role, clean: true, otherParty: true });
      i = role - 1;
      continue;
    }
    const qualified = !atStart && qualifiedStart(text, i, hits) < i;
    if (hits.length === before && (atStart || qualified) && /[\u3400-\u9fff]/.test(text[i]) && !hits.some((h) => h.end > i)) {
      // A long label with one character misread or missing (`法定代表入`, `统一社会信用代`), or a short one with a
      // look-alike (`起始目`): only where a label can start, and only when what follows is set apart from it or the
      // match is long enough to be no word. Right after a qualifier (`用工起始目`) only a look-alike: a qualifier's
      // word with one character dropped is too often a title (`居民身份证`, not 居民 + 身份证号).
      const fuzzy = qualified ? lookalikeShortLabelAt(text, i) : fuzzyLabelAt(text, i);
      if (fuzzy) {
        const end = i + fuzzy.length;
        // A bracket closing round it (`(用大单位)`, a caption under its value) sets it apart too.
        const separated = text[end] === ':' || end === text.length || /[\s()]/.test(text[end]);
        if (separated || fuzzy.length >= 5 || gluedMisreadTail(text, i, fuzzy)) {
          hits.push({ form: fuzzy.form, start: qualifiedStart(text, i, hits), end, clean: separated, fuzzy: true });
          i = end - 1;
        }
      }
    }
  }
  return hits.map((hit, k) => {
    const stop = k + 1 < hits.length ? hits[k + 1].start : text.length;
    let value = text.slice(hit.end, stop);
    // A parenthetical right after the label qualifies it: `甲方(用人单位):`, `法定代表人(签字):`.
    value = value.replace(/^\s*:?\s*[(（][^)）]{1,8}[)）]\s*/, '');
    return { ...hit, inlineValue: trimValue(value) };
  });
}

/** A short value glued after a label: no sentence's punctuation, at most this many characters. */
const GLUED_VALUE = /^[^，。；,;：:]{2,16}$/;

/**
 * A four-character label opening its line with its last character misread and its value glued on (`职业名标互联网营销师`
 * on a phone photo, `称` read `标`): the three characters before spell the label's head exactly and what follows is a
 * short value, no sentence, and the misread character is a Chinese one. Anywhere else a glued near-label may be a word of running text.
 */
function gluedMisreadTail(text: string, at: number, fuzzy: { form: string; length: number }): boolean {
  // The misread character is a Chinese one: a digit there starts a value glued to a label's head (`经营范` | `11层907室`).
  return at === 0 && fuzzy.length === 4 && text.startsWith(fuzzy.form.slice(0, 3)) && /[\u3400-\u9fff]/.test(text[3]) && GLUED_VALUE.test(text.slice(4));
}

/**
 * A line's characters may stray this far (a share of their height) from a straight run and still say how its row
 * tilts: over one line a curled page's row is nearly straight, though less so than the page's long level rows.
 */
const BENT_ROW_STRAIGHTNESS = 0.35;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Levels a page scanned a few degrees off: the skew is the median slope of the characters along long lines (or, for an
 * engine without character boxes, between neighbouring boxes on one row: cells of a table, label and value), and
 * every box centre is turned back by it. A photo taken at an angle fans its rows (the top rows climb, the bottom ones
 * fall): when one slope leaves lines half a body line or more from where the rows' own field of slopes puts
 * them (`rowSlopeField`), each box is moved along its own row instead, to the height that row has at the page's middle
 * column. Box heights lose the part a slanted line adds (`width × slope`, the slope where the line lies).
 */
function deskew(lines: LayoutLine[], width: number, height: number, samples: readonly RowSlopeSample[], exactBoxes = false): void {
  const bodyHeight = median(lines.map((l) => l.box.height)) || 20;
  const measured = samples.length >= 3 ? samplesSlope(samples) : slopeFromNeighbours(lines);
  if (measured !== undefined && Math.abs(measured) > 0.2) return;
  const slope = measured === undefined || Math.abs(measured) < 0.008 ? 0 : measured;
  // A text layer's boxes are the glyphs' own, on rows drawn level: nothing fans there.
  const field = exactBoxes ? undefined : rowSlopeField(samples, lines, width, height, slope);
  if (slope === 0 && !field) return;
  for (const line of lines) {
    const { x, y, width: w, height: h } = line.box;
    const cx = x + w / 2;
    const cy = y + h / 2;
    const ncx = cx + slope * (cy - height / 2);
    const ncy = field ? field.levelY(cx, cy) : cy - slope * (cx - width / 2);
    const local = field ? field.slopeAt(cx, cy) : slope;
    // A text layer's boxes are the glyphs' own, never grown by a tilt: a line of body type keeps its height (squeezed
    // to half of it, a wide line no longer matches the type size of the lines it wraps with). A box several lines
    // tall there holds runs of other rows (a number merged with the title beside it) and is squeezed as before.
    const nh = exactBoxes && h < bodyHeight * 2 ? h : Math.max(h - Math.abs(local) * w, h * 0.4);
    line.box = { x: ncx - w / 2, y: ncy - nh / 2, width: w, height: nh };
    if (line.rowSlope !== undefined) line.rowSlope -= local;
    if (line.head) {
      const { x: hx, y: hy } = line.head;
      line.head = { x: hx + slope * (hy - height / 2), y: field ? field.levelY(hx, hy) : hy - slope * (hx - width / 2) };
    }
  }
}

/** How far (as a slope: about 1.1°) a row's label-to-value slope may lie from the page's skew and still agree with it. */
const NEIGHBOUR_SLOPE_AGREEMENT = 0.02;

/** The skew from neighbouring boxes on one row (cells of a table, label and value), for engines without character boxes. */
function slopeFromNeighbours(lines: LayoutLine[]): number | undefined {
  const slopes: number[] = [];
  for (const a of lines) {
    const ah = a.box.height;
    const acx = a.box.x + a.box.width / 2;
    const acy = a.box.y + ah / 2;
    let best: LayoutLine | undefined;
    for (const b of lines) {
      if (b === a || b.box.x < a.box.x + a.box.width - ah * 0.5) continue;
      // Two lone characters side by side are most often a seal's lettering on its arc, which says nothing of the skew.
      if (a.flat.length === 1 && b.flat.length === 1) continue;
      if (Math.abs(b.box.y + b.box.height / 2 - acy) > Math.max(ah, b.box.height) * 0.9) continue;
      if (!best || b.box.x < best.box.x) best = b;
    }
    if (!best) continue;
    const dx = best.box.x + best.box.width / 2 - acx;
    if (dx > ah * 2) slopes.push((best.box.y + best.box.height / 2 - acy) / dx);
  }
  if (slopes.length < 3) return undefined;
  // A page turned a few degrees tilts every row alike. Values a fill-in printer set off their labels' baselines, up on
  // one row and down on the next, give slopes of both signs that agree on nothing (a digital certificate's -0.16 … 0.10,
  // median 0.05, put a shifted issuer a whole line off its label): no skew is read from them.
  const skew = median(slopes);
  const agreeing = slopes.filter((s) => Math.abs(s - skew) <= NEIGHBOUR_SLOPE_AGREEMENT).length;
  return agreeing >= slopes.length * 0.5 ? skew : undefined;
}

/**
 * A box that may be one piece of a letter-spaced label: one to three Chinese characters and nothing else, or one
 * bracket of a label spread character by character (`甲` `方` `(` `用` `人` `单` `位` `)` `名` `称`).
 */
const LABEL_PIECE = /^(?:[\u3400-\u9fff]{1,3}|[()])$/;

/**
 * A lone character's box is drawn tight round its ink, a line's box round the whole line with its margins: the lone
 * character is of the line's size when its box, both ways, is about the line's character pitch (a glyph is square;
 * a mark or a speck is smaller).
 */
function sameCharacterSize(lone: LayoutLine, line: LayoutLine): boolean {
  const pitch = line.box.width / Math.max(1, line.flat.length);
  const size = Math.min(lone.box.width, lone.box.height) / pitch;
  return size > 0.88 && size < 1.35;
}

/**
 * A lone character of the page's body type beside a box drawn far taller than its line on a noisy scan (`工` 45 px
 * high | `种焊工` 86 px, the noise round it boxed too): the lone character's box, its smaller side, is the page's usual
 * line height, so it is a character of the text, not a mark or a speck; the other box is taller than it, never smaller.
 */
function bodyTypeUnderNoise(lone: LayoutLine, line: LayoutLine, bodyHeight: number): boolean {
  const size = Math.min(lone.box.width, lone.box.height) / bodyHeight;
  return size > 0.85 && size < 1.25 && line.box.height > lone.box.height;
}

/** True when the box at `j` ends with a colon, or the next box on its row, right after it, is a colon alone. */
function colonAfter(lines: readonly LayoutLine[], j: number): boolean {
  const b = lines[j];
  if (/[:：]$/.test(b.flat)) return true;
  const next = lines[j + 1];
  if (!next || next.page !== b.page || !/^[:：]$/.test(next.flat)) return false;
  const h = b.box.height;
  return Math.abs(next.box.y + next.box.height / 2 - (b.box.y + h / 2)) < h / 2 && next.box.x - (b.box.x + b.box.width) < h * 2;
}

/** The engine's text of a box opening with a label's item number (`②持`, `(3)性`, `4.身`). */
const ITEM_NUMBER_HEAD = /^\s*(?:[\u2460-\u2473]|\(\d{1,2}\)|\d{1,2}[.、])\s*[\u3400-\u9fff]/;

/**
 * The longest run of a spread label's pieces, from the first, that spells a whole label (`flats`: each piece's text,
 * the head's as read through its look-alike), and the label's text; a count of 0 when none does.
 */
function longestSpelledLabel(pieces: readonly LayoutLine[], flats: readonly string[]): { count: number; text: string } {
  let joinedCount = 0;
  let joinedText = '';
  for (let k = pieces.length; k >= 2 && !joinedCount; k--) {
    const head = flats.slice(0, k - 1).join('');
    const lastPiece = pieces[k - 1];
    // Normalised again from the engine's text: a lone character before the value (`称　杭州…`) was glued to it.
    let text = LABEL_PIECE.test(lastPiece.flat) ? head + lastPiece.flat : normaliseText(`${head}${lastPiece.raw}`);
    // The last piece may hold the label's end glued to the value (`名` | `称杭州市…`): the label's pieces were set
    // apart, so where the label ends is where the value starts. A short value makes the piece look like one of the
    // label's own (`乙` | `方汤鹏`, `持证` | `人宋斌`): a head and a piece that spell no whole label are cut the same way.
    const wholeLabel = (t: string) => findHits(t).some((h) => h.start === 0 && h.end === t.length);
    const glued = !LABEL_PIECE.test(lastPiece.flat) || !wholeLabel(text);
    let cutAt = 0;
    for (let cut = 3; cut >= 1 && glued; cut--) {
      const label = head + lastPiece.flat.slice(0, cut);
      if (lastPiece.flat.length > cut && LABELS_BY_FIRST_CHAR.get(label[0])?.some((l) => l.form === label)) {
        text = `${label} ${normaliseText(lastPiece.flat.slice(cut))}`;
        cutAt = cut;
        break;
      }
    }
    const hit = findHits(text)[0];
    if (!hit || hit.start !== 0) continue;
    // The label must take in every piece but the last, and at least the start of the last.
    if (hit.end <= head.length) continue;
    if (LABEL_PIECE.test(lastPiece.flat) && cutAt === 0 ? hit.end !== text.length : false) continue;
    joinedCount = k;
    joinedText = text;
  }
  return { count: joinedCount, text: joinedText };
}

/**
 * A spread label one of whose middle pieces holds a speck read as a character beside the label's own (`冏日` between
 * `始` and `期：`): the run that spells a whole label of four characters or more with that character left out, past the
 * piece, spelled exactly (not one character off). Only the piece's outer character goes, and only from a piece of two.
 */
function spelledWithoutSpeck(pieces: readonly LayoutLine[], flats: readonly string[]): { count: number; text: string } | undefined {
  for (let m = 1; m + 1 < pieces.length; m++) {
    if (!/^[\u3400-\u9fff]{2}$/u.test(flats[m])) continue;
    for (const kept of [flats[m][1], flats[m][0]]) {
      const spelled = longestSpelledLabel(
        pieces,
        flats.map((f, k) => (k === m ? kept : f)),
      );
      const label = findHits(spelled.text)[0];
      if (spelled.count > m + 1 && label && !label.fuzzy && label.form.length >= 4) return spelled;
    }
  }
  return undefined;
}

/**
 * Joins a label the engine read as separate boxes because of wide letter-spacing (`住` … `所`, `法` `定` `代` `表`
 * `人`, `成立` … `日期`) when the pieces sit side by side on one row and together spell a known label (one
 * character misread or missing allowed in long labels). The last piece may carry the label's end and the value
 * (`名` | `称 杭州…有限公司`).
 */
function mergeSpacedLabels(lines: LayoutLine[], bodyHeight: number): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    // Run-on prose glues the separator before a label to its first piece (`；受` `聘` `人：`); a spread caption its
    // opening bracket (`(姓` … `名)`, `[H` … `种中式面点师` of a bracketed `[工　种]` whose 工 was read `H`).
    // A form's item number may open it too (`(1)H` … `种`, the `工` of `工　种` read `H`).
    // … or a bare item number whose stop the engine lost or misread (`1甲` … `方` of `1. 甲　方`; `11-地` … `址`), in
    // Chinese numerals too (`三负` … `人：`, `五.成` … `期：` of `三、负　责　人`, `五、成　立　日　期`).
    // … or a circled one left on a look-alike letter (`①I` … `种`: the decoration is kept off a Chinese head only).
    const separator =
      /^(?:\([1-9]\)|[1-9]\d?[.、\-~]?(?=[\u3400-\u9fff]$)|[一二三四五六七八九十]{1,2}[.、·•・丶]?(?=[\u3400-\u9fff]$)|[\u2460-\u2473](?=[A-Za-z]$)|[；;，,、。(\[【〔「])/.exec(
        a.flat,
      )?.[0] ?? '';
    const read = a.flat.slice(separator.length);
    const lookalike = LOOKALIKE_HEADS[read];
    const first = lookalike ?? read;
    // A longer head is a piece too when the label's last characters open the next box before a colon (`持证人姓` |
    // `名：汪雨`).
    const longHead = /^[\u3400-\u9fff]{4,5}$/u.test(first) && /^[\u3400-\u9fff]{1,2}[:：]/u.test(lines[i + 1]?.flat ?? '');
    // Someone else's word spread before a label (`财` `务` `负` `责` `人：`) opens a label too: joined whole, it is a
    // label of no field, and the field's own label (`负责人`) is not left standing alone inside it.
    if ((!LABEL_PIECE.test(first) && !longHead) || !(LABEL_PREFIXES.has(first) || opensOtherPartyWord(first))) continue;
    const h = a.box.height;
    // Pieces: following boxes on the row, each close to the one before (a spread label spans at most a few
    // character widths per gap).
    const pieces = [a];
    // The boxes after it on its row, left to right: reading order may put a taller value box of the row (`杭州…` set
    // a little high between `名` and `称:`) between two pieces, and a piece set a few pixels higher than the head
    // before it (`用` `工起` `始` `日：` on a turned page, `始` 5 px up) ahead of the head itself.
    const inRow = (b: LayoutLine) => b.page === a.page && Math.abs(b.box.y + b.box.height / 2 - (a.box.y + h / 2)) < Math.min(h, b.box.height) / 2;
    const following = [...lines.slice(Math.max(0, i - 25), i), ...lines.slice(i + 1, i + 25)].filter((b) => inRow(b) && b.box.x > a.box.x);
    following.sort((p, q) => p.box.x - q.box.x);
    for (const b of following) {
      if (pieces.length >= 12) break;
      // An item number opens the next label of the row (`①受` `理` `人` | `②持` `证` `人`), never a piece of this one:
      // the decoration is gone from the box's text, so the engine's is read.
      if (ITEM_NUMBER_HEAD.test(b.raw)) break;
      const j = lines.indexOf(b);
      const last = pieces[pieces.length - 1];
      const sameRow = inRow(b);
      const gap = b.box.x - (last.box.x + last.box.width);
      // Two lone characters justified across a wide label column (`甲　　　　方`, `名` … `称:` set to the width of
      // `统一社会信用代码`) sit further apart; the colon after the last is no character of the label.
      // Justified across a label column as wide as `法定代表人姓名:` (`地` … `址` `:`), they sit further still: with
      // the colon right after the second, the pair is a label however far apart.
      const lonePair = pieces.length === 1 && first.length === 1 && b.flat.replace(/[:：]$/, '').length === 1;
      // The second character may share its box with the value after its colon (`名` … `称: 杭州市…`, `甲` … `方:杭州…`).
      const pairWithValue = pieces.length === 1 && first.length === 1 && /^[\u3400-\u9fff][:：]./u.test(b.flat);
      // … or with no colon at all (`名` … `称杭州西溪…`): the two characters, boxed the same size, still spell a whole
      // label (a small mark boxed apart is no label's head).
      const pairHead =
        pieces.length === 1 &&
        first.length === 1 &&
        b.flat.length > 1 &&
        (Math.abs(Math.log(b.box.height / h)) < Math.log(1.25) || sameCharacterSize(a, b) || bodyTypeUnderNoise(a, b, bodyHeight)) &&
        !!LABELS_BY_FIRST_CHAR.get(first)?.some((l) => l.form === first + b.flat[0]);
      // … across a whole cell (`名` … `称浙江紫金…`, nine heights apart, the value glued to the label's end): boxed the
      // same size, the second opening a long run.
      const wholePairHead = pairHead && Math.abs(Math.log(b.box.height / h)) < Math.log(1.25) && b.flat.length >= 4;
      // Three or more lone characters justified across a cell that wide sit evenly apart: the next as far as the last.
      const previousGap = pieces.length >= 2 ? pieces[pieces.length - 1].box.x - (pieces[pieces.length - 2].box.x + pieces[pieces.length - 2].box.width) : 0;
      const evenlySpread =
        pieces.length >= 2 && pieces.every((p) => LONE_CHARACTER.test(p.flat)) && LONE_CHARACTER.test(b.flat) && Math.abs(gap - previousGap) < h * 0.5;
      // A label column as wide as a four-character label spread across it (`信　用　代　码`) sets a pair's two characters
      // some eleven heights apart (`甲` … `方` over 388 px at 33 px type; `住` … `所` across a licence's narrow cell at a
      // row's end, its value opening the next row: flowing-rows.ts).
      const reach = lonePair ? (colonAfter(lines, j) ? 16 : 12) : evenlySpread || pairWithValue ? 12 : pairHead ? (wholePairHead ? 12 : 8) : 4;
      // A lone character's box drawn wide on a scan may reach into its pair's (`名` boxed 67 px wide for 41 high,
      // over the start of `称:`).
      // … and so may a lone character drawn wide beside the value its label's tail is glued to (`工` 88 px wide for 45
      // high, over the start of `种焊工`).
      const drawnWide = lonePair || (pairHead && a.box.width > h * 1.3);
      if (!sameRow || gap < -h * (drawnWide ? 0.7 : 0.3) || gap > h * reach) break;
      pieces.push(b);
      if (!LABEL_PIECE.test(b.flat)) break;
    }
    if (pieces.length < 2) continue;
    // The longest run of pieces that spells a whole label wins.
    const spelled = longestSpelledLabel(
      pieces,
      pieces.map((p) => (p === a ? first : p.flat)),
    );
    // … or, where none does, the run with a speck beside one of its middle characters, read as a character of its own,
    // left out (`起` `始` `冏日` `期：`, a speck left of 日 read `冏`): a label of four characters or more, and flagged.
    const withoutSpeck = spelled.count
      ? undefined
      : spelledWithoutSpeck(
          pieces,
          pieces.map((p) => (p === a ? first : p.flat)),
        );
    const joinedCount = spelled.count || (withoutSpeck?.count ?? 0);
    const joinedText = spelled.count ? spelled.text : (withoutSpeck?.text ?? '');
    if (!joinedCount) continue;
    const used = pieces.slice(0, joinedCount);
    const right = Math.max(...used.map((p) => p.box.x + p.box.width));
    const top = Math.min(...used.map((p) => p.box.y));
    const bottom = Math.max(...used.map((p) => p.box.y + p.box.height));
    const oTop = Math.min(...used.map((p) => p.original.y));
    const oBottom = Math.max(...used.map((p) => p.original.y + p.original.height));
    const oRight = Math.max(...used.map((p) => p.original.x + p.original.width));
    a.box = { x: a.box.x, y: top, width: right - a.box.x, height: bottom - top };
    a.original = { x: a.original.x, y: oTop, width: oRight - a.original.x, height: oBottom - oTop };
    a.raw = used.map((p) => p.raw).join(' ');
    // An item number is set apart from the label it numbers, as `(4) 乙方` reads. A circled number goes, as
    // `withoutLabelDecorations` drops it before a Chinese head; one in Chinese numerals is cut, as it cuts `三、` before
    // a label (a space would not part it from the label's characters).
    const kept = /^[\u2460-\u2473一二三四五六七八九十]/.test(separator) ? '' : separator;
    a.text = normaliseText(`${kept}${/^\(\d\)$|^\d/.test(kept) ? ' ' : ''}${joinedText}`);
    a.flat = a.text.replace(/\s+/g, '');
    a.confidence = Math.min(...used.map((p) => p.confidence));
    a.chars = used.every((p) => p.chars) ? used.flatMap((p) => p.chars!) : undefined;
    a.typeHeight = used.every((p) => p.typeHeight) ? Math.max(...used.map((p) => p.typeHeight!)) : undefined;
    a.tailGap = used[used.length - 1].tailGap;
    a.hits = findHits(a.text);
    // A label spelled through a look-alike letter, or past a speck read in, is a label with one character misread.
    if ((lookalike || withoutSpeck) && a.hits[0]) a.hits[0].fuzzy = true;
    a.leading = trimValue(a.hits.length > 0 ? a.text.slice(0, a.hits[0].start) : a.text);
    for (const p of used.slice(1)) {
      const at = lines.indexOf(p);
      lines.splice(at, 1);
      if (at < i) i--;
    }
  }
  // A look-alike speck that opened no label is the speck it looked like.
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].hits.length === 0 && lines[i].confidence < 0.6 && isLookalikeHead(lines[i])) lines.splice(i, 1);
}

/**
 * A label's colon boxed apart at the end of its justified cell (`字号名称` | `:`, `注册号` | `:` on a digital licence
 * whose labels are set to a cell's width, the colon at the cell's right): the colon joins the label it follows on its
 * row, within a height and a half, when the label ends its box. Its box then reaches the cell's end, as a label with
 * its colon does; a colon set further off (`经营范围` … `:` across the row) stays apart.
 */
function joinLoneColons(lines: LayoutLine[]): void {
  for (let i = lines.length - 1; i >= 0; i--) {
    const colon = lines[i];
    if (colon.flat !== ':') continue;
    const h = colon.box.height;
    const label = lines
      .filter(
        (l) => l !== colon && l.page === colon.page && Math.abs(centreY(l.box) - centreY(colon.box)) < Math.min(h, l.box.height) / 2 && l.box.x < colon.box.x,
      )
      .sort((a, b) => b.box.x + b.box.width - (a.box.x + a.box.width))[0];
    if (!label || label.hits.length === 0) continue;
    const last = label.hits[label.hits.length - 1];
    const gap = colon.box.x - (label.box.x + label.box.width);
    if (last.end !== label.text.length || gap < -h * 0.3 || gap > label.box.height * 1.5) continue;
    const right = colon.box.x + colon.box.width;
    const oRight = colon.original.x + colon.original.width;
    label.box = { ...label.box, width: right - label.box.x };
    label.original = { ...label.original, width: oRight - label.original.x };
    label.raw = `${label.raw}${colon.raw}`;
    label.text = `${label.text}:`;
    label.flat = `${label.flat}:`;
    label.chars = label.chars && colon.chars ? [...label.chars, ...colon.chars] : undefined;
    label.tailGap = colon.tailGap;
    label.hits = findHits(label.text);
    lines.splice(i, 1);
  }
}

/** One Chinese character alone in its box. */
const LONE_CHARACTER = /^[\u3400-\u9fff]$/;
/** Confidence a spread value keeps when a lone character touches its end (it may have lost that character). */
const UNSURE_RUN_END = 0.5;
/** Two or three Chinese characters in one box (a piece of a spread value). */
const SPACED_PIECE = /^[\u3400-\u9fff]{2,3}$/;

/**
 * Joins a value the layout spread character by character (`钱` `轩` `辉`, `马` `嘉` `涵` ahead of a spread label):
 * lone characters side by side on one row at one even pitch are one value, as a run of letter-spaced label pieces
 * is one label. The run ends where the pitch changes (the next label is set apart from the value); a run that spells
 * a label, or takes in a box that is one, is left to the labels. Characters touching or overlapping (seal lettering)
 * are no spread value.
 */
function mergeSpacedValues(lines: LayoutLine[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const h = a.box.height;
    // The detector may box two or three of the spread characters together (`邱思` `雨` where a watermark was lifted):
    // a box that wide for its characters opens a run when the next lone character follows at about their spacing.
    const opening = SPACED_PIECE.test(a.flat) && a.box.width >= a.flat.length * h * 1.4 ? (a.box.width - a.flat.length * h) / (a.flat.length - 1) : undefined;
    if ((!LONE_CHARACTER.test(a.flat) && opening === undefined) || a.hits.length > 0) continue;
    const run = [a];
    let pitch: number | undefined;
    for (let j = i + 1; j < lines.length; j++) {
      const b = lines[j];
      const last = run[run.length - 1];
      if (!LONE_CHARACTER.test(b.flat) || b.hits.length > 0 || b.page !== a.page) break;
      if (Math.abs(b.box.y + b.box.height / 2 - (a.box.y + h / 2)) > Math.min(h, b.box.height) * 0.3) break;
      if (Math.abs(b.box.height - h) > h * 0.15) break;
      const gap = b.box.x - (last.box.x + last.box.width);
      if (gap < h * 0.3 || gap > h * 2.5) break;
      if (pitch !== undefined && Math.abs(gap - pitch) > Math.max(pitch * 0.2, h * 0.15)) break;
      if (pitch === undefined && opening !== undefined && Math.abs(gap - opening) > h * 0.5) break;
      pitch ??= gap;
      run.push(b);
    }
    if (run.length < 2) continue;
    const joined = run.map((p) => p.flat).join('');
    // A date spread round its numbers (`05` `月` `10` `日` `至`) is no spread value.
    if (findHits(joined).length > 0 || LABEL_PREFIXES.has(joined) || /[年月日至]/.test(joined)) continue;
    const last = run[run.length - 1];
    // On a row of text: a label or a line of text beside the run (seal lettering is lone characters all round).
    const start = a.box.x;
    const end = last.box.x + last.box.width;
    const onTextRow = lines.some(
      (o) =>
        !run.includes(o) &&
        o.page === a.page &&
        (o.flat.length > 1 || o.hits.length > 0) &&
        Math.abs(o.box.y + o.box.height / 2 - (a.box.y + h / 2)) < h * 0.3 &&
        Math.abs(o.box.height - h) < h * 0.2 &&
        (o.box.x + o.box.width <= start + h * 0.3 ? start - (o.box.x + o.box.width) < h * 8 : o.box.x >= end - h * 0.3 && o.box.x - end < h * 8),
    );
    if (!onTextRow) continue;
    a.box = { x: a.box.x, y: Math.min(...run.map((p) => p.box.y)), width: last.box.x + last.box.width - a.box.x, height: h };
    a.original = {
      x: a.original.x,
      y: Math.min(...run.map((p) => p.original.y)),
      width: last.original.x + last.original.width - a.original.x,
      height: a.original.height,
    };
    a.raw = run.map((p) => p.raw).join(' ');
    a.text = joined;
    a.flat = joined;
    a.confidence = Math.min(...run.map((p) => p.confidence));
    a.chars = run.every((p) => p.chars) ? run.flatMap((p) => p.chars!) : undefined;
    a.typeHeight = run.every((p) => p.typeHeight) ? Math.max(...run.map((p) => p.typeHeight!)) : undefined;
    a.tailGap = last.tailGap;
    // A lone character touching the run's end on its row (a box the detector drew wide: `马` `婷` `萱` with 萱's box
    // reaching back to 婷) may be the value's last character: the run is read, but not trusted.
    const next = lines[i + run.length];
    const cut =
      next !== undefined &&
      next.page === a.page &&
      LONE_CHARACTER.test(next.flat) &&
      next.hits.length === 0 &&
      Math.abs(next.box.y + next.box.height / 2 - (a.box.y + h / 2)) < h * 0.5 &&
      next.box.x - end < h * 0.3;
    if (cut) {
      a.confidence = Math.min(a.confidence, UNSURE_RUN_END);
      a.chars = a.chars?.map((c, k, all) => (k === all.length - 1 ? { ...c, confidence: Math.min(c.confidence, UNSURE_RUN_END) } : c));
    }
    a.leading = trimValue(joined);
    lines.splice(i + 1, run.length - 1);
  }
}

/**
 * A value set in a narrow cell wraps every few characters, and a piece may happen to be a short label word
 * (`浙江` | `育才` | `职业` | `技能` | `培训` | `学校`). A line that is nothing but a weak label, set flush under a
 * line that is a label's value (beside its label, or continuing such a value), is that value's next piece.
 */
function unlabelWrappedWords(lines: LayoutLine[]): void {
  const inValueColumn = new Set<LayoutLine>();
  const cy = (l: LayoutLine) => l.box.y + l.box.height / 2;
  // Only labels waiting for a value can start a value column (few lines of a page).
  const waiting = lines.filter((o) => o.hits.length > 0 && o.hits[o.hits.length - 1].inlineValue === '');
  if (waiting.length === 0) return;
  for (const line of lines) {
    const h = line.box.height;
    const besideLabel = waiting.some(
      (o) =>
        o !== line && o.page === line.page && o.box.x + o.box.width <= line.box.x + h * 0.5 && Math.abs(cy(o) - cy(line)) < Math.min(h, o.box.height) * 0.6,
    );
    const above = [...inValueColumn].find(
      (o) =>
        o !== line &&
        Math.abs(o.box.x - line.box.x) < h * 0.3 &&
        line.box.y - (o.box.y + o.box.height) > -h * 0.3 &&
        line.box.y - (o.box.y + o.box.height) < h * 0.9,
    );
    const weakAlone =
      line.hits.length === 1 && line.hits[0].start === 0 && line.hits[0].inlineValue === '' && !line.text.includes(':') && isWeakLabel(line.hits[0].form);
    // Or the piece level with the label of a value centred on it (`杭州` | `之江` | `职业` | `培训` | `学校` beside
    // `发证单位`): beside the label, with a line of text set flush over it and one flush under it.
    const flush = (o: LayoutLine, under: boolean) => {
      const gap = under ? o.box.y - (line.box.y + h) : line.box.y - (o.box.y + o.box.height);
      return o !== line && o.hits.length === 0 && o.leading !== '' && Math.abs(o.box.x - line.box.x) < h * 0.3 && gap > -h * 0.3 && gap < h * 0.9;
    };
    const centredOnLabel = besideLabel && lines.some((o) => flush(o, false)) && lines.some((o) => flush(o, true));
    if ((above || centredOnLabel) && weakAlone) {
      line.hits = [];
      line.leading = line.text;
    }
    if ((besideLabel && line.hits.length === 0) || (above && line.hits.length === 0)) inValueColumn.add(line);
  }
}

/** Lines of a spread fall clearly in one half; a few titles or seals may cross the gutter. */
function detectSpread(page: OcrPage, lines: LayoutLine[]): boolean {
  // Lone characters (seal lettering, ticks) say nothing about columns.
  const text = lines.filter((l) => l.flat.length > 1);
  if (page.width < page.height * 1.2 || text.length < 8) return false;
  const mid = page.width / 2;
  const margin = page.width * 0.01;
  let left = 0;
  let right = 0;
  let crossing = 0;
  for (const line of text) {
    if (line.box.x + line.box.width < mid - margin) left++;
    else if (line.box.x > mid + margin) right++;
    else crossing++;
  }
  if (left < 4 || right < 4 || crossing > Math.max(1, text.length * 0.05)) return false;
  // Each page of a booklet spread carries labels of its own; a landscape form with labels on the left and their
  // values far to the right is one page, not two.
  const labelled = (half: LayoutLine[]) => half.filter((l) => l.hits.length > 0).length;
  const leftHalf = text.filter((l) => l.box.x + l.box.width < mid - margin);
  const rightHalf = text.filter((l) => l.box.x > mid + margin);
  if (labelled(leftHalf) < 2 || labelled(rightHalf) < 2) return false;
  return !labelPairedAcrossMiddle(leftHalf, rightHalf);
}

/**
 * Whether a label of the left half waits for a value (nothing after it) that stands just across the middle on its row
 * (`证号：` … `ZX2021…` on a landscape certificate), or three labels or more each wait for one that stands anywhere
 * across it (a landscape record's `个人姓名` … `潘鸣慧` set flush with the page's right margin, row after row): one
 * page's labels and their values, so the halves are no booklet spread, whose pages keep their values to themselves.
 */
function labelPairedAcrossMiddle(leftHalf: readonly LayoutLine[], rightHalf: readonly LayoutLine[]): boolean {
  let farPairs = 0;
  for (const label of leftHalf) {
    const last = label.hits[label.hits.length - 1];
    if (!last || last.inlineValue.trim() !== '') continue;
    const h = label.box.height;
    const end = label.box.x + label.box.width;
    const centre = label.box.y + h / 2;
    const sameRow = (o: LayoutLine) => Math.abs(o.box.y + o.box.height / 2 - centre) < Math.min(h, o.box.height) * 0.6;
    // Nothing of its own half after it on its row.
    if (leftHalf.some((o) => o !== label && sameRow(o) && o.box.x >= end - h * 0.5)) continue;
    const values = rightHalf.filter((o) => sameRow(o) && Math.abs(o.box.height - h) < h * 0.3);
    if (values.some((o) => o.hits.length === 0 && o.box.x - end < h * 8)) return true;
    if (values.length === 1 && values[0].hits.length === 0) farPairs++;
  }
  return farPairs >= 3;
}

/**
 * Text set on a slant across the page (a site watermark, `仅供…审核使用` printed diagonally): its box is several body
 * lines tall yet far narrower than its characters would be side by side. A title is tall but as wide as its text.
 * A long body line on a skewed scan is boxed tall too (one end a line lower than the other), but it climbs only a few
 * degrees across its width: the rise past one character's height, over the width, tells it from a watermark set at
 * 30–45°. The character is sized from the line itself (its width over its characters), not from the page's median
 * line, which a page covered in watermarks inflates.
 */
function isSlanted(line: OcrPage['lines'][number], bodyHeight: number, pageSlope: number): boolean {
  // A line whose characters climb as the page's rows do is one of its rows, however tall a tilted photo boxes it.
  const slope = characterSlope(line);
  if (pageSlope !== 0 && slope !== undefined && Math.abs(slope - pageSlope) <= ALONG_TILTED_ROWS) return false;
  const chars = [...line.text.replace(/\s+/g, '')].length;
  const { width, height } = line.box;
  const rise = (height - width / Math.max(chars, 1)) / Math.max(width, 1);
  if (chars >= 3 && height > bodyHeight * 1.8 && width < chars * height * 0.4 && rise > MIN_WATERMARK_SLOPE) return true;
  // Two characters of a watermark (`西湖` of `仅供杭州市西湖区…`, boxed 93 × 85 beside a label): too short for the box's
  // shape to tell, but their own boxes climb at the watermark's angle, off the page's rows.
  return slope !== undefined && height > width * 0.5 && Math.abs(slope - pageSlope) > MIN_CHARACTERS_WATERMARK_SLOPE;
}

/** A line within this slope (≈ 6°) of the page's rows runs along them. */
const ALONG_TILTED_ROWS = 0.1;

/** tan 24°: for characters' own boxes, past what a curl bends a short row's end to; watermarks are set at 30–45°. */
const MIN_CHARACTERS_WATERMARK_SLOPE = 0.45;

/** tan 14°: steeper than any skew of a scan or photo we have seen; watermarks are set at 30–45°. */
const MIN_WATERMARK_SLOPE = 0.25;

/**
 * How much a line's characters climb (down the page: positive) per pixel along it, from its first and last
 * characters' centres; undefined without two characters boxed apart along it.
 */
function characterSlope(line: OcrPage['lines'][number]): number | undefined {
  const words = (line.words ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w.text));
  if (words.length < 2) return undefined;
  const [first, last] = [words[0], words[words.length - 1]];
  const run = last.box.x + last.box.width / 2 - (first.box.x + first.box.width / 2);
  if (run < first.box.width * 0.5) return undefined;
  return (last.box.y + last.box.height / 2 - (first.box.y + first.box.height / 2)) / run;
}

/**
 * The slope of the page's rows (a skewed scan, a tilted photo): the median of its long straight lines' slopes
 * (`rowSlopeSamples`). A watermark's lines, however many, give none: a line that climbs is boxed tall, and spans less
 * than three of its box's heights.
 */
function samplesSlope(samples: readonly RowSlopeSample[]): number {
  return median(samples.map((s) => s.slope));
}

/**
 * Puts an OCR page in normal form: text normalised, labels found, lines in reading order, booklet spreads detected.
 *
 * @example
 * buildPageLayout(ocrPage).lines[0].hits[0].form; // '姓名'
 */
export function buildPageLayout(whole: OcrPage): PageLayout {
  const page = { ...whole, lines: whole.lines.filter((line) => !line.sealLettering) };
  const sealRings = whole.lines
    .filter((line) => line.sealLettering)
    .map((line) => ({ text: normaliseText(line.text), confidence: line.confidence, box: line.box }));
  const bodyHeight = median(page.lines.map((l) => l.box.height)) || 20;
  const slopeSamples = rowSlopeSamples(page.lines);
  const pageSlope = slopeSamples.length >= 3 ? samplesSlope(slopeSamples) : 0;
  const lines: LayoutLine[] = withoutCutFiller(
    withColumnLabelsCut(
      withGluedLabelsCut(withSpreadLabelHeadsCut(withVerticalRunsJoined(withCharactersBoxedTwiceDropped(withSpecksInSpreadLabelsDropped(page.lines))))),
    ),
  )
    // Seal lettering read as a line (`业务专用章`, `合同专用章`) belongs to no field, nor does a diagonal watermark.
    .filter(
      (line) =>
        line.text.trim().length > 0 &&
        !isSealLettering(line.text) &&
        !isSlanted(line, bodyHeight, pageSlope) &&
        (!overprintOnly(normaliseText(line.text)) || printOpeningStamp(line, bodyHeight) !== undefined) &&
        (!isSpeck(line) || isLookalikeHead(line)),
    )
    .map((line, index) => {
      const opening = printOpeningStamp(line, bodyHeight);
      // A misread piece of a stamp's phrase left in the line (`新49号侵限办理职业技能补贴使用`) is cut, and the line
      // capped under the review threshold: the stamp may have hidden a character of the value (`overlay-phrases.ts`).
      const overlay = withoutOverlayPieces(normaliseText(normaliseText(underlinesAsSpaces(line.text)).replace(OVERPRINT, ' ')));
      const text = opening ?? withBoxedSpacedLabelJoined(withBracketLabelsClosed(withoutLabelDecorations(overlay.text)));
      // A text layer's lines are exact; those OCR read in a text-layer page's pictures or broken fonts (they carry the
      // engine's `words`: `read-pages.ts`, `withUnreadRegionsRead`) keep the engine's confidence.
      const ocrConfidence = page.source === 'text_layer' && !line.words ? 1 : line.confidence;
      const hits = findHits(text);
      if (hits.length === 0) {
        const glossed = labelFromGloss(text);
        if (glossed) hits.push(glossed);
      }
      return {
        page: page.pageNumber,
        index,
        raw: line.text,
        text,
        flat: text.replace(/\s+/g, ''),
        confidence: overlay.cut && opening === undefined ? Math.min(ocrConfidence, OVERLAY_CUT_CONFIDENCE) : ocrConfidence,
        box: line.box,
        original: line.box,
        chars: page.source === 'text_layer' || !line.words?.length ? undefined : lineCharacters(line.words, line.box.x),
        typeHeight: page.source === 'text_layer' ? undefined : typeSizeOfCharacters(line.words)?.size,
        readAlongBend: page.source === 'text_layer' ? undefined : typeSizeOfCharacters(line.words)?.alongBend || undefined,
        head: page.source === 'text_layer' ? undefined : headOfCharacters(line.words),
        headGap: page.source === 'text_layer' || !line.words?.length ? undefined : Math.max(0, Math.min(...line.words.map((w) => w.box.x)) - line.box.x),
        tailGap:
          page.source === 'text_layer' || !line.words?.length
            ? undefined
            : Math.max(0, line.box.x + line.box.width - Math.max(...line.words.map((w) => w.box.x + w.box.width))),
        rowSlope: page.source === 'text_layer' ? undefined : lineSlope(line, BENT_ROW_STRAIGHTNESS)?.slope,
        hits,
        // A short Chinese label with its English sub-label (`起聘日期 From`) is a label we do not know, never a value.
        leading: BILINGUAL_LABEL.test(text) ? '' : hits.length > 0 ? trimValue(text.slice(0, hits[0].start)) : wrapLeading(text),
      };
    })
    .filter((line) => line.text.length > 0);
  deskew(lines, page.width, page.height, slopeSamples, page.source === 'text_layer');
  const medianLineHeight = median(lines.map((l) => l.box.height)) || 20;
  // Reading order: top to bottom by rows, then left to right. Two lines share a row when their centres are within
  // half the smaller height (a tall title or a slanted long line must not pull the next line into its row).
  lines.sort((a, b) => {
    const dy = a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2);
    return Math.abs(dy) > Math.min(a.box.height, b.box.height) / 2 ? dy : a.box.x - b.box.x;
  });
  mergeSpacedLabels(lines, medianLineHeight);
  joinLabelsWrappedInCells(lines, findHits);
  joinLabelsAcrossWraps(lines, findHits);
  joinLabelTails(lines, findHits);
  joinLoneColons(lines);
  mergeSpacedValues(lines);
  joinSpreadDates(lines);
  unlabelWrappedWords(lines);
  const spread = detectSpread(page, lines);
  if (spread) {
    const mid = page.width / 2;
    for (const line of lines) line.half = line.box.x + line.box.width / 2 < mid ? 0 : 1;
    // On a spread, reading order is the left half then the right half.
    lines.sort((a, b) => (a.half ?? 0) - (b.half ?? 0));
  }
  lines.forEach((line, i) => (line.index = i));
  return {
    page: page.pageNumber,
    width: page.width,
    height: page.height,
    source: page.source,
    lines,
    flat: lines.map((l) => l.flat).join('\n'),
    spread,
    medianLineHeight,
    offPage: page.lines.filter((line) => runsOffPage(line.box, page)).map((line) => line.box),
    ...(sealRings.length > 0 ? { sealRings } : {}),
  };
}

/**
 * A word of the engine as the reader's characters (half-width, no spaces). A one-character word keeps its second
 * choice, in the same normal form.
 *
 * @example
 * layoutCharacters({ text: '８', confidence: 0.6, box, alternative: { text: '３', confidence: 0.3 } }); // [{ text: '8', confidence: 0.6, alternative: { text: '3', confidence: 0.3 } }]
 */
export function layoutCharacters(word: NonNullable<OcrLine['words']>[number], gapBefore?: number, lineX?: number): LayoutCharacter[] {
  const characters = [...toHalfWidth(word.text).replace(/\s+/g, '')];
  const alternative = word.alternative && characters.length === 1 ? toHalfWidth(word.alternative.text).replace(/\s+/g, '') : '';
  return characters.map((ch, k) => {
    const character: LayoutCharacter =
      alternative.length === 1 && alternative !== ch
        ? { text: ch, confidence: word.confidence, alternative: { text: alternative, confidence: word.alternative!.confidence } }
        : { text: ch, confidence: word.confidence };
    if (k === 0 && gapBefore !== undefined) character.gapBefore = gapBefore;
    if (lineX !== undefined) character.offset = Math.max(0, word.box.x + (word.box.width * k) / characters.length - lineX);
    return character;
  });
}

/** The characters of an engine line's boxed words, each word's first character with the blank run before its box. */
function lineCharacters(words: NonNullable<OcrLine['words']>, lineX: number): LayoutCharacter[] {
  return words.flatMap((w, k) => layoutCharacters(w, k === 0 ? undefined : Math.max(0, w.box.x - (words[k - 1].box.x + words[k - 1].box.width)), lineX));
}

/**
 * The lowest confidence among the characters of `text` within the line, when the engine scored characters and the
 * text can be found among them; otherwise undefined (the line's confidence stands).
 *
 * @example
 * valueCharacterConfidence(line, '王晓明'); // 0.87 when 晓 was read at 0.87
 */
export function valueCharacterConfidence(line: LayoutLine, text: string): number | undefined {
  if (!line.chars) return undefined;
  const wanted = text.replace(/\s+/g, '');
  if (!wanted) return undefined;
  const all = line.chars.map((c) => c.text).join('');
  const at = all.indexOf(wanted);
  if (at < 0) return undefined;
  let min = 1;
  for (let i = at; i < at + wanted.length; i++) min = Math.min(min, line.chars[i].confidence);
  return min;
}

const centreY = (box: Box): number => box.y + box.height / 2;

/** A gap measured on the engine's own box, trusted while the box is that box (no merge or cut changed its width). */
const ownGap = (line: LayoutLine, gap: number | undefined): number => (gap !== undefined && line.box.width === line.original.width ? gap : 0);

/**
 * The lines a field was read from, top first: the one whose box is the source's, else (a value joined from several
 * lines, boxed round them all) every line inside that box.
 */
export function linesOfSource(lines: readonly LayoutLine[], box: LayoutLine['original']): LayoutLine[] {
  const own = lines.find((l) => l.original === box);
  if (own) return [own];
  const inside = (b: LayoutLine['original']) =>
    b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1;
  return lines.filter((l) => inside(l.original)).sort((a, b) => a.box.y - b.box.y);
}

/** Lines on the same row as `line`, to its right and in the same half, nearest first. */
export function linesRightOf(layout: PageLayout, line: LayoutLine): LayoutLine[] {
  const right = line.box.x + line.box.width;
  // A label's box padded past its ink on a photo (`住址` boxed 110 px wide over 65 px of type) reaches into the box of
  // its value's first line: where the engine boxed characters, a line whose own characters start after the label's
  // is right of it. Only a label's: two pieces of one word (`持证` | `人：`) keep their boxes' test.
  const inkRight = line.hits.length > 0 ? right - ownGap(line, line.tailGap) : Infinity;
  // Leader layouts put values across most of the page, right-aligned at its far edge (a label at the left margin, its
  // value 75 % of the width away): any line on the row counts, the nearest first; a far pairing is scored down where
  // it is used.
  const maxGap = layout.width;
  return (
    layout.lines
      .filter(
        (other) =>
          other !== line &&
          other.half === line.half &&
          Math.abs(centreY(other.box) - centreY(line.box)) < Math.max(line.box.height, other.box.height) * 0.6 &&
          (other.box.x >= right - line.box.height * 0.5 || other.box.x + ownGap(other, other.headGap) >= inkRight) &&
          other.box.x - right < maxGap,
      )
      // Lines stacked in one column beside a label centred on them (a wrapped value): the top one comes first.
      .sort((a, b) => (Math.abs(a.box.x - b.box.x) < Math.min(a.box.height, b.box.height) * 0.5 ? a.box.y - b.box.y : a.box.x - b.box.x))
  );
}

/**
 * Lines just below `line` (within ~2.2 line heights) that overlap it horizontally, in the same half, nearest first. A
 * line set tight under it may reach up into its box: by a third of its height anyhow, by up to half when the line's
 * middle is still below it and it starts under it (a value stacked under its label on a slanted photo, `营业场所` over
 * `浙江省…` 14 px into it).
 */
export function linesBelow(layout: PageLayout, line: LayoutLine, reach = 2.2): LayoutLine[] {
  const bottom = line.box.y + line.box.height;
  const limit = bottom + Math.max(line.box.height, layout.medianLineHeight) * reach;
  const left = line.box.x - line.box.height * 1.5;
  const right = line.box.x + Math.max(line.box.width, line.box.height * 6);
  // A line starting past the label's end is beside it, printed low (a row's fill-in a third of a row off), not under it.
  // A line boxed far taller than its type on a row a curled page bends reaches up into the label's box: its head's
  // type is what stands under the label (curl24).
  const tightUnder = (other: LayoutLine) =>
    other.box.y >= bottom - line.box.height * 0.3 ||
    headTypeTop(other) >= bottom - line.box.height * 0.3 ||
    (other.box.y >= bottom - line.box.height * 0.5 && other.box.y + other.box.height / 2 >= bottom && other.box.x < line.box.x + line.box.width);
  return layout.lines
    .filter(
      (other) =>
        other !== line && other.half === line.half && tightUnder(other) && other.box.y <= limit && other.box.x < right && other.box.x + other.box.width > left,
    )
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}
