import { validateResidentId } from './resident-id.js';
import { LabelMatch } from './confidence.js';
import { allLines, fieldFromLine, idNumberField, labelled, type DocumentContext, type DraftField, type DraftFields } from './document-context.js';
import { columnRight, continuationLines, mergeLines, VALUE_MAY_CONTINUE } from './continuation.js';
import { CJK } from './text.js';
import { readAddress, readDateValue, readPersonName } from './value-readers.js';
import { completeSurnameOnlyName } from './surname-only-names.js';
import { PROVINCE_UNIT, withAddressShapeChecked } from './address-shape.js';
import { withCardAddressLinesChecked } from './card-address-lines.js';

/**
 * Reads a resident ID card (front; the back adds nothing we need): name, ID number, address (which wraps over
 * several lines) and birth date, the birth date checked against the one inside the ID number.
 *
 * @example
 * readIdCard(ctx).birthDate?.value; // '1990-01-01'
 */
export function readIdCard(ctx: DocumentContext): DraftFields {
  const name = labelled(ctx, ['姓名'], readPersonName) ?? nameUnderMisreadLabel(ctx) ?? nameWithLabelLost(ctx);
  completeSurnameOnlyName(ctx, name, readPersonName);
  const idNumber = idNumberField(ctx, ['公民身份号码', '身份证号码', '身份证号']);
  const address = withCardAddressLinesChecked(
    withAddressShapeChecked(labelled(ctx, ['住址', '地址'], readAddress, { wrap: true }) ?? addressUnderMisreadLabel(ctx)),
    ctx.layouts,
  );
  let birthDate = labelled(ctx, ['出生日期', '出生'], readDateValue);
  const fromId = idNumber && typeof idNumber.value === 'string' ? validateResidentId(idNumber.value, { today: ctx.today }) : undefined;
  if (birthDate && fromId?.valid) {
    if (fromId.birthDate === birthDate.value) birthDate.confidence = 1 - (1 - birthDate.confidence) * 0.2;
    else birthDate.issues = [...(birthDate.issues ?? []), 'birth_date_mismatch_id_number'];
  } else if (!birthDate && fromId?.valid && fromId.birthDate) {
    birthDate = { ...idNumber!, value: fromId.birthDate, issues: [] };
  }
  return { name, idNumber, address, birthDate };
}

// `娃名魏晓鸣`, `姓石魏晓鸣`: the card's first label with one character misread; `名孟勇`: its `姓` lost (a red stamp's
// frame across a pale blue label).
const MISREAD_NAME_LABEL = new RegExp(`^(?:[${CJK}]名|姓[${CJK}]|名)\\s*:?\\s*([${CJK}·]{2,6})$`);

/** The card's labels printed after the name (性别, 民族, 出生): the first line holding one is where the name stops. */
const AFTER_NAME = ['性别', '民族', '出生', '出生日期'];

/**
 * The name when its label was misread: the card prints the name first, so a line above 性别 (or 民族 or 出生, when a
 * stamp took 性别 too) that is a near-label and a name is read, but only as a guess for the clerk to confirm.
 */
function nameUnderMisreadLabel(ctx: DocumentContext): DraftField | undefined {
  const lines = allLines(ctx);
  const next = lines.findIndex((l) => l.hits.some((h) => AFTER_NAME.includes(h.form)));
  for (const line of next > 0 ? lines.slice(0, next) : []) {
    const m = MISREAD_NAME_LABEL.exec(line.flat);
    const reading = m ? readPersonName(m[1]) : null;
    if (reading) {
      const field = fieldFromLine(line, reading, LabelMatch.unlabelled, m![1]);
      field.issues = [...(field.issues ?? []), 'label_inferred'];
      return field;
    }
  }
  return undefined;
}

/** A line ending at a numbered room (`路105号11幢503室`): where an address ends. */
const ENDS_AT_ROOM = /[0-9A-Za-z]室$/;

// `佳址浙江省…`, `住扯浙江省…`: the card's address label with one character misread, the address glued after it.
const MISREAD_ADDRESS_LABEL = new RegExp(`^(?:[${CJK}]址|住[${CJK}])\\s*:?\\s*(.+)$`);

/**
 * The address when its label was misread: the card prints it after the birth date and before the ID number, so a line
 * there that opens with a near-label and goes on as an address is read with the lines it wraps onto, but only as a
 * guess for the clerk to confirm.
 *
 * @example
 * addressUnderMisreadLabel(ctx)?.value; // '浙江省温州市鹿城区文三路183号8幢2306室' from `佳址浙江省…文三` | `路183号…`
 */
function addressUnderMisreadLabel(ctx: DocumentContext): DraftField | undefined {
  for (const layout of ctx.layouts) {
    const birth = layout.lines.findIndex((l) => l.hits.some((h) => h.form === '出生日期' || h.form === '出生'));
    if (birth < 0) continue;
    const idAt = layout.lines.findIndex((l, i) => i > birth && l.hits.some((h) => /身份/.test(h.form)));
    for (const line of layout.lines.slice(birth + 1, idAt > birth ? idAt : undefined)) {
      const head = line.hits.length === 0 ? MISREAD_ADDRESS_LABEL.exec(line.flat) : null;
      if (!head) continue;
      // `住浙江省…`: the label's `址` lost, not misread; the character after `住` opens the address's province.
      const labelLength = addressOpensAfterHead(line.flat) ? 1 : 2;
      const value = labelLength === 1 ? line.flat.slice(1).replace(/^\s*:?\s*/, '') : head[1];
      // The value starts after the label's characters; its wrapped lines are set under it.
      const start = line.box.x + (line.box.width * labelLength) / line.flat.length;
      const column = { start, min: line.box.x, end: columnRight(layout, line) };
      const { lines: wrapped, more } = continuationLines(layout, line, column);
      // An address ends at its room (`…11幢503室`): a line under it is a watermark's or another value's.
      const room = [line, ...wrapped].findIndex((l) => ENDS_AT_ROOM.test(l.flat));
      const below = room < 0 ? wrapped : wrapped.slice(0, room);
      const raw = `${value}${below.map((l) => l.leading).join('')}`;
      const reading = readAddress(raw);
      if (!reading) continue;
      const field = fieldFromLine(mergeLines([line, ...below], raw), reading, LabelMatch.unlabelled, raw);
      field.issues = [...(field.issues ?? []), 'label_inferred', ...(more && room < 0 ? [VALUE_MAY_CONTINUE] : [])];
      return field;
    }
  }
  return undefined;
}

/**
 * True for `住` glued to an address that opens at its province with the character after it (`住浙江省…`): the
 * label's second character lost, where `住浙` read as the label would cut the province's head (`江省…`).
 */
function addressOpensAfterHead(flat: string): boolean {
  const rest = flat.slice(1);
  return flat.startsWith('住') && PROVINCE_UNIT.exec(rest)?.index === 0;
}

/** Lines of the card that name no person: its titles, printed on the front and the back. */
const CARD_WORDS = /中华人民共和国|居民身份证|身份证|签发机关|有效期限|公民身份号码/;

/**
 * The name when the engine lost its label altogether (a glare over `姓名`, a perspective photo's first characters): the
 * card prints the name first, alone on its row above 性别 / 民族 / 出生, so the one line there that is nothing but a
 * name with a known surname is read, as a guess for the clerk to confirm. Never two such lines: which is the name is
 * then not for the reader to say.
 */
function nameWithLabelLost(ctx: DocumentContext): DraftField | undefined {
  for (const page of ctx.layouts) {
    const anchor = page.lines.find((l) => l.hits.some((h) => AFTER_NAME.includes(h.form)));
    if (!anchor) continue;
    const found = page.lines
      .filter(
        (l) =>
          l.hits.length === 0 &&
          l.box.y + l.box.height / 2 < anchor.box.y &&
          anchor.box.y - l.box.y < anchor.box.height * 3 &&
          l.box.x < anchor.box.x + anchor.box.width &&
          !CARD_WORDS.test(l.flat) &&
          new RegExp(`^[${CJK}·]{2,4}$`).test(l.flat),
      )
      .map((l) => ({ line: l, reading: readPersonName(l.text) }))
      .filter((c) => c.reading?.plausibility === 1 && c.reading.value === c.line.flat);
    if (found.length !== 1) continue;
    const field = fieldFromLine(found[0].line, found[0].reading!, LabelMatch.unlabelled);
    field.issues = [...(field.issues ?? []), 'label_inferred'];
    return field;
  }
  return undefined;
}
