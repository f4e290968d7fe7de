import type { DraftField } from './document-context.js';
import { ADDRESS_BELOW_AREA } from './value-readers.js';

/**
 * Issue on an address that opens with an administrative unit's suffix (`区三墩镇文三路…`): the unit's name before it
 * was lost (an engine's cut head, a wrap's first line not joined).
 */
export const ADDRESS_HEAD_INCOMPLETE = 'address_head_incomplete';

/**
 * Issue on an address with more text before its first administrative unit than a unit's name holds (`罗丽鹏浙江省…`,
 * `业务专肇杭州市…`): another value's or a stamp's words run into it, its parts out of order.
 */
export const ADDRESS_AREAS_OUT_OF_ORDER = 'address_areas_out_of_order';

/**
 * Issue on an address read from its province on (`浙江省…`), the text before it (`罗丽鹏`, `2009年06月19日`,
 * `100万元人民币`: another value run into it) cut off as a guess the clerk confirms.
 */
export const ADDRESS_HEAD_INFERRED = 'address_head_inferred';

/**
 * Issue on an address read up to its room (`…3幢606室`), the text after it (`报使`, a watermark's piece; `9`, `业务专角章`,
 * a seal's lettering the engine boxed with the wrap) cut off as a guess the clerk confirms.
 */
export const ADDRESS_TAIL_INFERRED = 'address_tail_inferred';

/**
 * Issue on an address whose floor or room is numbered by a character no number is written with (`12幢验层2801室`: the
 * floor's `19` read as one character, each at a confident score): the number was misread.
 */
export const ADDRESS_NUMBER_UNREADABLE = 'address_number_unreadable';

/**
 * A floor or a room (`层`, `室`) right after a numbered building (`12幢`, `3号`, `5单元`) whose number is one character
 * that is neither a digit nor a word a floor or a room is named by (`一`…`十`, `负`, `地`, `首`, `底`, `顶`, `夹`, `裙`,
 * a side `东`…`北`, `整`, `全`): the number's digits misread as a character. Addresses write a floor and a room with
 * digits or Chinese numerals (《地名标志》 GB 17733-2008 房号 and 楼层: 阿拉伯数字 or 汉字数字).
 */
const UNIT_NUMBER_MISREAD = /[0-9A-Za-z](?:号|幢|栋|楼|座|单元)(?![一二三四五六七八九十〇零两负地首底顶夹裙半东西南北中上下前后整全楼])[\u3400-\u9fff][层室]/u;

/**
 * A numbered room, then text that is no further part of an address: no unit, no bracket, no list of rooms (`…606室报使`,
 * `…1706室9`, `…2007室8~`). A room is where an address ends.
 */
const TEXT_AFTER_ROOM = /^(.*[0-9A-Za-z]室)([^室号幢栋层楼座单元(（、，,]{1,8})$/u;

/**
 * A whole date, a term from one (`2011-08-07至长期`) or a sum after an address's last unit: the next row's value
 * joined as the address's wrap (a page whose values sit half a row off their labels). No address goes on with one.
 */
const VALUE_AFTER_UNIT = /^(.*[0-9A-Za-z][室号幢栋层楼座])((?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:至.*)?)|(?:人民币)?\d+(?:\.\d+)?万元(?:人民币)?)$/u;

/** A province-level unit by its full name: where an address opens (`浙江省`, `广西壮族自治区`, `上海市`). */
export const PROVINCE_UNIT = new RegExp(
  '(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾)省|' +
    '(?:内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔)自治区|(?:北京|天津|上海|重庆)市',
  'u',
);
/** What may stand before a province in an address of its own: the country. */
const COUNTRY_HEAD = /^中(?:国|华人民共和国)$/u;
/** A whole date or a registered capital opening an address that starts with an area after it: a neighbour's value. */
const VALUE_BEFORE_AREA = /^(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?:人民币)?\d+(?:\.\d+)?万?元(?:人民币)?)(?=[㐀-鿿]{1,8}?[省市区县])/u;

/** A suffix no address opens with: the name of its unit (`浙江省`, `西湖区`, `临安县`) or its number (`号`, `室`) stands first. */
const SUFFIX_FIRST = /^[省区县号幢栋层室]/u;

/** The longest name before `省` (`黑龙江省`). */
const PROVINCE_NAME_MAX = 3;
/** The longest text before a first `市` with no province marked (`浙江杭州市`, a province named without `省`). */
const CITY_HEAD_MAX = 4;

/**
 * What an address's shape says against it, cheaply and from its text alone: where its administrative parts open
 * (a province `…省` or a city `…市` as its first unit, no more than a name's length in), that it does not open on
 * a suffix, and that a floor or a room after a numbered building is numbered. Another misread character inside a
 * part is not seen here (the character's own score is).
 *
 * @example
 * addressShapeIssues('区三墩镇文三路169号'); // ['address_head_incomplete']
 * addressShapeIssues('罗丽鹏浙江省杭州市西湖区西园路523号'); // ['address_areas_out_of_order']
 * addressShapeIssues('浙江省杭州市西湖区文三路90号'); // []
 * addressShapeIssues('浙江省杭州市西湖区古墩路918号12幢验层2801室'); // ['address_number_unreadable']
 */
export function addressShapeIssues(value: string): string[] {
  const text = value.replace(/[\s\u3000]/gu, '');
  const numbers = UNIT_NUMBER_MISREAD.test(text) ? [ADDRESS_NUMBER_UNREADABLE] : [];
  return [...headIssues(text), ...numbers];
}

/** Where an address's administrative parts open: on a suffix, or past a name's length in. */
function headIssues(text: string): string[] {
  if (SUFFIX_FIRST.test(text)) return [ADDRESS_HEAD_INCOMPLETE];
  if (foreignHeadLength(text) > 0) return [ADDRESS_AREAS_OUT_OF_ORDER];
  const firstUnit = /[省市区县]/u.exec(text);
  if (!firstUnit) return [];
  if (firstUnit[0] === '省' && firstUnit.index > PROVINCE_NAME_MAX) return [ADDRESS_AREAS_OUT_OF_ORDER];
  if (firstUnit[0] === '市' && firstUnit.index > CITY_HEAD_MAX) return [ADDRESS_AREAS_OUT_OF_ORDER];
  return [];
}

/**
 * How many characters of text open an address before where it must begin: before a province named in full
 * (`罗丽鹏浙江省…`, `日浙江省…`; the country `中国` aside), or a whole date or sum before its first area
 * (`2009年06月19日杭州市…`). 0 when it opens where an address does.
 */
function foreignHeadLength(text: string): number {
  const province = PROVINCE_UNIT.exec(text);
  if (province && province.index > 0 && !COUNTRY_HEAD.test(text.slice(0, province.index))) return province.index;
  return VALUE_BEFORE_AREA.exec(text)?.[0].length ?? 0;
}

/**
 * Adds the issues of `addressShapeIssues` to an address field read as a value (a masked or missing one is left); an
 * address with another value's text before where it must begin is read from there, flagged `address_head_inferred`;
 * one with text after its room number, or a date, term or sum after its last unit, is read up to there, flagged
 * `address_tail_inferred`.
 *
 * @example
 * withAddressShapeChecked(address); // address.issues gains 'address_head_incomplete' for `区三墩镇…`
 */
export function withAddressShapeChecked<T extends DraftField | undefined>(field: T): T {
  if (!field || typeof field.value !== 'string') return field;
  const text = field.value.replace(/[\s\u3000]/gu, '');
  const head = foreignHeadLength(text);
  // Text run in before where the address must begin is another value's (or a stamp's): the address is read from there.
  if (head > 0 && ADDRESS_BELOW_AREA.test(text.slice(head))) {
    field.value = text.slice(head);
    field.issues = [...(field.issues ?? []), ADDRESS_HEAD_INFERRED];
    return field;
  }
  // Text after the room number is a neighbour's (a watermark's or a seal's piece joined with the wrap): cut at the room.
  // So is a date, a term or a sum after the last unit (the next row's value joined as a wrap).
  const room = VALUE_AFTER_UNIT.exec(text) ?? TEXT_AFTER_ROOM.exec(text);
  if (room) {
    field.value = room[1];
    field.issues = [...(field.issues ?? []), ADDRESS_TAIL_INFERRED];
  }
  const issues = addressShapeIssues(field.value);
  if (issues.length > 0) field.issues = [...(field.issues ?? []), ...issues];
  return field;
}
