/**
 * Words that, printed right before a label, make it a label about someone or something else: a contact's or an
 * agent's (`紧急联系人身份证号`, `代办人姓名`, `甲方委托代理人`), the clerk's (`经办人`, `审核人`), a licence's other
 * officers (`联络员身份证号`, `财务负责人`), and what the holder had before (`原单位`, `原证书编号`, `曾用名`).
 */
/** Roles whose word before a label makes it someone else's: a contact's, an agent's, the clerk's, an officer's. */
const OTHER_PARTY_ROLES = [
  '联系人',
  '联络员',
  '代办人',
  '经办人',
  '受理人',
  '审核人',
  '委托代理人',
  '代理人',
  '担保人',
  '监护人',
  '家属',
  '配偶',
  '财务',
  '推荐',
  '派遣',
];
const OTHER_PARTY = new RegExp(`^(?:甲方|乙方)?(?:紧急)?(?:${OTHER_PARTY_ROLES.join('|')})$|^(?:原|曾用|原工作|原参保|原发证|原工作单位)$`);
const CJK = /[\u3400-\u9fff]/;

/**
 * True when `piece` (one to three characters) is the head of a word that makes the label after it someone else's:
 * the first piece of a spread label such as `财` `务` `负` `责` `人：` (the finance officer's caption on a branch
 * licence, spread like the 负责人's own above it), so the pieces are joined whole and never leave `负责人` alone.
 *
 * @example
 * opensOtherPartyWord('财'); // true
 * opensOtherPartyWord('负'); // false
 */
export function opensOtherPartyWord(piece: string): boolean {
  return piece.length > 0 && ['紧急', ...OTHER_PARTY_ROLES].some((word) => word.startsWith(piece));
}
const OWN_PARTY_HEAD = /^(?:劳动者|乙方|甲方|用人单位)/;

/**
 * Where a label found at `at` really starts when an other-party word is printed right before it at a segment's start
 * (`担保人身份证号:` → 0): the whole word is then a label of its own, of no field, which ends the value before it and
 * whose value no field takes. Undefined for a label of the document's own party. `floor` is where the label before it
 * ended.
 *
 * @example
 * otherPartyLabelStart('紧急联系人身份证号:330102…', 5, 0); // 0
 * otherPartyLabelStart('持证人身份证号:330102…', 3, 0); // undefined
 */
export function otherPartyLabelStart(text: string, at: number, floor: number): number | undefined {
  // A label that names one of the document's own parties (`劳动者姓名`, `乙方`) is never someone else's: a grid's
  // captions boxed together (`受理人劳动者姓名`, the clerk's caption and the employee's) are two labels.
  if (OWN_PARTY_HEAD.test(text.slice(at))) return undefined;
  let start = at;
  while (start > floor && CJK.test(text[start - 1])) start--;
  // A form's item number before the word (`四、代办人身份证号`, `一家属姓名` with its `、` lost) is no part of it.
  const numbered = /^[一二三四五六七八九十]{1,2}、?/.exec(text.slice(start, at));
  if (numbered && OTHER_PARTY.test(text.slice(start + numbered[0].length, at))) return start;
  if (start === at || at - start > 6) return undefined;
  // A form's item number in brackets right before the word (`(6)联系人身份证号330105…`, the number glued to its
  // label so the numbering was not cut) ends what stands before it, as a separator does.
  const bracketNumbered = /(?:^|[\s:;,，；|、.])[(（]\d{1,2}[)）]$/.test(text.slice(0, start));
  if (start > 0 && !/[\s:;,，；|、.\u2460-\u2473]/.test(text[start - 1]) && start !== floor && !bracketNumbered) return undefined;
  return OTHER_PARTY.test(text.slice(start, at)) ? start : undefined;
}

/**
 * An other-party label standing alone, with no field's label in it (`受理人`, `紧急联系人`, `原单位`, `曾用名`): its
 * end when one starts at `at` and ends at a separator, a colon or the text's end; undefined otherwise. Set as a
 * label of no field, it is never read as a name (a grid's label row `姓名 | 原单位`).
 *
 * @example
 * otherPartyRoleEnd('原单位 杭州卓越科技有限公司', 0); // 3
 */
export function otherPartyRoleEnd(text: string, at: number): number | undefined {
  const m = ROLE.exec(text.slice(at));
  if (!m) return undefined;
  const end = at + m[0].length;
  return end === text.length || /[\s:;,，；|(]/.test(text[end]) ? end : undefined;
}

const ROLE =
  /^(?:(?:甲方|乙方)?(?:紧急)?(?:联系人|联络员|代办人|经办人|受理人|审核人|委托代理人|代理人|担保人|监护人)(?:姓名)?|原(?:工作|参保)?单位(?:名称)?|曾用名)/;

/**
 * True when `text` opens with someone else's role word (`担保人姓名`, `代办人身份证号`): a label one character off
 * the document's own (`担保人姓名` against `参保人姓名`) is that other party's, never a misread of the own one.
 *
 * @example
 * opensWithOtherPartyRole('担保人姓名'); // true
 */
export function opensWithOtherPartyRole(text: string): boolean {
  return OTHER_ROLE_HEAD.test(text);
}

const OTHER_ROLE_HEAD = /^(?:甲方|乙方)?(?:紧急)?(?:联系人|联络员|代办人|经办人|受理人|审核人|委托代理人|代理人|担保人|监护人)/;
