import { creditCodeField, fieldFromLine, labelled, type DocumentContext, type DraftField, type DraftFields } from './document-context.js';
import { LabelMatch } from './confidence.js';
import { chooseCandidate, findUnlabelledCandidates, headTightAbove } from './field-search.js';
import { linesRightOf, type LayoutLine } from './page-layout.js';
import { CJK } from './text.js';
import { LABELS } from './labels.js';
import { columnRight, continuationLines, mergeLines, VALUE_MAY_CONTINUE } from './continuation.js';
import { withAddressShapeChecked } from './address-shape.js';
import { organisationByShape } from './values-by-shape.js';
import { establishedDateByShape, representativeByShape } from './licence-values-by-shape.js';
import { completeSurnameOnlyName } from './surname-only-names.js';
import { dateFromTwin } from './twin-dates.js';
import { findDates } from './dates.js';
import {
  Evidence,
  PLACE_PREFIX,
  readAddress,
  readDateValue,
  readOrganisationName,
  readPersonName,
  readRegistrationNumberValue,
  VALUE_MASKED,
  type ValueReader,
} from './value-readers.js';

/**
 * The 15-digit 注册号 of a licence issued before 2016 whose label was lost or misread (`注` … `号:`, the `册` under a
 * fold): the one number of 15 digits printed anywhere that passes its MOD 11,10 check, as a guess the clerk confirms
 * (`label_inferred`; a 注册号 is flagged in any case). A number printed as another label's value is that label's
 * (`证照编号：559128402130353`, the licence's own serial, under a 注册号 printed masked), not a lost 注册号: one in ten
 * numbers of 15 digits passes the check by chance.
 *
 * @example
 * registrationNumberPrintedAnywhere(ctx)?.value; // '330106001214466' from `330106001214466` over `注` `号:`
 */
function registrationNumberPrintedAnywhere(ctx: DocumentContext): DraftField | undefined {
  const codeLabels = new Set<string>([...LABELS.registrationNumber, ...LABELS.creditCode]);
  const notAnotherLabelsValue = (line: LayoutLine) =>
    line.hits.every((hit) => codeLabels.has(hit.form) || readRegistrationNumberValue(hit.inlineValue) === null);
  const valid = findUnlabelledCandidates(ctx.layouts, readRegistrationNumberValue, notAnotherLabelsValue).filter(
    (c) => c.reading.evidence === Evidence.checksum,
  );
  if (new Set(valid.map((c) => c.reading.value)).size !== 1) return undefined;
  const field = chooseCandidate(valid);
  return field && { ...field, issues: [...(field.issues ?? []), 'label_inferred'] };
}

/**
 * The licence's code: the unified social credit code (labelled, else the one valid code printed anywhere), else on
 * a licence issued before 2016 its 15-digit 注册号 (always flagged, see readRegistrationNumberValue), labelled, else
 * the one valid 注册号 printed anywhere.
 */
function licenceCode(ctx: DocumentContext): DraftField | undefined {
  const code = creditCodeField(ctx, LABELS.creditCode);
  // A code printed masked is missing: never read from the 注册号 or another number printed near it.
  if (code && (code.issues?.length === 0 || code.issues?.includes(VALUE_MASKED))) return code;
  const registration = labelled(ctx, [...LABELS.registrationNumber, ...LABELS.creditCode], readRegistrationNumberValue);
  if (registration && (!code || !(registration.issues ?? []).some((i) => /failed/.test(i)))) return registration;
  return code ?? registration ?? registrationNumberPrintedAnywhere(ctx);
}

/** Labels of a licence's term of operation (`营业期限：2014年02月17日至长期`), which runs from the day of establishment. */
const BUSINESS_TERM_LABELS = ['营业期限', '营业期限自', '经营期限', '合伙期限'];

/** Issue on an establishment date that differs from the first day of the licence's printed term of operation. */
export const ESTABLISHED_DATE_TERM_CONFLICT = 'established_date_term_start_conflict';
/** Issue on an establishment date read from the start of the term of operation, its own label's value unreadable. */
export const ESTABLISHED_DATE_FROM_TERM = 'established_date_inferred_from_term';

/** The first day of a term only when the value opens with it (`自2014年02月17日至长期`), never a date later in it. */
const readTermStart: ValueReader = (text) => {
  const first = findDates(text)[0];
  return first && /^[自从]?\s*$/.test(text.slice(0, first.index)) ? readDateValue(first.raw) : null;
};

/**
 * `立日期`, `戍立日期`: the establishment date's label with its first character lost or misread. A contract's `订立日期`
 * spells it as nearly (so the layout names no label there), but a licence has none: on a licence it is 成立日期.
 */
const ESTABLISHED_LABEL_HEAD_LOST = new RegExp(`^[${CJK}]?立日期[:：]?(.*)$`);

/**
 * The establishment date beside (or glued after) its label read with its first character lost or misread, as a
 * guess the clerk confirms (`label_inferred`).
 *
 * @example
 * establishedDateUnderMisreadLabel(ctx)?.value; // '2012-02-22' from `立日期` | `2012年2月22日`
 */
function establishedDateUnderMisreadLabel(ctx: DocumentContext): DraftField | undefined {
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      const m = line.hits.length === 0 ? ESTABLISHED_LABEL_HEAD_LOST.exec(line.flat) : null;
      if (!m) continue;
      const beside = m[1] ? undefined : linesRightOf(layout, line)[0];
      const raw = m[1] || beside?.text || '';
      const reading = raw ? readDateValue(raw) : null;
      if (!reading) continue;
      const field = fieldFromLine(beside ?? line, reading, LabelMatch.unlabelled, raw);
      field.issues = [...(field.issues ?? []), 'label_inferred'];
      return field;
    }
  }
  return undefined;
}

/** `称`, `称：`, `称）`: the name's label with its first character lost (a fold, a glare over `名`) or misread (`各称`). */
const NAME_LABEL_HEAD_LOST = new RegExp(`^[${CJK}]?称(?:\\s*[:：)）]\\s*(.*))?$`);
/** `称浙江灵隐…`: the label's rest glued to a name that opens with its place, the label's head boxed apart or lost. */
const NAME_LABEL_REST_GLUED = /^称(.+)$/u;

/** The name glued after `称` with no colon between, when it opens with a place as registered names do. */
const nameGluedAfterLabelRest = (flat: string): RegExpExecArray | null => {
  const m = NAME_LABEL_REST_GLUED.exec(flat);
  return m && PLACE_PREFIX.test(m[1]) ? m : null;
};

/**
 * The registrant's name beside (or glued after) its label read with its first character lost, misread or boxed apart
 * (`名` … `称浙江…`), read with
 * the lines it wraps onto, as a guess the clerk confirms (`label_inferred`). A licence prints no other `…称` label.
 *
 * @example
 * companyNameBesideMisreadLabel(ctx)?.value; // '杭州明达物流智慧服务有限公司杭州西湖区分公司' from `称` | `杭州明达物流智慧服` | `务有限公司杭州西湖` | `区分公司`
 * companyNameBesideMisreadLabel(ctx)?.value; // '杭州嘉禾网络科技有限公司' from `杭州嘉禾网` over `月称:` | `络科技有限` | `公司`
 */
function companyNameBesideMisreadLabel(ctx: DocumentContext): DraftField | undefined {
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      const m = line.hits.length === 0 ? (NAME_LABEL_HEAD_LOST.exec(line.flat) ?? nameGluedAfterLabelRest(line.flat)) : null;
      if (!m) continue;
      const head = m[1] ? line : linesRightOf(layout, line)[0];
      // The value's first line: glued after the label, else the nearest box right of it on its row.
      if (!head || head.hits.length > 0) continue;
      const start = m[1] ? line.box.x + (line.box.width * (line.flat.length - m[1].length)) / line.flat.length : head.box.x;
      const column = { start, min: start - head.box.height, end: columnRight(layout, head) };
      const { lines: below, more } = continuationLines(layout, head, column);
      let lines = [head, ...below];
      let raw = `${m[1] || head.text}${below.map((l) => l.leading).join('')}`;
      let reading = readOrganisationName(raw);
      // A name centred on its label over three lines: the line beside the label is its second, its head right above.
      const above = m[1] || (reading?.plausibility ?? 0) >= 1 ? undefined : headTightAbove(layout, head, 0.5);
      const whole = above ? readOrganisationName(`${above.text}${raw}`) : null;
      if (above && whole && whole.plausibility >= 1) [lines, raw, reading] = [[above, ...lines], `${above.text}${raw}`, whole];
      if (!reading || reading.plausibility < 1) continue;
      const field = fieldFromLine(mergeLines(lines, raw), reading, LabelMatch.unlabelled, raw);
      field.issues = [...(field.issues ?? []), 'label_inferred', ...(more ? [VALUE_MAY_CONTINUE] : [])];
      return field;
    }
  }
  return undefined;
}

/** An address's first line: a province or a city first (`浙江省…`, `杭州市西湖区…`; one character of the name may be misread). */
const ADDRESS_HEAD = /^[\u3400-\u9fff]{2,3}[省市]/u;

/**
 * The licence's address (住所, 营业场所, 经营场所) when its label was lost (a watermark, glare or a fold over it, the
 * engine boxing nothing there): the one line on the page holding no label that opens with a province or a city, read
 * with the lines it wraps onto, when the whole holds a number, ends as an address does and is not the registrant's name
 * (`…工作室` ends with 室 too). A licence prints one address; two such lines give nothing. A guess the clerk confirms
 * (`label_inferred`).
 *
 * @example
 * addressWithLabelLost(ctx, name)?.value; // '浙江省杭州市西湖区三墩镇天目山路194号…701室' from `浙江省杭州市…天目山` | `路194号…701` | `室`
 */
function addressWithLabelLost(ctx: DocumentContext, name: DraftField | undefined): DraftField | undefined {
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    for (const head of layout.lines) {
      if (head.hits.length > 0 || !ADDRESS_HEAD.test(head.flat)) continue;
      const column = { start: head.box.x, min: head.box.x - head.box.height, end: columnRight(layout, head) };
      const { lines: below, more } = continuationLines(layout, head, column);
      const raw = `${head.text}${below.map((l) => l.leading).join('')}`;
      const reading = readAddress(raw);
      if (!reading || reading.plausibility < 1 || typeof reading.value !== 'string' || !/\d/.test(reading.value)) continue;
      if (typeof name?.value === 'string' && name.value.startsWith(head.flat.slice(0, 6))) continue;
      const asName = readOrganisationName(reading.value);
      if (asName && asName.plausibility >= 1) continue;
      const field = fieldFromLine(mergeLines([head, ...below], raw), reading, LabelMatch.unlabelled, raw);
      field.issues = [...(field.issues ?? []), 'label_inferred', ...(more ? [VALUE_MAY_CONTINUE] : [])];
      found.push(field);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The value glued after a label spread by a space inside its box (`经营 者汪琪丽`, `成立 日期2009年5月29日`): the layout
 * finds no label there (a label's characters are matched together), so a line that opens with one of `labels` with a
 * space inside it, then a value `reader` takes, is read here, as a guess the clerk confirms (`label_inferred`).
 *
 * @example
 * valueAfterSpacedLabel(ctx, ['经营者'], readPersonName)?.value; // '汪琪丽' from `经营 者汪琪丽`
 */
function valueAfterSpacedLabel(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const spaced = [...labels].sort((a, b) => b.length - a.length).map((form) => new RegExp(`^(${[...form].map(escapeRegExp).join('\\s*')})\\s*[:：]?\\s*(.+)$`));
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      if (line.hits.length > 0) continue;
      const text = line.text.trim();
      for (const pattern of spaced) {
        const m = pattern.exec(text);
        if (!m || !/\s/.test(m[1])) continue;
        const reading = reader(m[2]);
        if (!reading) continue;
        const field = fieldFromLine(line, reading, LabelMatch.unlabelled, m[2]);
        field.issues = [...(field.issues ?? []), 'label_inferred'];
        return field;
      }
    }
  }
  return undefined;
}

/**
 * The date of establishment (成立日期), checked against the term of operation, which a licence prints from that same
 * day: a labelled date that differs from the term's first day was misread in one of the two places (the clerk says
 * which); with no readable 成立日期, the term's first day stands in for it, flagged.
 */
function establishedDateField(ctx: DocumentContext): DraftField | undefined {
  const established =
    labelled(ctx, LABELS.establishedDate, readDateValue) ??
    dateFromTwin(ctx, LABELS.establishedDate) ??
    establishedDateUnderMisreadLabel(ctx) ??
    valueAfterSpacedLabel(ctx, LABELS.establishedDate, readDateValue);
  const term = labelled(ctx, BUSINESS_TERM_LABELS, readTermStart);
  const termStart = typeof term?.value === 'string' && !(term.issues ?? []).length ? term : undefined;
  if (!established) {
    return termStart
      ? { ...termStart, issues: [...(termStart.issues ?? []), ESTABLISHED_DATE_FROM_TERM] }
      : establishedDateByShape(ctx, LABELS.establishedDate, ESTABLISHED_DATE_FROM_TERM);
  }
  if (termStart && typeof established.value === 'string' && termStart.value !== established.value) {
    established.issues = [...(established.issues ?? []), ESTABLISHED_DATE_TERM_CONFLICT];
  }
  return established;
}

/**
 * The registrant's name with the licence's own representative run on after it (`杭州恒信餐饮管理有限公司毛俊凯`: the
 * representative's value beside the name's last line, joined as its wrap): a whole name before it is kept, the cut a
 * guess the clerk confirms (`organisation_name_boundary_inferred`).
 *
 * @example
 * withRepresentativeCut(name, representative)?.value; // '杭州恒信餐饮管理有限公司' from `…有限公司毛俊凯` and `毛俊凯`
 */
function withRepresentativeCut(name: DraftField | undefined, representative: DraftField | undefined): DraftField | undefined {
  if (typeof name?.value !== 'string' || typeof representative?.value !== 'string') return name;
  const person = representative.value;
  if (!name.value.endsWith(person) || name.value.length - person.length < 4) return name;
  const before = name.value.slice(0, -person.length);
  const rest = readOrganisationName(before);
  if (rest && rest.plausibility >= 1 && typeof rest.value === 'string') {
    return { ...name, value: rest.value, issues: [...(name.issues ?? []), 'organisation_name_boundary_inferred'] };
  }
  // The registrant type may stand between the name and the person (`…有限公司有限责任公司(自然人投资或控股)孔雪军`: the
  // three rows' values set half a row high, each joined as the wrap of the one above): cut both when the name before
  // the type reads whole.
  const typeCut = withRegistrantTypeCut({ ...name, value: before, issues: [] });
  if (typeCut?.value === before) return name;
  return typeCut && { ...name, value: typeCut.value, issues: [...(name.issues ?? []), 'organisation_name_boundary_inferred'] };
}

/**
 * The licence's registrant type (类型, 组成形式) run on after a whole registered name, joined as if it were the name's
 * wrap: `个体工商户`, `个人经营` or `家庭经营` after a shop's name; `其他股份有限公司(非上市)` after any name; a legal
 * form (`有限责任公司(自然人投资或控股)`, or `型` of `类型` before it) only after a name that already ends with `公司`
 * (a bare form after `…西部` may be the name's own).
 */
const REGISTRANT_TYPE_AFTER_NAME = new RegExp(
  '^(.{4,}?(?:公司|工作室|部|店|中心|商行|事务所|厂))' +
    '(个体工商户|个人经营|家庭经营|其他(?:有限责任公司|股份有限公司)(?:分公司)?(?:[(（][\\u3400-\\u9fff、]*[)）]?)?)$',
  'u',
);
/** A legal form (with `型` of `类型` before it, or its bracket) after a name that already ends with `公司`. */
const LEGAL_FORM_AFTER_COMPANY = /^(.{4,}?公司)(?:类?型)?((?:有限责任公司|股份有限公司|有限公司)(?:分公司)?(?:[(（][\u3400-\u9fff、]*[)）]?)?)$/u;

/**
 * The registrant's name with the licence's registrant type run on after it (`杭州市西湖区同创电气设备服务部个体工商户`,
 * `杭州龙井机械制造股份有限公司其他股份有限公司(非上市)`: the 类型 row's value set under or beside the name's last
 * line): the whole name before it is kept, the cut a guess the clerk confirms (`organisation_name_boundary_inferred`).
 *
 * @example
 * withRegistrantTypeCut(name)?.value; // '杭州市西湖区同创电气设备服务部' from `…服务部个体工商户`
 */
function withRegistrantTypeCut(name: DraftField | undefined): DraftField | undefined {
  if (typeof name?.value !== 'string') return name;
  const m = REGISTRANT_TYPE_AFTER_NAME.exec(name.value) ?? LEGAL_FORM_AFTER_COMPANY.exec(name.value);
  return (m && nameCutTo(name, m[1])) ?? name;
}

/** The name read as `text` alone when that reads as a whole registered name: a cut the clerk confirms. */
function nameCutTo(name: DraftField, text: string): DraftField | undefined {
  const rest = readOrganisationName(text);
  if (!rest || rest.plausibility < 1 || typeof rest.value !== 'string') return undefined;
  return { ...name, value: rest.value, issues: [...(name.issues ?? []), 'organisation_name_boundary_inferred'] };
}

/** A bracket's close with no opening before it at a name's head: the last line of the type's `(自然人投资或` | `控股)`. */
const TYPE_TAIL_HEAD = /^([^(（]{1,6}[)）])(.+)$/u;

/**
 * The registrant's name with the registrant type's last line read as its head (`控股)杭州青芝坞…有限公司`: the 类型
 * value wrapped over three lines right over the name in a narrow column, its bracket closed on the line taken as the
 * name's first): the name after it, when that reads whole and the head is a type word, a guess the clerk confirms
 * (`organisation_name_boundary_inferred`).
 *
 * @example
 * withTypeTailHeadCut(name)?.value; // '杭州青芝坞文化传媒有限公司' from `控股)杭州青芝坞文化传媒有限公司`
 */
function withTypeTailHeadCut(name: DraftField | undefined): DraftField | undefined {
  if (typeof name?.value !== 'string') return name;
  const m = TYPE_TAIL_HEAD.exec(name.value);
  if (!m || !REGISTRANT_TYPE_WORD.test(m[1])) return name;
  return nameCutTo(name, m[2]) ?? name;
}

/** A name's last line run on into the 类型 label (`…有限公司类型`), read as the label `公司类型` that took its `公司`. */
const NAME_END_IN_TYPE_LABEL = /公司类型[:：]?$/u;

/**
 * The registrant's name cut where the label `公司类型` was found in its line (`杭州华创建筑工程有限公司类型`: the name's
 * `公司` and the 类型 label after it, boxed as one line, read as the longer label): the name with its `公司` given back,
 * when that reads as a whole name, a guess the clerk confirms (`organisation_name_boundary_inferred`).
 *
 * @example
 * withCompanyTakenBackFromTypeLabel(name)?.value; // '杭州华创建筑工程有限公司' from `杭州华创建筑工程有限公司类型`
 */
function withCompanyTakenBackFromTypeLabel(name: DraftField | undefined): DraftField | undefined {
  if (typeof name?.value !== 'string' || /公司$/u.test(name.value)) return name;
  const raw = (name.source?.raw ?? '').replace(/[\s\u3000]/gu, '');
  if (!NAME_END_IN_TYPE_LABEL.test(raw) || !raw.startsWith(name.value)) return name;
  const whole = readOrganisationName(`${name.value}公司`);
  if (!whole || whole.plausibility < 1 || typeof whole.value !== 'string' || raw.replace(NAME_END_IN_TYPE_LABEL, '公司') !== whole.value) return name;
  return { ...name, value: whole.value, issues: [...(name.issues ?? []), 'organisation_name_boundary_inferred'] };
}

/**
 * Words of a licence's registrant type or make-up (`有限责任公司(自然人投资或` | `控股)`, `个人经营`, `工作室`): a wrap
 * of the 类型 row's value or a piece of the name, set where a representative's name was looked for. No person's name.
 */
const REGISTRANT_TYPE_WORD =
  /^[(（]?(?:自然人|法人)?(?:投资|独资|控股|合资|合伙|或控股)[)）]?$|^[(（]?非?上市[)）]?$|^(?:个人|家庭)经营$|^(?:个体工商户|工作室|服务部|经营部)$/u;

/**
 * A licence's representative (法定代表人, 负责人, 经营者): a person's name, never a word of the registrant type read
 * beside its label.
 *
 * @example
 * readRepresentativeName('控股)'); // null
 * readRepresentativeName('高杰')?.value; // '高杰'
 */
const readRepresentativeName: ValueReader = (text) => (REGISTRANT_TYPE_WORD.test(text.replace(/[\s\u3000]/gu, '')) ? null : readPersonName(text));

/** Where a registered name ends for sure: a legal form or a shop's word (`有限公司`, `工作室`, `服务部`, `店`). */
const NAME_END = /(有限责任公司|有限公司|分公司|公司|工作室|部|店|中心|商行|事务所|厂)$/;

/**
 * With no representative found: the registrant's name with a person's name run on after a whole name
 * (`浙江明达…股份有限公司欧阳志`, the representative's value beside the name's last line joined as its wrap) is
 * read as the two, each a guess the clerk confirms.
 *
 * @example
 * nameAndRunOnPerson(name)?.person.value; // '欧阳志' from `浙江明达餐饮管理供应链服务股份有限公司欧阳志`
 */
function nameAndRunOnPerson(name: DraftField | undefined): { name: DraftField; person: DraftField } | undefined {
  if (typeof name?.value !== 'string') return undefined;
  for (let k = 2; k <= 4; k++) {
    const head = name.value.slice(0, -k);
    if (head.length < 8 || !NAME_END.test(head)) continue;
    const org = readOrganisationName(head);
    const person = readPersonName(name.value.slice(-k));
    if (!org || org.plausibility < 1 || !person || person.plausibility < 1 || typeof person.value !== 'string') continue;
    const issues = [...(name.issues ?? []), 'value_boundary_inferred'];
    return { name: { ...name, value: head, issues }, person: { ...name, value: person.value, issues } };
  }
  return undefined;
}

/**
 * The registrant's name read beside its label that, all cuts made, still reads as no name at all (no organisation's
 * ending: the registrant type `有限责任公司(自然人投资或控股)类型` taken beside specks `名` `称` printed over by the
 * name): the one registered name of its shape on the page instead, flagged `label_not_found` (`organisationByShape`);
 * the read kept when there is none or two.
 *
 * @example
 * wholeNameByShapeOver(ctx, name)?.value; // '杭州西溪物流供应链服务有限公司' for `有限责任公司(自然人投资或控股)类型`
 */
function wholeNameByShapeOver(ctx: DocumentContext, name: DraftField | undefined): DraftField | undefined {
  if (typeof name?.value !== 'string' || readOrganisationName(name.value)?.value !== name.value || NAME_END.test(name.value)) return name;
  return organisationByShape(ctx.layouts, readOrganisationName) ?? name;
}

/**
 * Reads a business licence (营业执照) of any generation and kind — company, 企业法人, 个体工商户 (经营者, 注册日期),
 * branch (负责人, 营业场所), 正本 or 副本: name, code (统一社会信用代码, or the 15-digit 注册号 of an old licence),
 * domicile, date of establishment and legal representative. Names and addresses are read with the lines they wrap
 * onto; the establishment date is never the date the licence was issued (发照日期, a date under the seal).
 *
 * @example
 * readBusinessLicense(ctx).creditCode?.value; // '91330100716105852F'
 */
export function readBusinessLicense(ctx: DocumentContext): DraftFields {
  const companyName = withTypeTailHeadCut(
    withCompanyTakenBackFromTypeLabel(
      labelled(ctx, LABELS.companyName, readOrganisationName, { wrap: true }) ??
        companyNameBesideMisreadLabel(ctx) ??
        organisationByShape(ctx.layouts, readOrganisationName),
    ),
  );
  const creditCode = licenceCode(ctx);
  const address = withAddressShapeChecked(labelled(ctx, LABELS.address, readAddress, { wrap: true }) ?? addressWithLabelLost(ctx, companyName));
  const establishedDate = establishedDateField(ctx);
  const legalRepresentative =
    labelled(ctx, LABELS.legalRepresentative, readRepresentativeName) ?? valueAfterSpacedLabel(ctx, LABELS.legalRepresentative, readRepresentativeName);
  // A compound surname alone (`司马` | `海浩` in a cell two characters wide): read with the given name under it.
  completeSurnameOnlyName(ctx, legalRepresentative, readRepresentativeName);
  if (establishedDate && typeof establishedDate.value === 'string' && establishedDate.value > ctx.today) {
    establishedDate.issues = [...(establishedDate.issues ?? []), 'established_date_in_future'];
  }
  const split = legalRepresentative ? undefined : nameAndRunOnPerson(companyName);
  if (split) return { companyName: withRegistrantTypeCut(split.name), creditCode, address, establishedDate, legalRepresentative: split.person };
  // The representative run on last (`…(非上市)孟文`) is cut first, then the registrant type before it.
  const name = withRegistrantTypeCut(withRepresentativeCut(companyName, legalRepresentative));
  const representative = legalRepresentative ?? representativeByShape(ctx, readRepresentativeName, LABELS.legalRepresentative);
  return { companyName: wholeNameByShapeOver(ctx, name), creditCode, address, establishedDate, legalRepresentative: representative };
}
