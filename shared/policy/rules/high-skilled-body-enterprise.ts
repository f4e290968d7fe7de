import type { Evaluation } from '../evaluation.js';
import type { CertificateFacts } from '../facts.js';
import { checkMaterials, isNewerLevel, levelKey, levelName, sameEmployer } from './common.js';
import { isXihu } from './coverage.js';
import { policyInForce } from './validity.js';

/**
 * XH36-3.7.a: 培训机构为注册在我区企业的职工或西湖区户籍居民组织开展高技能人才培训，当年新取得三级（高级工）及以上职业资格证书
 * 或职业技能等级证书的，给予培训机构每人200元的一次性补贴。
 * XH36-3.7.b: 我区注册的企业组织本企业职工开展高技能人才培训，当年新取得三级（高级工）及以上……给予企业每人200元的一次性补贴。
 * Each certificate is judged on its own issue date; one claim per certificate number across bodies and enterprises.
 *
 * @example
 * highSkilledBodyOrEnterprise(evaluation, 'XH36-3.7.a');
 */
export function highSkilledBodyOrEnterprise(evaluation: Evaluation, rule: 'XH36-3.7.a' | 'XH36-3.7.b'): void {
  const { facts } = evaluation;
  const allInsuredInHangzhou = facts.persons.length > 0 && facts.persons.every((p) => p.insuredInHangzhou === true);
  // 在杭州市参缴社会保险的，可不提供参保证明
  checkMaterials(evaluation, rule, (item) => item.code === 'trainee_residence_or_insurance_proof' && allInsuredInHangzhou);

  const applicant = facts.applicant;
  if (rule === 'XH36-3.7.a' && applicant.kind !== 'training_body') {
    evaluation.ineligible(rule, { zh: '本项补贴由培训机构申请', en: 'this subsidy is claimed by the training body' });
    return;
  }
  if (rule === 'XH36-3.7.b') {
    if (applicant.kind !== 'enterprise') {
      evaluation.ineligible(rule, { zh: '本项补贴由我区注册企业申请', en: 'this subsidy is claimed by an enterprise registered in Xihu' });
      return;
    }
    const registered = evaluation.read('applicant', applicant, 'registeredInXihu');
    if (registered === false) {
      evaluation.ineligible(rule, { zh: '申请企业不是我区注册企业', en: 'the applicant enterprise is not registered in Xihu' });
      return;
    }
    if (registered === undefined) {
      evaluation.review(rule, { zh: '未能在区企业名录中确认申请企业', en: 'the applicant could not be found in the district register' });
    }
  }

  const certificates = facts.certificates;
  if (certificates.length === 0) {
    evaluation.unreadable(rule, 'certificate_roster', { zh: '发证名册中的证书', en: 'the certificates of the roster' });
    evaluation.unreadable(rule, 'certificate', { zh: '证书复印件', en: 'the certificate copies' });
    return;
  }
  const results = certificates.map((certificate, index) => judgeCertificate(evaluation, rule, certificate, index));
  const dates = certificates
    .map((c) => c.issueDate)
    .filter((d): d is string => d !== undefined)
    .sort();
  if (dates.length > 0) evaluation.date = dates[0];
  const paid = results.filter((r) => r.verdict === 'paid');
  for (const result of paid) evaluation.pay(result.amount);
  if (certificates.length <= 1) return;
  const pending = results.filter((r) => r.verdict === 'pending').length;
  if (paid.length === 0 && pending === 0) {
    evaluation.ineligible(rule, { zh: '名册中没有符合条件的证书', en: 'no certificate on the roster qualifies' });
  } else if (paid.length < certificates.length) {
    evaluation.review(rule, {
      zh: `名册${certificates.length}人中${paid.length}人符合条件，请核对其余人员`,
      en: `${paid.length} of ${certificates.length} certificates qualify; check the others`,
    });
  }
}

type CertificateResult = { verdict: 'paid'; amount: number } | { verdict: 'set_aside' | 'pending' };

/** Judges one certificate of the roster; returns the amount it earns (0 when set aside, with a reason). */
function judgeCertificate(evaluation: Evaluation, rule: 'XH36-3.7.a' | 'XH36-3.7.b', certificate: CertificateFacts, index: number): CertificateResult {
  const { facts } = evaluation;
  const path = `certificates[${index}]`;
  const number = evaluation.read(path, certificate, 'number');
  const issueDate = evaluation.read(path, certificate, 'issueDate');
  const level = evaluation.read(path, certificate, 'level');
  const label = number ? `证书${number}` : `第${index + 1}张证书`;
  const labelEn = number ? `certificate ${number}` : `certificate #${index + 1}`;
  // A roster of many: one bad line must not sink the others, so single-certificate failures are hard, batch ones review.
  const single = facts.certificates.length === 1;
  const setAside = (zh: string, en: string): CertificateResult => {
    if (single) evaluation.ineligible(rule, { zh: `${label}：${zh}`, en: `${labelEn}: ${en}` });
    else evaluation.note(rule, { zh: `${label}：${zh}`, en: `${labelEn}: ${en}` });
    return { verdict: 'set_aside' };
  };
  const pending = (zh: string, en: string): CertificateResult => {
    evaluation.review(rule, { zh: `${label}：${zh}`, en: `${labelEn}: ${en}` });
    return { verdict: 'pending' };
  };

  if (certificate.kind !== 'qualification' && certificate.kind !== 'skill_level') {
    return setAside('须为职业资格证书或职业技能等级证书', 'must be a vocational qualification or skill-level certificate');
  }
  if (!issueDate || level === undefined) {
    return pending('等级或发证日期未能识别', 'level or issue date could not be read');
  }
  if (!evaluation.parameters.find('policy.document', issueDate)) {
    if (single) {
      evaluation.date = issueDate;
      policyInForce(evaluation, issueDate, { zh: '证书发证日期', en: 'certificate issue date' });
      return { verdict: 'set_aside' };
    }
    return setAside(`发证日期${issueDate}不在政策有效期内`, `issue date ${issueDate} is outside the validity window`);
  }
  evaluation.use('policy.document', evaluation.parameters.find('policy.document', issueDate)?.value);
  // 当年新取得
  const newly = evaluation.interpretation('newly_obtained_body_enterprise');
  if (newly === 'claim_year' && issueDate.slice(0, 4) !== facts.claimDate.slice(0, 4)) {
    return setAside(`非申请当年新取得（发证日期${issueDate}）`, `not newly obtained in the year of the claim (issued ${issueDate})`);
  }
  const levels = evaluation.param<string[]>('high_skilled_talent.body_and_enterprise_levels', issueDate);
  if (!levels.includes(levelKey(level))) {
    return setAside(
      isNewerLevel(level) ? `${levelName(level)}不在本政策补贴范围内` : `证书等级为${levelName(level)}，须三级（高级工）及以上`,
      isNewerLevel(level)
        ? `level ${String(level)} is recognised but not paid under this policy`
        : `level ${String(level)}: level 3 (高级工) or higher is required`,
    );
  }

  const person = evaluation.person(certificate.personRef);
  if (person?.drawsMonthlyPension === true) {
    return setAside('按月领取养老金的人员不在政策范围内（XH36-2.1）', 'people drawing a monthly pension are not covered (XH36-2.1)');
  }
  const contract = facts.labourContracts.find((c) => c.personRef === undefined || c.personRef === certificate.personRef);
  if (rule === 'XH36-3.7.a') {
    // 注册在我区企业的职工或西湖区户籍居民
    const xihuEmployee = contract?.employerRegisteredInXihu;
    const xihuHousehold = person?.householdRegistration ? isXihu(person.householdRegistration.district) : undefined;
    if (xihuEmployee !== true && xihuHousehold !== true) {
      if (xihuEmployee === false || xihuHousehold === false) {
        return setAside('学员既非我区注册企业职工，也非西湖区户籍居民', 'the trainee is neither an employee of a Xihu enterprise nor a Xihu resident');
      }
      return pending('未能确认学员为我区企业职工或西湖区户籍居民', 'the trainee is not shown to work for a Xihu enterprise or to be a Xihu resident');
    }
  } else {
    // 我区注册的企业组织本企业职工: the trainee is the applicant's own employee, shown by a labour contract with it or
    // social insurance it pays. Never assumed: without either, the enterprise is asked for the contract.
    const applicantUnit = { name: facts.applicant.name, creditCode: facts.applicant.creditCode };
    const own = ownEmployee(evaluation, path, applicantUnit, contract, certificate.personRef);
    if (own === false) return setAside('学员不是本企业职工', 'the trainee is not an employee of the applicant');
    if (own === undefined) {
      if (!facts.materials.includes('labour_contract')) {
        evaluation.missingDocument(OWN_EMPLOYEE_CONTRACT);
        return { verdict: 'pending' };
      }
      return pending('未能从劳动合同确认学员为本企业职工', 'the labour contract does not show the trainee to be an employee of the applicant');
    }
  }

  if (!number) return pending('证书编号未能识别，无法核对重复申领', 'no certificate number, duplicates cannot be checked');
  evaluation.claimKey({ kind: 'unique', key: certificateClaimKey(number), ruleId: rule });
  const amount = evaluation.param<number>(
    rule === 'XH36-3.7.a' ? 'high_skilled_talent.training_body_per_person' : 'high_skilled_talent.enterprise_per_person',
    issueDate,
  );
  evaluation.countTowardsTarget(1, [{ kind: certificate.kind, level }]);
  evaluation.payable(rule, { zh: `${label}：${levelName(level)}，补贴${amount}元`, en: `${labelEn}: level ${String(level)}, ${amount} yuan` });
  return { verdict: 'paid', amount };
}

/** What 3.7.b asks for when nothing shows the trainee is the enterprise's own employee (本企业职工). */
const OWN_EMPLOYEE_CONTRACT = {
  code: 'own_employee_labour_contract',
  ruleId: 'XH36-3.7.b',
  anyOf: ['labour_contract'] as const,
  zh: '学员与本企业签订的劳动合同（证明为本企业职工）',
  en: "the trainee's labour contract with the applicant (proof of being its own employee)",
};

/**
 * Whether the trainee is the applicant's own employee: `true`/`false` from a labour contract (or, failing one, the
 * social-insurance spans) naming the employer; `undefined` when no fact names an employer.
 */
function ownEmployee(
  evaluation: Evaluation,
  path: string,
  applicant: { name?: string; creditCode?: string },
  contract: { employerName?: string; employerCreditCode?: string; sources?: Record<string, { documentId: string; field: string }> } | undefined,
  personRef: string | undefined,
): boolean | undefined {
  if (contract) {
    evaluation.read('labourContract', contract, 'employerName');
    const same = sameEmployer(applicant, { name: contract.employerName, creditCode: contract.employerCreditCode });
    evaluation.use(`${path}.ownEmployee`, same);
    if (same !== undefined) return same;
  }
  const spans = evaluation.facts.socialInsurance.filter((s) => s.personRef === undefined || s.personRef === personRef);
  const matches = spans.map((s) => sameEmployer(applicant, { name: s.employerName, creditCode: s.employerCreditCode }));
  if (matches.includes(true)) {
    evaluation.use(`${path}.ownEmployee`, true);
    return true;
  }
  if (matches.length > 0 && matches.every((m) => m === false) && !contract) return false;
  return undefined;
}

/**
 * The key shared by XH36-3.7.a and 3.7.b: one claim per certificate number, whoever claims it.
 *
 * @example
 * certificateClaimKey(' s0001 '); // 'XH36-3.7.ab:certificate:S0001'
 */
export function certificateClaimKey(number: string): string {
  return `XH36-3.7.ab:certificate:${number.trim().toUpperCase()}`;
}
