/**
 * Label wording per role. `common` words are what seen families print; `rare` words only held-out families draw, so a
 * held-out family measures wording the reader was not tuned on as well as layout.
 */
export interface Words {
  common: readonly string[];
  rare: readonly string[];
}

export const LEXICON = {
  name: { common: ['姓名', '持证人', '持证人姓名'], rare: ['考生姓名', '申请人姓名', '本人姓名'] },
  sex: { common: ['性别'], rare: ['性　别'] },
  idNumber: { common: ['身份证号', '公民身份号码', '证件号码', '身份证号码'], rare: ['身份证件号码', '证件号', '居民身份证号'] },
  birth: { common: ['出生日期', '出生年月'], rare: ['出生'] },
  occupation: { common: ['职业（工种）', '职业名称', '工种'], rare: ['职业(工种)名称', '申报职业', '认定职业'] },
  level: { common: ['职业技能等级', '等级', '技能等级'], rare: ['级别', '资格等级', '认定等级'] },
  certificateNumber: { common: ['证书编号', '证书号'], rare: ['证书编码', '证号', '证书号码'] },
  issueDate: { common: ['发证日期', '颁证日期'], rare: ['签发日期', '认定日期', '发证时间'] },
  issuer: { common: ['发证机关', '发证单位'], rare: ['颁证机构', '认定机构', '颁发单位'] },
  assessor: { common: ['评价机构', '评价机构名称'], rare: ['认定机构', '评价单位'] },
  specialAbility: { common: ['专项能力名称', '项目名称'], rare: ['专项职业能力', '考核项目'] },
  operationItem: { common: ['准操项目', '操作项目'], rare: ['作业项目', '准许作业项目'] },
  operationCategory: { common: ['作业类别'], rare: ['操作类别', '作业种类'] },
  validUntil: { common: ['有效期至'], rare: ['有效期限至', '有效期截止'] },
  training: { common: ['培训项目', '培训内容'], rare: ['培训专业', '培训工种'] },
  trainingBody: { common: ['培训机构', '发证单位'], rare: ['培训单位', '承训机构'] },
  companyName: { common: ['名称'], rare: ['企业名称', '字号名称'] },
  companyType: { common: ['类型'], rare: ['公司类型', '企业类型', '主体类型'] },
  legalRepresentative: { common: ['法定代表人'], rare: ['法定代表人姓名', '法人代表'] },
  address: { common: ['住所'], rare: ['地址', '企业住所'] },
  capital: { common: ['注册资本'], rare: ['注册资金'] },
  established: { common: ['成立日期'], rare: ['登记成立日期', '成立时间'] },
  term: { common: ['营业期限'], rare: ['经营期限'] },
  scope: { common: ['经营范围'], rare: ['经营项目', '许可经营项目'] },
  insuredName: { common: ['姓名', '参保人'], rare: ['参保人姓名', '个人姓名'] },
  insuredId: { common: ['公民身份号码', '身份证号码'], rare: ['社会保障号码', '社会保障卡号'] },
  employerName: { common: ['甲方（用人单位）名称', '用人单位', '甲方'], rare: ['单位名称', '用工单位'] },
  employerCode: { common: ['统一社会信用代码'], rare: ['社会信用代码', '信用代码'] },
  employeeName: { common: ['乙方（劳动者）姓名', '乙方', '劳动者姓名'], rare: ['职工姓名', '受聘人'] },
  employeeId: { common: ['身份证号码', '居民身份证号码'], rare: ['有效证件号码', '证件号码'] },
  contractStart: { common: ['合同起始日期', '合同期限自'], rare: ['用工起始日', '起始日期'] },
  contractEnd: { common: ['合同终止日期', '合同期限至'], rare: ['用工终止日', '终止日期'] },
  signedDate: { common: ['签订日期'], rare: ['签约日期', '订立日期'] },
} as const satisfies Record<string, Words>;

export type Role = keyof typeof LEXICON;

/**
 * Label wording only the proc-H3 held-out families draw (2026-12-07, family32): rarer words from real forms, none of
 * them in LEXICON's common or rare lists, so no other family prints them. Roles left out fall back to common words.
 */
export const H3_WORDS: Partial<Record<Role, readonly string[]>> = {
  name: ['持证者姓名', '证书持有人', '学员姓名'],
  idNumber: ['身份证明号码', '公民身份证号', '身份证件号'],
  occupation: ['鉴定职业', '职业/工种', '评价职业（工种）'],
  level: ['鉴定等级', '技能级别', '等级（级别）'],
  certificateNumber: ['证书统一编号', '证件编号', '证书编号（No.）'],
  issueDate: ['颁发日期', '核发日期', '发证日期（年月日）'],
  issuer: ['核发机关', '发证机构', '签发单位'],
  assessor: ['评价组织', '认定单位'],
  specialAbility: ['能力项目', '专项能力'],
  operationItem: ['操作项目名称', '准操作项目'],
  operationCategory: ['作业类型'],
  validUntil: ['有效日期至'],
  training: ['培训课程', '培训名称'],
  trainingBody: ['培训组织单位', '办学单位'],
  companyName: ['市场主体名称', '企业（字号）名称'],
  companyType: ['市场主体类型', '组织形式'],
  legalRepresentative: ['法定代表人（负责人）', '法人'],
  address: ['住所（经营场所）', '注册地址'],
  capital: ['注册资本（万元）'],
  established: ['设立日期', '成立日期（注册日期）'],
  term: ['营业期限（起止）'],
  scope: ['经营范围（主营）'],
  insuredName: ['参保人员姓名', '被保险人'],
  insuredId: ['个人社会保障号码', '身份证件号码（社保）'],
  employerName: ['甲方单位名称', '用人单位（甲方）'],
  employerCode: ['统一信用代码', '组织机构代码/统一社会信用代码'],
  employeeName: ['劳动者（乙方）', '员工姓名'],
  employeeId: ['乙方身份证号', '公民身份号码（乙方）'],
  contractStart: ['合同生效日期', '聘用期自'],
  contractEnd: ['合同到期日期', '聘用期至'],
  signedDate: ['签署日期', '合同签订时间'],
};

/** English glosses printed under (or over) Chinese labels on bilingual forms (procedural-v3 held-out families). */
const ENGLISH: Record<Role, string> = {
  name: 'Name',
  sex: 'Sex',
  idNumber: 'ID No.',
  birth: 'Date of Birth',
  occupation: 'Occupation',
  level: 'Level',
  certificateNumber: 'Certificate No.',
  issueDate: 'Date of Issue',
  issuer: 'Issued by',
  assessor: 'Assessment Body',
  specialAbility: 'Special Ability',
  operationItem: 'Operation Item',
  operationCategory: 'Category',
  validUntil: 'Valid Until',
  training: 'Training Programme',
  trainingBody: 'Training Institution',
  companyName: 'Name',
  companyType: 'Type',
  legalRepresentative: 'Legal Representative',
  address: 'Domicile',
  capital: 'Registered Capital',
  established: 'Date of Establishment',
  term: 'Business Term',
  scope: 'Business Scope',
  insuredName: 'Insured Person',
  insuredId: 'Citizen ID No.',
  employerName: 'Employer',
  employerCode: 'Unified Social Credit Code',
  employeeName: 'Employee',
  employeeId: 'ID No.',
  contractStart: 'Term From',
  contractEnd: 'Term To',
  signedDate: 'Date Signed',
};

/**
 * The English gloss of a printed label: the role whose words hold it, or a plain fallback for labels outside the
 * lexicon (经营者, 负责人, 组成形式 …).
 *
 * @example englishGloss('证书编号'); // 'Certificate No.'
 */
export function englishGloss(label: string): string {
  const bare = label.replace(/[\s　]/g, '');
  for (const [role, words] of Object.entries(LEXICON) as [Role, Words][]) {
    if ([...words.common, ...words.rare].some((w) => w.replace(/[\s　]/g, '') === bare)) return ENGLISH[role];
  }
  const extra: Record<string, string> = {
    经营者: 'Operator',
    负责人: 'Person in Charge',
    组成形式: 'Form',
    经营场所: 'Business Premises',
    营业场所: 'Business Premises',
    注册日期: 'Date of Registration',
    注册号: 'Registration No.',
    统一社会信用代码: 'Unified Social Credit Code',
    单位名称: 'Employer',
    缴费月数: 'Months Paid',
    培训时间: 'Training Period',
    实收资本: 'Paid-in Capital',
    参保状态: 'Insurance Status',
    性别: 'Sex',
    地址: 'Address',
    联系电话: 'Telephone',
    合同类型: 'Contract Type',
    工作岗位: 'Post',
  };
  return extra[bare] ?? 'Item';
}
