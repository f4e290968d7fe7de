import type { PageLayout } from './page-layout.js';
import { readOrganisationName, readPersonName } from './value-readers.js';

/** A page number printed on the page (`第 2 页 共 4 页`, `— 3 —`, `-3-`, `2/4`, a bare `3` in the margin). */
export interface PrintedPageNumber {
  index: number;
  count?: number;
  style: 'of' | 'slash' | 'dash' | 'bare';
}

/** What a page says about where it sits in a document: the evidence the document boundaries are drawn from. */
export interface PageSignals {
  page: number;
  /**
   * Nothing (or a few specks) to read: a blank back side, an empty separator sheet, a back side that only shows the
   * front through the paper (see showThroughOnly).
   */
  blank: boolean;
  printed?: PrintedPageNumber;
  /** First and last clause numbers (`第五条` → 5, or `五、` where the page has no `第X条`) that open a line. */
  firstClause?: number;
  lastClause?: number;
  /** Which numbering the clause numbers are in: `第X条` or `X、`. */
  clauseStyle?: 'article' | 'list';
  /**
   * Clause heads whose mark the engine lost (`十其他` for `十、其他`, a photo's faint 、): the numbers of short lines
   * that open with a numeral past 一 and hold only a heading's words. Evidence only for a clause that follows.
   */
  unmarkedClauses?: number[];
  /** The body ends here and the pages after are its signature page (`以下无正文` with no signature below it, `以下为签署页`). */
  endsBody: boolean;
  /** The page calls itself a continuation (`本页无正文`, `签署页`, `(续)`, `接上页`). */
  continuationMark: boolean;
  /** A contract's cover: its title, 编号, the parties' blanks, a 监制 line; no clauses. */
  cover: boolean;
  /** An instructions page (使用说明, 填写说明) bound into a model contract. */
  instructions: boolean;
  /**
   * A change and renewal record (`劳动合同变更、续订记录`): the model contract's last page, a table for later changes
   * with the parties' seal and signature cells. It ends a contract; it is never one of its own nor a cover.
   */
  changeRecord: boolean;
  /** Seals, signatures and dates of the parties. */
  signature: boolean;
  contractNumber?: string;
  /** The parties as the page names them (甲方 / 用人单位 …, 乙方 / 劳动者 …). */
  firstParty?: string;
  secondParty?: string;
  /**
   * The words of a header at the top of the page (`劳动合同书`, `杭州某某有限公司 劳动合同`), its page number and
   * other digits left out, and where its row stands: a running header repeats on every page of its document.
   */
  runningHeader?: { words: string; top: number };
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number written in Chinese numerals up to 999 (`十二` → 12, `二十` → 20, `一百零五` → 105) or in digits.
 *
 * @example
 * chineseNumber('二十三'); // 23
 */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

/** A page number in digits or Chinese numerals (`第三页 共五页`). */
const N = '([\\d一二三四五六七八九十]{1,3})';
const PAGE_OF = new RegExp(`第${N}页[,，/]?共${N}页|共${N}页[,，/]?第${N}页|page${N}of${N}`, 'i');
/** `第 3 页` or `Page 3` alone in a margin. */
const PAGE_ALONE = /^(?:第([\d一二三四五六七八九十]{1,3})页|page(\d{1,3}))$/i;
const SLASH = /^(?:第)?(\d{1,3})\/(\d{1,3})(?:页)?$/;
/**
 * `第 2 页 共 5 页` alone in a margin with a 页 misread (`第2南共5夏`, `第3月共50`: the second 页 may come out as a digit),
 * so only the page's own number is taken.
 */
const PAGE_OF_MISREAD = /^第(\d{1,2})[^\d共]共\d{1,2}\D?$/;
/** `— 3 —`, `-3-`, `－ 3 －`; the engine reads a long dash as 一 at times. */
const DASHED = /^[-—–－~一_]{1,3}(\d{1,3})[-—–－~一_]{1,3}$/;
const BARE = /^(?:第)?(\d{1,3})(?:页)?$/;
/**
 * The page number that ends a header row: `2/4`, `-2-`, `— 2 —`, `第 2 页` after the header's text, set apart from it
 * by a space or a non-digit (read on the spaced text: `HT2019-0317　2/4` is a code and a number).
 */
const HEADER_TAIL =
  /(?:^|\s|[^\d/\-—–－~一_\s])((?:第\s*)?\d{1,3}\s*\/\s*\d{1,3}(?:\s*页)?|[-—–－~_]{1,3}\s*\d{1,3}\s*[-—–－~_]{1,3}|第\s*[\d一二三四五六七八九十]{1,3}\s*页)$/;

/** A line that reads as a page number alone, in any of the styles above. */
const PAGE_OF_ALONE = new RegExp(`^(?:${PAGE_OF.source})$`, 'i');
function pageNumberShaped(flat: string): boolean {
  return [PAGE_OF_ALONE, PAGE_OF_MISREAD, SLASH, DASHED, PAGE_ALONE].some((re) => re.test(flat));
}

function printedNumber(layout: PageLayout): PrintedPageNumber | undefined {
  for (const line of layout.lines) {
    const m = PAGE_OF.exec(line.flat);
    if (m) {
      const index = chineseNumber(m[1] ?? m[4] ?? m[5]) ?? 0;
      const count = chineseNumber(m[2] ?? m[3] ?? m[6]) ?? 0;
      if (index >= 1 && index <= count) return { index, count, style: 'of' };
    }
  }
  // A margin of the image, or of the text: a photo's page may end well inside the frame (a desk around it).
  const textTop = Math.min(...layout.lines.map((l) => l.box.y));
  const textBottom = Math.max(...layout.lines.map((l) => l.box.y + l.box.height));
  const margin = (y: number, h: number) =>
    y + h >= layout.height * 0.86 || y <= layout.height * 0.08 || y + h >= textBottom - h * 0.5 || y <= textTop + h * 0.5;
  // The numbers in a margin stand alone on their row (a table's 序号 does not), but for the other page's number of a
  // two-page spread (`第2页共5页` … `第3页共5页` on one photo of an open contract): the first, the left page's, counts.
  const alone = (line: PageLayout['lines'][number]) =>
    !layout.lines.some(
      (o) =>
        o !== line &&
        Math.abs(o.box.y + o.box.height / 2 - (line.box.y + line.box.height / 2)) < line.box.height * 0.6 &&
        !SCANNER_APP.test(o.flat) &&
        !pageNumberShaped(o.flat),
    );
  const marginal = layout.lines.filter((l) => margin(l.box.y, l.box.height) && alone(l));
  for (const line of marginal) {
    const misread = PAGE_OF_MISREAD.exec(line.flat);
    if (misread && Number(misread[1]) >= 1) return { index: Number(misread[1]), style: 'of' };
    const slash = SLASH.exec(line.flat);
    if (slash && Number(slash[1]) >= 1 && Number(slash[1]) <= Number(slash[2])) {
      return { index: Number(slash[1]), count: Number(slash[2]), style: 'slash' };
    }
    const single = PAGE_ALONE.exec(line.flat);
    const aloneIndex = single ? chineseNumber(single[1] ?? single[2]) : undefined;
    if (aloneIndex !== undefined && aloneIndex >= 1) return { index: aloneIndex, style: 'bare' };
    const dashed = DASHED.exec(line.flat);
    if (dashed && Number(dashed[1]) >= 1) return { index: Number(dashed[1]), style: 'dash' };
  }
  // A running header with the number at the right end of its row (`劳动合同书 …… 2/4`), in one box or two.
  for (const line of layout.lines.filter((l) => l.box.y <= layout.height * 0.08)) {
    const onRow = layout.lines.filter((o) => o !== line && Math.abs(o.box.y + o.box.height / 2 - (line.box.y + line.box.height / 2)) < line.box.height * 0.6);
    if (onRow.some((o) => o.box.x > line.box.x)) continue;
    const tail = HEADER_TAIL.exec(line.text.trim());
    if (!tail || (tail.index === 0 && onRow.length === 0)) continue;
    const number = tail[1].replace(/\s+/g, '');
    const slash = SLASH.exec(number);
    if (slash && Number(slash[1]) >= 1 && Number(slash[1]) <= Number(slash[2])) return { index: Number(slash[1]), count: Number(slash[2]), style: 'slash' };
    const single = PAGE_ALONE.exec(number);
    const aloneIndex = single ? chineseNumber(single[1] ?? single[2]) : undefined;
    if (aloneIndex !== undefined && aloneIndex >= 1) return { index: aloneIndex, style: 'bare' };
    const dashed = DASHED.exec(number);
    if (dashed && Number(dashed[1]) >= 1) return { index: Number(dashed[1]), style: 'dash' };
  }
  // A bare number only at the foot of the page, as its lowest line, when the page has text of its own.
  if (layout.lines.length >= 3) {
    const lowest = layout.lines.filter((l) => !SCANNER_APP.test(l.flat)).sort((a, b) => b.box.y + b.box.height - (a.box.y + a.box.height))[0];
    const bare = lowest ? BARE.exec(lowest.flat) : null;
    if (bare && marginal.includes(lowest) && lowest.box.y >= layout.height * 0.8 && Number(bare[1]) >= 1 && Number(bare[1]) <= 200) {
      return { index: Number(bare[1]), style: 'bare' };
    }
  }
  return undefined;
}

const CLAUSE_AT_START = /^第([一二三四五六七八九十百零〇两\d]{1,4})条/;
/** `五、`, and as the engine reads a slanted 、 at times: `五丶`, `五．`. */
const LIST_AT_START = /^([一二三四五六七八九十]{1,3})[、.丶．]/;
/**
 * A list clause's head whose 、 was lost: a numeral past 一 and a heading of two to ten characters, nothing else on
 * the line; the numeral is not one of a count or a date (`三方`, `五年`, `十日内`, `二〇二一`).
 */
const UNMARKED_HEAD =
  /^([二三四五六七八九十]|十[一二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?)(?![方年月日个份次倍号条款项级等人名种类天周岁点成〇零一二三四五六七八九十百千万])([\u4e00-\u9fff]{2,10})$/;
const SIGNATURE =
  /(甲方|乙方|丙方|用人单位|劳动者|法定代表人|委托代理人|单位|员工|职工|聘任单位|受聘人|学校|学生).{0,10}(盖章|签字|签章|签名|公章)|(盖章|签字|签章|签名)[)）]?[:：]?$/;
/** The marks scanner apps print on each page (`CS扫描全能王`, `Scanned with CamScanner`). */
const SCANNER_APP =
  /^(?:CS)?(?:扫描全能王|全能扫描王|夸克扫描王|WPS扫描|CamScanner)|Scanned\s*with|CamScanner|扫描全能王.{0,8}(?:创建|扫描)?$|都在用的扫描\s*app/i;
const CHANGE_RECORD = /^(?:劳动合同|合同)?(?:的)?(?:变更|续订|续签|解除|终止)(?:[、和及与/]?(?:变更|续订|续签|解除|终止))*(?:情况)?(?:记录|登记)(?:表|页)?$/;
const INSTRUCTIONS = /使用说明|填写说明|说明事项|签订须知|使用须知|填写须知|注意事项/;

/** A contract's and a letter's common words as a mirror shows them (`本合同` → `同合本`; 签字 with 字 read as 宇). */
const MIRRORED_WORDS = /同合|章盖|[字宇名]签|期日|方甲|方乙|书聘/;
const FORWARD_WORDS = /合同|盖章|签[字名]|日期|甲方|乙方|聘书/;

/** A line read at this confidence or more is text the page holds, not show-through or specks. */
const READ_CONFIDENTLY = 0.8;

/**
 * A back side that only shows the front through the paper (mirrored: `同合本`, `：（章盖）甲`) or carries specks:
 * the engine reads words there, but little with confidence. The text as a whole is read with a mean (per character)
 * confidence under 0.8, at most two lines of five or more characters are read at 0.9 or more and they hold at most a
 * fifth of its letters, and either the page spells the
 * document's words backwards and none forwards (`同合本`, `章盖`), or it holds no label of the lexicon and reads at
 * most six characters at 0.8 or more (or has at most twelve lines).
 *
 * @example
 * showThroughOnly(layout); // true for a duplex scan's back side with the front's print showing through
 */
export function showThroughOnly(layout: PageLayout): boolean {
  const own = layout.lines.filter((l) => !SCANNER_APP.test(l.flat));
  const letters = (l: PageLayout['lines'][number]) => l.flat.replace(/[^\u3400-\u9fffA-Za-z0-9]/g, '').length;
  const confident = own.filter((l) => l.confidence >= READ_CONFIDENTLY).reduce((n, l) => n + letters(l), 0);
  const total = own.reduce((n, l) => n + letters(l), 0);
  if (total === 0) return false;
  const mean = own.reduce((n, l) => n + letters(l) * l.confidence, 0) / total;
  if (mean >= READ_CONFIDENTLY) return false;
  // A real page read poorly still reads lines well. A mirrored front can too, where its characters are symmetric
  // (`工容内工二`, `点面左西:(工)业`): two such lines at most, holding at most a fifth of the page's letters.
  const wellRead = own.filter((l) => l.confidence >= 0.9 && letters(l) >= 5);
  if (wellRead.length > 2 || wellRead.reduce((n, l) => n + letters(l), 0) * 5 > total) return false;
  // A whole page showing through spells the document's words backwards (`同合本`, `章盖`, `字签`) and none forwards.
  const text = own.map((l) => l.flat).join('\n');
  if (FORWARD_WORDS.test(text)) return false;
  if (MIRRORED_WORDS.test(text)) return true;
  // Else: it spells no label either (甲方, 盖章, 日期 would be read even poorly).
  if (own.some((l) => l.hits.length > 0)) return false;
  return confident <= 6 || own.length <= 12;
}

/**
 * The header row at the top of the page: the words of the lines in the top band (above 8 % of the page's height) on
 * the topmost row, digits, page-number marks and spaces left out so that `劳动合同书 2/4` and `劳动合同书 3/4` read
 * alike; none when the row holds no more than one word character or over thirty.
 */
function runningHeader(layout: PageLayout): PageSignals['runningHeader'] {
  const band = layout.lines.filter((l) => l.box.y + l.box.height <= layout.height * 0.08 && !SCANNER_APP.test(l.flat));
  if (band.length === 0) return undefined;
  const top = Math.min(...band.map((l) => l.box.y));
  const row = band.filter((l) => l.box.y - top < l.box.height * 0.6).sort((a, b) => a.box.x - b.box.x);
  const words = row
    .map((l) => l.flat)
    .join('')
    .replace(/[\d\s/\-—–－~_第页共.:：,，]/g, '');
  if (words.length < 2 || words.length > 30) return undefined;
  return { words, top: top / layout.height };
}

/** A contract number after its label, read within one line (or the next, when the label ends its line). */
const CONTRACT_NUMBER = /(?:合同编号|编号|合同号)[:：]?([A-Za-z0-9\-〔〕[\]()（）号第]{4,30})/;

function partyValue(layout: PageLayout, label: RegExp, read: typeof readPersonName): string | undefined {
  for (const line of layout.lines) {
    const m = label.exec(line.flat);
    if (!m) continue;
    const reading = read(line.flat.slice(m[0].length));
    if (reading && typeof reading.value === 'string' && reading.plausibility >= 0.9) return reading.value;
  }
  return undefined;
}

/**
 * Reads a page's own evidence of where it sits in a document: printed page numbers, clause numbers, end-of-body and
 * continuation marks, cover, instructions and signature pages, the contract number and the parties.
 *
 * @example
 * pageSignals(layout).printed; // { index: 2, count: 4, style: 'of' }
 */
export function pageSignals(layout: PageLayout, titled = false): PageSignals {
  const flat = layout.flat.replace(/\n/g, '');
  // A scanner app stamps its name on every page it makes, blank back sides too: that is no text of the page.
  const own = layout.lines
    .filter((l) => !SCANNER_APP.test(l.flat))
    .map((l) => l.flat)
    .join('');
  const meaningful = own.replace(/[^\u3400-\u9fffA-Za-z0-9]/g, '');
  const printed = printedNumber(layout);
  const numbered = (pattern: RegExp) =>
    layout.lines
      .map((l) => pattern.exec(l.flat)?.[1])
      .filter((c): c is string => c !== undefined)
      .map(chineseNumber)
      .filter((n): n is number => n !== undefined && n > 0);
  const articles = numbered(CLAUSE_AT_START);
  const clauses = articles.length > 0 ? articles : numbered(LIST_AT_START);
  const clauseStyle = clauses.length === 0 ? undefined : articles.length > 0 ? 'article' : 'list';
  const unmarkedClauses = numbered(UNMARKED_HEAD);
  const signatureLines = layout.lines.filter((l) => SIGNATURE.test(l.flat));
  const signature = signatureLines.length > 0;
  // `以下无正文` continues into a signature page only when no signature block follows it on the same page; so does
  // `以下为签署页` (packet24): two pages photographed side by side put the signature page on the mark's own image.
  const signedAfter = (mark: RegExp) => {
    const at = layout.lines.findIndex((l) => mark.test(l.flat));
    return at >= 0 && layout.lines.slice(at + 1).some((l) => SIGNATURE.test(l.flat));
  };
  let endsBody = /以下为签[署字章]页|下接签[署字]页|转下页|见下页|接下页/.test(flat) && !signedAfter(/以下为签[署字章]页|下接签[署字]页/);
  const noText = layout.lines.findIndex((l) => /以下无正文|以下空白/.test(l.flat));
  if (noText >= 0) {
    const below = layout.lines.slice(noText + 1);
    if (!below.some((l) => SIGNATURE.test(l.flat))) endsBody = true;
  }
  const continuationMark =
    /本页无正文|续上页|接上页|[(（]续[)）]|承上页/.test(flat) ||
    layout.lines.some((l) => /签[署字]页[)）]?$/.test(l.flat) && !/以下|下接/.test(l.flat) && l.flat.length <= 20);
  const instructions = layout.lines.slice(0, 4).some((l) => INSTRUCTIONS.test(l.flat) && l.flat.length <= 16);
  const changeRecord = layout.lines.slice(0, 3).some((l) => CHANGE_RECORD.test(l.flat.replace(/\s/g, '')));
  const parties = /甲方|用人单位/.test(flat) && /乙方|劳动者/.test(flat);
  // A cover whose title the engine lost still shows what a cover is: the 监制 line, or the 编号 over both parties.
  const coverShape = /监制|印制/.test(flat) || (/编号/.test(flat) && parties);
  const cover =
    !changeRecord &&
    articles.length === 0 &&
    layout.lines.length <= 16 &&
    (titled ? /监制|印制|制定/.test(flat) || /编号/.test(flat) || parties : coverShape && clauses.length === 0 && !signature);
  // Read line by line: a running header's number (`合同编号：HT2019…`) is followed in the page's text by the body's
  // first clause (`第五条…`), whose 第 would otherwise run on into the number.
  // A label ending its line takes the next line's number.
  const number = layout.lines
    .map((l, i) => CONTRACT_NUMBER.exec(/(?:合同编号|编号|合同号)[:：]?$/.test(l.flat) ? `${l.flat}${layout.lines[i + 1]?.flat ?? ''}` : l.flat)?.[1])
    .find((n) => n !== undefined);
  return {
    page: layout.page,
    blank: !printed && (meaningful.length <= 6 || showThroughOnly(layout)),
    printed,
    firstClause: clauses[0],
    lastClause: clauses.length > 0 ? Math.max(...clauses) : undefined,
    clauseStyle,
    ...(unmarkedClauses.length > 0 ? { unmarkedClauses } : {}),
    endsBody,
    continuationMark,
    cover,
    instructions,
    changeRecord,
    signature,
    contractNumber: number && /\d/.test(number) ? number : undefined,
    firstParty: partyValue(layout, /^(?:甲方|用人单位)(?:[(（][^)）]{0,8}[)）])?(?:名称)?[:：]/, readOrganisationName),
    secondParty: partyValue(layout, /^(?:乙方|劳动者)(?:[(（][^)）]{0,8}[)）])?(?:姓名)?[:：]/, readPersonName),
    runningHeader: runningHeader(layout),
  };
}
