import type { CertificateKind } from '../documents/index.js';
import { parseCertificateNumber } from './certificate-number.js';
import { LabelMatch } from './confidence.js';
import {
  allLines,
  fieldFromLine,
  idNumberField,
  labelled,
  STRUCTURED_KINDS,
  type DocumentContext,
  type DraftField,
  type DraftFields,
} from './document-context.js';
import { findDates } from './dates.js';
import { findUnlabelledCandidates, chooseCandidate } from './field-search.js';
import { WRAP_JOINED } from './values-cut-by-wraps.js';
import { LABELS } from './labels.js';
import { validateResidentId } from './resident-id.js';
import { CJK } from './text.js';
import { documentText } from './document-text.js';
import { dateFromTwin } from './twin-dates.js';
import { sixteenthBirthday } from './holder-age.js';
import { rowOwner } from './continuation.js';
import { endsTerm } from './term-end-dates.js';
import { right } from './line-geometry.js';
import { nameBesideLabelHead } from './label-head-names.js';
import { nameGluedToLabelRemains } from './label-remains-glued-names.js';
import { valueOverMisreadCaption } from './misread-captions.js';
import { loneCharacterUnder, stackedLine } from './stacked-values.js';
import { linesRightOf } from './page-layout.js';
import { parseLevel } from './levels.js';
import { AUTHORITY_NAME_CORRECTION, AUTHORITY_NAME_INFERRED, AUTHORITY_NAMES, nearestAuthorityName } from './authority-names.js';
import { joinedLine, piecesBefore, squeezedLettering, wrapAbove } from './issuer-lines.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import {
  COPY_MARK,
  Evidence,
  readCertificateNumberValue,
  readDateValue,
  readLevelValue,
  readOccupation,
  readOrganisationName,
  readPersonName,
  PLACE_PREFIX,
  type Reading,
} from './value-readers.js';

/**
 * Issue on an issue date on or after the day the certificate's validity ends (`有效期至`): one of the two was read
 * from the other's line (a shifted fill-in, a turned page) or misread.
 */
export const ISSUE_DATE_VALIDITY_CONFLICT = 'issue_date_validity_conflict';

/** Labels of the day a certificate's validity ends (a 特种作业操作证's `有效期至`). */
const VALIDITY_END_LABELS = ['有效期至', '有效期限至', '有效期截止', '有效期限', '有效期'];

/**
 * Issue on an issue date read from a date printed without its label on a certificate that prints the end of its
 * validity, when that end was not read: the date may be the validity's end (`2025-02-22` for a 特种作业操作证 issued
 * `2019-02-23`, its `有效期至` and its 颁证日期 both lost on a turned page).
 */
export const ISSUE_DATE_VALIDITY_END_UNREADABLE = 'issue_date_validity_end_unreadable';

/**
 * Issue on an issue date taken without a label on a page that prints the issue date's label with nothing readable as a
 * date beside it (`颁证日期：8九年西月二十八日`): the date read elsewhere may be another date of the page's.
 */
export const ISSUE_DATE_LABEL_VALUE_UNREADABLE = 'issue_date_label_value_unreadable';

/** The issue date's labels that name it alone (the bare `日期` heads many dates). */
const ISSUE_DATE_OWN_LABELS: readonly string[] = LABELS.issueDate.filter((form) => form !== '日期');

/** Issue on an issue date before the holder's sixteenth birthday (read off the ID number). */
export const ISSUE_DATE_HOLDER_AGE_CONFLICT = 'issue_date_holder_age_conflict';

/** Labels a kind prints its occupation under, tried before the general ones (a kind may print two, e.g. 作业类别 and 准操项目). */
const KIND_OCCUPATION_LABELS: Partial<Record<CertificateKind, readonly string[]>> = {
  special_operation: ['准操项目', '操作项目', '作业项目'],
  special_ability: ['专项职业能力', '专项能力名称', '专项能力', '能力名称', '项目名称'],
  training_completion: ['培训项目', '培训专业', '培训工种', '培训内容'],
};

// `学员王晓明(身份证号:…)于…参加…培训`, `王晓明(身份证号码:…)经考核，具备…专项职业能力`, `兹证明王晓明同志于…`,
// `兹证明王晓明，身份证号码…，于…` (a comma ends the name too).
const HOLDER_PROSE = new RegExp(
  `(?:兹证明|兹有|学员|证明)[:]?([${CJK}·]{2,4}?)(?:同志|先生|女士)?(?:\\(|于|在|参加|已于|经|[,，])|^([${CJK}·]{2,4}?)(?:同志|先生|女士)?(?:\\(|于|经)`,
);

/** Whether a page of the document prints one of `forms` as a label. */
function printsLabel(ctx: DocumentContext, forms: readonly string[]): boolean {
  return ctx.layouts.some((page) => page.lines.some((line) => line.hits.some((hit) => forms.includes(hit.form))));
}

/** A bracketed holder caption with its head read as a look-alike (`（特证人）`, `(恃证人姓名)`): no label the layout knows. */
const MISREAD_HOLDER_CAPTION = /^[(（][特恃待]证人(姓名)?[)）]$/;

/**
 * The holder's name set over a bracketed caption the engine misread at its head (`梁艳` over `（特证人）`), as a
 * caption's value is stacked over it: a whole name (a known surname, nothing cut), flagged `label_inferred`; never
 * when two such captions stand on the pages.
 */
function holderOverMisreadCaption(ctx: DocumentContext): DraftField | undefined {
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      if (line.hits.length > 0 || !MISREAD_HOLDER_CAPTION.test(line.flat)) continue;
      const value = stackedLine(layout, line, true, false, 0.45, false, 0.4);
      const reading = value ? readPersonName(value.text) : null;
      if (!value || !reading || reading.plausibility < 1 || reading.value !== value.flat) continue;
      const field = fieldFromLine(value, { ...reading, issues: [...reading.issues, 'label_inferred'] }, LabelMatch.unlabelled);
      found.push(field);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** The occupation's two-character labels, set spread across a label column (`工　　种`). */
const SPREAD_OCCUPATION_LABELS = ['工种'];

/** Captions a form sets under the occupation (`（职业）`, `（职业名称）`, `（工种）`), looked for when misread. */
const OCCUPATION_CAPTIONS = ['职业', '职业名称', '工种', '工种名称', '职业(工种)'];

/** The sentence of award on narrative certificates: the stream after the title. */
function holderFromProse(ctx: DocumentContext): DraftField | undefined {
  const stream = documentText(ctx.layouts);
  for (const line of allLines(ctx)) {
    const offset = stream.text.indexOf(line.flat);
    // The sentence may wrap right after the name: judge it by the stream, not the line.
    const sentence = stream.text.slice(offset, offset + 80);
    if (!/(兹证明|兹有|同志|参加|学员|经考核|具备)/.test(sentence)) continue;
    const m = HOLDER_PROSE.exec(sentence);
    // The sentence must start on this line (not on a title above it), and the value is scored on the name's own line.
    if (!m || m.index >= line.flat.length) continue;
    const name = m[1] ?? m[2];
    const reading = readPersonName(name);
    if (reading) return fieldFromLine(stream.lineAt(offset + m.index + m[0].indexOf(name)), reading, LabelMatch.prose, name);
  }
  return undefined;
}

const OCCUPATION_PROSE = [/参加(.{2,24})培训[,，]/, /具备(.{2,24}?)专项职业能力/, /参加(.{2,24}?)(?:专项能力|职业技能)/];

/** The occupation named in a sentence of award (参加…培训, 具备…专项职业能力). */
function occupationFromProse(ctx: DocumentContext): DraftField | undefined {
  const stream = documentText(ctx.layouts);
  for (const pattern of OCCUPATION_PROSE) {
    const m = pattern.exec(stream.text);
    if (!m) continue;
    const reading = readOccupation(m[1]);
    if (reading) return fieldFromLine(stream.lineAt(m.index + 2), reading);
  }
  return undefined;
}

/**
 * The issue date when it stands alone (typically under the issuer's seal): the last line that is nothing but a
 * date. A date taken from running text instead (the training period in an award sentence) is a weaker guess.
 */
function unlabelledIssueDate(ctx: DocumentContext): DraftField | undefined {
  // A date on the row of a label waiting for its value (`出生日期` `1978年02月09日`) is that label's, never the issue date.
  const lines = allLines(ctx).filter((l) => {
    if (l.hits.length > 0 || findDates(l.text).length !== 1) return false;
    const layout = ctx.layouts.find((p) => p.lines.includes(l));
    // Nor is the end of a period read in pieces (`培训时间：2020年3月1日至` | `2020年3月20日`).
    return !layout || (rowOwner(layout, l) === undefined && !endsTerm(layout, l));
  });
  const alone = lines.filter((l) => {
    const d = findDates(l.text)[0];
    return l.text.length - d.length <= 3;
  });
  const line = alone[alone.length - 1] ?? lines[lines.length - 1];
  if (!line) return undefined;
  const reading = readDateValue(line.text);
  if (!reading) return undefined;
  const date = findDates(line.text)[0];
  const standalone = alone.includes(line);
  return fieldFromLine(line, standalone ? reading : { ...reading, plausibility: 0.85 }, LabelMatch.unlabelled, date.raw.replace(/\s+/g, ''));
}

/** A full stop or comma read at the very end of a line that an organisation's name wraps from. */
const WRAP_END_SPECK = /[。.．，,]$/u;

/**
 * The issuer whose last line is `line`, read whole: with the boxes before it on its row that a seal broke the name
 * into (`杭州市西湖区人` | `资源和社会保障局`; an authority's name then completed over the characters the gaps hid),
 * or with the line over it that the name wrapped from (`杭州华创建筑工程` | `股份有限公司`) when the line alone is no
 * whole name. Joined lines are a guess about layout: the clerk confirms them.
 */
function wholeIssuerFrom(layout: PageLayout, line: LayoutLine): DraftField | undefined {
  const alone = readOrganisationName(line.text);
  const whole = alone && !alone.issues.includes('organisation_name_incomplete') && PLACE_PREFIX.test(String(alone.value));
  // A whole name opening with its place is the issuer as it stands: a box before it on its row is no piece of it
  // (`机构` | `杭州市西湖区职业技能培训学校`, the 培训 of its label lost under a shadow).
  const { pieces, hidden } = whole ? { pieces: [], hidden: 0 } : piecesBefore(layout, line);
  if (pieces.length > 0) {
    const joined = joinedLine([...pieces, line]);
    const reading = readOrganisationName(joined.text);
    if (reading) {
      const field = fieldFromLine(joined, { ...reading, issues: [...reading.issues, 'split_value_inferred'] }, LabelMatch.unlabelled);
      const authority = typeof field.value === 'string' ? nearestAuthorityName(field.value, hidden) : undefined;
      if (authority) {
        field.correction = { from: String(field.value), reason: AUTHORITY_NAME_CORRECTION };
        field.value = authority;
        addIssue(field, AUTHORITY_NAME_INFERRED);
      }
      return field;
    }
  }
  const above = whole ? undefined : wrapAbove(layout, line);
  // A name wrapped mid-word holds no sentence mark: one read at the upper line's end (`…职业。` | `技能培训学校`) is a speck.
  const wrapped = above ? readOrganisationName(`${above.text.replace(WRAP_END_SPECK, '')}${line.text}`) : null;
  if (above && wrapped && PLACE_PREFIX.test(String(wrapped.value))) {
    return fieldFromLine(joinedLine([above, line]), { ...wrapped, issues: [...wrapped.issues, WRAP_JOINED] }, LabelMatch.unlabelled);
  }
  return alone ? fieldFromLine(line, alone, LabelMatch.unlabelled) : undefined;
}

/**
 * Labels of no certificate field that a form prints in its footer: a printer's imprint (`杭州文新技工学校监制`,
 * `…印制`) and the clerk's contact (`联系电话：…`, boxed apart from `经办人：…`).
 */
const FOOTER_LABELS = new Set(['监制', '印制', '联系电话', '电话', '邮编']);

/**
 * Whether a label line counts among the certificate's fields, which the unlabelled issuer stands at the foot of. Not a
 * clerk's line (`经办人：…　联系电话：…`: the phone after the clerk is the clerk's), not a footer's label, and not
 * the seal's ring lettering spelling a label (`职` `务` boxed apart round the ring, joined along a row) over the
 * issuer's own line: a printed label's box overlaps no other printed line.
 */
function endsFields(layout: PageLayout, line: LayoutLine): boolean {
  if (line.hits.length === 0 || line.hits[0].otherParty || line.hits.every((h) => FOOTER_LABELS.has(h.form))) return false;
  const overPrinted = layout.lines.some(
    (o) =>
      o !== line &&
      o.hits.length === 0 &&
      ORGANISATION_END.test(o.flat) &&
      Math.min(right(o), right(line)) - Math.max(o.box.x, line.box.x) > line.box.height &&
      Math.min(o.box.y + o.box.height, line.box.y + line.box.height) - Math.max(o.box.y, line.box.y) > Math.min(o.box.height, line.box.height) * 0.25,
  );
  return !overPrinted;
}

/**
 * A footer's imprint of who printed the form or the copy (`打印单位：西湖区社区学院培训中心`, `印制单位：…`): the
 * printer, never the issuer. Its label is no label of ours, so the line reads like an organisation's.
 */
const PRINTER_IMPRINT = /^(打印|印制|制证|承印|复印)(单位|机构|部门)[:：]?/;

/**
 * The seal's own words read as a line with a stray character of its ring after them (`业务专用章部`): no organisation.
 */
const SEAL_WORDS = /^(业务|合同|财务|人事|行政|培训|考核|鉴定)?专用章.{0,2}$/;

/** A form copy's mark boxed apart from the name before it, its brackets lost or kept (`存档联`, `（存根）`). */
const COPY_MARK_ALONE = /^[(（]?(存档联|存根联?|第[一二三四1-4]联|[正副]本|回执联?|客户联|单位联)[)）]?$/;

/**
 * Whether a copy's mark stands right after `line` on its row (`湖江之江职业培训学院` | `存档联`, a form's footer naming
 * who keeps the copy): the name is the keeper's or the printer's, as with the mark glued on.
 */
function copyMarkAfter(layout: PageLayout, line: LayoutLine): boolean {
  const next = linesRightOf(layout, line)[0];
  return next !== undefined && COPY_MARK_ALONE.test(next.flat) && next.box.x - right(line) < line.box.height * 3;
}

/** Lines at a certificate's foot that end like an organisation's name but name no issuer. */
function notIssuerLine(layout: PageLayout, line: LayoutLine): boolean {
  return PRINTER_IMPRINT.test(line.flat) || SEAL_WORDS.test(line.flat) || copyMarkAfter(layout, line);
}

/**
 * Where the page's text starts and ends down the image: a phone photo may hold the certificate in part of its frame
 * (a curled sheet shot from afar fills the top half), so "the lower part of the page" is measured on the text, never on
 * the image. A stray line off the sheet only widens it back towards the image's own height.
 */
function textSpan(layout: PageLayout): { top: number; height: number } {
  if (layout.lines.length === 0) return { top: 0, height: layout.height };
  const top = Math.min(...layout.lines.map((l) => l.box.y));
  const bottom = Math.max(...layout.lines.map((l) => l.box.y + l.box.height));
  return { top, height: Math.max(1, bottom - top) };
}

/** The issuer when unlabelled: an organisation line in the lower part of the page's text, nearest the bottom. */
function unlabelledIssuer(ctx: DocumentContext): DraftField | undefined {
  const layout = ctx.layouts[ctx.layouts.length - 1];
  const text = textSpan(layout);
  // On a booklet spread the fields end at the foot of each half: the issuer's half is the one that counts.
  const ownLabels = (l: (typeof layout.lines)[number]) => endsFields(layout, l);
  const lastLabelledIn = (half: 0 | 1 | undefined) => Math.max(0, ...layout.lines.filter((l) => ownLabels(l) && l.half === half).map((l) => l.box.y));
  const lines = layout.lines.filter(
    (l) =>
      l.hits.length === 0 &&
      l.flat.length >= 4 &&
      // Under the seal, at the foot of the fields, or — beside the last labels — off in a column of its own.
      (l.box.y > text.top + text.height * 0.6 ||
        l.box.y > lastLabelledIn(l.half) ||
        (l.box.y > text.top + text.height * 0.45 && !rowOwner(layout, l) && l.box.x > layout.width * 0.5)) &&
      /(局|厅|中心|公司|协会|学会|学校|学院|委员会|部|站|组织|集团)$/.test(l.flat.replace(/[(（].*[)）]$/, '')) &&
      // The seal's ring lettering repeats the issuer squeezed round the ring: it is no line of the page's text.
      !squeezedLettering(layout, l) &&
      !notIssuerLine(layout, l),
  );
  // A footer naming who keeps the copy (`杭州文新技工学校　（存档联）`) names the keeper or the printer: the issuer only
  // when no other line can be, neither an organisation line without such a mark nor the issuer's block over its date.
  const unmarked = lines.filter((l) => !COPY_MARK.test(l.flat));
  const overDate = unmarked.length === 0 ? issuerOverItsDate(layout, ownLabels) : undefined;
  const line = unmarked[unmarked.length - 1] ?? (overDate ? undefined : lines[lines.length - 1]);
  if (line) {
    const field = wholeIssuerFrom(layout, line);
    // Low in the text but not in the image: the sheet fills part of the frame, or its text ends high on the page. A
    // guess from position alone, for the clerk to confirm.
    const lowOnImage =
      line.box.y > layout.height * 0.6 ||
      line.box.y > lastLabelledIn(line.half) ||
      (line.box.y > layout.height * 0.45 && !rowOwner(layout, line) && line.box.x > layout.width * 0.5);
    if (!lowOnImage) addIssue(field, 'issuer_position_inferred');
    return field;
  }
  const field = overDate ? wholeIssuerFrom(layout, overDate) : undefined;
  addIssue(field, 'issuer_position_inferred');
  return field;
}

/**
 * The issuer's block at the foot may carry its own labelled date (`杭州市…局` over `发证时间：2021年09月14日`): an
 * organisation line right above such a line, past the other labels, is the issuer. Found by position alone among
 * labels, so the clerk confirms it.
 */
function issuerOverItsDate(layout: PageLayout, ownLabels: (line: LayoutLine) => boolean): LayoutLine | undefined {
  const dateLabels = new Set<string>(LABELS.issueDate);
  const dated = layout.lines.filter((l) => l.hits.length > 0 && l.hits.every((h) => dateLabels.has(h.form)));
  const lastOtherIn = (half: 0 | 1 | undefined) =>
    Math.max(0, ...layout.lines.filter((l) => ownLabels(l) && l.half === half && !dated.includes(l)).map((l) => l.box.y));
  const block = layout.lines.filter(
    (l) =>
      l.hits.length === 0 &&
      l.flat.length >= 4 &&
      l.box.y > lastOtherIn(l.half) &&
      dated.some(
        (d) =>
          d.box.y > l.box.y &&
          d.box.y - (l.box.y + l.box.height) < Math.max(l.box.height, layout.medianLineHeight) * 1.5 &&
          d.box.x < l.box.x + l.box.width &&
          l.box.x < d.box.x + d.box.width,
      ) &&
      /(局|厅|中心|公司|协会|学会|学校|学院|委员会|部|站|组织|集团)$/.test(l.flat.replace(/[(（].*[)）]$/, '')) &&
      !notIssuerLine(layout, l),
  );
  return block[block.length - 1];
}

/**
 * An issuer glued to its label with the colon read as a character (`发证单位志杭州市应急管理局`, `…运杭州之江…学校`):
 * one character between the label and a whole organisation name that starts with a place is the colon's. Read without
 * it, flagged `label_separator_inferred`.
 */
function issuerAfterMisreadColon(ctx: DocumentContext): DraftField | undefined {
  const forms = new Set<string>(LABELS.issuer);
  for (const line of allLines(ctx)) {
    for (const hit of line.hits) {
      const rest = /^[\u3400-\u9fff](.{4,})$/.exec(hit.inlineValue)?.[1];
      if (!forms.has(hit.form) || !rest || !PLACE_PREFIX.test(rest) || !ORGANISATION_END.test(rest)) continue;
      const reading = readOrganisationName(rest);
      if (!reading || reading.value !== rest) continue;
      const field = fieldFromLine(line, reading, LabelMatch.inlineLoose, rest);
      addIssue(field, 'label_separator_inferred');
      return field;
    }
  }
  return undefined;
}

/**
 * The issuer when nothing else found one: an authority's name printed whole where the other readings do not look, or
 * misread past the shapes the other readings take (its
 * end misread too: `浙江省人力资源积社会保障府`, `…保障厅司`, a seal's character glued on), or read after its label
 * short of a whole name (`发证机关浙江人开资源和社会保障厅`). The line (or the label's value) nearest the page's foot
 * that lies within the edits `nearestAuthorityName` allows of exactly one authority is read as that authority; never
 * the seal's squeezed ring lettering. A correction, always flagged: the clerk confirms it.
 */
function issuerNearestAuthority(ctx: DocumentContext): DraftField | undefined {
  const forms = new Set<string>(LABELS.issuer);
  let found: DraftField | undefined;
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      const hit = line.hits.find((h) => forms.has(h.form));
      if (line.hits.length > 0 && !hit) continue;
      const read = hit ? hit.inlineValue.replace(/\s+/g, '') : line.flat;
      if (read.length < 4 || squeezedLettering(layout, line)) continue;
      if (AUTHORITY_NAMES.includes(read)) {
        // An authority's name printed whole, off where the other readings look (mid-page on a moiré photo): by name alone.
        const field = fieldFromLine(line, { value: read, evidence: Evidence.shape, plausibility: 0.6, issues: [] }, LabelMatch.unlabelled, read);
        addIssue(field, 'issuer_position_inferred');
        found = field;
        continue;
      }
      const authority = nearestAuthorityName(read);
      if (!authority) continue;
      const field = fieldFromLine(
        line,
        { value: authority, evidence: Evidence.shape, plausibility: 0.6, issues: [AUTHORITY_NAME_INFERRED] },
        LabelMatch.unlabelled,
        read,
      );
      field.correction = { from: read, reason: AUTHORITY_NAME_CORRECTION };
      found = field;
    }
  }
  return found;
}

/**
 * How the kinds without a national numbering structure number their certificates, alone on a line: `ZX` and the
 * year (专项职业能力), `PX` and the year (培训合格), `T` and the holder's ID number (特种作业, the ID's check digit
 * passing).
 */
const KIND_NUMBER: Partial<Record<CertificateKind, RegExp>> = {
  special_ability: /^ZX20\d{10,14}$/,
  training_completion: /^PX20\d{8,12}$/,
  special_operation: /^T\d{17}[\dX]$/,
};

/** Labels only one kind prints: an operation's category and item (特种作业), a special ability's name. */
const KIND_OWN_LABELS: Partial<Record<CertificateKind, readonly string[]>> = {
  special_operation: ['准操项目', '操作项目', '作业项目', '作业类别', '操作类别'],
  special_ability: ['专项职业能力', '专项能力名称', '专项能力'],
};

/**
 * The kind whose own numbering (KIND_NUMBER) the certificate's number has, when the title naming the kind was not read:
 * `T` and an ID number whose check digit passes is a 特种作业操作证's, `ZX` and a year a 专项职业能力证书's.
 */
function kindOfOwnNumber(ctx: DocumentContext, number: DraftField | undefined): CertificateKind | undefined {
  if (typeof number?.value !== 'string') return undefined;
  const token = number.value;
  const kinds = (Object.keys(KIND_NUMBER) as CertificateKind[]).filter((kind) => KIND_NUMBER[kind]!.test(token));
  if (kinds.length !== 1) return undefined;
  if (token.startsWith('T') && !validateResidentId(token.slice(1), { today: ctx.today }).valid) return undefined;
  return kinds[0];
}

/** The one kind whose own labels (KIND_OWN_LABELS) a page of the certificate prints, when the title was not read. */
function kindOfOwnLabels(ctx: DocumentContext): CertificateKind | undefined {
  const kinds = (Object.keys(KIND_OWN_LABELS) as CertificateKind[]).filter((kind) => printsLabel(ctx, KIND_OWN_LABELS[kind]!));
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** Where to stamp or sign, in brackets, after a value in its box (`…（盖章）`). */
const SIGN_HERE_AFTER = /[(（](盖章|签章|签字|公章|签名|印章)[)）]$/;

function unlabelledNumber(ctx: DocumentContext): DraftField | undefined {
  const candidates = findUnlabelledCandidates(ctx.layouts, (text) => {
    const token = text.replace(/\s+/g, '').match(/[YS5V]?\d{15,21}/)?.[0];
    if (!token) return null;
    const reading = readCertificateNumberValue(token);
    return reading && parseCertificateNumber(String(reading.value)).structure !== 'unknown' ? reading : null;
  });
  const found = chooseCandidate(candidates);
  const shape = ctx.kind ? KIND_NUMBER[ctx.kind] : undefined;
  if (found || !shape) return found;
  // A number of the kind's own shape, alone on its line (its label read off its row or lost): by shape only, so the
  // clerk confirms it.
  const own = findUnlabelledCandidates(ctx.layouts, (text) => {
    // A remark where to stamp boxed with the number (`ZX20193301406919（盖章）`) is no part of it.
    const token = text.replace(/\s+/g, '').replace(SIGN_HERE_AFTER, '').toUpperCase();
    if (!shape.test(token) || (token.startsWith('T') && !validateResidentId(token.slice(1), { today: ctx.today }).valid)) return null;
    const reading = readCertificateNumberValue(token);
    return reading ? { ...reading, issues: [...reading.issues, 'label_inferred'] } : null;
  });
  return new Set(own.map((c) => c.reading.value)).size === 1 ? chooseCandidate(own) : undefined;
}

/**
 * An issue date whose year lost digits at the edge of the scan (`020年6月15日`), completed from the year the
 * certificate number encodes. Always flagged: the year is inferred, not read.
 */
function partialIssueDate(ctx: DocumentContext, year: number): DraftField | undefined {
  for (const line of allLines(ctx)) {
    const m = /(?<!\d)(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(line.text);
    if (!m || !yearWithDigitsLost(String(year), m[1])) continue;
    const value = readDateValue(`${year}年${m[2]}月${m[3]}日`);
    if (value) return fieldFromLine(line, { ...value, issues: ['issue_date_year_inferred'] }, LabelMatch.unlabelled);
  }
  // The same in Chinese numerals (`…七年五月二十六日`, the 二〇一 lost under a seal).
  const spelled = [...String(year)].map((d) => CHINESE_DIGITS[Number(d)]).join('');
  for (const line of allLines(ctx)) {
    // A zero read as the Latin letter or digit between numerals (`二0二年`) is the numeral 〇.
    const m = /([〇零0Oo一二三四五六七八九]{1,3})年([一二三四五六七八九十]{1,3}月[一二三四五六七八九十廿卅]{1,3}日)/.exec(line.flat);
    if (!m || !/[一二三四五六七八九]/.test(m[1]) || !yearWithDigitsLost(spelled, m[1].replace(/[零0Oo]/g, '〇'))) continue;
    const value = readDateValue(`${spelled}年${m[2]}`);
    if (value) return fieldFromLine(line, { ...value, issues: ['issue_date_year_inferred'] }, LabelMatch.unlabelled);
  }
  return undefined;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/**
 * Whether `read` is the year `year` (four digits or numerals) with its head lost at the scan's edge (`020`, `〇一九`),
 * or with one digit lost inside it (`二〇二` for `二〇二〇`, a numeral lost under a seal or in a blur).
 */
function yearWithDigitsLost(year: string, read: string): boolean {
  if (year.endsWith(read)) return true;
  const digits = [...year];
  return [...read].length === 3 && digits.some((_, i) => [...digits.slice(0, i), ...digits.slice(i + 1)].join('') === read);
}

/** Whether the certificate prints the day its validity ends: a 特种作业操作证 does, and any page naming 有效期. */
function printsValidityEnd(ctx: DocumentContext, kind: CertificateKind | undefined): boolean {
  return kind === 'special_operation' || allLines(ctx).some((l) => /有效期/.test(l.flat));
}

function standaloneOrProseDate(ctx: DocumentContext): DraftField | undefined {
  return unlabelledIssueDate(ctx);
}

/** Labels that name who trained the holder (`培训机构名称`), the issuer only of a training certificate. */
const TRAINING_BODY_LABELS: readonly string[] = LABELS.issuer.filter((l) => /^(培训|承训)/.test(l));

/**
 * On any certificate but a training certificate, a training body (`培训机构名称：…学院`) trained the holder; it did not
 * issue the certificate. The issuer is then read without those labels (or, failing that, unlabelled at the fields'
 * foot); a value only a training-body label leads to is kept for the clerk to confirm.
 */
function issuerPastTrainingBody(ctx: DocumentContext, issuer: DraftField | undefined): DraftField | undefined {
  const trained = labelled(ctx, TRAINING_BODY_LABELS, readOrganisationName, { wrap: true });
  if (!issuer || !trained || trained.value !== issuer.value) return issuer;
  const own = labelled(
    ctx,
    LABELS.issuer.filter((l) => !TRAINING_BODY_LABELS.includes(l)),
    readOrganisationName,
    { wrap: true },
  );
  if (own && own.value !== trained.value) return own;
  // Found by position alone, past a labelled training body: the clerk confirms it.
  const foot = unlabelledIssuer(ctx);
  if (foot && foot.value !== trained.value) {
    addIssue(foot, 'issuer_position_inferred');
    return foot;
  }
  addIssue(issuer, 'issuer_training_body_conflict');
  return issuer;
}

/**
 * A name read with `一` after it that the engine doubted (under 0.85) where it was sure of the name (`蔡欣一`, `姜杰一`):
 * a stroke beside the name (a fill-in rule's end, a seal's edge) read as the character. Read without it, flagged.
 */
function withoutTrailingStroke(ctx: DocumentContext, field: DraftField | undefined): DraftField | undefined {
  const value = field?.value;
  if (!field || typeof value !== 'string' || value.length < 3 || !value.endsWith('一')) return field;
  const line = allLines(ctx).find((l) => l.original === field.source?.box);
  const chars = line?.chars?.map((c) => c.text).join('') ?? '';
  const at = chars.indexOf(value);
  if (!line?.chars || at < 0) return field;
  const own = line.chars.slice(at, at + value.length);
  const stroke = own[own.length - 1].confidence;
  if (stroke >= 0.85 || own.slice(0, -1).some((c) => c.confidence < 0.95)) return field;
  return { ...field, value: value.slice(0, -1), issues: [...(field.issues ?? []), 'trailing_stroke_inferred'] };
}

/**
 * An occupation read with `一` after it (`评茶员一`: a rule's end or a dash beside the value on a photo, read as the
 * character however sure the engine was): no occupation's name ends in 一, so it is cut, flagged.
 */
function occupationWithoutTrailingStroke(field: DraftField | undefined): DraftField | undefined {
  const value = field?.value;
  if (!field || typeof value !== 'string' || value.length < 3 || !/[一—－-]$/.test(value)) return field;
  return { ...field, value: value.slice(0, -1), issues: [...(field.issues ?? []), 'trailing_stroke_inferred'] };
}

/** A date's piece after a name (`0二年六月五日`, `二〇二〇年`): digits or numerals, then 年, 月 or 日 and what follows. */
const DATE_PIECE_AFTER_NAME = /[0-9〇零O一二三四五六七八九十]{1,4}[年月日][0-9〇零O一二三四五六七八九十年月日号]*$/;

/**
 * An issuer read with the date under it joined as its wrap (`杭州之江职业培训学校` | `0二年六月五日`, the date
 * misread so that it read as no date): an organisation's whole name before a piece of a date is the issuer; the
 * piece is cut, flagged `value_boundary_inferred`.
 */
function issuerWithoutDateWrap(field: DraftField | undefined): DraftField | undefined {
  const value = field?.value;
  if (!field || typeof value !== 'string') return field;
  const piece = DATE_PIECE_AFTER_NAME.exec(value);
  if (!piece || piece.index < 4) return field;
  const name = value.slice(0, piece.index);
  if (!ORGANISATION_END.test(name)) return field;
  return { ...field, value: name, issues: [...(field.issues ?? []), 'value_boundary_inferred'] };
}

/**
 * An issuer read with the seal's ring lettering joined on as its wrap (`浙江育才职业技` | `能培训学校` | `职业技` |
 * `浙江`, the ring repeating pieces of the name round the seal under it): the lines after the one that completes an
 * organisation's name, each a piece of that name or the ring going on past it (`公司职业技能备`), are the seal's. Read without them, flagged `value_boundary_inferred`.
 */
function issuerWithoutRingPieces(field: DraftField | undefined): DraftField | undefined {
  const lines = field?.source?.raw?.split('\n').map((l) => l.replace(/\s+/g, ''));
  if (!field || typeof field.value !== 'string' || !lines || lines.length < 2) return field;
  for (let k = 1; k < lines.length; k++) {
    const name = lines.slice(0, k).join('');
    const rest = lines.slice(k);
    if (!ORGANISATION_END.test(name) || !rest.every((l) => l.length >= 2 && (name.includes(l) || ringGoesOnPast(name, l)))) continue;
    const reading = readOrganisationName(name);
    if (!reading || !field.value.startsWith(String(reading.value))) return field;
    return { ...field, value: reading.value, issues: [...(field.issues ?? []), 'value_boundary_inferred'] };
  }
  return field;
}

/**
 * Whether `line` is the seal's ring going on round past the name it spells (`公司职业技能备` after
 * `杭州博远信息技术有限公司`, the ring reading `…有限公司职业技能等级认定专用章`): it opens with the name's last two
 * characters or more and goes on.
 */
function ringGoesOnPast(name: string, line: string): boolean {
  for (let k = Math.min(line.length - 1, name.length); k >= 2; k--) if (name.endsWith(line.slice(0, k))) return true;
  return false;
}

/** A number with a whole date glued after it in its box (`PX202147413285` `2021.04.14`, the next row's date). */
const NUMBER_THEN_DATE = /([A-Z]{0,2}\d{6,})\s*((?:19|20)\d{2}[.\-/年]\d{1,2}[.\-/月]\d{1,2}日?)$/;

/**
 * A certificate number read with the digits of a date glued after it (`PX2021474132852021` from
 * `PX202147413285 2021.04.14`, a shifted fill-in's date boxed onto the number): the number ends where the whole date
 * begins. Read without it, flagged `value_boundary_inferred`.
 */
function numberWithoutGluedDate(field: DraftField | undefined): DraftField | undefined {
  const raw = field?.source?.raw?.replace(/\s+(?=\d)/g, ' ');
  const m = raw ? NUMBER_THEN_DATE.exec(raw) : null;
  if (!field || typeof field.value !== 'string' || !m || field.value === m[1] || !field.value.startsWith(m[1])) return field;
  const reading = readCertificateNumberValue(m[1]);
  if (!reading) return field;
  return { ...field, value: reading.value, issues: [...(field.issues ?? []), 'value_boundary_inferred'] };
}

/** How the name of an organisation that issues or assesses ends. */
const ORGANISATION_END = /(局|厅|中心|公司|协会|学会|学校|学院|委员会|部|站|组织|集团)$/;

/**
 * A value read with a line of the seal's ring lettering joined as its wrap (`西湖龙井炒制` | `业能力建`, the ring of
 * `杭州市职业能力建设指导服务中心` under it): a line that is a piece of an organisation's name printed whole elsewhere
 * on the page is the seal's, not the value's. Read without it, flagged.
 */
function withoutSealLettering(ctx: DocumentContext, field: DraftField | undefined): DraftField | undefined {
  const value = field?.value;
  if (!field || typeof value !== 'string') return field;
  const lines = allLines(ctx);
  const organisations = lines.filter((l) => l.hits.length === 0 && ORGANISATION_END.test(l.flat) && l.flat.length >= 6);
  const ring = lines.find(
    (l) =>
      l.hits.length === 0 &&
      // Three characters at least: a word of two (`培训`) ends values and names alike.
      l.flat.length >= 3 &&
      value.length - l.flat.length >= 2 &&
      value.endsWith(l.flat) &&
      organisations.some((o) => o !== l && o.flat.includes(l.flat) && !o.flat.includes(value)),
  );
  if (!ring) return field;
  const rest = readOccupation(value.slice(0, -ring.flat.length));
  if (!rest) return field;
  return { ...field, value: rest.value, issues: [...(field.issues ?? []), 'value_boundary_inferred'] };
}

/**
 * A special operation's item as the national catalogue names it (安监总局令第30号, 特种作业目录): every item and category
 * ends in 作业 (`高压电工作业`, `制冷与空调设备运行操作作业`). Read joined with a line that made it end otherwise
 * (`高压电工作业` | `业`, the category's wrap under it), it is read without that line, flagged `value_boundary_inferred`;
 * read short of its end (`制冷与空调设`, its wrap set off under the label), it is flagged `operation_item_incomplete`.
 */
function wholeOperationItem(field: DraftField | undefined): DraftField | undefined {
  if (!field || typeof field.value !== 'string' || field.value.endsWith('作业')) return field;
  const lines = field.source?.raw?.split('\n') ?? [];
  for (let k = lines.length - 1; k >= 1; k--) {
    const joined = lines.slice(k).join('').replace(/\s+/g, '');
    const head = field.value.endsWith(joined) ? field.value.slice(0, field.value.length - joined.length) : '';
    if (head.endsWith('作业')) return { ...field, value: head, issues: [...(field.issues ?? []), 'value_boundary_inferred'] };
  }
  return { ...field, issues: [...(field.issues ?? []), 'operation_item_incomplete'] };
}

/**
 * `丶` (a radical, in no trade's name) read for the enumeration comma of an item (`高处安装丶维护丶拆除作业`): the comma.
 */
function withEnumerationCommas(field: DraftField | undefined): DraftField | undefined {
  if (!field || typeof field.value !== 'string' || !/[\u3400-\u9fff]丶[\u3400-\u9fff]/.test(field.value)) return field;
  return { ...field, value: field.value.replace(/丶/g, '、') };
}

/** A level as a certificate prints it alone in its cell (`高级技师`, `三级`, `三级（高级工）`, `五级/初级工`). */
const LEVEL_WORD = /(?:[一二三四五]级(?:[(（/][^)）]{0,5}[)）]?)?|高级技师|技师|高级工|中级工|初级工)$/;

/**
 * An occupation read with the level's value joined on as its wrap (`互联网营销师` | `高级技师`, the level set a little
 * low under `等级：` and so tight under the occupation that it reads as its next line): a level word that the page
 * prints as a line of its own is the level's value, not the occupation's. Read without it, flagged.
 */
function withoutLevelWrap(ctx: DocumentContext, field: DraftField | undefined): DraftField | undefined {
  const value = field?.value;
  if (!field || typeof value !== 'string') return field;
  const tail = LEVEL_WORD.exec(value)?.[0];
  if (!tail || tail.length >= value.length - 1) return field;
  const lines = allLines(ctx);
  // Joined from lines: no line holds the whole value, and the level stands alone on one.
  if (lines.some((l) => l.flat.includes(value)) || !lines.some((l) => l.hits.length === 0 && l.flat === tail)) return field;
  const rest = readOccupation(value.slice(0, -tail.length));
  if (!rest) return field;
  return { ...field, value: rest.value, issues: [...(field.issues ?? []), 'value_boundary_inferred'] };
}

const LEVEL_NUMERAL = /^[一二三四五]$/;

/**
 * A level printed as its numeral alone beside its label (`职业技能等级:` `四`), the `级` wrapped tight under it in a
 * narrow cell (`四` | `级`) or lost: read from the numeral, flagged (`split_value_inferred` when joined with its `级`,
 * `level_word_incomplete` without it). Only where the label is the line's last and has nothing after it.
 */
function levelWordBesideLabel(ctx: DocumentContext): DraftField | undefined {
  const forms = new Set<string>(LABELS.level);
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      const hit = line.hits[line.hits.length - 1];
      if (!hit || !forms.has(hit.form) || hit.inlineValue !== '') continue;
      const next = linesRightOf(layout, line)[0];
      if (!next || !LEVEL_NUMERAL.test(next.flat) || next.box.x - right(line) > line.box.height * 4) continue;
      const under = loneCharacterUnder(layout, next);
      const joined = under?.flat === '级';
      const reading = readLevelValue(`${next.flat}级`);
      if (!reading) continue;
      const field = fieldFromLine(joined ? joinedLine([next, under]) : next, reading, LabelMatch.sameRow);
      addIssue(field, joined ? 'split_value_inferred' : 'level_word_incomplete');
      return field;
    }
  }
  return undefined;
}

/** A level printed with its qualifier (`资格二级`, `技能三级`): one character off a level label (`资格等级`, `技能等级`). */
const LEVEL_WITH_QUALIFIER = /^(国家职业资格|职业资格|资格|职业技能|技能)[一二三四五]级$/;

/**
 * A level the layout took for a level label one character off it (`资格二级` for `资格等级`, the `国家职业` of
 * `国家职业资格二级` lost under a fold or a moiré): a line that is nothing but a level numeral with its qualifier is the
 * level, read from the line, flagged `value_read_as_label_inferred`.
 */
function levelReadAsLabel(ctx: DocumentContext): DraftField | undefined {
  const forms = new Set<string>(LABELS.level);
  for (const line of allLines(ctx)) {
    if (!LEVEL_WITH_QUALIFIER.test(line.flat) || line.hits.length === 0 || !line.hits.every((h) => forms.has(h.form))) continue;
    const reading = readLevelValue(line.flat);
    if (!reading) continue;
    const field = fieldFromLine(line, reading, LabelMatch.unlabelled, line.flat);
    addIssue(field, 'value_read_as_label_inferred');
    return field;
  }
  return undefined;
}

/** A level word alone (`技师`, `三级`, `二级/技师`, `三级（高级工）`). */
const LEVEL_WORD_ALONE = /^([一二三四五]级|高级技师|技师|高级工|中级工|初级工)([/／(（](高级技师|技师|高级工|中级工|初级工)[)）]?)?$/;

/**
 * A level glued after another field's label (`证书编号 技师`: a fill-in layer shifted a row down under its labels, the
 * level landing beside the number's spread label): a level word that is the whole of a label's inline value is read
 * as the level, flagged `label_inferred` (no other field's value is ever a level word alone).
 */
function levelGluedToOtherLabel(ctx: DocumentContext): DraftField | undefined {
  const forms = new Set<string>(LABELS.level);
  for (const line of allLines(ctx)) {
    const hit = line.hits.find((h) => !forms.has(h.form) && LEVEL_WORD_ALONE.test(h.inlineValue.replace(/\s+/g, '')));
    if (!hit) continue;
    const reading = readLevelValue(hit.inlineValue);
    if (!reading) continue;
    const field = fieldFromLine(line, reading, LabelMatch.unlabelled, hit.inlineValue.trim());
    addIssue(field, 'label_inferred');
    return field;
  }
  return undefined;
}

/** Issue on a level read from the certificate number's level digit, the printed level being unread. */
export const LEVEL_FROM_NUMBER_INFERRED = 'level_from_certificate_number_inferred';

/** The level a number's level digit encodes, read off the number's line: a guess the clerk confirms. */
function levelFromNumber(number: DraftField, level: number): DraftField {
  return { value: level, confidence: number.confidence, needsReview: true, source: number.source, issues: [LEVEL_FROM_NUMBER_INFERRED] };
}

/**
 * A level whose numeral and title disagree (`二级（高级工）`), read as the numeral's: when the title's is the level the
 * certificate number's digit encodes, the numeral was misread, and the title's level is taken. Still flagged
 * `level_inconsistent`: two readings of the page disagree.
 */
function levelAgreeingWithNumber(level: DraftField, encoded: number): DraftField {
  const raw = level.source?.raw;
  if (!raw || level.value === encoded || !level.issues?.includes('level_inconsistent')) return level;
  const byTitle = parseLevel(raw.replace(/[一二三四五1-5]\s*级/, ''));
  return byTitle?.value === encoded ? { ...level, value: encoded } : level;
}

function addIssue(field: DraftField | undefined, issue: string): void {
  if (field) field.issues = [...(field.issues ?? []), issue];
}

function corroborate(field: DraftField | undefined, weight = 0.5): void {
  if (field) field.confidence = 1 - (1 - field.confidence) * weight;
}

/**
 * Reads a vocational certificate (any kind): holder, ID, occupation, level, kind, number, issue date and issuer,
 * then checks the number's structure against the printed level and issue year and the issue date against today.
 *
 * @example
 * readVocationalCertificate(ctx).level?.value; // 3
 */
export function readVocationalCertificate(ctx: DocumentContext, typeConfidence: number): DraftFields {
  const labelledHolder = labelled(ctx, LABELS.personName, readPersonName, { wrap: true });
  const proseHolder = holderFromProse(ctx);
  const holderName = withoutTrailingStroke(
    ctx,
    labelledHolder ?? proseHolder ?? nameBesideLabelHead(ctx, LABELS.personName, readPersonName) ?? holderOverMisreadCaption(ctx),
  );
  // The sentence of award and the label name one person: two readings that differ cannot both be right.
  if (labelledHolder && proseHolder && labelledHolder.value !== proseHolder.value) addIssue(labelledHolder, 'conflicting_values');
  const idNumber = idNumberField(ctx, LABELS.idNumber);
  // The kind's own labels first, so that 准操项目 and 作业类别 on one operation certificate do not count as a conflict.
  const own = ctx.kind ? KIND_OCCUPATION_LABELS[ctx.kind] : undefined;
  const ownOccupation = own ? labelled(ctx, own, readOccupation, { wrap: true }) : undefined;
  let occupation = occupationWithoutTrailingStroke(
    withEnumerationCommas(
      withoutLevelWrap(
        ctx,
        withoutSealLettering(
          ctx,
          ownOccupation ??
            labelled(ctx, LABELS.occupation, readOccupation, { wrap: true }) ??
            occupationFromProse(ctx) ??
            valueOverMisreadCaption(ctx, OCCUPATION_CAPTIONS, readOccupation) ??
            // A spread `工　种` whose `工` glare shrank to a speck's box, its `种` glued to the trade (`工` … `种家政服务员`).
            nameGluedToLabelRemains(ctx, SPREAD_OCCUPATION_LABELS, readOccupation),
        ),
      ),
    ),
  );
  if (ctx.kind === 'special_operation') occupation = wholeOperationItem(occupation);
  // The kind's own label is printed (`操作项目` beside `作业类别`) but nothing was read beside it: the value taken from
  // the general label may be the other one of the pair, so the clerk confirms it.
  if (own && !ownOccupation && occupation && printsLabel(ctx, own)) addIssue(occupation, 'kind_label_value_unreadable');
  let level = labelled(ctx, LABELS.level, readLevelValue);
  if (!level && (!ctx.kind || STRUCTURED_KINDS.has(ctx.kind))) {
    // A level printed without a label (`国家职业资格三级`, `二级/技师` alone on a line) or with one glued to it
    // (`等级四级(中级工)`, which reads like a word in a sentence); not words inside a name such as `杭州第一技师学院`.
    level = chooseCandidate(
      findUnlabelledCandidates(ctx.layouts, (text) =>
        /国家职业资格|^(职业技能等级|技能等级|等级|级别)?[(（]?([一二三四五1-5]级|高级技师|技师|高级工|中级工|初级工)/.test(text) && text.length <= 16
          ? readLevelValue(text)
          : null,
      ),
    );
  }
  level ??= levelWordBesideLabel(ctx) ?? levelReadAsLabel(ctx) ?? levelGluedToOtherLabel(ctx);
  let certificateNumber = numberWithoutGluedDate(labelled(ctx, LABELS.certificateNumber, readCertificateNumberValue) ?? unlabelledNumber(ctx));
  const labelledIssueDate = labelled(ctx, LABELS.issueDate, readDateValue) ?? dateFromTwin(ctx, LABELS.issueDate);
  // The date taken from where it stands alone, when no label's value was a date: a guess of which date it is.
  const dateAlone = labelledIssueDate ? undefined : standaloneOrProseDate(ctx);
  let issueDate = labelledIssueDate ?? dateAlone;
  let issuer =
    labelled(ctx, LABELS.issuer, readOrganisationName, { wrap: true }) ?? issuerAfterMisreadColon(ctx) ?? unlabelledIssuer(ctx) ?? issuerNearestAuthority(ctx);

  const parsed = certificateNumber ? parseCertificateNumber(String(certificateNumber.value)) : undefined;
  if ((!issueDate || issueDate.confidence < 0.9) && parsed?.year !== undefined) {
    // A clipped standalone date completed from the number beats a date lifted from running text.
    issueDate = partialIssueDate(ctx, parsed.year) ?? issueDate;
  }
  let kind: CertificateKind | undefined = ctx.kind;
  let kindConfidence = typeConfidence;
  if (!kind && parsed?.structure === 'skill_level') kind = 'skill_level';
  if (!kind && parsed?.structure === 'qualification') kind = 'qualification';
  // The title lost (cut in pieces, under a seal): a number of one kind's own shape, or labels only one kind prints, say it.
  if (!kind) kind = kindOfOwnNumber(ctx, certificateNumber) ?? kindOfOwnLabels(ctx);
  if (!ctx.kind && kind) kindConfidence = 0.8;
  const certificateKind: DraftField = kind
    ? { value: kind, confidence: kindConfidence, needsReview: false, issues: [] }
    : { value: null, confidence: 0, needsReview: true, issues: ['not_found'] };

  // The level's value unread (lost under a seal, a blur): the level digit of a number of the kind's own structure says
  // it, for the clerk to confirm.
  if (!level && certificateNumber && parsed?.level !== undefined && parsed.structure === kind) level = levelFromNumber(certificateNumber, parsed.level);
  // A level printed twice that disagrees with itself (`二级（高级工）`, 三 read 二): the one of the two the number's level
  // digit names is taken, still flagged as inconsistent.
  if (level && parsed?.level !== undefined && parsed.structure === kind) level = levelAgreeingWithNumber(level, parsed.level);
  if (certificateNumber && kind && (kind === 'skill_level' || kind === 'qualification')) {
    if (!parsed || parsed.structure === 'unknown') {
      addIssue(certificateNumber, 'certificate_number_structure_invalid');
    } else if (parsed.structure !== kind) {
      addIssue(certificateNumber, 'certificate_number_structure_mismatch_kind');
      addIssue(certificateKind, 'certificate_number_structure_mismatch_kind');
    } else {
      corroborate(certificateKind, 0.3);
      // A level read off the number itself says nothing of the number.
      if (parsed.level !== undefined && level && typeof level.value === 'number' && !level.issues?.includes(LEVEL_FROM_NUMBER_INFERRED)) {
        if (parsed.level === level.value) {
          corroborate(level, 0.2);
          corroborate(certificateNumber, 0.5);
        } else {
          addIssue(level, 'level_mismatch_certificate_number');
          addIssue(certificateNumber, 'level_mismatch_certificate_number');
        }
      }
      if (parsed.year !== undefined && issueDate && typeof issueDate.value === 'string') {
        if (Number(issueDate.value.slice(0, 4)) === parsed.year) {
          corroborate(issueDate, 0.6);
          corroborate(certificateNumber, 0.5);
        } else {
          addIssue(issueDate, 'issue_year_mismatch_certificate_number');
          addIssue(certificateNumber, 'issue_year_mismatch_certificate_number');
        }
      }
    }
  }
  if (certificateNumber && kind === 'special_operation' && typeof certificateNumber.value === 'string') {
    // A 特种作业操作证 is numbered `T` + its holder's ID number: a number of that shape whose ID part does not check
    // was read short or wrong (a code wrapped under itself, a digit misread).
    const tail = /^T(.+)$/.exec(certificateNumber.value)?.[1];
    if (tail !== undefined && /^\d/.test(tail)) {
      if (!validateResidentId(tail, { today: ctx.today }).valid) addIssue(certificateNumber, 'certificate_number_structure_invalid');
      else if (tail === idNumber?.value) corroborate(certificateNumber, 0.5);
    }
  }
  if (kind && kind !== 'training_completion') issuer = issuerPastTrainingBody(ctx, issuer);
  issuer = issuerWithoutRingPieces(issuerWithoutDateWrap(issuer));
  // An authority's name misread under its seal (`杭州市人分资源和社会保障局`) is the one name of a place and a body it
  // lies a character or two from: corrected, for the clerk to confirm.
  const authority = typeof issuer?.value === 'string' ? nearestAuthorityName(issuer.value) : undefined;
  if (issuer && authority) {
    issuer.correction = { from: String(issuer.value), reason: AUTHORITY_NAME_CORRECTION };
    issuer.value = authority;
    addIssue(issuer, AUTHORITY_NAME_INFERRED);
  }
  if (!level && kind && !(kind === 'skill_level' || kind === 'qualification')) {
    // Special-ability, special-operation and training certificates carry no level: null is the right answer.
    level = { value: null, confidence: kindConfidence, needsReview: false, issues: ['level_not_applicable'] };
  }
  if (issueDate && typeof issueDate.value === 'string' && issueDate.value > ctx.today) addIssue(issueDate, 'issue_date_in_future');
  // No certificate is issued on its holder's day of birth: a date that equals the ID number's birth date was read
  // from the wrong line.
  const born = typeof idNumber?.value === 'string' && /^\d{17}[\dX]$/.test(idNumber.value) ? idNumber.value.slice(6, 14) : undefined;
  if (born && issueDate && typeof issueDate.value === 'string' && issueDate.value.replace(/-/g, '') === born) {
    addIssue(issueDate, 'issue_date_birth_date_conflict');
  }
  // A certificate is valid from its issue: an issue date on or after the printed end of its validity is one of the two
  // read from the other's line, or misread (`2025-02-22`, the 有效期至, read as the 颁证日期).
  const validUntil = labelled(ctx, VALIDITY_END_LABELS, readDateValue);
  if (issueDate && typeof issueDate.value === 'string' && typeof validUntil?.value === 'string' && issueDate.value >= validUntil.value) {
    addIssue(issueDate, ISSUE_DATE_VALIDITY_CONFLICT);
  }
  // A date without its label, on a certificate that prints its validity's end unread, may be that end.
  if (issueDate && issueDate === dateAlone && typeof issueDate.value === 'string' && !validUntil && printsValidityEnd(ctx, kind)) {
    addIssue(issueDate, ISSUE_DATE_VALIDITY_END_UNREADABLE);
  }
  // The page prints the issue date's label (not the bare `日期`) but nothing beside it read as a date: a date taken
  // from elsewhere is the clerk's to confirm, whichever date it is.
  if (issueDate && issueDate === dateAlone && typeof issueDate.value === 'string' && printsLabel(ctx, ISSUE_DATE_OWN_LABELS)) {
    addIssue(issueDate, ISSUE_DATE_LABEL_VALUE_UNREADABLE);
  }
  // Nobody is certified before the legal working age of sixteen: such an issue date has a misread year.
  const sixteen = sixteenthBirthday(idNumber);
  if (sixteen && issueDate && typeof issueDate.value === 'string' && issueDate.value < sixteen) addIssue(issueDate, ISSUE_DATE_HOLDER_AGE_CONFLICT);
  return { holderName, idNumber, occupation, level, certificateKind, certificateNumber, issueDate, issuer };
}

export type { Reading };
export { Evidence };
