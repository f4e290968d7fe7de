import type { Evaluation } from '../evaluation.js';
import { checkMaterials, heldCompetition } from './common.js';
import { inForceOnRelevantDate } from './validity.js';

const RULE = 'XH36-3.3';

/**
 * XH36-3.3 1.(1): 特种作业操作证书项目（含安全合格证、建筑施工特种作业人员操作证）. Per 43号 (unconfirmed): up to a cap per
 * person per project. Relevant date: the latest certificate's issue date, else the project's completion.
 *
 * @example
 * specialOperations(evaluation);
 */
export function specialOperations(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, 'XH36-3.3.1');
  const certificates = facts.certificates.filter((c) => c.kind === 'special_operation');
  const project = facts.projectTraining;
  const dates = certificates
    .map((c) => c.issueDate)
    .filter((d): d is string => d !== undefined)
    .sort();
  if (!inForceOnRelevantDate(evaluation, dates[dates.length - 1] ?? project?.completedOn, { zh: '取证日期', en: 'certificate date' })) return;
  if (facts.certificates.length > 0 && certificates.length === 0) {
    evaluation.ineligible(RULE, { zh: '须为特种作业操作证书', en: 'special-operations certificates are required' });
    return;
  }
  const people = certificates.length > 0 ? certificates.length : (project?.traineesCertified ?? 0);
  evaluation.use('specialOperations.people', people);
  const cap = evaluation.param<number>('project_training.special_operation_cap_per_person');
  const fee = project ? evaluation.read('projectTraining', project, 'feePerPersonYuan') : undefined;
  if (fee === undefined) {
    evaluation.review(RULE, {
      zh: `未提供每人培训费用，按上限${cap}元/人暂计`,
      en: `no fee per person: the cap of ${cap} yuan per person is used provisionally`,
    });
  }
  const perPerson = Math.min(fee ?? cap, cap);
  evaluation.countTowardsTarget(people, [{ kind: 'special_operation', count: people }]);
  evaluation.pay(perPerson * people);
  evaluation.payable(RULE, {
    zh: `特种作业操作证书${people}人，每人${perPerson}元`,
    en: `${people} special-operations certificate(s) at ${perPerson} yuan each`,
  });
}

/**
 * XH36-3.3 1.(2): 培训合格证书项目。区人力社保局根据市场需要设立培训补贴项目，并向市人力社保局提交备案审核表。经审核同意后，通过政府
 * 购买服务形式开展培训。Per 43号 (unconfirmed): per person per day, capped in days. Relevant date: the project's completion.
 *
 * @example
 * completionCertificateProject(evaluation);
 */
export function completionCertificateProject(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, 'XH36-3.3.2');
  const project = facts.projectTraining;
  if (!project) {
    evaluation.review(RULE, { zh: '缺少项目信息', en: 'no facts about the project' });
    return;
  }
  const completedOn = evaluation.read('projectTraining', project, 'completedOn');
  if (!inForceOnRelevantDate(evaluation, completedOn, { zh: '培训结束日期', en: 'training completion date' })) return;
  const filed = evaluation.read('projectTraining', project, 'filedWithCity');
  if (filed === false) {
    evaluation.ineligible(RULE, { zh: '培训补贴项目未经市人力社保局备案审核同意', en: 'the project was not filed with and approved by the city bureau' });
    return;
  }
  const days = evaluation.read('projectTraining', project, 'trainingDays');
  const trainees =
    evaluation.read('projectTraining', project, 'traineesCertified') ?? facts.certificates.filter((c) => c.kind === 'training_completion').length;
  if (days === undefined || trainees === 0) {
    evaluation.review(RULE, { zh: '培训天数或合格人数未能确认', en: 'training days or certified trainees not established' });
    return;
  }
  const perDay = evaluation.param<number>('project_training.completion_per_person_day');
  const maxDays = evaluation.param<number>('project_training.completion_max_days');
  const paidDays = Math.min(days, maxDays);
  evaluation.countTowardsTarget(trainees, [{ kind: 'training_completion', count: trainees }]);
  evaluation.pay(perDay * paidDays * trainees);
  evaluation.payable(RULE, {
    zh: `培训合格证书项目：${trainees}人×${paidDays}天×${perDay}元${days > maxDays ? `（最多${maxDays}天）` : ''}`,
    en: `completion-certificate project: ${trainees} × ${paidDays} day(s) × ${perDay} yuan${days > maxDays ? ` (at most ${maxDays} days)` : ''}`,
  });
}

/**
 * XH36-3.3 1.(3): 竞赛项目。竞赛举办方向市或区人力社保局提交竞赛项目申请（备案）审核表，经相应人力社保局审核同意后，由竞赛举办方组织
 * 实施。Per 43号 (unconfirmed): per participant passing theory and practice. Relevant date: the competition date.
 *
 * @example
 * competitionProject(evaluation);
 */
export function competitionProject(evaluation: Evaluation): void {
  checkMaterials(evaluation, 'XH36-3.3.3');
  const competition = heldCompetition(evaluation, RULE);
  if (!competition) return;
  // 竞赛举办方向市或区人力社保局提交竞赛项目申请（备案）审核表，经相应人力社保局审核同意后，由竞赛举办方组织实施。
  const approvedBy = evaluation.read('competition', competition, 'approvedBy');
  const approved = evaluation.read('competition', competition, 'approved');
  if (approved === false) {
    evaluation.ineligible(RULE, {
      zh: '竞赛项目申请（备案）未经市或区人力社保局审核同意，不予补贴',
      en: 'the competition project was not approved by the city or district bureau: no subsidy',
    });
    return;
  }
  if (approvedBy === undefined && approved !== true) {
    evaluation.review(RULE, { zh: '未能确认竞赛项目经市或区人力社保局审核同意', en: 'approval by the city or district bureau is not established' });
  }
  const passed = evaluation.read('competition', competition, 'participantsPassed');
  if (passed === undefined) {
    evaluation.review(RULE, { zh: '理论和实操均合格人数未能确认', en: 'the number passing theory and practice is not established' });
    return;
  }
  const perPerson = evaluation.param<number>('project_training.competition_per_person');
  evaluation.countTowardsTarget(passed);
  evaluation.pay(perPerson * passed);
  evaluation.payable(RULE, { zh: `竞赛项目：合格${passed}人×${perPerson}元`, en: `competition project: ${passed} passed × ${perPerson} yuan` });
}
