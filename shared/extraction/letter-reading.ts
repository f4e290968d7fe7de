import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { findDates, type FoundDate } from './dates.js';
import { documentText, type DocumentText } from './document-text.js';
import { DATE_YEAR_ZERO_INFERRED, findYearZeroMisreadDate } from './lost-zero-years.js';
import { DATE_SEPARATOR_INFERRED, findSeparatorLostDate } from './misread-dates.js';
import type { LayoutLine } from './page-layout.js';
import { findDatesAcrossBreaks } from './wrapped-dates.js';
import { chineseNumber } from './page-signals.js';
import { CJK } from './text.js';
import { Evidence, readFreeText, readOrganisationName, readPersonName, type Reading, type ValueReader } from './value-readers.js';

/** Issue on an end date computed from a term's length (`聘期三年，自 A 起`), not printed: the clerk confirms it. */
export const END_DATE_COMPUTED = 'end_date_inferred_from_term';
/** Issue on a term end read across a separator the engine misread (`自 A 窑 B` for `自 A 至 B`). */
export const TERM_SEPARATOR_UNREAD = 'term_separator_unreadable';

/** Forms of address set apart after a name; they are not part of it. 君 and 生 are not among them: names end so. */
const ADDRESS = '(?:同志|先生/女士|先生|女士|老师)';
/** A name run; a name never holds 您/你, nor 兹/聘 (the verb's). It may open with 任 or 用 (surnames): see APPOINTMENT. */
const NAME = `((?:(?![您你兹聘])[${CJK}·]){2,5}?)`;
const ORG_REF = '(?:我公司|本公司|我单位|本单位|我司|本司|我院|本院|我校|本校|我中心|本中心|公司|单位)?(?:的)?';
/**
 * The post, then its suffix (group 2 of POST); a bare 职 is 一职 whose 一 the engine lost at a line start. A comma the
 * engine read as 、 before the term's word (`班组长岗位、聘用期限为五年`) ends the post too.
 */
const POST = '(.{1,24}?)(职务|岗位|一职|职位|职)?(?=[,，。;；!！]|、?(?:聘期|任期|期限|聘用期|聘任期)|特发|特此|此聘|的决定|的通知|$)';

/**
 * The term set between the name and the post (`兹聘请 X 先生，聘期自 A 至 B，担任 Y`): a clause after a comma that
 * speaks of the term, up to the comma before the verb, or up to the verb itself when the engine lost that comma in a
 * misread (`…九月三辑任本公司班组长岗位`: `日，担` read as 辑).
 */
const TERM_BETWEEN = '(?:[,，](?=[^。；;]{0,8}(?:聘期|任期|期限|聘用期|[自从]))[^。；;]{4,60}?[,，]?)??';
/** A note in brackets after the name (`朱艳（身份证号：3301…）`, `（男）`): no part of the name nor of the sentence. */
const NAME_NOTE = '(?:[(（][^()（）]{1,30}[)）])?';

/** `兹聘任/兹聘请/特聘请/经研究决定，聘任 X (同志) 为/担任 Y (职务)`, the term perhaps between name and post. */
// The verb is whole before the name (`聘任任军雨` is 聘任 then 任军雨); only after a bare 兹聘/特聘 can 请, 任 or 用 not
// open the name, being the rest of the verb. A title read into the stream before the text (`聘任书兹聘任…`) is no verb,
// nor the term's word (`聘任期限为三年`, `聘用期限：…`: 聘任 then 期限 is no verb and its name), nor a title's
// (`聘任通知` | `任强同志：…`: 聘任 then 通知 is no verb and its name, and 任强's 任 no second verb), nor 为 of 为期
// (`兹聘请 X，自 A 起，为期两年，担任 Y`: the post is not 期两年).
const APPOINTMENT = new RegExp(
  `(?:兹聘任|兹聘请|兹聘用|特聘请|特聘任|(?:聘任|聘请|聘用)(?![书函期]|通知|决定|公告)|(?:兹聘|特聘|诚聘|敬聘)(?![请任用期]))[:：]?${NAME}${NAME_NOTE}${ADDRESS}?${NAME_NOTE}${TERM_BETWEEN}(?:为(?!期)|担任|任(?!期))${ORG_REF}${POST}`,
);
/**
 * `X 同志受聘担任 Y`, `X 被聘为 Y`, `兹有 X 同志受聘于我公司，担任 Y`: the person is the subject; the name opens its
 * sentence (see sentenceStarts), after 兹有 where the letter presents the person so.
 */
const SUBJECT = new RegExp(
  `(?:兹有)?${NAME}${NAME_NOTE}${ADDRESS}?${NAME_NOTE}(?:受聘担任|受聘为|被聘任为|被聘请为|被聘用为|被聘为|受聘于[^,，。;；]{1,30}?[,，]?(?:担任|任(?!期)))${ORG_REF}${POST}`,
  'y',
);
/** `经研究决定，将 X 同志聘为 Y`. */
const NAME_MADE_POST = new RegExp(`将${NAME}${NAME_NOTE}${ADDRESS}?(?:聘任为|聘请为|聘用为|聘为)${ORG_REF}${POST}`);
/** `经研究决定，(我公司) Y 一职由 X 同志担任`: the post before the name in a decision. */
const POST_HELD_BY = new RegExp(`(?:决定|研究)[,，:：]?${ORG_REF}([^,，。;；:：]{2,16}?)(职务|岗位|一职|职位)?由${NAME}${ADDRESS}?担任`);
/** `特聘请您为 Y`, `兹聘您担任 Y` after a salutation. */
const APPOINT_YOU = new RegExp(`(?:聘任|聘请|聘用|兹聘|特聘|诚聘|敬聘)(?:您|你)(?:为|担任)${ORG_REF}${POST}`);
/** A salutation line: `尊敬的 X 先生：`, `X 同志：`. */
const SALUTATION = new RegExp(`^(尊敬的|亲爱的)?${NAME}(${ADDRESS})?[:：](.*)$`);
/** A salutation whose colon the engine lost: a form of address must then end the line (`王晓明同志`). */
const SALUTATION_NO_COLON = new RegExp(`^(尊敬的|亲爱的)?${NAME}(${ADDRESS})$`);
/**
 * `聘期三年`, `聘期为2年`, `聘期：三年`, `聘期 36 个月`; and the length after the start (`聘期自 A 起三年`, `自 A 起，为期三年`).
 */
const TERM_LENGTH = /(?:聘期|聘任期|聘用期|任期|期限|为期|起[,，]?)(?:[:：]|为)?([一二三四五六七八九十两\d]{1,3})(年|个月)/;

/** Words that open a salutation-shaped label line (`受聘人：`), never a person. */
const NOT_A_NAME = /^(受聘|姓名|单位|甲方|乙方|地址|职务|岗位|日期|聘期|编号|各位|全体|同志|先生|女士|通知|决定|公告)/;

/**
 * A name read from prose: the characters the pattern set apart, never shortened (readPersonName drops a trailing 君;
 * here the form of address was already split off by the pattern, so what is left is the name).
 */
function nameReading(name: string): Reading | null {
  const reading = readPersonName(name);
  if (!reading) return null;
  if (String(reading.value).length < name.length && name.startsWith(String(reading.value))) return { ...reading, value: name };
  return String(reading.value) === name ? reading : null;
}

/** A post never holds a form of address or a colon: `强同志：根据工作需要` is a salutation read where a post was expected. */
const SALUTATION_WORDS = new RegExp(`${ADDRESS}|[:：]`);

/**
 * A post or title (`高级技师`, `人力资源部经理`): free text that is no term or date sentence (`聘期五年，自二` is the
 * term read where a post was expected), no salutation (no form of address, no colon) and no part of the appointing verb.
 *
 * @example
 * readPost('聘期五年,自二'); // null
 */
export const readPost: ValueReader = (text) => {
  const reading = readFreeText(text);
  if (!reading || typeof reading.value !== 'string') return reading;
  if (/聘期|任期|聘用期|期限|[自至从][一二三四五六七八九〇零\d]|\d{4}|[年月]\d|[,，。;；]/.test(reading.value)) return null;
  if (SALUTATION_WORDS.test(reading.value)) return null;
  return reading;
};

/** Issue on a post read before a bare 职 (`担任 Y` | `职，聘期…`: the 一 of 一职 lost): the clerk confirms it. */
export const POST_SUFFIX_GUESSED = 'post_suffix_inferred';

function postReading(post: string, suffix?: string): Reading | null {
  const reading = postReadingOf(post);
  return reading && suffix === '职' ? { ...reading, issues: [...reading.issues, POST_SUFFIX_GUESSED] } : reading;
}

function postReadingOf(post: string): Reading | null {
  const cleaned = post.replace(/^[“"‘']|[”"’']$/g, '');
  if (cleaned.length < 2 || /聘|兹|您/.test(cleaned)) return null;
  return readPost(cleaned);
}

/**
 * readPersonName, except that a name is never shortened: where it dropped a trailing 君 (an honorific elsewhere, a
 * name's own last character here: 吕伊君) that ends the run of the name, the character is kept.
 *
 * @example
 * readWholePersonName('吕伊君')?.value; // '吕伊君'
 */
export const readWholePersonName: ValueReader = (text) => {
  const reading = readPersonName(text);
  if (!reading || typeof reading.value !== 'string') return reading;
  const flat = text.replace(/\s+/g, '').replace(/^[A-Za-z.:/]+/, '');
  const at = flat.indexOf(reading.value);
  const next = at >= 0 ? flat.slice(at + reading.value.length) : '';
  if (/^君(?![\u3400-\u9fff])/.test(next) && reading.value.length <= 3) return { ...reading, value: `${reading.value}君` };
  return reading;
};

/** A form of address boxed apart to the right of `line` on its row (`同志：`), else ''. */
function addressBeside(line: LayoutLine, lines: readonly LayoutLine[]): string {
  const cy = line.box.y + line.box.height / 2;
  const next = lines
    .filter((o) => o !== line && o.page === line.page && o.box.x >= line.box.x + line.box.width - line.box.height * 0.5)
    .filter((o) => Math.abs(o.box.y + o.box.height / 2 - cy) < Math.max(o.box.height, line.box.height) * 0.6)
    .sort((a, b) => a.box.x - b.box.x)[0];
  if (!next || next.box.x - (line.box.x + line.box.width) > line.box.height * 3) return '';
  return new RegExp(`^${ADDRESS}[:：]`).test(next.flat) ? next.flat : '';
}

export interface LetterFields {
  employeeName?: DraftField;
  title?: DraftField;
  startDate?: DraftField;
  endDate?: DraftField;
  issueDate?: DraftField;
}

function addTerm(start: FoundDate, count: number, unit: string): string {
  const [y, m, d] = start.value.split('-').map(Number);
  const months = unit === '年' ? count * 12 : count;
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // A term of N years from A ends the day before A's anniversary.
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Who is appointed and to what, as the sentence gives them, with their offsets in the stream. */
interface Appointment {
  name: string;
  post: string;
  suffix?: string;
  nameAt: number;
  postAt: number;
}

/**
 * Offsets where a sentence may open: the stream's start, after a stop, comma or colon, and where a line opens (a
 * paragraph after the title: `聘书` | `王晓明同志受聘担任…`).
 */
function sentenceStarts(stream: DocumentText): number[] {
  const starts: number[] = [];
  for (let i = 0; i < stream.text.length; i += 1) {
    if (i === 0 || /[,，。:：;；!！]/.test(stream.text[i - 1]) || stream.lineAt(i) !== stream.lineAt(i - 1)) starts.push(i);
  }
  return starts;
}

/**
 * The person and the post of the letter's appointing sentence, in the forms people write: the verb before the name
 * (`兹聘任 X 为 Y`, the term perhaps between them), the person as the subject (`X 同志受聘担任 Y`, `X 被聘为 Y`),
 * `将 X 聘为 Y`, and the post before the name (`Y 一职由 X 担任`).
 */
function appointedPerson(stream: DocumentText): Appointment | undefined {
  const text = stream.text;
  const at = (m: RegExpExecArray, name: string, post: string, suffix?: string): Appointment => ({
    name,
    post,
    suffix,
    nameAt: m.index + m[0].indexOf(name),
    postAt: m.index + m[0].lastIndexOf(post),
  });
  const named = APPOINTMENT.exec(text);
  if (named) return at(named, named[1], named[2], named[3]);
  for (const start of sentenceStarts(stream)) {
    SUBJECT.lastIndex = start;
    const m = SUBJECT.exec(text);
    // The name opening the sentence lies on one line: a title boxed apart (`聘` | `书` | `郭国平被聘为…`) is no part of it.
    if (m && !NOT_A_NAME.test(m[1]) && stream.lineAt(start) === stream.lineAt(start + m[1].length - 1)) return at(m, m[1], m[2], m[3]);
  }
  const made = NAME_MADE_POST.exec(text);
  if (made) return at(made, made[1], made[2], made[3]);
  const held = POST_HELD_BY.exec(text);
  if (held) {
    const m = held;
    return { name: m[3], post: m[1], suffix: m[2], nameAt: m.index + m[0].lastIndexOf(m[3]), postAt: m.index + m[0].indexOf(m[1]) };
  }
  return undefined;
}

/**
 * Reads a letter written as sentences (聘书, 聘任书): who is appointed and to what (`兹聘任 X 为 Y`, `经研究决定，聘任
 * X 担任 Y 职务`, a salutation `X 先生：` then `特聘请您为 Y`), the term (`聘期三年，自 A 起` gives the end date
 * computed and marked END_DATE_COMPUTED) and the issue date (the last date, under the signature and seal).
 *
 * @example
 * readLetterSentences(ctx).employeeName?.value; // '吕伊君'
 */
export function readLetterSentences(ctx: DocumentContext): LetterFields {
  const stream = documentText(ctx.layouts);
  const text = stream.text;
  const out: LetterFields = {};
  const appointed = appointedPerson(stream);
  if (appointed) {
    const { name: nameText, post: postText, suffix, nameAt, postAt } = appointed;
    const name = nameReading(nameText);
    if (name && !NOT_A_NAME.test(nameText)) out.employeeName = fieldFromLine(stream.lineAt(nameAt), name, LabelMatch.prose);
    const post = postReading(postText, suffix);
    if (post) out.title = fieldFromLine(stream.lineAt(postAt), post, LabelMatch.prose);
  }
  if (!out.employeeName) {
    const lines = ctx.layouts.flatMap((l) => l.lines);
    for (const line of lines) {
      // A name written on a line (filled in by hand) is boxed apart from its form of address: `尊敬的 毛凯` | `同志：`.
      const flat = line.flat + addressBeside(line, lines);
      const m = SALUTATION.exec(flat) ?? SALUTATION_NO_COLON.exec(flat);
      if (!m || NOT_A_NAME.test(m[2])) continue;
      const name = nameReading(m[2]);
      // Without a form of address, only a name with a known surname is taken for a salutation; text after the colon
      // on the same line (`尊敬的李娜女士：我公司特聘请您…`) only after a form of address or 尊敬的.
      const addressed = Boolean(m[1] || m[3]);
      if (name && (addressed || (name.plausibility >= 1 && !m[4]))) {
        out.employeeName = fieldFromLine(line, name, LabelMatch.prose);
        break;
      }
    }
  }
  if (!out.title) {
    const you = APPOINT_YOU.exec(text);
    const post = you ? postReading(you[1], you[2]) : null;
    if (you && post) out.title = fieldFromLine(stream.lineAt(you.index + you[0].lastIndexOf(you[1])), post, LabelMatch.prose);
  }
  const length = TERM_LENGTH.exec(text);
  if (length) {
    const count = chineseNumber(length[1]);
    const { dates, guessed } = findDatesAcrossBreaks(stream);
    // The start is the date the term sentence gives with 自/从 … 起 (before or after the length), or with 起 alone after
    // the length in the same sentence (`聘期两年，A 起生效`).
    const near = (d: FoundDate) => Math.abs(d.index - length.index) < 40;
    const start =
      dates.find((d) => /[自从]$/.test(text.slice(Math.max(0, d.index - 2), d.index)) && near(d)) ??
      dates.find((d) => d.index > length.index && /^起/.test(text.slice(d.index + d.length)) && !/[。；;]/.test(text.slice(length.index, d.index)) && near(d));
    const printedEnd = start && dates.some((d) => d.index > start.index && /^(起)?(至|到)$/.test(text.slice(start.index + start.length, d.index)));
    if (count && start && !printedEnd) {
      const line = stream.lineAt(start.index);
      const issues = guessed.has(start) ? ['date_wrap_inferred'] : [];
      out.startDate = fieldFromLine(line, { value: start.value, evidence: Evidence.shape, plausibility: 1, issues }, LabelMatch.inline, start.raw);
      out.endDate = fieldFromLine(
        stream.lineAt(length.index),
        { value: addTerm(start, count, length[2]), evidence: Evidence.shape, plausibility: 1, issues: [END_DATE_COMPUTED] },
        LabelMatch.prose,
        length[0],
      );
    }
  }
  if (!out.endDate) {
    // `聘期自 A 窑 B`: the engine misread the 至 between the term's dates. Two dates of the term sentence one or two
    // characters apart are its start and end; the end is flagged, the separator having been guessed.
    const dates = findDates(text);
    for (let i = 0; i + 1 < dates.length; i += 1) {
      const [a, b] = [dates[i], dates[i + 1]];
      const between = text.slice(a.index + a.length, b.index);
      if (between.length < 1 || between.length > 2 || /[,，。;；、]/.test(between) || a.value >= b.value) continue;
      if (!/(?:聘期|任期|聘用期|期限)[^。；;]{0,6}$/.test(text.slice(Math.max(0, a.index - 12), a.index))) continue;
      out.startDate = fieldFromLine(
        stream.lineAt(a.index),
        { value: a.value, evidence: Evidence.shape, plausibility: 1, issues: [] },
        LabelMatch.inline,
        a.raw,
      );
      out.endDate = fieldFromLine(
        stream.lineAt(b.index),
        { value: b.value, evidence: Evidence.shape, plausibility: 1, issues: [TERM_SEPARATOR_UNREAD] },
        LabelMatch.inline,
        b.raw,
      );
      break;
    }
  }
  out.issueDate = issueDateField(ctx);
  return out;
}

/** The date a letter was issued: the last date under the text, outside the term sentence. */
function issueDateField(ctx: DocumentContext): DraftField | undefined {
  const lines = ctx.layouts.flatMap((l) => l.lines);
  const candidates = lines.filter((l) => findDates(l.text).length === 1 && !/自|至|起|止|期限|聘期|任期|到/.test(l.flat));
  // A letter is dated on a line of its own under the signature; a date inside a sentence (`于 A 经研究决定`) is the
  // issue date only when no such line exists, and then the clerk confirms it.
  const dateline = (l: LayoutLine) => {
    const [date] = findDates(l.text);
    return (
      l.flat
        .replace(date.raw.replace(/\s+/g, ''), '')
        .replace(/[^\u3400-\u9fffA-Za-z0-9]/g, '')
        .replace(/^(?:日期|落款日期|签发日期)/, '').length <= 2
    );
  };
  const own = candidates.filter(dateline);
  // A dateline whose separator the engine lost (`2019-1231` under the signature) is still the letter's own date, a
  // better witness than a date inside a sentence; read when it is the one way to read it, for the clerk to confirm.
  if (own.length === 0) {
    const lost = separatorLostDateline(lines) ?? zeroMisreadDateline(lines);
    if (lost) return lost;
  }
  const line: LayoutLine | undefined = (own.length > 0 ? own : candidates)[(own.length > 0 ? own : candidates).length - 1];
  if (!line) return undefined;
  const [date] = findDates(line.text);
  const issues = own.length > 0 ? [] : ['issue_date_inferred_from_sentence'];
  return fieldFromLine(line, { value: date.value, evidence: Evidence.shape, plausibility: 1, issues }, LabelMatch.unlabelled, date.raw);
}

/** The last line that holds nothing but one date whose separator was lost (`2019-1231`), as the letter's date. */
function separatorLostDateline(lines: readonly LayoutLine[]): DraftField | undefined {
  const own = lines.filter((l) => {
    if (findDates(l.text).length > 0) return false;
    const lost = findSeparatorLostDate(l.text);
    return lost !== undefined && l.flat.replace(lost.raw, '').replace(/^(?:日期|落款日期|签发日期)[:：]?/, '').length <= 2;
  });
  const line = own[own.length - 1];
  if (!line) return undefined;
  const lost = findSeparatorLostDate(line.text)!;
  const reading = { value: lost.value, evidence: Evidence.shape, plausibility: 1, issues: [DATE_SEPARATOR_INFERRED] };
  return fieldFromLine(line, reading, LabelMatch.unlabelled, lost.raw);
}

/**
 * The last line that holds nothing but one date whose year's 〇 was read as another character (`二天一九年八月十三日`
 * under the signature), as the letter's date, flagged DATE_YEAR_ZERO_INFERRED.
 */
function zeroMisreadDateline(lines: readonly LayoutLine[]): DraftField | undefined {
  const line = lines
    .filter(
      (l) => findDates(l.text).length === 0 && /^(?:日期|落款日期|签发日期)?[:：]?二\S{3}年\S{1,3}月\S{1,3}日$/.test(l.flat) && findYearZeroMisreadDate(l.flat),
    )
    .pop();
  if (!line) return undefined;
  const reading = { value: findYearZeroMisreadDate(line.flat)!, evidence: Evidence.shape, plausibility: 1, issues: [DATE_YEAR_ZERO_INFERRED] };
  return fieldFromLine(line, reading, LabelMatch.unlabelled);
}

const PARTY_SENTENCE = new RegExp(
  `(?:由|甲方[:：]?)([${CJK}()（）]{3,40}?(?:公司|集团|厂|中心|学校|学院|医院|酒店|店|事务所|所|院|社|部))` +
    `(?:[(（](?:以下简称|下称|以下称)[“"]?(?:甲方|用人单位)[”"]?[)）])?[,，]?(?:与|和|同)(?:乙方[:：]?)?${NAME}${ADDRESS}?` +
    `(?=[(（,，、]|签订|订立|经|就|协商|双方)`,
);

/**
 * The parties of a contract that names them in its opening sentence (`本合同由 X 有限公司（以下简称甲方）与 王晓明
 * （以下简称乙方）签订`), for contracts without party labels.
 *
 * @example
 * readPartiesSentence(ctx).employeeName?.value; // '王晓明'
 */
export function readPartiesSentence(ctx: DocumentContext): { employerName?: DraftField; employeeName?: DraftField } {
  const stream = documentText(ctx.layouts);
  const m = PARTY_SENTENCE.exec(stream.text);
  if (!m) return {};
  const out: { employerName?: DraftField; employeeName?: DraftField } = {};
  const org = readOrganisationName(m[1].replace(/^(本合同由|本合同|由|甲方)/, ''));
  if (org) out.employerName = fieldFromLine(stream.lineAt(m.index + m[0].indexOf(m[1])), org, LabelMatch.prose);
  const name = nameReading(m[2]);
  if (name) out.employeeName = fieldFromLine(stream.lineAt(m.index + m[0].lastIndexOf(m[2])), name, LabelMatch.prose);
  return out;
}
