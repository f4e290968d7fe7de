import type { DraftField } from './document-context.js';

/**
 * The day a resident ID's holder turns sixteen (`YYYY-MM-DD`), from the birth date the number encodes; undefined when
 * the field holds no 18-character ID.
 *
 * @example
 * sixteenthBirthday({ value: '330106199003071234', … }); // '2006-03-07'
 */
export function sixteenthBirthday(idNumber: DraftField | undefined): string | undefined {
  const m = typeof idNumber?.value === 'string' ? /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(idNumber.value) : null;
  return m ? `${Number(m[1]) + 16}-${m[2]}-${m[3]}` : undefined;
}
