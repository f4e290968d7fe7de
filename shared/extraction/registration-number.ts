/**
 * The 15-digit 注册号 of business licences issued before the 统一社会信用代码 (GB 32100, 2016): 6 digits of the
 * registering authority's region, 8 digits of sequence, and an ISO 7064 MOD 11,10 check digit (工商行政管理注册号
 * 编制规则, GS 15-2006).
 */

/** The ISO 7064 MOD 11,10 running value after the given digits (starts at 10). */
function mod1110(digits: string): number {
  let p = 10;
  for (const c of digits) {
    const d = c.charCodeAt(0) - 48;
    if (d < 0 || d > 9) throw new Error(`not a digit: ${c}`);
    let s = (p + d) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return p;
}

/**
 * The check digit of a 15-digit 注册号 for its first 14 digits.
 *
 * @example
 * registrationNumberCheckDigit('33010600012345'); // one digit 0–9
 */
export function registrationNumberCheckDigit(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new Error('a 注册号 body is 14 digits');
  return String((11 - mod1110(first14)) % 10);
}

/**
 * Whether a 15-digit 注册号 carries a valid ISO 7064 MOD 11,10 check digit.
 *
 * @example
 * isValidRegistrationNumber('330106000123453'); // true or false
 */
export function isValidRegistrationNumber(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  const p = mod1110(value.slice(0, 14));
  return (p + Number(value[14])) % 10 === 1;
}
