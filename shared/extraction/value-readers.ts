import {
  readCertificateNumber,
  readCreditCode,
  readRegistrationNumberLookalikes,
  readResidentId,
  CorrectionReason,
  CREDIT_CODE_CHECK,
  REGISTRATION_NUMBER_CHECK,
  residentIdCheck,
  type CodeCheck,
} from './code-reading.js';
import { validateRegistrationNumber } from './credit-code.js';
import { residentIdCheckCharacter } from './resident-id.js';
import { findDates } from './dates.js';
import { parseLevel } from './levels.js';
import { DATE_LETTER_DIGIT_INFERRED, DATE_SEPARATOR_INFERRED, findLetterDigitDate, findSeparatorLostDate } from './misread-dates.js';
import { LABEL_FORMS, LABEL_PREFIXES } from './labels.js';
import { endAtNextProseField, withoutSealCharacter, withoutStampRemark } from './stamped-words.js';
import { DATE_YEAR_MISREAD, findMisreadYearDate } from './misread-years.js';
import { CJK, trimValue, withoutSpaces } from './text.js';

/** How much a value's own form proves it was read right. */
export const Evidence = {
  /** A check character passed: an OCR error would almost surely have been caught. */
  checksum: 'checksum',
  /** A check failed: the value is wrong or misread. */
  failed: 'failed',
  /** Only the shape was checked (dates, levels, names): a misread character can still look valid. */
  shape: 'shape',
} as const;
export type EvidenceKind = (typeof Evidence)[keyof typeof Evidence];

/** A value read from a piece of text by one of the readers below. */
export interface Reading {
  value: string | number | null;
  evidence: EvidenceKind;
  /** 0–1: how typical the value looks for its field (a known surname, an organisation suffix, ...). */
  plausibility: number;
  issues: string[];
  correction?: { from: string; reason: string };
  /** The level reading named the level twice, consistently. */
  corroborated?: boolean;
  /**
   * Set on a code whose check failed: the code as read and its checks, for the engine's second choices to be tried
   * where the line is known (`second-choices.ts`); `keptIssues` are the issues a value that passes still carries.
   */
  recheck?: { read: string; check: CodeCheck; keptIssues?: string[] };
}

export type ValueReader = (text: string) => Reading | null;

const ok = (value: string | number, plausibility = 1, evidence: EvidenceKind = Evidence.shape): Reading => ({
  value,
  evidence,
  plausibility,
  issues: [],
});

// The commonest surnames (covering well over 90 % of people) and the compound ones; a name outside them is read
// with lower confidence, not rejected.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'.split(
    '',
  ),
);
export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '西门',
  '南宫',
  '独孤',
  '百里',
  '呼延',
  '申屠',
  '万俟',
  '澹台',
  '闻人',
  '轩辕',
  '钟离',
  '宗政',
  '濮阳',
  '太史',
  '仲孙',
  '第五',
];

/**
 * Compound surnames as the engine misreads them, one character swapped for its look-alike (`夏候` for 夏侯: 亻 and its
 * near twin with a stroke more; `上宫` for 上官, `令孤` for 令狐, `独狐` for 独孤, `皇浦` for 皇甫, `欧阴` for 欧阳). The misread
 * form is no name's start in use: its second character is not given to people (候, 宫, 孤 after 令, 狐, 浦, 阴).
 */
const COMPOUND_SURNAME_MISREADS: Readonly<Record<string, string>> = {
  夏候: '夏侯',
  上宫: '上官',
  令孤: '令狐',
  独狐: '独孤',
  皇浦: '皇甫',
  欧阴: '欧阳',
};

/**
 * Single surnames the engine reads as a traditional character it also knows (`會` for 曾: the same frame with the top
 * strokes of 人 for 八), seen on clean renders, scans and faint copies alike. The misread form is no surname in use on a
 * simplified-Chinese document (会 is the simplified surname, and rare).
 */
const SURNAME_MISREADS: Readonly<Record<string, string>> = { 會: '曾' };

/** Issue on a name whose compound surname was read with a look-alike and put right: the clerk checks the name. */
export const NAME_SURNAME_LOOK_ALIKE = 'person_name_surname_look_alike_inferred';

// Forms of address set after a name; never a character of the name itself (君, 生, 士 end real given names: 吕伊君).
const NAME_SUFFIX = /(同志|先生|女士|老师)$/;

/** Characters uploaders and printers use to bar out part of a value. */
// A lone dot is the separator of a minority name (`买买提•艾力`), so dots count only two or more in a row.
const MASK_RUN = '(?:[*＊■×○◯]+|[●•]{2,})';
const MASKED_NAME = new RegExp(`^[${CJK}]{0,3}${MASK_RUN}`);
const MASKED_NUMBER = new RegExp(`\\d{2,}${MASK_RUN}|${MASK_RUN}\\d{2,}|\\d{4,}[xX]{3,}`);
// A certificate number's letters and digits with a mask inside or at either end; a lone leader (`*` before the whole
// number) masks nothing.
const MASKED_CERTIFICATE_NUMBER = new RegExp(`[0-9A-Za-z]{2,}${MASK_RUN}|(?:[*＊■×]{2,}|[●•]{2,})[0-9A-Za-z]{2,}`);

/** A run of mask characters inside free text (addresses, organisation names): three or more, two for `**`/`■■`. */
const MASKED_TEXT = /[*＊■]{2,}|[●•○◯×]{3,}/;
/**
 * A star or a block anywhere in an address: no address is written with one, so even one left of a masked run (stars
 * the engine read as one `*` and a dot, `浙江省杭州*·` | `204室`) is a mask.
 */
const MASKED_ADDRESS = /[*＊■]/;

/** Issue on a value barred out or blurred by the uploader: missing, never guessed from what is left. */
export const VALUE_MASKED = 'value_masked';

const masked = (): Reading => ({ value: null, evidence: Evidence.failed, plausibility: 1, issues: [VALUE_MASKED] });
const NAME_RUN = new RegExp(`^[${CJK}·]{2,12}`);

/** A whole resident ID number with a name of two to five characters right after it, nothing else. */
const ID_BEFORE_NAME = new RegExp(`^(\\d{17}[\\dXx])([${CJK}·]{2,5})$`);

/** Issue on a minority name with a part of one character (`阿依古丽·吾`): the part was cut, the clerk reads it whole. */
export const NAME_PART_CUT = 'person_name_part_incomplete';

/** Issue on a person's name that is only a surname: the given name was cut off, the clerk reads it whole. */
export const NAME_SURNAME_ONLY = 'person_name_incomplete';

/**
 * A person's name: the leading run of Chinese characters (a middle dot allowed for minority names), honorifics
 * dropped. Plausibility falls for unknown surnames and unusual lengths.
 *
 * @example
 * readPersonName('王 晓 明 同志')?.value; // '王晓明'
 */
export const readPersonName: ValueReader = (text) => {
  // An English gloss before the value (`Name 王晓明`) is not part of it.
  const spaced = withoutSpaces(trimValue(text.replace(/^[\sA-Za-z.:/]+(?=[\u3400-\u9fff])/, '')));
  // The ID number of the grid cell before it boxed on (`410105197612062647雷华鹏`, two cells run together): the name
  // after a whole number whose check character passes, the cut a guess the clerk confirms.
  const glued = ID_BEFORE_NAME.exec(spaced);
  if (glued && residentIdCheckCharacter(glued[1].slice(0, 17)) === glued[1][17].toUpperCase()) {
    const after = readPersonName(glued[2]);
    return after?.value ? { ...after, issues: [...after.issues, 'value_boundary_inferred'] } : after;
  }
  const t = spaced;
  // A name partly barred out (`王*明`, `王**`) is missing: what is left is not the name.
  if (MASKED_NAME.test(t)) return masked();
  const m = NAME_RUN.exec(t);
  if (!m) return null;
  let name = m[0].length > 2 ? m[0].replace(NAME_SUFFIX, '') : m[0];
  // A dash leader before the name read as `一` (`－－雷雪`): no surname, the rest a name that starts with one. Cut
  // before the length is judged: `一令狐勇一` is a four-character name after its leader.
  const leader = name.length >= 3 && name[0] === '一' && (SURNAMES.has(name[1]) || COMPOUND_SURNAMES.some((s) => name.startsWith(s, 1)));
  if (leader) name = name.slice(1);
  if (name.length > 4 && !name.includes('·')) {
    // A long run opening with a province, city or district is an organisation or an address (浙江经济职业技术学院:
    // 经 is no particle there), never a person followed by prose.
    if (PLACE_PREFIX.test(name)) return null;
    // Longer runs are prose ("王晓明同志于…") or not a name at all.
    const cut = /^(.{2,4}?)(同志|先生|女士|于|在|为|经|自|因|系|是|,)/.exec(name);
    if (!cut) return null;
    name = cut[1];
  }
  if (name.length < 2) return null;
  const compoundMisread = name.length >= 3 ? COMPOUND_SURNAME_MISREADS[name.slice(0, 2)] : undefined;
  const singleMisread = SURNAME_MISREADS[name[0]];
  const misread = compoundMisread ?? singleMisread;
  if (compoundMisread) name = compoundMisread + name.slice(2);
  else if (singleMisread) name = singleMisread + name.slice(1);
  // A label or its first characters (`社保` of 社保号码, `姓名`) read where a name was looked for is no name.
  if (LABEL_PREFIXES.has(name)) return null;
  // A form of address alone (`同志` after `兹证明` where the name was blurred out) names nobody.
  if (/^(同志|先生|女士|小姐|同学|老师)$/.test(name)) return null;
  // A piece of an organisation's name (`有限公司` from a seal, `技师学院`) is not a person.
  if (/(公司|集团|学校|学院|大学|中心|协会|银行|工厂)$/.test(name)) return null;
  const rest = t.slice(m[0].length);
  const surnameKnown = SURNAMES.has(name[0]) || COMPOUND_SURNAMES.some((s) => name.startsWith(s));
  // A minority name transliterated in parts of two characters or more, joined by the middle dot (`热依拉·哈力克`,
  // `帕提古丽·热合曼`), starts with no Han surname: the dot between whole parts is its shape.
  const transliterated = name.includes('·') && name.split('·').every((part) => [...part].length >= 2);
  let plausibility = surnameKnown || transliterated ? (leader ? 0.85 : 1) : 0.8;
  if (name.length === 4 && !COMPOUND_SURNAMES.some((s) => name.startsWith(s))) plausibility *= 0.92;
  // A minority name's parts are transliterations of two characters or more (`阿依古丽·吾拉木`): a part of one was cut
  // (`阿依古丽·吾`, its rest wrapped onto the next line of a narrow cell), or the dot is a speck.
  const dotted = name.includes('·') && name.split('·').some((part) => [...part].length < 2);
  if (dotted) plausibility *= 0.8;
  // Trailing letters or digits glued to the name suggest the line held more than the name.
  if (/^[A-Za-z0-9]/.test(rest)) plausibility *= 0.8;
  // A compound surname alone (`令狐`, `东方`) is no one's whole name: the given name was cut or lost.
  if (COMPOUND_SURNAMES.includes(name)) return { ...ok(name, plausibility), issues: [NAME_SURNAME_ONLY] };
  if (misread) return { ...ok(name, plausibility), issues: [NAME_SURNAME_LOOK_ALIKE] };
  if (dotted) return { ...ok(name, plausibility), issues: [NAME_PART_CUT] };
  return ok(name, plausibility);
};

/**
 * Words a registered organisation's name ends with: legal forms (a partnership's `合伙企业（普通合伙）`, a sole
 * proprietorship's `个人独资企业`) and the words of bodies and shops. `工作室` (a studio)
 * ends the registered names of many 个体工商户 (`杭州西湖区某某设计工作室`): a word of the trade's form, as 店 and 部 are.
 */
const ORG_SUFFIX =
  /(有限责任公司|股份有限公司|有限公司|公司|企业|集团|厂|中心|学校|学院|大学|中学|技校|局|站|所|院|协会|学会|委员会|合作社|店|部|事务所|商行|馆|社|办公室|工作室|办|处|队|园|会|厅|组织|基地|场)([(（][^()（）]*[)）])?$/u;

// A name that starts inside its own legal-form suffix (`份有限公司`, `限公司`) lost its head at an edge or under a seal.
const ORG_FRAGMENT_START = /^(份有限|限责任|限公司|司$|责任公司|有限公司|股份有限公司|公司)/;

/**
 * `有限` not going on as a legal form does (`有限公司`, `有限责任公司`, `有限合伙`), or a legal form that lost a
 * character (`…服务股有限公司` for 股份有限公司, `有限任公司`, `有责任公司`), or one with a character misread inside it
 * (`有隈公司`, `冇限公司`, `有限责仼公司`, `股伤有限公司`: the engine sure of a wrong character); `控股有限公司` is a form of
 * its own.
 */
const BROKEN_LEGAL_FORM =
  /有限(?![公责合])[\u3400-\u9fff]{1,2}公司|(?<![控持参])股有限公司|有限任公司|有责任公司|限责公司|有(?!限)[\u3400-\u9fff]公司|(?<!有)限公司|有限责(?!任)[\u3400-\u9fff]公司|(?<!股)份有限公司|股(?![份有])[\u3400-\u9fff]有限公司/u;

/** A complete company name, then nothing but a company form (the 类型 of a licence). */
const COMPANY_FORM_AFTER_NAME =
  /^(.{4,}?(?:有限责任公司|股份有限公司|有限公司|分公司))((?:有限责任公司|股份有限公司|有限公司|个人独资企业|合伙企业|个体工商户|全民所有制|集体所有制)(?:分公司)?(?:\([^)]*\))?)$/;

/** Provinces, large cities and Hangzhou's districts and counties that begin registered organisation names. */
export const PLACE_PREFIX = new RegExp(
  '^(中国|中华|国家|全国|浙江|杭州|西湖|上城|拱墅|滨江|萧山|余杭|临平|钱塘|富阳|临安|桐庐|淳安|建德|宁波|温州|嘉兴|湖州|绍兴|' +
    '金华|衢州|舟山|台州|丽水|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|安徽|福建|江西|山东|河南|湖北|湖南|广东|' +
    '海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|深圳|广州|南京|苏州|武汉|成都|西安|厦门|' +
    '合肥|郑州|长沙|济南|青岛|大连|沈阳|哈尔滨|长春|福州|南昌|昆明|贵阳|南宁|太原|石家庄|兰州|乌鲁木齐|呼和浩特|银川|西宁|拉萨|海口)',
);

/** Set phrases of organisation names; a name holding part of one but not all of it lost characters (under a seal). */
// Only pieces that are not words of their own (`人力资源`, `有限公司` are), so a whole name never matches by accident.
const ORG_PHRASE_GRAMS: ReadonlyArray<{ phrase: string; gram: string }> = [
  ...['力资源和', '资源和社', '源和社会', '和社会保'].map((gram) => ({ phrase: '人力资源和社会保障', gram })),
  ...['场监督管'].map((gram) => ({ phrase: '市场监督管理', gram })),
  ...['能力建设指', '设指导服'].map((gram) => ({ phrase: '职业能力建设指导服务', gram })),
];

/** True when the name holds a four-character piece of a set phrase but not the phrase. */
export function looksTruncated(name: string): boolean {
  return ORG_PHRASE_GRAMS.some(({ phrase, gram }) => name.includes(gram) && !name.includes(phrase));
}

/**
 * A form copy's mark after a name: `(存档联)`, `(存根)`, `(第二联)`, `(副本)`, `(回执)`; any part of a form of several
 * (a bracketed word of up to three characters ending in 联: `(记账联)`, and `(在精联)`, `存档联` as a photo misread it).
 */
export const COPY_MARK = /[(（](?:[\u3400-\u9fff\d]{1,3}联|存根|[正副]本|回执)[)）]$/u;

/** A date's month and day, or its day alone, as a wrapped date's last line holds them (`月二十八日`, `12月5日`). */
const DATE_TAIL = /^(?:[〇零一二三四五六七八九十\d]{0,3}月)?[〇零一二三四五六七八九十廿卅\d]{1,3}[日号]$/;

/**
 * An organisation's name: the text with seal/signature remarks removed. Plausibility is full only when it ends with
 * an organisation suffix (有限公司, 学校, 局, ...).
 *
 * @example
 * readOrganisationName('杭州西子智能科技有限公司(盖章)')?.value; // '杭州西子智能科技有限公司'
 */
/** A name of four characters or more ending in a Chinese character, then digits and date marks only (`2021/2/13`). */
const NUMBER_AFTER_NAME = new RegExp(`^(.{3,}[${CJK}])(\\d[\\d/.\\-年月日]{3,})$`);

export const readOrganisationName: ValueReader = (text) => {
  if (MASKED_TEXT.test(withoutSpaces(text))) return masked();
  let t = withoutSpaces(trimValue(text)).replace(/[(（]?(盖章|公章|签章|章)[)）]?$/, '');
  t = t.replace(/[。.]$/, '');
  // In running text the name ends where the sentence defines it (`…有限公司(以下简称甲方)、学生…`): a sure boundary.
  const defined = /^(.{4,}?)[(（]?(以下简称|下称|以下称)/.exec(t);
  if (defined) t = defined[1];
  // A mark of which copy the paper is (`杭州…学校（存档联）` in a form's footer or header) names the form's printer or
  // keeper, not the party of a field: the name is kept, the clerk says whether it is that party.
  const copyMark = COPY_MARK.exec(t);
  if (copyMark && copyMark.index >= 4) {
    const rest = readOrganisationName(t.slice(0, copyMark.index));
    return rest ? { ...rest, issues: [...rest.issues, 'organisation_copy_mark_inferred'] } : null;
  }
  let boundaryGuessed = false;
  if (/[，,。;；、]/.test(t)) {
    // A name never holds sentence punctuation: keep what comes before it if that ends like an organisation, but the
    // cut is a guess, so the value must not pass unreviewed.
    const head = /^([^，,。;；、]{4,})[，,。;；、]/.exec(t)?.[1];
    if (!head || !ORG_SUFFIX.test(head)) return null;
    t = head;
    boundaryGuessed = true;
  }
  if (t.length < 4 || !new RegExp(`[${CJK}]{2}`).test(t)) return null;
  if (/^\d/.test(t) || /\d{4}年|\d+[日月号]前/.test(t)) return null;
  // A date spelled in Chinese numerals (`二〇二一年十月十四日`, the value of the caption under it) is no name either.
  if (findDates(t).some((d) => d.length >= t.length - 1)) return null;
  // … nor the tail of a date wrapped from another field (`二〇二一年十二` | `月二十八日`).
  if (DATE_TAIL.test(t)) return null;
  // A label glued before the name (`名称杭州紫金科技股份有限公司`): no registered name starts with a label and then a
  // place. Keep the name; which label it was is a guess the clerk confirms.
  const glued = LABEL_FORMS.find((l) => l.form.length >= 2 && t.startsWith(l.form) && PLACE_PREFIX.test(t.slice(l.form.length)));
  if (glued) {
    const rest = readOrganisationName(t.slice(glued.form.length));
    return rest ? { ...rest, issues: [...rest.issues, 'label_before_value_inferred'] } : null;
  }
  // A whole name followed by a company form (`…服务有限公司` | `有限责任公司(自然人投资或控股)`): the form is the
  // 类型 printed beside or under it, joined as if it continued the name. Keep the name; where it ends is a guess.
  const form = COMPANY_FORM_AFTER_NAME.exec(t);
  if (form) return { value: form[1], evidence: Evidence.shape, plausibility: 0.8, issues: ['organisation_name_boundary_inferred'] };
  // One character a seal left after a whole name (`…社会保障局抄`): keep the name; where it ends is a guess.
  const sealed = withoutSealCharacter(t);
  if (sealed) return { value: sealed, evidence: Evidence.shape, plausibility: 0.8, issues: ['organisation_name_boundary_inferred'] };
  // A date or a number after a whole name (`…培训中心202172/13`, the issue date under the issuer, misread, joined as
  // its wrap): no organisation's name ends in digits after its suffix. Keep the name; where it ends is a guess.
  const numbered = NUMBER_AFTER_NAME.exec(t);
  if (numbered && ORG_SUFFIX.test(numbered[1])) {
    return { value: numbered[1], evidence: Evidence.shape, plausibility: 0.8, issues: ['organisation_name_boundary_inferred'] };
  }
  const suffixed = ORG_SUFFIX.test(t);
  // Four characters or fewer without an organisation suffix is a person's name, not an organisation.
  if (!suffixed && t.length <= 4) return null;
  if (looksTruncated(t) || ORG_FRAGMENT_START.test(t)) {
    return { value: t, evidence: Evidence.shape, plausibility: 0.6, issues: ['organisation_name_incomplete'] };
  }
  // A legal form broken by a character no form holds (`…服务有限类公司`: a spread label's head `类` of `类　型` glued
  // to the line before the wrap `公司`): which characters are the name's cannot be told; the clerk reads it.
  if (BROKEN_LEGAL_FORM.test(t)) return { value: t, evidence: Evidence.shape, plausibility: 0.6, issues: ['organisation_name_incomplete'] };
  const issues = completenessIssues(t);
  if (issues.length > 0) return { ...ok(t, 0.8), issues };
  // Registered names start with the place of registration, or set it in brackets after the trade name
  // (`紫金（杭州）网络科技…有限公司`); one that does neither may have lost its first characters.
  const placed = PLACE_PREFIX.test(t) || placeInBrackets(t) ? 1 : 0.92;
  return ok(t, (suffixed ? 1 : 0.75) * placed * (boundaryGuessed ? 0.85 : 1));
};

/** A trade name of two to six characters with a bracketed word after it (`紫金（杭州）…`): the word, maybe a place. */
const BRACKETED_AFTER_TRADE_NAME = new RegExp(`^[${CJK}]{2,6}[(（]([^()（）]{2,6})[)）]`);

/** A trade name of two to six characters with its place of registration in brackets after it (`紫金（杭州）…`). */
function placeInBrackets(name: string): boolean {
  const m = BRACKETED_AFTER_TRADE_NAME.exec(name);
  return !!m && PLACE_PREFIX.test(m[1]);
}

/** A school (学校, 学院, 大学, 技校 ...) read as an organisation name. */
export const readSchoolName: ValueReader = (text) => {
  const r = readOrganisationName(text);
  if (!r) return null;
  return /(学校|学院|大学|中学|技校|职校|技工学校|中专)/.test(String(r.value)) ? r : null;
};

/** A company or other employer, as opposed to a school. */
export const readEmployerName: ValueReader = (text) => {
  const r = readOrganisationName(text);
  if (!r) return null;
  return /(学校|学院|大学|中学|技校|职校)$/.test(String(r.value)) ? { ...r, plausibility: r.plausibility * 0.9 } : r;
};

/**
 * Free text (occupation, address, title): trimmed, spaces between Chinese characters removed, brackets kept.
 *
 * @example
 * readFreeText(' 电工 ')?.value; // '电工'
 */
export const readFreeText: ValueReader = (text) => {
  const t = trimValue(text).replace(new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g'), '');
  if (t.length === 0 || !new RegExp(`[${CJK}A-Za-z]`).test(t)) return null;
  return ok(t, 1);
};

/** Issue on a value whose last word is the noun of a label (`养老护理员岗前培训时间`): it may have run into the next field. */
export const VALUE_ENDS_LIKE_LABEL = 'value_ends_like_label';
/** Issue on a value with a bracket closed and never opened: the tail of a wrapped value or remark. */
export const VALUE_BRACKET_UNOPENED = 'value_bracket_unopened_incomplete';
/** Issue on a value with a bracket opened and not closed (`家政服务员(已核`): cut short, or run into a remark. */
export const VALUE_BRACKET_UNCLOSED = 'value_bracket_unclosed_incomplete';

// The nouns labels end with; an occupation or an organisation never does.
const LABEL_NOUN_END = /(时间|日期|编号|号码|等级|级别|机构|机关|成绩|地点|期限|证号|姓名|性别|名称|类别)$/;

/** True when the text ends with a printed label of any field (`…认证日期`, `…职业等级`): a label read as a value. */
function endsWithLabel(text: string): boolean {
  return LABEL_FORMS.some((l) => l.form.length >= 2 && text.length > 0 && text.endsWith(l.form) && !/^\(.*\)$/.test(l.form));
}

/** Signs that a free-text value is not whole: a bracket left open. */
function completenessIssues(value: string): string[] {
  const open = (value.match(/[(（]/g) ?? []).length;
  const close = (value.match(/[)）]/g) ?? []).length;
  if (open > close) return [VALUE_BRACKET_UNCLOSED];
  // A bracket closed that was never opened: the value is the tail of something wrapped (`验)` under `…(已核`).
  return close > open ? [VALUE_BRACKET_UNOPENED] : [];
}

/** The words a level is printed in (`三级`, `高级工`, `学徒工`…). */
const LEVEL_WORD = '(?:[一二三四五1-5]级|高级技师|技师|高级工|中级工|初级工|学徒工|特级技师|首席技师)';
/**
 * A level at the end of a text, in any printed form: `三级`, `(三级)`, `二级(技师)`, `一级/高级技师`,
 * `国家职业资格三级`. Without a numbered level, only after a bracket or slash: an occupation may end in 技师-like words.
 */
const LEVEL_TAIL = new RegExp(`(?:(?:[(（/]|^)(?:国家职业资格)?${LEVEL_WORD}|(?:国家职业资格)?[一二三四五1-5]级)(?:[/(（]?${LEVEL_WORD}[)）]?)?[)）]?$`);
/** Punctuation that ends or splits a clause: an occupation's name holds none. */
const SENTENCE_PUNCTUATION = /[，,。；;！!？?]/;
/** The set phrases that close a certificate's award sentence. */
const AWARD_FORMULA = /^(?:特发此证|特此证明|发给此证|予以证明|特发|此证)/;
/**
 * How a long occupation's name ends: a special-operation item (`制冷与空调设备运行操作作业`, thirteen characters) or a
 * trade (`…操作员`, `…工`, `…师`). Up to sixteen characters such a name is as typical as a short one.
 */
const LONG_OCCUPATION = /^[^()（）]{13,16}(?<=作业|[师员工])$/;
/**
 * A numbered level whose qualifier the line cut (`四级（中级` | `工)`, `二级/技` | `师`): the level's own value wrapped in
 * its cell, never a trade. A numbered level opening a name without a bracket or slash (`一级建造师`) is left alone.
 */
const LEVEL_CUT = /^(?:国家职业资格)?[一二三四五1-5]级[(（/]/;
/** A plain level remark (`三级`, `(三级)`) that occupations are printed with, cut off without doubt. */
const LEVEL_REMARK = /^[(（]?[一二三四五]级[)）]?$/;

/**
 * An occupation: free text with a trailing level dropped; must contain Chinese. A text that is a level and nothing
 * else (`一级/高级技师`: the level's own value, beside or under the occupation's label) is no occupation. A level in a
 * form other than a plain remark (`工具钳工二级(技师)`: the next row's level joined as a wrap) is cut off and the
 * value flagged, since where the occupation ends was inferred.
 *
 * @example
 * readOccupation('电工(四级)')?.value; // '电工'
 * readOccupation('一级/高级技师'); // null
 * readOccupation('四级（中级'); // null
 */
/** A level's label at the head of a text (`级别`, `等级`): what follows is the level, not a trade. */
const LEVEL_LABEL_HEAD = /^(?:级别|等级)/;

export const readOccupation: ValueReader = (text) => {
  // Words stamped or printed right after it (`(盖章)`, `，认定等级…`) are no part of it (stamped-words.ts).
  const stamped = withoutStampRemark(endAtNextProseField(withoutSpaces(trimValue(text))));
  const level = LEVEL_TAIL.exec(stamped.text);
  if ((level && level.index === 0) || LEVEL_CUT.test(stamped.text)) return null;
  const t = stamped.text.slice(0, level ? level.index : undefined).replace(/^[(（](.*)[)）]$/, '$1');
  if (t.length < 2 || !new RegExp(`^[${CJK}]`).test(t) || /\d{4}|证书|证$/.test(t)) return null;
  // The level's own label and value beside the occupation's label (`级别` | `四级（中级工）` on a folded photo's
  // slanted rows): no trade's name opens with a level's label.
  if (LEVEL_LABEL_HEAD.test(t)) return null;
  // A date's last line wrapped beside the label (`…至二〇二〇年` | `七月三十日`) or a whole date is no trade.
  if (DATE_TAIL.test(t) || findDates(t).some((d) => d.length >= t.length - 1)) return null;
  // A clause of the award sentence (`…专项职业能力，特发此证。` read after the kind's name as a label) is no occupation.
  if (SENTENCE_PUNCTUATION.test(t) || AWARD_FORMULA.test(t)) return null;
  const issues = completenessIssues(t);
  if (level && !LEVEL_REMARK.test(level[0])) issues.push('value_boundary_inferred');
  if (LABEL_NOUN_END.test(t) || endsWithLabel(t)) issues.push(VALUE_ENDS_LIKE_LABEL);
  // A remark the stamp cut (`(已核`) is a bracket left open: the stamp may hide more of the value.
  if (stamped.cut) issues.push(VALUE_BRACKET_UNCLOSED);
  // A seal's lettering read onto its end: the seal lies over where the value ends.
  if (stamped.sealed) issues.push('value_boundary_inferred');
  return { ...ok(t, t.length <= 12 || LONG_OCCUPATION.test(t) ? 1 : 0.8), issues };
};

const ID_TOKEN = /[0-9A-Za-z|]{15,20}/g;
/** An ID number (GB 11643: 17 digits and a check character) with a mainland mobile number (1[3-9] and nine digits) glued after it. */
const ID_THEN_MOBILE = /(?<![0-9A-Za-z])(\d{17}[\dXx])1[3-9]\d{9}(?![0-9A-Za-z])/;
const LEADER_BEFORE_ID = /^[*＊.·•…]+(?=\d{17}[\dXx]$)/;

/** Issue on an ID number read out of a longer token (a character glued before or after it): the cut is a guess. */
export const ID_BOUNDARY_INFERRED = 'id_boundary_inferred';

/**
 * A resident ID number anywhere in the text, corrected for look-alike letters when the checksum then passes.
 *
 * @example
 * readIdNumber('身份证号 11010519491231002X')?.value; // '11010519491231002X'
 */
export function makeIdNumberReader(today: string): ValueReader {
  return (raw) => {
    // A leader's last dot read as a mask character before a whole number (`*330302199807133696`) masks nothing.
    const text = withoutSpaces(raw).replace(LEADER_BEFORE_ID, '');
    // Digits barred out (`330106********1234`): the number is missing, never completed from what is left.
    if (MASKED_NUMBER.test(text)) return masked();
    // A mobile number boxed straight after the ID number (`…790618244822309`: 18 characters then `1[3-9]` and nine
    // digits, the next cell of a party row): the 18 read alone when their check passes, the cut a guess the clerk confirms.
    const withPhone = ID_THEN_MOBILE.exec(text);
    const beforePhone = withPhone ? readResidentId(withPhone[1], { today }) : undefined;
    if (beforePhone?.valid) return { value: beforePhone.value, evidence: Evidence.checksum, plausibility: 1, issues: [ID_BOUNDARY_INFERRED] };
    const tokens = text.match(ID_TOKEN);
    if (!tokens) return null;
    // Prefer an 18-character token; ignore tokens with no digits at all (words in Latin letters).
    const token = tokens.find((t) => t.length === 18 && /\d{6}/.test(t)) ?? tokens.find((t) => /\d{10}/.test(t));
    if (!token) return null;
    // One character glued to the number (a colon or a frame's stroke read as `7`: `证件号7421002…0379`): the one
    // 18-character window whose checksum passes, where the boundary was a guess the clerk confirms.
    const glued = token.length === 19 ? [token.slice(1), token.slice(0, 18)].filter((t) => readResidentId(t, { today }).valid) : [];
    if (glued.length === 1) {
      const inner = readResidentId(glued[0], { today });
      return { value: inner.value, evidence: Evidence.checksum, plausibility: 1, issues: [ID_BOUNDARY_INFERRED] };
    }
    const reading = readResidentId(token, { today });
    if (reading.valid) {
      return {
        value: reading.value,
        evidence: Evidence.checksum,
        plausibility: 1,
        issues: [],
        correction: reading.correctedFrom ? { from: reading.correctedFrom, reason: CorrectionReason.residentId } : undefined,
      };
    }
    return {
      value: reading.value,
      evidence: Evidence.failed,
      plausibility: 1,
      issues: [reading.issue ?? 'id_format_invalid'],
      ...(token.length === 18 ? { recheck: { read: token, check: residentIdCheck(today) } } : {}),
    };
  };
}

/**
 * A unified social credit code anywhere in the text, corrected for look-alike letters when the checksum then passes.
 *
 * @example
 * readCreditCodeValue('统一社会信用代码:91330100716105852F')?.value; // '91330100716105852F'
 */
/** The fewest digits a credit code read with look-alike letters keeps (its six-digit area code and most of the rest). */
const MIN_CODE_DIGITS = 4;

export const readCreditCodeValue: ValueReader = (text) => {
  // A code's third to eighth characters are its registering area's division code (GB 32100-2015): a run of letters
  // with fewer digits than a misread can leave of it (`UnifiedSocialCreditCode`, the label's English gloss under a
  // barred-out value) is a word, never a code.
  const tokens = withoutSpaces(text)
    .match(/[0-9A-Za-z]{16,20}/g)
    ?.filter((t) => (t.match(/\d/g)?.length ?? 0) >= MIN_CODE_DIGITS);
  const token = tokens?.find((t) => t.length === 18) ?? tokens?.[0];
  if (!token || token.length !== 18) {
    const marked = creditCodeAcrossMark(withoutSpaces(text));
    if (marked) return marked;
    const within = token ? creditCodeWithinLongerRun(token) : null;
    if (within) return within;
    // Characters barred out (`91330106MA2*****`): the code is missing, never another number printed near it.
    if (MASKED_CERTIFICATE_NUMBER.test(withoutSpaces(text))) return masked();
  }
  if (!token) return null;
  const reading = readCreditCode(token);
  if (reading.valid) {
    return {
      value: reading.value,
      evidence: Evidence.checksum,
      plausibility: 1,
      issues: [],
      correction: reading.correctedFrom ? { from: reading.correctedFrom, reason: CorrectionReason.creditCode } : undefined,
    };
  }
  return {
    value: reading.value,
    evidence: Evidence.failed,
    plausibility: 1,
    issues: [reading.issue ?? 'credit_code_format_invalid'],
    ...(token.length === 18 ? { recheck: { read: token, check: CREDIT_CODE_CHECK } } : {}),
  };
};

/** Issue on a credit code read as 18 of a longer run of code characters, the rest left off as specks. */
export const CREDIT_CODE_RUN_CUT_INFERRED = 'credit_code_run_cut_inferred';

/**
 * A credit code read with one or two characters more glued to one end (`91330106MA2YLKP8FA21`, a copy mark's `(2-1)`
 * read into it): the 18 at either end, when exactly one of the two passes the check as read (no look-alike
 * corrected), flagged: the clerk confirms where the code ends.
 */
function creditCodeWithinLongerRun(token: string): Reading | null {
  if (token.length < 19 || token.length > 20) return null;
  const passing = [token.slice(0, 18), token.slice(-18)].filter((c) => {
    const reading = readCreditCode(c);
    return reading.valid && !reading.correctedFrom;
  });
  if (passing.length !== 1) return null;
  return { value: passing[0], evidence: Evidence.checksum, plausibility: 0.8, issues: [CREDIT_CODE_RUN_CUT_INFERRED] };
}

/** A speck read as a mark inside a code (`91330106MA2GFEF.JHE`): the code's characters on both sides of the one mark. */
const CODE_ACROSS_MARK = /(?<![0-9A-Za-z])([0-9A-Z]{1,17})[.·,'‘’`:：]([0-9A-Z]{1,17})(?![0-9A-Za-z])/;

/** Issue on a credit code read with a mark the engine read inside it taken out. */
export const CREDIT_CODE_MARK_INFERRED = 'credit_code_mark_inferred';

/**
 * A credit code the engine read with a mark inside it (a speck of a glare or a scan read `.`): the characters on both
 * sides of the mark joined, when they make 18 that pass the check as read (no look-alike corrected), flagged: the
 * clerk confirms the mark was a speck.
 */
function creditCodeAcrossMark(text: string): Reading | null {
  const m = CODE_ACROSS_MARK.exec(text);
  const joined = m ? `${m[1]}${m[2]}` : '';
  if (joined.length !== 18) return null;
  const reading = readCreditCode(joined);
  if (!reading.valid || reading.correctedFrom) return null;
  return { value: reading.value, evidence: Evidence.checksum, plausibility: 1, issues: [CREDIT_CODE_MARK_INFERRED] };
}

/** Issue on a business licence's code that is a pre-2016 15-digit 注册号, not a unified social credit code. */
export const REGISTRATION_NUMBER = 'credit_code_is_registration_number';

/**
 * The 15-digit 注册号 of a licence issued before the unified social credit code (checked with ISO 7064 MOD 11,10).
 * It is reported in place of the credit code, always flagged `credit_code_is_registration_number` (the clerk sees
 * an old licence); a number whose check digit fails is `registration_number_checksum_failed`.
 *
 * @example
 * readRegistrationNumberValue('注册号:110108000000016')?.value; // '110108000000016'
 */
export const readRegistrationNumberValue: ValueReader = (text) => {
  const token = withoutSpaces(text).match(/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/)?.[0];
  // Digits barred out (`注册号　330106******672`): the number is missing, never another number printed near it.
  if (!token && MASKED_NUMBER.test(withoutSpaces(text))) return masked();
  if (!token) {
    const fixed = readRegistrationNumberLookalikes(text);
    if (!fixed) return null;
    const correction = { from: fixed.correctedFrom ?? fixed.value, reason: CorrectionReason.registrationNumber };
    return { value: fixed.value, evidence: Evidence.checksum, plausibility: 1, issues: [REGISTRATION_NUMBER], correction };
  }
  if (validateRegistrationNumber(token)) return { value: token, evidence: Evidence.checksum, plausibility: 1, issues: [REGISTRATION_NUMBER] };
  return {
    value: token,
    evidence: Evidence.failed,
    plausibility: 1,
    issues: [REGISTRATION_NUMBER, 'registration_number_checksum_failed'],
    recheck: { read: token, check: REGISTRATION_NUMBER_CHECK, keptIssues: [REGISTRATION_NUMBER] },
  };
};

/** A number's head letter, then one multiplication sign (or its look-alike) before a digit: `P×2020…`. */
const CROSS_FOR_X = /^([A-Za-z])[×✕✗](?=\d)/;
/** Issue on a certificate number whose `×` was read as the letter X. */
const CERTIFICATE_NUMBER_CROSS_AS_X = 'certificate_number_cross_as_x_inferred';

/**
 * A certificate number. Numbers of the two national structures are checked (and look-alikes corrected); other
 * numbers (special-operation and training certificates) are kept as printed, with shape evidence only.
 *
 * @example
 * readCertificateNumberValue('No.1533010012300456')?.value; // '1533010012300456'
 */
export const readCertificateNumberValue: ValueReader = (text) => {
  const unprefixed = withoutSpaces(text).replace(/^(NO|No|no)[.:]?/, '');
  // The X of a two-letter head read as the multiplication sign (`P×202021092124`): one sign alone between the head's
  // letter and the digits masks nothing (a mask is a run, or follows two characters); it is the letter, for the clerk
  // to confirm.
  const crossed = CROSS_FOR_X.test(unprefixed);
  const cleaned = crossed ? unprefixed.replace(CROSS_FOR_X, '$1X') : unprefixed;
  // Characters barred out (`PX2020*****148`): the number is missing, never its head or tail left of the mask.
  if (MASKED_CERTIFICATE_NUMBER.test(cleaned)) return masked();
  const found = cleaned.match(/[0-9A-Za-z][0-9A-Za-z\-]{5,29}/)?.[0];
  if (!found || !/\d{4}/.test(found)) return null;
  // The engine boxed the next cell's date with the number (`ZX20193301641355` | `2019-07-09`): the date is no part of
  // it; cut it off, and let the clerk confirm where the number ends.
  const glued = /^([0-9A-Za-z][0-9A-Za-z-]{5,}?)((?:19|20)\d{2}-\d{1,2}-\d{1,2})$/.exec(found);
  const token = glued ? glued[1] : found;
  const boundary = [...(glued ? ['value_boundary_inferred'] : []), ...(crossed ? [CERTIFICATE_NUMBER_CROSS_AS_X] : [])];
  const reading = readCertificateNumber(token);
  if (reading.valid) {
    return {
      value: reading.value,
      evidence: Evidence.shape,
      plausibility: 1,
      issues: boundary,
      correction: reading.correctedFrom ? { from: reading.correctedFrom, reason: CorrectionReason.certificateNumber } : undefined,
    };
  }
  return { value: token.toUpperCase(), evidence: Evidence.shape, plausibility: 1, issues: boundary };
};

/**
 * A full date in any printed form, as `YYYY-MM-DD`.
 *
 * @example
 * readDateValue('二〇二一年六月十八日')?.value; // '2021-06-18'
 */
export const readDateValue: ValueReader = (text) => {
  const found = findDates(text, { compact: true })[0];
  if (!found) {
    // `2018-0713`, `2014/1726`: a separator the engine lost or read as a digit; one real date, for the clerk to confirm.
    const lost = findSeparatorLostDate(text);
    if (lost) return { ...ok(lost.value, 0.85), issues: [DATE_SEPARATOR_INFERRED] };
    // `2023.12.3l`, `2023年1O月1日`: letters read for digits.
    const lettered = findLetterDigitDate(text);
    if (lettered) return { ...ok(lettered, 0.85), issues: [DATE_LETTER_DIGIT_INFERRED] };
    // `三〇一九年…`: a year's `二` read with a stroke too many or one lost.
    const misreadYear = findMisreadYearDate(text);
    return misreadYear ? { ...ok(misreadYear, 0.85), issues: [DATE_YEAR_MISREAD] } : null;
  }
  // `2018年3月1` with no 日: the day may have been cut where the line was read; the clerk checks it.
  if (found.open) return { ...ok(found.value), issues: [DATE_DAY_MAY_CONTINUE] };
  // `2018.10.102023年10月09日`: two cells' dates in one box, cut where the next year begins; the clerk checks it.
  return found.runOn ? { ...ok(found.value), issues: [DATE_RUN_ON_NEXT] } : ok(found.value);
};

/** Issue on a date whose day is not closed by 日 (see FoundDate.open). */
export const DATE_DAY_MAY_CONTINUE = 'date_day_may_continue';
/** Issue on a date boxed with the next one (see FoundDate.runOn): where one ends and the next begins is a guess. */
export const DATE_RUN_ON_NEXT = 'value_boundary_inferred';

/**
 * A certificate level in any printed form (see parseLevel).
 *
 * @example
 * readLevelValue('国家职业资格二级')?.value; // 2
 */
export const readLevelValue: ValueReader = (text) => {
  // No level is printed starting with 级: a line that does is the tail of one wrapped in a narrow cell (`一级/高` |
  // `级技师`), where `技师` (2) is the wrong half of `高级技师` (1).
  if (/^\s*级/.test(text)) return null;
  const level = parseLevel(text);
  if (!level) return null;
  if (level.inconsistent) return { value: level.value, evidence: Evidence.failed, plausibility: 1, issues: ['level_inconsistent'] };
  return { ...ok(level.value), corroborated: level.corroborated };
};

const ADDRESS_END = /(室|号|幢|栋|楼|层|座|单元|村|组|弄|巷|户|院|铺|区|园|厦|中心|大楼|部)$/;

/**
 * An address: free text whose plausibility is full only when it ends the way addresses end (号, 室, 幢, 村 …); an
 * address cut at a line break usually does not.
 *
 * @example
 * readAddress('浙江省杭州市西湖区文三路90号')?.plausibility; // 1
 */
export const readAddress: ValueReader = (text) => {
  // An address partly barred out (`浙江省杭州****7室`, `浙江省杭州*·204室`) is missing: what is left is not the address.
  if (MASKED_TEXT.test(withoutSpaces(text)) || MASKED_ADDRESS.test(text)) return masked();
  // Latin words alone (`Business Premises`, `Domicile`) are a bilingual label's gloss, never a Chinese address.
  if (/^[A-Za-z][A-Za-z\s.'&/:-]*$/.test(text.trim())) return null;
  // A date or a term alone (`〇八年十月二十日至长期`, the wrapped lines of the next column's 营业期限) names no place.
  if (DATE_OR_TERM_ONLY.test(withoutSpaces(text))) return null;
  const r = readFreeText(text);
  if (!r) return null;
  const value = withoutSpaces(String(r.value));
  // Words with no place in them (`万元人民币` of the next column, a stamp's `…职业技能补贴使用`) are no address.
  if (!ADDRESS_WORD.test(value)) return null;
  // Areas alone, or areas and a last unit with nothing between (`浙江省` + `室`: the stars between them never boxed),
  // are what a mask or a cut left of an address, not the address.
  if (!ADDRESS_BELOW_AREA.test(value)) return { ...r, value, plausibility: 0.5, issues: [...(r.issues ?? []), ADDRESS_INCOMPLETE] };
  // An address opens with its area (`浙江省…`, `杭州市…`, `西湖区…`): one opening on a street (`道文三路445号…`) may be
  // the second line of a wrapped address read alone.
  const opensWithArea = ADDRESS_AREA_START.test(value);
  return { ...r, value, plausibility: (ADDRESS_END.test(value) ? 1 : 0.8) * (opensWithArea ? 1 : 0.85) };
};

/** A word every address holds somewhere: an area, a street, a number's unit, a building. */
const ADDRESS_WORD = /[省市区县州旗盟镇乡村街路道巷弄号幢栋楼室层座院园厦组]|单元|中心|广场/u;
/** What an address names below its areas: a street, a village, a building, or at least a number. */
export const ADDRESS_BELOW_AREA = /[0-9０-９路街道巷弄村镇乡园厦坊苑湾桥港]|中心|大楼|广场|小区|社区/u;
export const ADDRESS_INCOMPLETE = 'address_incomplete';

const DATE_OR_TERM_ONLY = /^[0-9〇零一二三四五六七八九十廿卅年月日至起长期.\/-]+$/u;

/** An administrative area within an address's first few characters (province, city, district, county, town). */
const ADDRESS_AREA_START = /^[㐀-鿿]{1,8}?(?:省|市|区|县|州|旗|盟|镇|乡)/u;
