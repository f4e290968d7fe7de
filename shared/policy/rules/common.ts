import type { Evaluation } from '../evaluation.js';
import type { ApplicantKind, CertificateLevel, CompetitionFacts } from '../facts.js';
import { APPRENTICESHIP_MATERIALS, INDIVIDUAL_BUSINESS_LICENCE, MATERIALS, type MaterialRequirement } from '../materials.js';
import type { ProgrammeId } from '../programmes.js';
import { inForceOnRelevantDate } from './validity.js';

/**
 * Checks the programme's materials list against the documents handed in; `waive` drops items the facts make
 * unnecessary (e.g. insurance proof for people insured in Hangzhou).
 *
 * @example
 * checkMaterials(evaluation, 'XH36-3.7.c');
 */
export function checkMaterials(evaluation: Evaluation, programme: ProgrammeId, waive: (item: MaterialRequirement) => boolean = () => false): void {
  const handedIn = evaluation.facts.materials;
  const track = programme === 'XH36-3.1' ? evaluation.facts.apprenticeship?.track : undefined;
  const list = [...(track ? APPRENTICESHIP_MATERIALS[track] : MATERIALS[programme])];
  if (programme === 'XH36-3.7.c' && evaluation.interpretation('individual_identity_document') === 'id_card_and_business_licence') {
    list.push(INDIVIDUAL_BUSINESS_LICENCE);
  }
  for (const requirement of list) {
    if (waive(requirement)) continue;
    if (!requirement.anyOf.some((material) => handedIn.includes(material))) evaluation.missingDocument(requirement);
  }
}

/**
 * Whether the claim comes from an applicant of a kind the clause names; when not, the claim is ineligible under `rule`
 * with `refusal` as its reason.
 *
 * @example
 * if (!claimedBy(evaluation, 'XH36-3.7.c', ['individual'], { zh: '个人一次性补贴须由本人申请', en: 'claimed by the person' })) return;
 */
export function claimedBy(evaluation: Evaluation, rule: string, kinds: readonly ApplicantKind[], refusal: { zh: string; en: string }): boolean {
  if (kinds.includes(evaluation.facts.applicant.kind)) return true;
  evaluation.ineligible(rule, refusal);
  return false;
}

/**
 * The competition a claim is about (XH36-3.3.3 competition projects, XH36-3.7.d its host), judged on the day it was
 * held; undefined when the facts give none (a review under `rule` is recorded) or no policy was in force that day.
 *
 * @example
 * const competition = heldCompetition(evaluation, 'XH36-3.7.d');
 * if (!competition) return;
 */
export function heldCompetition(evaluation: Evaluation, rule: string): CompetitionFacts | undefined {
  const competition = evaluation.facts.competition;
  if (!competition) {
    evaluation.review(rule, { zh: '缺少竞赛信息', en: 'no facts about the competition' });
    return undefined;
  }
  const heldOn = evaluation.read('competition', competition, 'heldOn');
  return inForceOnRelevantDate(evaluation, heldOn, { zh: '竞赛举办日期', en: 'competition date' }) ? competition : undefined;
}

/**
 * The key a level has in parameter tables (`"1"` … `"5"`, `principal_technician`, ...).
 *
 * @example
 * levelKey(2); // '2'
 */
export function levelKey(level: CertificateLevel): string {
  return String(level);
}

/** The Chinese names of certificate levels by level key (`'2'`, `'apprentice'` …), for reasons and reports. */
export const LEVEL_NAMES: Readonly<Record<string, string>> = {
  '1': '一级（高级技师）',
  '2': '二级（技师）',
  '3': '三级（高级工）',
  '4': '四级（中级工）',
  '5': '五级（初级工）',
  apprentice: '学徒工',
  principal_technician: '特级技师',
  chief_technician: '首席技师',
};

/**
 * The Chinese name of a level, for reasons.
 *
 * @example
 * levelName(2); // '二级（技师）'
 */
export function levelName(level: CertificateLevel): string {
  return LEVEL_NAMES[levelKey(level)] ?? String(level);
}

/**
 * Whether two employer mentions are the same unit: by credit code when both have one, else by normalised name.
 *
 * @example
 * sameEmployer({ name: '杭州某某有限公司' }, { name: '杭州某某有限公司 ' }); // true
 */
export function sameEmployer(a: { name?: string; creditCode?: string }, b: { name?: string; creditCode?: string }): boolean | undefined {
  if (a.creditCode && b.creditCode) return a.creditCode.toUpperCase() === b.creditCode.toUpperCase();
  if (a.name && b.name) return a.name === b.name || normaliseName(a.name) === normaliseName(b.name);
  return undefined;
}

function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Levels that appear only after the policy (recognised, paid only where a parameter names them).
 *
 * @example
 * isNewerLevel('principal_technician'); // true
 */
export function isNewerLevel(level: CertificateLevel): boolean {
  return typeof level === 'string';
}
