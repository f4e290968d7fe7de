import { EVIDENCE_ZH } from './evidence.js';
import type { DocumentTypeName } from '../documents/document-type.js';
import type { Decision } from '../policy/decision.js';
import { COMMITMENT_LETTER, MATERIALS } from '../policy/materials.js';
import { PROGRAMME_TITLES, UNCLASSIFIED, programmeIdSchema } from '../policy/programmes.js';

/**
 * What clerks and training bodies read for each document type (the page, reasons, exports): Simplified Chinese.
 *
 * @example
 * DOCUMENT_TITLES_ZH.labor_contract; // '劳动合同'
 */
export const DOCUMENT_TITLES_ZH: Record<DocumentTypeName, string> = {
  vocational_certificate: '职业资格/技能等级证书',
  labor_contract: '劳动合同',
  employment_letter: '聘书',
  social_insurance_record: '社保缴费记录',
  business_license: '营业执照',
  internship_agreement: '实习协议',
  id_card: '身份证',
  unknown: '无法识别的材料',
};

/** Case states as clerks and training bodies read them. */
export const CASE_STATUS_ZH: Record<string, string> = {
  needs_review: '待审核',
  claimed: '审核中',
  awaiting_documents: '待补材料',
  confirmed: '待审批',
  rejected: '已驳回',
  approved: '已审批',
  paid: '已支付',
  declined: '不予补贴',
};

/** Decision outcomes as clerks and training bodies read them. */
export const OUTCOME_ZH: Record<string, string> = {
  eligible: '符合',
  ineligible: '不予补贴',
  needs_review: '待核对',
  missing_documents: '缺少材料',
};

/** Certificate kinds (`certificateKind` field values) as people read them. */
export const CERTIFICATE_KIND_ZH: Record<string, string> = {
  qualification: '职业资格证书',
  skill_level: '职业技能等级证书',
  special_ability: '专项能力证书',
  special_operation: '特种作业操作证',
  training_completion: '培训合格证书',
};

/** Document fields as clerks read them (the page's labels, reasons and the audit trail). */
export const FIELD_LABELS_ZH: Record<string, string> = {
  holderName: '持证人',
  idNumber: '身份证号',
  occupation: '职业（工种）',
  level: '等级',
  certificateKind: '证书类别',
  certificateNumber: '证书编号',
  issueDate: '发证日期',
  issuer: '发证机关',
  employerName: '用人单位',
  employerCreditCode: '统一社会信用代码',
  employeeName: '劳动者',
  employeeIdNumber: '劳动者身份证号',
  startDate: '起始日期',
  endDate: '终止日期',
  signedDate: '签订日期',
  title: '聘任职务',
  personName: '姓名',
  monthsPaid: '缴费月数',
  periodStart: '缴费起始',
  periodEnd: '缴费截止',
  companyName: '企业名称',
  creditCode: '统一社会信用代码',
  address: '住所',
  establishedDate: '成立日期',
  legalRepresentative: '法定代表人',
  name: '姓名',
  birthDate: '出生日期',
  studentName: '学生姓名',
  studentIdNumber: '学生身份证号',
  enterpriseName: '企业名称',
  schoolName: '学校名称',
  number: '证书编号',
  kind: '证书类别',
  householdRegistration: '户籍',
  residencePermit: '居住证',
  worksLocally: '本地就业创业',
  unemploymentRegisteredLocally: '本地失业登记',
  drawsMonthlyPension: '按月领取养老金',
  insuredInHangzhou: '杭州参保',
  from: '缴费起始',
  to: '缴费截止',
  openEnded: '无固定期限',
  signed: '已签署',
  declaresNoMonthlyPension: '承诺不领取养老金',
  signedOn: '签署日期',
};

/** The fact groups of the rules' paths (`engagementLetter.endDate`, `persons[p1].name`) as clerks read them. */
const FACT_GROUPS_ZH: Record<string, string> = {
  persons: '申领人',
  person: '申领人',
  certificates: '证书',
  certificate: '证书',
  labourContracts: '劳动合同',
  labourContract: '劳动合同',
  engagementLetters: '聘书',
  engagementLetter: '聘书',
  internshipAgreements: '实习协议',
  internshipAgreement: '实习协议',
  employmentAgreements: '就业协议',
  employmentAgreement: '就业协议',
  socialInsurance: '社保缴费记录',
  applicant: '申请单位',
  commitment: '告知承诺书',
  apprenticeship: '学徒培训',
};

/**
 * The unconfirmed figures the rules may rest an amount on, by parameter name (what `awaitingConfirmation` lists), as
 * the policy names them. A name not listed falls back to the clause of its source document.
 */
export const PARAMETER_TITLES_ZH: Record<string, string> = {
  'apprenticeship.employee_standard_per_year': '职工学徒补贴标准（每人每年）',
  'apprenticeship.student_standard_per_year': '学生学徒补贴标准（每人每年）',
  'apprenticeship.city_fee_share_percent': '职工学徒培训费补贴比例',
  'apprenticeship.city_cap_per_year': '职工学徒每人每年补贴上限',
  'certificate_training.per_level': '职业资格证书培训补贴标准（按等级）',
  'certificate_training.special_ability': '专项能力证书培训补贴标准',
};

/** A field path of the rules (`certificates[0].level`, `engagementLetter.endDate`) as a clerk reads it: 证书的「等级」. */
function factPathZh(path: string): string {
  const parts = path.split('.');
  const field = parts.pop() ?? '';
  const group = (parts[0] ?? '').replace(/\[[^\]]*\]$/, '');
  const groupZh = FACT_GROUPS_ZH[group] ?? '';
  const fieldZh = FIELD_LABELS_ZH[field] ?? '';
  if (!fieldZh && !groupZh) return '';
  return groupZh ? `${groupZh}的「${fieldZh || field}」` : `「${fieldZh}」`;
}

/**
 * A reason or finding as a clerk reads it: no internal field paths, document ids or parameter names. A document id
 * becomes the document's title (`documents` of the case), a rules path (`engagementLetter.endDate`, `persons[p1].name`)
 * a Chinese label, a parameter name its title.
 *
 * @example
 * clerkText('识别结果待核对：certificates[0].level（材料doc-9350，字段level）', [{ documentId: 'doc-9350', type: 'vocational_certificate' }]);
 * // '识别结果待核对：证书的「等级」（职业资格/技能等级证书）'
 */
export function clerkText(zh: string, documents: readonly { documentId: string; type: string }[] = []): string {
  const titleOf = (id: string) => {
    const document = documents.find((d) => d.documentId === id);
    return document ? ((DOCUMENT_TITLES_ZH as Record<string, string>)[document.type] ?? '材料') : '材料';
  };
  let text = zh
    // The evaluation's "read with low confidence" sentence: 〈path〉（材料〈id〉，字段〈field〉）.
    .replace(/（材料([\w.:#-]+)，字段(\w+)）/g, (_, id: string) => `（${titleOf(id)}）`)
    .replace(/[A-Za-z_]+(?:\[[^\]]*\])?(?:\.[A-Za-z_]+(?:\[[^\]]*\])?)+/g, (path: string) => {
      if (PARAMETER_TITLES_ZH[path]) return PARAMETER_TITLES_ZH[path]!;
      return factPathZh(path) || path;
    })
    .replace(/\bdoc-[\w-]+(?:#\d+)?/g, (id) => titleOf(id.replace(/#\d+$/, '')))
    .replace(/\b(qualification|skill_level|special_ability|special_operation|training_completion)\b/g, (kind) => CERTIFICATE_KIND_ZH[kind] ?? kind);
  for (const [status, label] of Object.entries(OUTCOME_ZH)) text = text.replace(new RegExp(`\\b${status}\\b`, 'g'), label);
  return text;
}

/** The title of a programme (`XH36-3.7.c` → 高技能人才一次性补贴（个人）), or the id when unknown. */
export function programmeTitleZh(programme: string | undefined): string {
  if (!programme) return '';
  const parsed = programmeIdSchema.safeParse(programme);
  if (parsed.success) return PROGRAMME_TITLES[parsed.data].zh;
  if (programme === UNCLASSIFIED) return '未分类';
  return programme === 'XH36-end' ? '政策有效期外' : programme;
}

/** One line of 待确认标准: the figure, its value and the document the policy delegates it to. */
export interface UnconfirmedFigure {
  parameter: string;
  titleZh: string;
  document: string;
  clause: string;
}

/**
 * The figures an amount rests on that the bureau has not confirmed (`amountStatus: 'awaiting_confirmation'`), named
 * for a clerk; empty when the amount is final or nothing is payable.
 *
 * @example
 * unconfirmedFigures(decision); // [{ parameter: 'certificate_training.per_level', titleZh: '职业资格证书培训补贴标准（按等级）', document: '杭人社发〔2016〕27号', … }]
 */
export function unconfirmedFigures(decision: Decision | undefined): UnconfirmedFigure[] {
  if (!decision || decision.amountStatus !== 'awaiting_confirmation') return [];
  return (decision.awaitingConfirmation ?? []).map((a) => ({
    parameter: a.parameter,
    titleZh: PARAMETER_TITLES_ZH[a.parameter] ?? a.clause,
    document: a.document,
    clause: a.clause,
  }));
}

/** One standard document of the case's programme, for the request-documents checklist. */
export interface ChecklistItem {
  code: string;
  zh: string;
  /** The decision found it missing (ticked by default). */
  missing: boolean;
}

/**
 * The standard documents of the case's programme (its materials list, `MATERIALS`) and any the decision found
 * missing, each listed once, for the request-documents checklist.
 *
 * @example
 * documentChecklist(decision); // [{ code: 'id_card', zh: '身份证', missing: false }, { code: 'labour_contract', zh: '劳动合同', missing: true }, …]
 */
export function documentChecklist(decision: Decision | undefined): ChecklistItem[] {
  const items = new Map<string, ChecklistItem>();
  const programme = decision ? programmeIdSchema.safeParse(decision.programme) : undefined;
  const missing = new Set(decision?.missingDocuments ?? []);
  for (const m of decision?.missingDocumentDetails ?? []) items.set(m.code, { code: m.code, zh: m.zh, missing: true });
  for (const requirement of programme?.success ? MATERIALS[programme.data] : []) {
    if (!items.has(requirement.code)) items.set(requirement.code, { code: requirement.code, zh: requirement.zh, missing: missing.has(requirement.code) });
  }
  if (!items.has(COMMITMENT_LETTER.code))
    items.set(COMMITMENT_LETTER.code, { code: COMMITMENT_LETTER.code, zh: COMMITMENT_LETTER.zh, missing: missing.has(COMMITMENT_LETTER.code) });
  return [...items.values()];
}

/**
 * What a request for documents asks for, as the applicant reads it: checklist codes become their titles, anything
 * else is kept as written (trimmed), each once.
 *
 * @example
 * requestedDocumentTitles(['labour_contract', '户口簿'], decision); // ['劳动合同', '户口簿']
 */
export function requestedDocumentTitles(requested: readonly string[], decision: Decision | undefined): string[] {
  const checklist = documentChecklist(decision);
  const titles = requested
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => checklist.find((item) => item.code === r)?.zh ?? r);
  return [...new Set(titles)];
}

/** Audit actions as clerks read them. */
export const AUDIT_ACTIONS_ZH: Record<string, string> = {
  create: '生成案件',
  documents_added: '补充材料',
  claim: '领取',
  release: '释放',
  correct_fields: '更正字段',
  confirm: '确认',
  reject: '退回',
  request_documents: '要求补件',
  approve: '审批通过',
  resolve_finding: '处理疑点',
  record_evidence: '补录核对结果',
  decline: '不予补贴',
  recover_funds: '追回已拨付资金',
  classify: '人工分类',
  regroup_pages: '调整材料分页',
  paid: '已支付',
  mark_paid: '已支付',
  lease_expired: '领取过期',
};

/** A time as Beijing time, `2026-11-27 09:00`. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const AUDIT_KEYS_ZH: Record<string, string> = {
  status: '状态',
  outcome: '判定',
  amountYuan: '金额',
  queue: '队列',
  reason: '原因',
  note: '说明',
  requestedDocuments: '补件材料',
  programme: '项目',
  documentTypes: '材料类型',
  readAgainAs: '已按新类型重新识别',
  notReadAgain: '识别结果已不在存储中，未重新识别（请人工录入）',
  evidence: '核对结果',
  code: '疑点',
  paidYuan: '已拨付',
  recoveredYuan: '已追回',
  findingRef: '查实文书',
  duplicateOf: '重复申领',
};

/** One value of the trail as short text. */
function shortValue(key: string, value: unknown, documents: readonly { documentId: string; type: string }[]): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key === 'status') return CASE_STATUS_ZH[String(value)] ?? String(value);
  if (key === 'outcome') return OUTCOME_ZH[String(value)] ?? String(value);
  if (key === 'amountYuan' || key === 'paidYuan' || key === 'recoveredYuan') return `${Number(value).toLocaleString('zh-CN')} 元`;
  if (key === 'queue' || key === 'programme') return programmeTitleZh(String(value));
  if (key === 'evidence') return EVIDENCE_ZH[String(value) as keyof typeof EVIDENCE_ZH] ?? String(value);
  if (key === 'code') return String(value) === 'different_persons' ? '材料人员不一致' : String(value);
  if (Array.isArray(value)) return value.map((v) => String(v)).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return '';
  return clerkText(String(value), documents);
}

/** A correction's key (`doc-1#0.level`) as 〈document〉「〈field〉」. */
function fieldKeyZh(key: string, documents: readonly { documentId: string; type: string }[]): string {
  const match = /^(.*)#\d+\.(\w+)$/.exec(key);
  if (!match) return key;
  const document = documents.find((d) => d.documentId === match[1]);
  const title = document ? ((DOCUMENT_TITLES_ZH as Record<string, string>)[document.type] ?? '材料') : '材料';
  return `${title}「${FIELD_LABELS_ZH[match[2]!] ?? match[2]}」`;
}

/**
 * A change of the trail (`before`, `after` of an audit event) as short text: `状态：待审核 → 已确认；金额：0 元 → 5,000 元`.
 * Corrections name the document and field; nothing internal (JSON, ids, user ids) is shown.
 *
 * @example
 * changeText({ status: 'needs_review' }, { status: 'confirmed' }, []); // '状态：待审核 → 已确认'
 */
export function changeText(before: unknown, after: unknown, documents: readonly { documentId: string; type: string }[]): string {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const parts: string[] = [];
  const fieldsBefore = (b.fields ?? {}) as Record<string, { value?: unknown }>;
  const fieldsAfter = (a.fields ?? {}) as Record<string, { value?: unknown }>;
  for (const key of new Set([...Object.keys(fieldsBefore), ...Object.keys(fieldsAfter)])) {
    parts.push(`${fieldKeyZh(key, documents)}：${shortValue('', fieldsBefore[key]?.value, documents)} → ${shortValue('', fieldsAfter[key]?.value, documents)}`);
  }
  for (const key of Object.keys(AUDIT_KEYS_ZH)) {
    if (!(key in a) && !(key in b)) continue;
    const from = shortValue(key, b[key], documents);
    const to = shortValue(key, a[key], documents);
    if (key in b && key in a) {
      if (from !== to) parts.push(`${AUDIT_KEYS_ZH[key]}：${from} → ${to}`);
    } else if (key in a) parts.push(`${AUDIT_KEYS_ZH[key]}：${to}`);
  }
  return parts.join('；');
}

/** One row of the readable audit trail. */
export interface AuditRow {
  at: string;
  who: string;
  what: string;
  change: string;
}

/**
 * The audit trail as a table a clerk reads: Beijing time, who by display name (a system step as 系统), what in
 * Chinese, before → after as short text.
 *
 * @example
 * auditRows(audit, reviewCase.documents)[0]; // { at: '2026-11-27 09:00', who: '张经办', what: '确认', change: '状态：审核中 → 待审批' }
 */
export function auditRows(
  audit: readonly { at: string; actor: string; actorName?: string; action: string; before?: unknown; after?: unknown }[],
  documents: readonly { documentId: string; type: string }[],
): AuditRow[] {
  const names = new Map<string, string>();
  for (const event of audit) if (event.actorName) names.set(event.actor, event.actorName);
  return audit.map((event) => ({
    at: beijingTime(event.at),
    who: event.actor.startsWith('system') ? '系统' : (event.actorName ?? names.get(event.actor) ?? event.actor),
    what: AUDIT_ACTIONS_ZH[event.action] ?? '其他操作',
    change: changeText(event.before, event.after, documents),
  }));
}
