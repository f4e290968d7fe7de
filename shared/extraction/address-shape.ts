import type { DraftField } from './document-context.js';

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

/** A suffix no address opens with: the name of its unit (`浙江省`, `西湖区`, `临安县`) or its number (`号`, `室`) stands first. */
const SUFFIX_FIRST = /^[省区县号幢栋层室]/u;

/** The longest name before `省` (`黑龙江省`). */
const PROVINCE_NAME_MAX = 3;
/** The longest text before a first `市` with no province marked (`浙江杭州市`, a province named without `省`). */
const CITY_HEAD_MAX = 4;

/**
 * What an address's shape says against it, cheaply and from its text alone: where its administrative parts open
 * (a province `…省` or a city `…市` as its first unit, no more than a name's length in) and that it does not open on
 * a suffix. An engine's lost or misread character inside a part is not seen here (the character's own score is).
 *
 * @example
 * addressShapeIssues('区三墩镇文三路169号'); // ['address_head_incomplete']
 * addressShapeIssues('罗丽鹏浙江省杭州市西湖区西园路523号'); // ['address_areas_out_of_order']
 * addressShapeIssues('浙江省杭州市西湖区文三路90号'); // []
 */
export function addressShapeIssues(value: string): string[] {
  const text = value.replace(/[\s\u3000]/gu, '');
  if (SUFFIX_FIRST.test(text)) return [ADDRESS_HEAD_INCOMPLETE];
  const firstUnit = /[省市区县]/u.exec(text);
  if (!firstUnit) return [];
  if (firstUnit[0] === '省' && firstUnit.index > PROVINCE_NAME_MAX) return [ADDRESS_AREAS_OUT_OF_ORDER];
  if (firstUnit[0] === '市' && firstUnit.index > CITY_HEAD_MAX) return [ADDRESS_AREAS_OUT_OF_ORDER];
  return [];
}

/**
 * Adds the issues of `addressShapeIssues` to an address field read as a value (a masked or missing one is left).
 *
 * @example
 * withAddressShapeChecked(address); // address.issues gains 'address_head_incomplete' for `区三墩镇…`
 */
export function withAddressShapeChecked<T extends DraftField | undefined>(field: T): T {
  if (!field || typeof field.value !== 'string') return field;
  const issues = addressShapeIssues(field.value);
  if (issues.length > 0) field.issues = [...(field.issues ?? []), ...issues];
  return field;
}
