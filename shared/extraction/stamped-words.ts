import { LABEL_FORMS } from './labels.js';

/**
 * Words stamped or printed right after a value (issue 12 class 5, "text placed right after a value"): a signing
 * remark (`(盖章)`, `(签字)`), a checker's stamp (`(已核验)`), or the next field of run-on prose after a comma
 * (`工具钳工，认定等级国家职业资格三级`). None of them belongs to the value.
 */

const REMARK_WORDS = ['盖章', '签章', '公章', '印章', '签字', '签名', '已核验', '已核对', '已核'] as const;

/** A seal's lettering at the end of a line: `业务专用章`, `合同专用章`, `专用章`. */
const SEAL_LETTERING_AT_END = /(?:业务|合同|财务|人事|行政|培训|考核|鉴定)?专用章$/;

/** A whole remark in brackets at the end: `(盖章)`, `（已核验）`. */
const WHOLE_REMARK = new RegExp(`\\s*[(（]\\s*(?:${REMARK_WORDS.join('|')})\\s*[)）]\\s*$`);

/** A remark cut at the end, its bracket opened and not closed: `(盖`, `（已核`, `(签字`. */
const CUT_REMARK = new RegExp(`\\s*[(（]\\s*(?:${[...new Set(REMARK_WORDS.flatMap((w) => [...w].map((_, k) => w.slice(0, k + 1))))].join('|')})\\s*$`);

/**
 * The value with a stamp's remark after it dropped. A whole remark (`(盖章)`) is printed text set apart from the
 * value: dropped, nothing lost. A cut one (`(盖`) was overprinted where the value ends, so the value is kept with
 * `cut` set for the caller to flag it.
 *
 * @example
 * withoutStampRemark('低压电工作业(盖章)'); // { text: '低压电工作业', cut: false }
 * withoutStampRemark('低压电工作业（盖'); // { text: '低压电工作业', cut: true }
 * withoutStampRemark('服装制版师业务专用章'); // { text: '服装制版师', cut: false, sealed: true }
 */
export function withoutStampRemark(text: string): { text: string; cut: boolean; sealed?: boolean } {
  // A seal's lettering read onto the end of the line it is stamped over (`服装制版师业务专用章`): the seal covers where
  // the value ends, so what is left is kept and `sealed` set for the caller to flag.
  const sealed = text.replace(SEAL_LETTERING_AT_END, '');
  if (sealed !== text && sealed.length > 0) return { text: sealed, cut: false, sealed: true };
  const whole = text.replace(WHOLE_REMARK, '');
  if (whole !== text && whole.length > 0) return { text: whole, cut: false };
  const cut = text.replace(CUT_REMARK, '');
  if (cut !== text && cut.length > 0) return { text: cut, cut: true };
  return { text, cut: false };
}

/**
 * A free-text value (an occupation) ended at the first comma or semicolon after which a printed label follows: the
 * next field of run-on prose (`工具钳工，认定等级国家职业资格三级` reads `工具钳工`). A name holds no such comma.
 *
 * @example
 * endAtNextProseField('工具钳工，认定等级国家职业资格'); // '工具钳工'
 * endAtNextProseField('焊工，电工'); // '焊工，电工' (no label after the comma)
 */
export function endAtNextProseField(text: string): string {
  const at = text.search(/[，,；;]/);
  if (at <= 0) return text;
  const rest = text.slice(at + 1);
  const labelled = LABEL_FORMS.some((l) => l.form.length >= 2 && !/^\(.*\)$/.test(l.form) && rest.includes(l.form));
  return labelled ? text.slice(0, at) : text;
}

/** How a whole organisation's name ends, before a seal's stray character. */
const WHOLE_NAME_END = /(有限责任公司|有限公司|公司|中心|学校|学院|大学|集团|协会|委员会|事务所|保障局|管理局|厅)$/;
/** Characters that end organisation names themselves (`…中心站`, `…公司门市部`): never taken for a seal's. */
const NAME_END_CHARACTER = /[厂局站所院店部馆社办处队园会厅场校司心团]$/;

/**
 * The name without one character the seal beside it left after its end (`…社会保障局抄`): a whole name followed by a
 * lone character that ends no name. `undefined` when the text does not end that way. Where the name ends is then a
 * guess the caller flags.
 *
 * @example
 * withoutSealCharacter('杭州市西湖区人力资源和社会保障局抄'); // '杭州市西湖区人力资源和社会保障局'
 * withoutSealCharacter('杭州华创汽车维修有限公司'); // undefined
 */
export function withoutSealCharacter(text: string): string | undefined {
  if (text.length < 6 || NAME_END_CHARACTER.test(text) || !/[\u3400-\u9fff]$/.test(text)) return undefined;
  const head = text.slice(0, -1);
  return WHOLE_NAME_END.test(head) ? head : undefined;
}

/**
 * True when `text` (a row's boxes joined left to right) opens with a stamp's remark (`已核验）`, `盖章`): a checker's
 * stamp set in spread characters at the margin (`已` `核` `验` `）`) is no value's last characters.
 *
 * @example
 * opensStampRemark('已核验）'); // true
 * opensStampRemark('红，有效证件号码：'); // false
 */
export function opensStampRemark(text: string): boolean {
  const t = text.replace(/^[(（\s]+/, '');
  return REMARK_WORDS.some((w) => w.length >= 2 && t.startsWith(w));
}
