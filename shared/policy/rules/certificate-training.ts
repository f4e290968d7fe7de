import type { Evaluation } from '../evaluation.js';
import type { CertificateFacts } from '../facts.js';
import { checkMaterials, isNewerLevel, levelKey, levelName } from './common.js';
import { personCovered } from './coverage.js';
import { policyInForce } from './validity.js';

const RULE = 'XH36-3.2';

type Verdict = 'paid' | 'set_aside' | 'pending';

/**
 * XH36-3.2: 鼓励和引导有培训需求的劳动者参加职业资格证书（职业技能等级证书、专项能力证书）培训，补贴对象范围放宽至职业技能提升
 * 行动的培训对象……由区人力社保局与培训机构签订培训协议。职业技能等级证书培训补贴由按规定开展职业技能等级认定的企业向区人力社保局
 * 提出申请。Standards per 杭人社发〔2016〕27号 and 〔2020〕43号 (unconfirmed figures). Relevant date: each certificate's
 * issue date. A roster is judged certificate by certificate: the qualifying ones are paid, the rest go to a clerk.
 *
 * @example
 * certificateTraining(evaluation);
 */
export function certificateTraining(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, RULE);
  const certificates = facts.certificates;
  if (certificates.length === 0) {
    evaluation.unreadable(RULE, 'certificate', { zh: '证书', en: 'the certificate' });
    return;
  }
  const verdicts = certificates.map((certificate, index) => judgeCertificate(evaluation, certificate, index, certificates.length === 1));
  const dates = certificates
    .map((c) => c.issueDate)
    .filter((d): d is string => d !== undefined)
    .sort();
  if (certificates.length === 1 || dates.length === 0) return;
  evaluation.date = dates[0];
  const paid = verdicts.filter((v) => v === 'paid').length;
  const pending = verdicts.filter((v) => v === 'pending').length;
  if (paid === 0 && pending === 0) {
    evaluation.ineligible(RULE, { zh: '名册中没有符合条件的证书', en: 'no certificate on the roster qualifies' });
  } else if (paid < certificates.length) {
    evaluation.review(RULE, {
      zh: `名册${certificates.length}人中${paid}人符合条件，请核对其余人员`,
      en: `${paid} of ${certificates.length} certificates qualify; check the others`,
    });
  }
}

function judgeCertificate(evaluation: Evaluation, certificate: CertificateFacts, index: number, single: boolean): Verdict {
  const { facts } = evaluation;
  const path = single ? 'certificate' : `certificates[${index}]`;
  const kind = evaluation.read(path, certificate, 'kind');
  const level = evaluation.read(path, certificate, 'level');
  const issueDate = evaluation.read(path, certificate, 'issueDate');
  const number = evaluation.read(path, certificate, 'number');
  const label = single ? '' : number ? `证书${number}：` : `第${index + 1}张证书：`;
  const labelEn = single ? '' : number ? `certificate ${number}: ` : `certificate #${index + 1}: `;
  const refuse = (zh: string, en: string): Verdict => {
    if (single) evaluation.ineligible(RULE, { zh, en });
    else evaluation.note(RULE, { zh: `${label}${zh}`, en: `${labelEn}${en}` });
    return 'set_aside';
  };
  const pending = (zh: string, en: string): Verdict => {
    evaluation.review(RULE, { zh: `${label}${zh}`, en: `${labelEn}${en}` });
    return 'pending';
  };

  const date = issueDate ?? facts.claimDate;
  if (single) {
    evaluation.date = date;
    if (!policyInForce(evaluation, date, { zh: '证书发证日期', en: 'certificate issue date' })) return 'set_aside';
  } else if (!evaluation.parameters.find('policy.document', date)) {
    return refuse(`发证日期${date}不在政策有效期内`, `issue date ${date} is outside the validity window`);
  }

  if (kind === 'special_operation' || kind === 'training_completion') {
    return refuse(
      '特种作业操作证、培训合格证书属项目制培训（XH36-3.3）',
      'special-operations and completion certificates fall under project training (XH36-3.3)',
    );
  }
  const applicant = facts.applicant;
  if (kind === 'skill_level') {
    // 职业技能等级证书培训补贴由按规定开展职业技能等级认定的企业申请
    const assesses = evaluation.read('applicant', applicant, 'runsRecognisedLevelAssessment');
    if (applicant.kind !== 'enterprise' || assesses === false) {
      return refuse(
        '职业技能等级证书培训补贴由开展职业技能等级认定的企业申请',
        'the skill-level certificate subsidy is claimed by the enterprise that runs the recognised assessment',
      );
    }
    if (assesses === undefined)
      return pending('未能确认申请企业按规定开展职业技能等级认定', 'not established that the applicant runs a recognised level assessment');
  } else if (applicant.kind === 'training_body') {
    const agreement = evaluation.read('applicant', applicant, 'hasTrainingAgreement');
    if (agreement === false) return refuse('培训机构未与区人力社保局签订培训协议', 'the training body has no training agreement with the bureau');
    if (agreement === undefined) return pending('未能确认培训机构的培训协议', "the training body's agreement with the bureau is not established");
  } else if (applicant.kind !== 'individual') {
    return refuse('职业资格证书培训补贴由学员本人或签约培训机构申请', 'claimed by the trainee or a contracted training body');
  }

  const person = evaluation.person(certificate.personRef);
  if (single) {
    if (personCovered(evaluation, person) === 'not_covered') return 'set_aside';
  } else if (person?.drawsMonthlyPension === true) {
    return refuse('按月领取养老金的人员不在政策范围内（XH36-2.1）', 'people drawing a monthly pension are not covered (XH36-2.1)');
  }

  let amount: number | undefined;
  if (kind === 'special_ability') amount = evaluation.param<number>('certificate_training.special_ability', date);
  else if (level === undefined) return pending('证书等级未能识别', 'the certificate level could not be read');
  else amount = evaluation.param<Record<string, number>>('certificate_training.per_level', date)[levelKey(level)];
  if (amount === undefined) {
    return refuse(
      `${level !== undefined ? levelName(level) : ''}等级不在本政策补贴标准内`,
      `level ${String(level)} ${level !== undefined && isNewerLevel(level) ? 'is recognised but ' : 'is '}not paid under this policy`,
    );
  }
  if (!number) return pending('证书编号未能识别，无法核对重复申领', 'no certificate number: duplicates cannot be checked');
  evaluation.claimKey({ kind: 'unique', key: `${RULE}:certificate:${number.trim().toUpperCase()}`, ruleId: RULE });
  evaluation.countTowardsTarget(1, [{ kind, level }]);
  evaluation.pay(amount);
  evaluation.payable(RULE, {
    zh: `${label}${kind === 'special_ability' ? '专项能力证书' : levelName(level!)}培训补贴${amount}元`,
    en: `${labelEn}${kind === 'special_ability' ? 'special-ability certificate' : `level ${String(level)} certificate`}: ${amount} yuan`,
  });
  return 'paid';
}
