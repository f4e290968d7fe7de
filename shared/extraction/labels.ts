import { opensWithOtherPartyRole } from './other-party-labels.js';
import { OVERPRINT_CHARS } from './overprint-words.js';

/**
 * Printed labels, by what they announce. Forms are in normal form (half-width, no spaces: `职业(工种)`), so `姓 名`,
 * `职业（工种）` and `姓名：` all match. Readers pick the groups they need per document type; every label also acts
 * as a delimiter, so `姓名:王晓明 性别:男` splits into two segments.
 */
const PRINTED_LABELS = {
  personName: [
    '持证人姓名',
    '持证人',
    '姓名',
    '学员姓名',
    '考生姓名',
    '受聘人姓名',
    '受聘人',
    '被聘人',
    '应聘人',
    '参保人姓名',
    '参保人员姓名',
    '参保人',
    '劳动者姓名',
    '乙方(劳动者)姓名',
    '乙方(学生)姓名',
    '职工姓名',
    '员工姓名',
    '学生姓名',
    '实习生姓名',
    '实习学生',
    '实习生',
    '证书持有人',
    '持有人姓名',
    '持有人',
    '申请人姓名',
    // Other words for the holder and the insured (`持证者姓名`, `被保险人`).
    '持证者姓名',
    '持证者',
    '被保险人姓名',
    '被保险人',
    '参保者姓名',
    '参保者',
  ],
  idNumber: [
    '公民身份号码',
    '身份证件号码',
    '身份证号码',
    '身份证号',
    '居民身份证号码',
    '证件号码',
    '社会保障号码',
    '社会保障卡号',
    '身份证',
    '证件号',
    '公民身份证号码',
    '公民身份证号',
    '身份证件号',
    '社保号码',
    '社保号',
    '个人社保编号',
    '个人编号',
  ],
  occupation: [
    '职业(工种)名称',
    '职业(工种)',
    // … with its thin brackets lost on a photo (`职业工种` | `西式面点师`). Not `工种职业` (of `工种(职业)`): the label
    // 工种 with the next column's 职业… after it reads the same.
    '职业工种名称',
    '职业工种',
    '工种/职业方向',
    '职业/工种',
    '职业方向',
    '职业名称',
    '工种名称',
    '工种',
    '职业',
    '专项能力名称',
    '专项能力',
    '能力名称',
    '项目名称',
    '培训项目',
    '培训专业',
    '培训工种',
    '培训内容',
    '准操项目',
    '操作项目',
    '作业项目',
    '作业类别',
    '操作类别',
    '职业(工种)及名称',
    '工种(职业)',
    '鉴定职业',
    '鉴定工种',
    // 职业技能等级认定 (since 2020 in place of 鉴定): `认定职业(工种)`, glued to its value in a certificate's prose.
    '认定职业(工种)',
    '认定职业',
    '认定工种',
    '技能名称',
    '培训项目名称',
    '培训课程',
    // Special-ability certificates (专项职业能力证书) name the ability under 考核项目, or under the kind's own name
    // (`专项职业能力：网络直播营销`).
    '专项职业能力',
    '考核项目',
    '考核项目名称',
    '能力项目',
    '专项能力项目',
    // The occupation the holder applied to be assessed in (申报职业, 申报工种) on qualification certificates.
    '申报职业',
    '申报工种',
  ],
  level: ['职业技能等级', '技能等级', '职业资格等级', '资格等级', '证书等级', '等级', '级别', '技术等级', '鉴定等级', '认定等级', '职业等级'],
  certificateNumber: ['证书编号', '证书编码', '证书号码', '证书号', '证件编号', '证号', '证书编码号', '证书登记号', '登记编号', '编号'],
  issueDate: [
    '发证日期',
    '颁证日期',
    '签发日期',
    '发证时间',
    '颁发日期',
    '认定日期',
    '核发日期',
    '初领日期',
    '取证日期',
    '颁发时间',
    '签发时间',
    '核发时间',
    '批准日期',
    '日期',
  ],
  issuer: [
    '发证机关',
    '发证单位',
    '发证机构',
    '颁证单位',
    '颁证机构',
    '颁发单位',
    '认定机构',
    '评价机构',
    '签发单位',
    '考核机构',
    '培训机构',
    '鉴定机构',
    '评价组织',
    '颁证机关',
    '发证部门',
    '认定单位',
    '评价单位',
    '鉴定单位',
    '培训单位',
    // The body that ran the training (`培训组织单位：杭州市西湖区职业技能培训学校`).
    '培训组织单位',
    '培训组织机构',
    // The training provider of a completion certificate (`承训机构：浙江…学校`).
    '承训机构',
    '承训单位',
    // The authority that issues a certificate, as 核发/颁发 words it (`核发机关：浙江省人力资源和社会保障厅`).
    '核发机关',
    '核发单位',
    '核发机构',
    '颁发机关',
    '颁发机构',
  ],
  employer: [
    '甲方(用人单位)名称',
    '甲方(用人单位)',
    '甲方(实习单位)',
    '用人单位名称',
    '用人单位',
    '甲方',
    '单位名称',
    '工作单位',
    '聘任单位',
    '聘用单位',
    '实习单位',
    // The employer as a contract of one's own calls it (in a dispatch contract the host, after 用人单位/甲方 above).
    '用工单位',
    '企业名称',
    '缴费单位',
    '参保单位',
    '当前参保单位',
  ],
  employee: ['乙方(劳动者)', '乙方', '劳动者'],
  thirdParty: ['丙方', '丙方(学校)'],
  school: ['学校名称', '所在学校', '就读学校', '院校名称', '学校', '院校'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '社会统一信用代码', '统一信用代码', '统一代码'],
  /** The 15-digit 注册号 of licences issued before the unified code (2016). */
  registrationNumber: ['营业执照注册号', '注册号'],
  companyName: ['名称', '企业名称', '单位名称', '公司名称', '商事主体名称', '个体工商户名称', '字号名称', '企业(字号)名称', '市场主体名称', '企业(单位)名称'],
  address: [
    '住所',
    '主要经营场所',
    '经营场所',
    '营业场所',
    '企业住所',
    '注册地址',
    '地址',
    '住址',
    '住所(经营场所)',
    '经营地址',
    '企业地址',
    '单位地址',
    '注册地',
  ],
  establishedDate: ['成立日期', '注册日期', '设立日期', '成立时间', '注册时间'],
  legalRepresentative: [
    '法定代表人(主要负责人)',
    '法定代表人',
    '负责人',
    '经营者',
    '经营者姓名',
    '投资人',
    '执行事务合伙人',
    '法人代表',
    '企业负责人',
    '单位负责人',
  ],
  title: ['聘任职务', '聘任岗位', '聘任职称', '职务', '岗位', '职称', '工作岗位'],
  term: ['合同期限', '聘期', '聘任期限', '聘用期限', '实习期限', '实习期间', '实习时间', '期限'],
  startDate: [
    '合同期限自',
    '期限自',
    '起始日期',
    '开始日期',
    '生效日期',
    '起始时间',
    '开始时间',
    '聘期开始',
    '聘期起始',
    '聘任开始',
    '合同开始日期',
    '合同起始日期',
    '实习开始日期',
    '实习开始',
    '起聘日期',
    '受聘日期',
    '聘任日期',
    '生效时间',
    // A term's two ends printed as 起/止, 开始/结束 (`合同期限（起）`, `合同期限开始`) or under 有效期.
    '合同期限起',
    '期限起',
    '合同期限(起)',
    '期限(起)',
    '合同期限开始',
    '期限开始',
    '期限起始',
    '合同有效期自',
  ],
  endDate: [
    '合同期限至',
    '期限至',
    '终止日期',
    '结束日期',
    '截止日期',
    '终止时间',
    '结束时间',
    '聘期结束',
    '聘期终止',
    '聘任结束',
    '合同终止日期',
    '合同结束日期',
    '实习结束日期',
    '实习结束',
    '聘期届满',
    '届满日期',
    '到期日期',
    '期满日期',
    '合同期限止',
    '期限止',
    '合同期限(止)',
    '期限(止)',
    '合同期限结束',
    '期限结束',
    '期限截止',
    '合同有效期至',
  ],
  signedDate: ['签订日期', '签约日期', '签署日期', '签订时间', '签字日期', '订立日期', '订立时间', '签定日期'],
  birthDate: ['出生日期', '出生年月', '出生'],
  totalMonths: ['合计缴费月数', '累计缴费月数', '缴费月数合计', '累计月数', '合计月数', '实际缴费月数', '累计缴费', '总缴费月数', '实缴月数', '累计缴费月份'],
  /** Labels we read nothing from but that end the segment before them. */
  delimiters: [
    // The code before the unified credit code (`组织机构代码/统一社会信用代码`): a label, never a value.
    '组织机构代码',
    '性别',
    '民族',
    '照片',
    '文化程度',
    '类型',
    '注册资本',
    '营业期限',
    '经营范围',
    '登记机关',
    '有效期限',
    '有效期至',
    '有效期',
    '有效期限至',
    '有效期截止',
    '签发机关',
    '户籍地址',
    '家庭住址',
    '通讯地址',
    '联系地址',
    '监制',
    '联系电话',
    '电话',
    '邮编',
    '备注',
    '序号',
    '险种',
    '籍贯',
    '理论知识考试成绩',
    '操作技能考核成绩',
    '成绩',
    '评定成绩',
    '复审',
    // Where the holder sat the assessment (`鉴定站点`　`…学院考点`): a school, never the certificate's issuer.
    '鉴定站点',
    '考核站点',
    '(盖章)',
    '(签章)',
    '(签字)',
    '(签名)',
    '(公章)',
    '盖章',
    '签字',
    '签章',
    '法定代表人(签字)',
    // Business licences of every generation and kind (个体工商户, branches, 企业法人营业执照, 副本).
    '组成形式',
    '主体类型',
    '企业类型',
    '公司类型',
    '经济性质',
    '实收资本',
    '出资额',
    '成员出资总额',
    '注册资金',
    '经营期限',
    '合伙期限',
    '营业期限自',
    '发照日期',
    '核准日期',
    '证照编号',
    '副本编号',
    '隶属企业',
    // A certificate's other dates (assessment, examination, review, schooling): never its issue date, whose `日期`
    // they end in.
    '考核日期',
    '鉴定日期',
    '鉴定时间',
    '考试日期',
    '考试时间',
    '评定日期',
    '评定时间',
    '复审日期',
    '复审时间',
    '年审日期',
    '入学日期',
    '毕业日期',
    // Training certificates print the course's dates and hours beside the project.
    '培训时间',
    '培训期间',
    '培训日期',
    '培训学时',
    '学时',
    // Pre-2016 licences split 经营范围 into 许可经营项目 / 一般经营项目.
    '经营项目',
    '许可经营项目',
    '一般经营项目',
    '登记状态',
    '企业状态',
    '参保状态',
    '缴费状态',
    '人员状态',
    '证件类型',
    '打印日期',
    '打印时间',
    '出具日期',
    '营业期限至',
    '经营期限至',
  ],
} as const;

export type LabelGroup = keyof typeof PRINTED_LABELS;

/** Date labels printed with the 期 of 日期 left off (`起始日`, `用工终止日`, `签订日`, `发证日`). */
const SHORT_DATE_GROUPS: readonly LabelGroup[] = ['startDate', 'endDate', 'signedDate', 'issueDate', 'establishedDate'];

/**
 * A term's two ends as forms word them: the term's name (`聘用期`, `合同期限`) and a word for its start or its end
 * (`聘用期自` … `聘用期至`, `合同期起` … `合同期止`). Every name with every word, so a form that pairs them its own
 * way is read as its end, never as the term (`聘用期自` is one edit from `聘用期限`). A probation (试用期) is not the
 * contract's term and has no place here; nor has `劳动合同期限`, a clause's heading (`一、劳动合同期限`) that would
 * read as the head of a label wrapped onto the next line.
 */
const TERM_NAMES = ['合同期限', '合同期', '聘期', '聘用期', '聘任期', '聘用期限', '聘任期限', '受聘期', '受聘期限', '实习期', '实习期限', '期限'];
const TERM_END_WORDS: Partial<Record<LabelGroup, readonly string[]>> = {
  startDate: ['自', '起', '开始', '起始'],
  endDate: ['至', '止', '结束', '终止', '截止', '届满'],
};

/** A group's term ends: every term name with every word of the group's (none for a group that has no words). */
const termEnds = (group: LabelGroup): string[] => (TERM_END_WORDS[group] ?? []).flatMap((word) => TERM_NAMES.map((name) => `${name}${word}`));

/** The term's ends TERM_END_WORDS composes that no form above prints. */
const TERM_END_FORMS = new Set(
  (Object.keys(TERM_END_WORDS) as LabelGroup[]).flatMap((group) =>
    termEnds(group).filter((form) => !(PRINTED_LABELS[group] as readonly string[]).includes(form)),
  ),
);

/**
 * The lexicon as readers use it: the printed forms above, plus each date label of four characters or more also
 * without its final 期 (forms are written once; a reader asking for `LABELS.startDate` gets `起始日` too), plus a
 * term's ends (TERM_END_WORDS).
 */
export const LABELS: { readonly [G in LabelGroup]: readonly string[] } = Object.fromEntries(
  (Object.entries(PRINTED_LABELS) as Array<[LabelGroup, readonly string[]]>).map(([group, forms]) => [
    group,
    [
      ...new Set([
        ...forms,
        ...(SHORT_DATE_GROUPS.includes(group) ? forms.filter((f) => f.length >= 4 && f.endsWith('日期')).map((f) => f.slice(0, -1)) : []),
        ...termEnds(group),
      ]),
    ],
  ]),
) as unknown as { readonly [G in LabelGroup]: readonly string[] };

/**
 * Words that qualify a label printed right before it, with no space or colon (`有效证件号码`, `用工起始日`,
 * `本人姓名`, `企业住所`): the label is the whole word and the qualifier is never a value. Checked only where a
 * label segment starts (line start, after a separator or a previous value), so `王晓明` before `性别` stays a value.
 */
export const LABEL_QUALIFIERS: ReadonlySet<string> = new Set([
  '有效',
  '本人',
  '个人',
  '职工',
  '员工',
  '考生',
  '学员',
  '申请人',
  '持证人',
  '用工',
  '合同',
  '劳动',
  '聘用',
  '聘任',
  '实习',
  '居民',
  '公民',
  '企业',
  '公司',
  '单位',
  '登记',
  '核准',
  '注册',
  '主要',
  '现',
  '户籍',
  // A licence since 2022 names the registrant 市场主体 (`市场主体类型`, `市场主体名称`).
  '市场',
  // A contract's header row names the worker's fields by party (`乙方身份证号`, `乙方联系电话`).
  '乙方',
  // A skill-level certificate names what was evaluated (`评价职业(工种)`, `评价等级`).
  '评价',
]);

/** Nouns that, right after another label, complete it (`甲方(用人单位)名称`, `评价机构名称`). */
export const GENERIC_LABEL_NOUNS: ReadonlySet<string> = new Set(['名称', '姓名']);

/** Labels short enough to occur inside ordinary words: they count only at a segment start or before a colon. */
const WEAK_LABELS = new Set<string>([
  '职业',
  '工种',
  '等级',
  '级别',
  '编号',
  '证号',
  '日期',
  '甲方',
  '乙方',
  '丙方',
  '名称',
  '岗位',
  '职务',
  '职称',
  '期限',
  '聘期',
  '学校',
  '院校',
  '地址',
  '住所',
  '出生',
  '电话',
  '类型',
  '成绩',
  '盖章',
  '签字',
  '签章',
  '身份证',
  '劳动者',
  '负责人',
  '经营者',
  '投资人',
  '有效期',
  '备注',
  '序号',
  '险种',
  '籍贯',
  '证件号',
  '注册号',
  '出资额',
]);

/** A licence's label of the registrant's type or make-up (`类型`, `组成形式`, `企业类型`): its value is a closed term. */
export const REGISTRANT_TYPE_LABEL = /^(类型|组成形式|主体类型|企业类型|公司类型|经济性质)$/;

/** A licence's label of a sum of capital (`注册资本`, `实收资本`): its value is an amount in 元 (`100万元人民币`). */
export const CAPITAL_LABEL = /^(注册资本|实收资本|注册资金|出资额)$/;

/** The group each form belongs to (the first group that lists it), so a fuzzy match can be told apart from a rival. */
export const LABEL_GROUP_OF: ReadonlyMap<string, LabelGroup> = (() => {
  const map = new Map<string, LabelGroup>();
  for (const [group, forms] of Object.entries(LABELS) as Array<[LabelGroup, readonly string[]]>) {
    for (const form of forms) if (!map.has(form)) map.set(form, group);
  }
  return map;
})();

/** True for a label short enough to be an ordinary word (`职业`, `学校`, `日期`). */
export function isWeakLabel(form: string): boolean {
  return WEAK_LABELS.has(form);
}

export interface LabelForm {
  form: string;
  weak: boolean;
}

/** All label forms (each once), longest first so that `发证日期` wins over `日期` at the same position. */
export const LABEL_FORMS: readonly LabelForm[] = [...new Set(Object.values(LABELS).flat() as string[])]
  .map((form) => ({ form, weak: WEAK_LABELS.has(form) }))
  .sort((a, b) => b.form.length - a.form.length);

/** Forms indexed by their first character, for a fast scan. */
export const LABELS_BY_FIRST_CHAR: ReadonlyMap<string, readonly LabelForm[]> = (() => {
  const map = new Map<string, LabelForm[]>();
  for (const label of LABEL_FORMS) {
    const list = map.get(label.form[0]) ?? [];
    list.push(label);
    map.set(label.form[0], list);
  }
  return map;
})();

/** Every prefix of every label form, to join a label the engine split into boxes one character at a time. */
export const LABEL_PREFIXES: ReadonlySet<string> = new Set(LABEL_FORMS.flatMap((l) => [...l.form].map((_, i) => l.form.slice(0, i + 1))));

/** Forms long enough (≥ 4 characters, no brackets) to be recognised with one character misread or missing. */
// A term's end composed from its name (TERM_END_FORMS) is matched as printed: one edit off, it is the term's name
// (`劳动合同期限` of `劳动合同期限自`, a clause's heading).
const FUZZY_FORMS: readonly LabelForm[] = LABEL_FORMS.filter((l) => l.form.length >= 4 && !/[()/]/.test(l.form) && !TERM_END_FORMS.has(l.form));

const push = (map: Map<string, LabelForm[]>, key: string, label: LabelForm) => {
  const list = map.get(key);
  if (list) list.push(label);
  else map.set(key, [label]);
};
// A form spelled with one character wrong keeps its first or its last character; with one missing, it starts with
// its first or (the first missing) its second character. Indexed so only forms that can match are compared.
const FUZZY_BY_FIRST = new Map<string, LabelForm[]>();
const FUZZY_BY_SECOND = new Map<string, LabelForm[]>();
const FUZZY_BY_LAST = new Map<string, LabelForm[]>();
const FUZZY_LENGTHS = [...new Set(FUZZY_FORMS.map((l) => l.form.length))];
for (const label of FUZZY_FORMS) {
  const f = label.form;
  push(FUZZY_BY_FIRST, f[0], label);
  push(FUZZY_BY_SECOND, f[1], label);
  push(FUZZY_BY_LAST, `${f.length}:${f[f.length - 1]}`, label);
}

/** How an organisation's name ends (several characters: a one-character suffix like `局` is too often a word). */
const ORGANISATION_TAIL = /(学校|中心|公司|学院|大学|集团|协会|学会|委员会|合作社|事务所|商行|经营部|工作室)$/;

/** The fuzzy forms that can match at `at`, longest first, each once. */
function fuzzyCandidates(text: string, at: number): LabelForm[] {
  const set = new Set<LabelForm>([...(FUZZY_BY_FIRST.get(text[at]) ?? []), ...(FUZZY_BY_SECOND.get(text[at]) ?? [])]);
  for (const n of FUZZY_LENGTHS) for (const l of FUZZY_BY_LAST.get(`${n}:${text[at + n - 1]}`) ?? []) set.add(l);
  return [...set].sort((a, b) => b.form.length - a.form.length);
}

/**
 * The label form that `text` spells at `at` with one character misread (`法定代表入`), missing (`统一社会信用代`,
 * `成立日`) or, inside it, one of a stamp's letters read in (`单限位名称`), when exactly one label group fits; the match
 * length in `text` comes with it. Only forms of four
 * characters or more are tried: a shorter label with one character wrong is too often another word.
 *
 * @example
 * fuzzyLabelAt('法定代表入:张三', 0); // { form: '法定代表人', length: 5 }
 */
export function fuzzyLabelAt(text: string, at: number): { form: string; length: number } | undefined {
  const found = fuzzyLongLabelAt(text, at);
  return found ?? lookalikeShortLabelAt(text, at);
}

/**
 * Characters the engine reads for one another (one stroke more or less inside the same frame): `目` for 日 (`起始目`),
 * `入` for 人, `已` or `巳` for 己. A short label with one of them swapped is still the label; any other change is
 * too often another word.
 */
const LOOKALIKE_CHARACTERS: Readonly<Record<string, string>> = { 目: '日', 曰: '日', 入: '人', 已: '己', 巳: '己' };

/** Three-character forms (no brackets), by their text with each character swapped for what reads like it. */
const SHORT_FORMS_BY_LOOKALIKE = new Map<string, string>();
for (const label of LABEL_FORMS) {
  const f = label.form;
  if (f.length !== 3 || /[()/]/.test(f)) continue;
  for (const [misread, meant] of Object.entries(LOOKALIKE_CHARACTERS)) {
    for (let k = 0; k < 3; k++) if (f[k] === meant) SHORT_FORMS_BY_LOOKALIKE.set(f.slice(0, k) + misread + f.slice(k + 1), f);
  }
}

/** A three-character form read with one character swapped for its look-alike (`起始目` for 起始日). */
export function lookalikeShortLabelAt(text: string, at: number): { form: string; length: number } | undefined {
  const form = SHORT_FORMS_BY_LOOKALIKE.get(text.slice(at, at + 3));
  return form ? { form, length: 3 } : undefined;
}

function fuzzyLongLabelAt(text: string, at: number): { form: string; length: number } | undefined {
  let found: { form: string; length: number } | undefined;
  let group: LabelGroup | undefined;
  for (const label of fuzzyCandidates(text, at)) {
    const form = label.form;
    const n = form.length;
    let length = 0;
    // One character misread: same length, one position differs (never the first and last both).
    const same = text.slice(at, at + n);
    if (same.length === n) {
      let diff = 0;
      for (let k = 0; k < n && diff < 2; k++) if (same[k] !== form[k]) diff++;
      if ((diff === 1 && same[0] === form[0]) || (diff === 1 && same[n - 1] === form[n - 1])) length = n;
    }
    if (!length && n - 1 >= 3) {
      // One character missing: the text holds the form without one of its characters.
      const short = text.slice(at, at + n - 1);
      for (let k = 0; k < n && !length; k++) if (form.slice(0, k) + form.slice(k + 1) === short) length = n - 1;
    }
    if (!length && n >= 4) {
      // One character of a watermark or stamp read into it (`单限位名称`, the copy's `仅限办理…` laid across the label):
      // inside the form only, and only one of the letters stamps are made of.
      const long = text.slice(at, at + n + 1);
      for (let k = 1; k < n && !length; k++) if (OVERPRINT_CHARS.has(long[k]) && long.slice(0, k) + long.slice(k + 1) === form) length = n + 1;
    }
    if (!length) continue;
    // The tail of a wrapped organisation name (`培训学校` under `杭州之江职业`, one character off `培训学时`) is no
    // misread label: a label never ends like an organisation's name.
    if (ORGANISATION_TAIL.test(text.slice(at, at + length)) && !ORGANISATION_TAIL.test(form)) continue;
    // Someone else's label one character off the form (`担保人姓名` for `参保人姓名`) is that party's, no misread.
    if (opensWithOtherPartyRole(text.slice(at, at + length)) && !opensWithOtherPartyRole(form)) continue;
    const g = LABEL_GROUP_OF.get(form);
    if (found && group !== g) return undefined;
    // A longer match of the same group wins (forms come longest first).
    if (!found) {
      found = { form, length };
      group = g;
    }
  }
  return found;
}
