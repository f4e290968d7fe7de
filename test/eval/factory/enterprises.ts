import { creditCodeCheckCharacter } from '../../../shared/extraction/index.js';
import { registrationNumberCheckDigit } from '../../../shared/extraction/credit-code.js';
import { type CalendarDate, randomDate } from './dates.js';
import { makeAddress, makeName } from './people.js';
import type { Rng } from './random.js';

const BRANDS = [
  '云栖',
  '之江',
  '西溪',
  '钱塘',
  '灵隐',
  '龙井',
  '北山',
  '紫金',
  '万松',
  '明达',
  '恒信',
  '华创',
  '启航',
  '博远',
  '嘉禾',
  '卓越',
  '新锐',
  '同创',
  '智联',
  '汇通',
];
const TRADES = ['科技', '网络科技', '信息技术', '电子商务', '机械制造', '建筑工程', '餐饮管理', '家政服务', '物流', '电气设备', '汽车维修', '文化创意'];
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司'];
/** Unified-credit-code characters (GB 32100 leaves out I, O, Z, S, V). */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A plausible employer registered in Xihu. */
export interface Enterprise {
  name: string;
  creditCode: string;
  address: string;
  legalRepresentative: string;
  established: CalendarDate;
  capital: string;
  companyForm: string;
}

/**
 * A 统一社会信用代码 for an enterprise registered in Xihu: `91` + `330106` + a 9-character organisation code +
 * the GB 32100 check character (from shared/extraction).
 *
 * @example
 * makeCreditCode(new Rng(1)); // e.g. '91330106MA2GL1XK3P'
 */
export function makeCreditCode(rng: Rng): string {
  let org = rng.chance(0.7) ? 'MA2' : '';
  while (org.length < 9) org += rng.pick([...CODE_CHARS]);
  const body = `91330106${org}`;
  return body + creditCodeCheckCharacter(body);
}

/** @example makeEnterprise(new Rng(2)).name; // e.g. '杭州之江网络科技有限公司' */
export function makeEnterprise(rng: Rng): Enterprise {
  const form = rng.pick(FORMS);
  return {
    name: `杭州${rng.pick(BRANDS)}${rng.pick(TRADES)}${form}`,
    creditCode: makeCreditCode(rng),
    address: makeAddress(rng, '浙江省杭州市西湖区'),
    legalRepresentative: makeName(rng),
    established: randomDate(rng, 2003, 2019),
    capital: `${rng.pick([50, 100, 200, 500, 1000, 3000])}万元人民币`,
    companyForm: form === '股份有限公司' ? '其他股份有限公司(非上市)' : '有限责任公司(自然人投资或控股)',
  };
}

/**
 * A 15-digit 注册号 as licences printed it before 2016: the Xihu authority code 330106, an 8-digit sequence whose first
 * digit says the kind of registrant (0–3 domestic enterprises, 6–9 individual businesses) and the ISO 7064 MOD 11,10
 * check digit from shared/extraction/registration-number.ts.
 *
 * @example
 * makeRegistrationNumber(new Rng(1), 'enterprise'); // e.g. '330106000123453'
 */
export function makeRegistrationNumber(rng: Rng, registrant: 'enterprise' | 'individual'): string {
  const body = `330106${registrant === 'individual' ? rng.pick(['6', '7', '8']) : rng.pick(['0', '0', '1'])}${rng.digits(7)}`;
  return body + registrationNumberCheckDigit(body);
}
