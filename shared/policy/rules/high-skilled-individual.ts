import { createHash } from 'node:crypto';
import { lastsAtLeastYears } from '../dates.js';
import type { Evaluation } from '../evaluation.js';
import type { CertificateFacts } from '../facts.js';
import { checkMaterials, claimedBy, isNewerLevel, levelKey, levelName, sameEmployer } from './common.js';
import { personCovered } from './coverage.js';
import { countInsuredMonths } from './social-insurance.js';
import { policyInForce } from './validity.js';

const RULE = 'XH36-3.7.c';

/**
 * XH36-3.7.c: 我区注册企业的职工，当年新取得二级（技师）及以上职业资格证书或职业技能等级证书，并被同一单位聘任2年及以上的，
 * 在社会保险费缴纳满24个月后，给予个人一次性补贴，其中二级（技师）5000元、一级（高级技师）10000元，
 * 同一人只能享受一次高技能人才一次性补贴。Relevant date: the certificate's issue date.
 *
 * @example
 * highSkilledIndividual(evaluation);
 */
export function highSkilledIndividual(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, RULE);
  const refusal = { zh: '个人一次性补贴须由本人申请', en: 'the individual one-off subsidy is claimed by the person' };
  if (!claimedBy(evaluation, RULE, ['individual'], refusal)) return;
  const person = evaluation.person();
  const own = facts.certificates.filter((c) => c.personRef === undefined || c.personRef === person?.ref);
  const certificate = bestCertificate(own);
  if (!certificate) {
    if (own.length > 0) {
      // The certificate was read and is of another kind (专项能力证书, 特种作业操作证, 培训合格证书): a known fact that fails
      // 职业资格证书或职业技能等级证书, not a gap to review.
      own.forEach((c, i) => evaluation.read(own.length === 1 ? 'certificate' : `certificates[${i}]`, c, 'kind'));
      const kinds = [...new Set(own.map((c) => CERTIFICATE_KIND_NAMES[c.kind] ?? c.kind))].join('、');
      evaluation.ineligible(RULE, {
        zh: `所附证书为${kinds}，须为二级（技师）及以上职业资格证书或职业技能等级证书`,
        en: `the certificate handed in is a ${own.map((c) => c.kind).join(', ')} certificate: a level-2 (技师) or higher vocational qualification or skill-level certificate is required`,
      });
      return;
    }
    evaluation.unreadable(RULE, 'certificate', { zh: '二级及以上职业资格证书或职业技能等级证书', en: 'a qualification or skill-level certificate' });
    return;
  }

  // 当年新取得: the certificate decides which policy applies.
  const issueDate = evaluation.read('certificate', certificate, 'issueDate');
  const level = evaluation.read('certificate', certificate, 'level');
  evaluation.read('certificate', certificate, 'number');
  if (!issueDate || level === undefined) {
    evaluation.review(RULE, { zh: '证书等级或发证日期未能识别', en: 'the certificate level or issue date could not be read' });
    return;
  }
  evaluation.date = issueDate;
  if (!policyInForce(evaluation, issueDate, { zh: '证书发证日期', en: 'certificate issue date' })) return;
  if (evaluation.interpretation('newly_obtained_individual') === 'claim_year' && issueDate.slice(0, 4) !== facts.claimDate.slice(0, 4)) {
    evaluation.ineligible(RULE, {
      zh: `证书非申请当年新取得（发证日期${issueDate}）`,
      en: `the certificate was not newly obtained in the year of the claim (issued ${issueDate})`,
    });
  }

  const amounts = evaluation.param<Record<string, number>>('high_skilled_talent.individual_by_level');
  const amount = amounts[levelKey(level)];
  if (amount === undefined) {
    evaluation.ineligible(RULE, {
      zh: isNewerLevel(level) ? `${levelName(level)}等级不在本政策补贴范围内` : `证书等级为${levelName(level)}，须二级（技师）及以上`,
      en: isNewerLevel(level)
        ? `level ${String(level)} is recognised but not paid under this policy`
        : `level ${String(level)} certificate: level 2 (技师) or higher is required`,
    });
    return;
  }

  // 我区注册企业的职工
  const contract = facts.labourContracts.find((c) => c.personRef === undefined || c.personRef === person?.ref);
  if (personCovered(evaluation, person, contract?.employerRegisteredInXihu === true) === 'not_covered') return;
  if (!contract) {
    evaluation.unreadable(RULE, 'labour_contract', { zh: '劳动合同', en: 'the labour contract' });
    return;
  }
  const inXihu = evaluation.read('labourContract', contract, 'employerRegisteredInXihu');
  evaluation.read('labourContract', contract, 'employerName');
  if (inXihu === false) {
    evaluation.ineligible(RULE, { zh: '用人单位不是我区注册企业', en: 'the employer is not an enterprise registered in Xihu' });
  } else if (inXihu === undefined) {
    evaluation.review(RULE, { zh: '未能在区企业名录中确认用人单位', en: 'the employer could not be found in the district register' });
  }

  const employer = { name: contract.employerName, creditCode: contract.employerCreditCode };
  checkEngagement(evaluation, employer);
  checkInsuredMonths(evaluation, certificate, employer);

  if (person) evaluation.read(`persons[${person.ref}]`, person, 'idNumber'); // masked in the trace
  if (person?.idNumber) {
    evaluation.claimKey({ kind: 'unique', key: `${RULE}:person:${personKey(person.idNumber)}`, ruleId: RULE });
  } else {
    evaluation.review(RULE, { zh: '未能识别身份证号码，无法核对“同一人只能享受一次”', en: 'no ID number: once-per-person cannot be checked' });
  }
  evaluation.countTowardsTarget(1, [{ kind: certificate.kind, level }]);
  evaluation.pay(amount);
  evaluation.payable(RULE, {
    zh: `${levelName(level)}证书，一次性补贴${amount}元`,
    en: `level ${String(level)} certificate: one-off subsidy of ${amount} yuan`,
  });
}

// 被同一单位聘任2年及以上: the letter of engagement from the employer of the labour contract.
function checkEngagement(evaluation: Evaluation, employer: { name?: string; creditCode?: string }): void {
  const letters = evaluation.facts.engagementLetters;
  if (letters.length === 0) {
    evaluation.unreadable(RULE, 'engagement_letter', { zh: '单位聘书', en: 'the letter of engagement' });
    return;
  }
  const years = evaluation.param<number>('high_skilled_talent.individual_min_engagement_years');
  const measured = evaluation.interpretation('engagement_measured');
  const claimDate = evaluation.facts.claimDate;
  let unknown = false;
  for (const letter of letters) {
    const same = sameEmployer(employer, { name: letter.employerName, creditCode: letter.employerCreditCode });
    const start = evaluation.read('engagementLetter', letter, 'startDate');
    const end = evaluation.read('engagementLetter', letter, 'endDate');
    if (same === false) continue;
    if (!start || (measured === 'letter_term' && !end)) {
      unknown = true;
      continue;
    }
    const until = measured === 'letter_term' ? (end as string) : end && end < claimDate ? end : claimDate;
    if (lastsAtLeastYears(start, until, years)) {
      if (same === undefined) {
        evaluation.review(RULE, { zh: '聘书单位与劳动合同单位无法比对', en: 'the engaging unit could not be matched to the employer' });
      }
      return;
    }
  }
  if (unknown) {
    evaluation.review(RULE, { zh: '聘书起止日期未能识别', en: 'the dates of the letter of engagement could not be read' });
    return;
  }
  evaluation.ineligible(RULE, {
    zh: `未被同一单位聘任满${years}年`,
    en: `not engaged by the same employer for ${years} years or more`,
  });
}

// 在社会保险费缴纳满24个月后 (counted from the certificate month, with the engaging employer, under the default readings).
function checkInsuredMonths(evaluation: Evaluation, certificate: CertificateFacts, employer: { name?: string; creditCode?: string }): void {
  const spans = evaluation.facts.socialInsurance;
  if (spans.length === 0) {
    evaluation.unreadable(RULE, 'social_insurance_record', { zh: '社保缴费记录的缴费期间', en: 'the contribution periods of the insurance record' });
    return;
  }
  const needed = evaluation.param<number>('high_skilled_talent.individual_min_insured_months');
  const fromCertificate = evaluation.interpretation('insured_months_counted') === 'from_certificate_month';
  const sameEmployerOnly = evaluation.interpretation('insured_months_employer') === 'engaging_employer';
  const counted = spans.filter(
    (span) => !sameEmployerOnly || sameEmployer(employer, { name: span.employerName, creditCode: span.employerCreditCode }) !== false,
  );
  const insured = countInsuredMonths(counted, {
    fromMonth: fromCertificate ? certificate.issueDate?.slice(0, 7) : undefined,
    toMonth: evaluation.facts.claimDate.slice(0, 7),
  });
  for (const span of counted) evaluation.use('socialInsurance.span', `${span.from}..${span.to}`, span.sources?.from);
  evaluation.use('socialInsurance.monthsCounted', insured.months);
  if (insured.gaps.length > 0)
    evaluation.use(
      'socialInsurance.gaps',
      insured.gaps.map((g) => `${g.from}..${g.to}`),
    );
  if (insured.months < needed) {
    evaluation.ineligible(RULE, {
      zh: `取证后社会保险缴费${insured.months}个月，未满${needed}个月${insured.gaps.length > 0 ? `（中断：${insured.gaps.map((g) => `${g.from}至${g.to}`).join('、')}）` : ''}`,
      en: `${insured.months} months of social insurance counted, fewer than ${needed}${insured.gaps.length > 0 ? ` (gaps: ${insured.gaps.map((g) => `${g.from}..${g.to}`).join(', ')})` : ''}`,
    });
  }
}

/** The highest-level qualification or skill-level certificate (level 1 is highest; newer levels rank above). */
function bestCertificate(certificates: CertificateFacts[]): CertificateFacts | undefined {
  const eligible = certificates.filter((c) => c.kind === 'qualification' || c.kind === 'skill_level');
  return eligible.sort((a, b) => rankOf(a) - rankOf(b))[0];
}

const CERTIFICATE_KIND_NAMES: Record<string, string> = {
  qualification: '职业资格证书',
  skill_level: '职业技能等级证书',
  special_ability: '专项能力证书',
  special_operation: '特种作业操作证',
  training_completion: '培训合格证书',
};

function rankOf(certificate: CertificateFacts): number {
  const level = certificate.level;
  if (level === undefined) return 99;
  if (typeof level === 'number') return level;
  return level === 'apprentice' ? 6 : level === 'principal_technician' ? 0 : -1;
}

/**
 * The once-per-person key part: a hash of the ID number, so the claim-key table holds no ID numbers in clear.
 *
 * @example
 * personKey('330106199001011234').length; // 32
 */
export function personKey(idNumber: string): string {
  const normalised = idNumber.trim().toUpperCase();
  let key = personKeys.get(normalised);
  if (key === undefined) {
    key = createHash('sha256').update(normalised).digest('hex').slice(0, 32);
    if (personKeys.size > 10_000) personKeys.clear(); // bounded: a batch re-evaluates the same people
    personKeys.set(normalised, key);
  }
  return key;
}

const personKeys = new Map<string, string>();
