import { validateCreditCode } from './credit-code.js';
import { readEmployerName, type ValueReader } from './value-readers.js';

/**
 * A document's own title as printed over a contract (`劳动合同书`, `劳动合同（简易版）`, `劳务派遣协议书`,
 * `聘用合同`): the name of the paper, never a party's.
 */
const DOCUMENT_TITLE = /^(?:劳动|劳务|劳务派遣|聘用|聘任|用工|实习|就业)?(?:合同|协议)书?(?:[(（][\u3400-\u9fff]{1,6}[)）])?$/;

/**
 * Whether `text` is a contract's title rather than a name.
 *
 * @example
 * isContractTitle('劳动合同(简易版)'); // true
 */
export function isContractTitle(text: string): boolean {
  return DOCUMENT_TITLE.test(text.replace(/\s/g, ''));
}

/**
 * A contract's employer: an organisation's name, never the contract's title. The title is printed large over the
 * first label (`劳动合同书` over `用人单位：`); read as the employer it stops the search before the value stacked
 * under the label (`杭州启航机械制` | `造有限公司`) is tried.
 *
 * @example
 * readContractEmployerName('劳动合同书'); // null
 * readContractEmployerName('杭州启航机械制造有限公司')?.value; // '杭州启航机械制造有限公司'
 */
export const readContractEmployerName: ValueReader = (text) => {
  const reading = readEmployerName(withoutCreditCode(text));
  return reading && typeof reading.value === 'string' && isContractTitle(reading.value) ? null : reading;
};

/** Eighteen characters of a credit code's set, standing apart from other letters and digits. */
const CODE_RUN = /(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/g;

/**
 * `text` without a credit code the engine boxed into it: a name's first line glued to the code printed beside it in
 * the next column (`浙江嘉禾汽车91330106MA2BC6AY35`, its wrap `维修供应链服` | `务有限公司` under it). Only a run that
 * passes the code's check is taken out; nothing of the name is.
 *
 * @example
 * withoutCreditCode('浙江嘉禾汽车91330106MA2BC6AY35'); // '浙江嘉禾汽车'
 */
export function withoutCreditCode(text: string): string {
  return text.replace(CODE_RUN, (run) => (validateCreditCode(run).valid ? '' : run));
}
