import type { Evaluation } from '../evaluation.js';
import { checkMaterials, isNewerLevel, levelKey, levelName } from './common.js';
import { personCovered } from './coverage.js';
import { policyInForce } from './validity.js';

const RULE = 'XH36-3.2';

/**
 * XH36-3.2: 鼓励和引导有培训需求的劳动者参加职业资格证书（职业技能等级证书、专项能力证书）培训，补贴对象范围放宽至职业技能提升
 * 行动的培训对象……由区人力社保局与培训机构签订培训协议。职业技能等级证书培训补贴由按规定开展职业技能等级认定的企业向区人力社保局
 * 提出申请。Standards per 杭人社发〔2016〕27号 and 〔2020〕43号 (unconfirmed figures). Relevant date: the issue date.
 *
 * @example
 * certificateTraining(evaluation);
 */
export function certificateTraining(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, RULE);
  const certificate = facts.certificates[0];
  if (!certificate) {
    evaluation.unreadable(RULE, 'certificate', { zh: '证书', en: 'the certificate' });
    return;
  }
  const kind = evaluation.read('certificate', certificate, 'kind');
  const level = evaluation.read('certificate', certificate, 'level');
  const issueDate = evaluation.read('certificate', certificate, 'issueDate');
  const number = evaluation.read('certificate', certificate, 'number');
  if (issueDate) evaluation.date = issueDate;
  if (!policyInForce(evaluation, evaluation.date, { zh: '证书发证日期', en: 'certificate issue date' })) return;

  if (kind === 'special_operation' || kind === 'training_completion') {
    evaluation.ineligible(RULE, { zh: '特种作业操作证、培训合格证书属项目制培训（XH36-3.3）', en: 'special-operations and completion certificates fall under project training (XH36-3.3)' });
    return;
  }
  const applicant = facts.applicant;
  if (kind === 'skill_level') {
    // 职业技能等级证书培训补贴由按规定开展职业技能等级认定的企业申请
    const assesses = evaluation.read('applicant', applicant, 'runsRecognisedLevelAssessment');
    if (applicant.kind !== 'enterprise' || assesses === false) {
      evaluation.ineligible(RULE, { zh: '职业技能等级证书培训补贴由开展职业技能等级认定的企业申请', en: 'the skill-level certificate subsidy is claimed by the enterprise that runs the recognised assessment' });
      return;
    }
    if (assesses === undefined) evaluation.review(RULE, { zh: '未能确认申请企业按规定开展职业技能等级认定', en: 'not established that the applicant runs a recognised level assessment' });
  } else if (applicant.kind === 'training_body') {
    const agreement = evaluation.read('applicant', applicant, 'hasTrainingAgreement');
    if (agreement === false) {
      evaluation.ineligible(RULE, { zh: '培训机构未与区人力社保局签订培训协议', en: 'the training body has no training agreement with the bureau' });
      return;
    }
    if (agreement === undefined) evaluation.review(RULE, { zh: '未能确认培训机构的培训协议', en: "the training body's agreement with the bureau is not established" });
  } else if (applicant.kind !== 'individual') {
    evaluation.ineligible(RULE, { zh: '职业资格证书培训补贴由学员本人或签约培训机构申请', en: 'claimed by the trainee or a contracted training body' });
    return;
  }
  if (personCovered(evaluation, evaluation.person(certificate.personRef)) === 'not_covered') return;

  let amount: number | undefined;
  if (kind === 'special_ability') amount = evaluation.param<number>('certificate_training.special_ability');
  else if (level === undefined) {
    evaluation.review(RULE, { zh: '证书等级未能识别', en: 'the certificate level could not be read' });
    return;
  } else amount = evaluation.param<Record<string, number>>('certificate_training.per_level')[levelKey(level)];
  if (amount === undefined) {
    evaluation.ineligible(RULE, {
      zh: `${level !== undefined ? levelName(level) : ''}等级不在本政策补贴标准内`,
      en: `level ${String(level)} ${level !== undefined && isNewerLevel(level) ? 'is recognised but ' : 'is '}not paid under this policy`,
    });
    return;
  }
  if (number) evaluation.claimKey({ kind: 'unique', key: `${RULE}:certificate:${number.trim().toUpperCase()}`, ruleId: RULE });
  else evaluation.review(RULE, { zh: '证书编号未能识别，无法核对重复申领', en: 'no certificate number: duplicates cannot be checked' });
  evaluation.pay(amount);
  evaluation.note(RULE, {
    zh: `${kind === 'special_ability' ? '专项能力证书' : levelName(level!)}培训补贴${amount}元`,
    en: `${kind === 'special_ability' ? 'special-ability certificate' : `level ${String(level)} certificate`}: ${amount} yuan`,
  });
}
