import { residentIdCheckCharacter } from '../../../shared/extraction/index.js';
import { type CalendarDate, randomDate } from './dates.js';
import type { Rng } from './random.js';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤俞',
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '慕容', '令狐', '司徒', '公孙', '夏侯', '尉迟'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉鹏飞玲晓红志海燕雪梅林斌宇浩凯佳琪欣怡子涵思远嘉俊晨阳婷雨萱梓轩博文一鸣振宇慧颖'];

/** Regions ID numbers start with, and the address each stands for (Xihu first: most claimants live or work there). */
const REGIONS: readonly { code: string; address: string }[] = [
  { code: '330106', address: '浙江省杭州市西湖区' },
  { code: '330102', address: '浙江省杭州市上城区' },
  { code: '330105', address: '浙江省杭州市拱墅区' },
  { code: '330108', address: '浙江省杭州市滨江区' },
  { code: '330110', address: '浙江省杭州市余杭区' },
  { code: '330302', address: '浙江省温州市鹿城区' },
  { code: '330621', address: '浙江省绍兴市柯桥区' },
  { code: '340104', address: '安徽省合肥市蜀山区' },
  { code: '362502', address: '江西省抚州市临川区' },
  { code: '410105', address: '河南省郑州市金水区' },
  { code: '421002', address: '湖北省荆州市沙市区' },
  { code: '510107', address: '四川省成都市武侯区' },
];
const STREETS = ['文三路', '天目山路', '古墩路', '文一西路', '教工路', '学院路', '莫干山路', '解放路', '人民路', '建设路', '中山路', '和平路'];
const ETHNICITIES = ['汉', '汉', '汉', '汉', '汉', '回', '畲', '土家', '苗'];

/** A plausible claimant. */
export interface Person {
  name: string;
  sex: '男' | '女';
  ethnicity: string;
  birth: CalendarDate;
  idNumber: string;
  address: string;
}

/**
 * A Chinese name: mostly single-character surnames, some compound (欧阳, 诸葛, …), given names of one or two
 * characters, so two-, three- and four-character names all occur.
 *
 * @example
 * makeName(new Rng(1)); // e.g. '欧阳晓明'
 */
export function makeName(rng: Rng): string {
  const surname = rng.chance(0.15) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(SURNAMES);
  const givenLength = rng.chance(0.3) ? 1 : 2;
  let given = '';
  for (let i = 0; i < givenLength; i++) given += rng.pick(GIVEN);
  return surname + given;
}

/** A street address under a region prefix. @example makeAddress(rng, '浙江省杭州市西湖区'); */
export function makeAddress(rng: Rng, region: string): string {
  return `${region}${rng.pick(STREETS)}${rng.int(1, 399)}号${rng.int(1, 30)}幢${rng.int(1, 24)}0${rng.int(1, 6)}室`;
}

/**
 * A person with a valid resident ID number (region, birth date, sequence whose parity is the sex, GB 11643 check
 * character from shared/extraction).
 *
 * @example
 * makePerson(new Rng(3)).idNumber; // 18 characters that pass validateResidentId
 */
export function makePerson(rng: Rng): Person {
  const region = rng.pick(REGIONS);
  const birth = randomDate(rng, 1968, 2002);
  const sex = rng.chance(0.5) ? '男' : '女';
  let sequence = rng.int(0, 99) * 10 + rng.int(0, 9);
  if ((sequence % 2 === 1) !== (sex === '男')) sequence = (sequence + 1) % 1000;
  const body = `${region.code}${birth.year}${String(birth.month).padStart(2, '0')}${String(birth.day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  return {
    name: makeName(rng),
    sex,
    ethnicity: rng.pick(ETHNICITIES),
    birth,
    idNumber: body + residentIdCheckCharacter(body),
    address: makeAddress(rng, region.address),
  };
}
