import { LABEL_FORMS } from './labels.js';

/**
 * Words stamped or printed right after a value (issue 12 class 5, "text placed right after a value"): a signing
 * remark (`(盖章)`, `(签字)`), a checker's stamp (`(已核验)`), or the next field of run-on prose after a comma
 * (`工具钳工，认定等级国家职业资格三级`). None of them belongs to the value.
 */

const REMARK_WORDS = ['盖章', '签章', '公章', '印章', '签字', '签名', '已核验', '已核对', '已核'] as const;

/** A whole remark in brackets at the end: `(盖章)`, `（已核验）`. */
const WHOLE_REMARK = new RegExp(`\\s*[(（]\\s*(?:${REMARK_WORDS.join('|')})\\s*[)）]\\s*$`);

/** A remark cut at the end, its bracket opened and not closed: `(盖`, `（已核`, `(签字`. */
const CUT_REMARK = new RegExp(
  `\\s*[(（]\\s*(?:${[...new Set(REMARK_WORDS.flatMap((w) => [...w].map((_, k) => w.slice(0, k + 1))))].join('|')})\\s*$`,
);

/**
 * The value with a stamp's remark after it dropped. A whole remark (`(盖章)`) is printed text set apart from the
 * value: dropped, nothing lost. A cut one (`(盖`) was overprinted where the value ends, so the value is kept with
 * `cut` set for the caller to flag it.
 *
 * @example
 * withoutStampRemark('低压电工作业(盖章)'); // { text: '低压电工作业', cut: false }
 * withoutStampRemark('低压电工作业（盖'); // { text: '低压电工作业', cut: true }
 */
export function withoutStampRemark(text: string): { text: string; cut: boolean } {
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
