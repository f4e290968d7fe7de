import { z } from 'zod';
import type { Decision } from '../policy/decision.js';

/**
 * What a clerk can record having seen, to settle an open point of a decision (待核对). Each establishes one fact of
 * the person under XH36-2.1 (对具有本地户籍、本地常住并办有居住证、在本地就业创业或在本地办理失业登记的城乡劳动者……;
 * 可将……不具有按月领取养老金资格的人员纳入政策范围).
 */
export const evidenceKindSchema = z.enum([
  'household_registration', // 本地户籍（户口簿、户籍证明）
  'residence_permit', // 本地居住证
  'local_employment', // 在本地就业创业（劳动合同、营业执照）
  'local_social_insurance', // 在本地缴纳社保（社保缴费记录）
  'local_unemployment_registration', // 在本地办理失业登记
  'no_monthly_pension', // 不按月领取养老金（告知承诺书、社保查询）
]);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/** One piece of evidence a clerk recorded: what it shows, what was seen (document, number), who, when. */
export const recordedEvidenceSchema = z.object({
  kind: evidenceKindSchema,
  /** What the clerk saw, e.g. 居住证 330106…，有效期至2025-06-30. */
  note: z.string().trim().min(1).max(500),
  /** Until when a residence permit is valid (YYYY-MM-DD), when the clerk read it. */
  validUntil: z.iso.date().optional(),
  by: z.string(),
  at: z.string(),
});
export type RecordedEvidence = z.infer<typeof recordedEvidenceSchema>;

/** The evidence kinds as the clerk reads them (the control's label and what it establishes). */
export const EVIDENCE_ZH: Record<EvidenceKind, string> = {
  household_registration: '本地户籍（已核对户口簿或户籍证明）',
  residence_permit: '本地居住证（已核对居住证）',
  local_employment: '在本地就业创业（已核对劳动合同或营业执照）',
  local_social_insurance: '在本地缴纳社保（已核对社保缴费记录）',
  local_unemployment_registration: '在本地办理失业登记（已核对失业登记证明）',
  no_monthly_pension: '不按月领取养老金（已核对告知承诺书或社保查询）',
};

/** The place a local document names: Xihu, Hangzhou (local under either reading of 本地, `interpretation.local_area`). */
const LOCAL = { city: '杭州市', district: '西湖区' } as const;

/**
 * The person's facts the recorded evidence establishes, as `ClaimContext.declared` takes them (merged over what the
 * documents say about the first person), so the case is judged again through the same rules.
 *
 * @example
 * declaredFromEvidence([{ kind: 'residence_permit', note: '居住证', by: 'clerk1', at: '…' }]);
 * // { persons: [{ ref: 'p1', residencePermit: { city: '杭州市', district: '西湖区' } }] }
 */
export function declaredFromEvidence(evidence: readonly RecordedEvidence[] | undefined): { persons: Record<string, unknown>[] } | undefined {
  if (!evidence || evidence.length === 0) return undefined;
  const person: Record<string, unknown> = { ref: 'p1' };
  for (const item of evidence) {
    switch (item.kind) {
      case 'household_registration':
        person.householdRegistration = { ...LOCAL };
        break;
      case 'residence_permit':
        person.residencePermit = { ...LOCAL, ...(item.validUntil ? { validUntil: item.validUntil } : {}) };
        break;
      case 'local_employment':
      case 'local_social_insurance':
        person.worksLocally = true;
        break;
      case 'local_unemployment_registration':
        person.unemploymentRegisteredLocally = true;
        break;
      case 'no_monthly_pension':
        person.drawsMonthlyPension = false;
        break;
    }
  }
  return { persons: [person] };
}

/** One open point of a decision (a reason that sent it to 待核对) and the evidence that can settle it. */
export interface OpenPoint {
  ruleId: string;
  zh: string;
  evidence: EvidenceKind[];
}

const COVERAGE: EvidenceKind[] = [
  'household_registration',
  'residence_permit',
  'local_employment',
  'local_social_insurance',
  'local_unemployment_registration',
];

/**
 * The open points of a decision that is not 符合 and, for each, the evidence kinds a clerk can record to settle it:
 * XH36-2.1 coverage not established (or refused for want of local 户籍, 居住证, 就业 or 失业登记 — the documents may
 * simply not show them) and an unconfirmed pension. Other 待核对 reasons are listed without evidence (ask for documents,
 * or close the case as 不予补贴); a reading to be checked (识别结果待核对) is settled by correcting the field, not here.
 *
 * @example
 * openPointsOf(decision); // [{ ruleId: 'XH36-2.1', zh: '未能确认本地户籍、居住证…', evidence: ['household_registration', …] }]
 */
export function openPointsOf(decision: Decision | undefined): OpenPoint[] {
  if (!decision || decision.outcome === 'eligible') return [];
  const points: OpenPoint[] = [];
  for (const reason of decision.reasons) {
    if (reason.zh.startsWith('识别结果待核对') || reason.zh.startsWith('缺少材料')) continue;
    const evidence: EvidenceKind[] = [];
    if (reason.ruleId === 'XH36-2.1' && /户籍|居住证/.test(reason.zh)) evidence.push(...COVERAGE);
    if (/未确认是否按月领取养老金|告知承诺书未能识别/.test(reason.zh)) evidence.push('no_monthly_pension');
    const unsettled = decision.outcome === 'needs_review' && /待核对|未能|无法|未确认/.test(reason.zh);
    if (evidence.length === 0 && !unsettled) continue;
    points.push({ ruleId: reason.ruleId, zh: reason.zh, evidence });
  }
  return points;
}
