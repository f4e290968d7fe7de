import { addYears, lastsAtLeastYears } from '../dates.js';
import type { Evaluation } from '../evaluation.js';
import { checkMaterials, claimedBy } from './common.js';
import { personCovered } from './coverage.js';
import { inForceOnRelevantDate } from './validity.js';

const RULE = 'XH36-3.1';

/**
 * XH36-3.1: 与企业签订一年及以上劳动合同的技能岗位职工称职工学徒，培养期限1-2年，特殊情况可延长到3年；与企业签订一年实习协议和
 * 就业协议的技工院校毕业年度在企实习学生称学生学徒，培养期限为1年。职工学徒学完规定课程，取得培训合格证书的，按补贴标准的50%支付；
 * 取得培训合格证书和职业资格证书的，按补贴标准支付。学生学徒补贴金额一般可按学徒月实习津贴标准确定。培训后企业未与实习学徒签订
 * 劳动合同和缴纳社会保险费的不予补贴。Relevant date: the end of the training period.
 *
 * @example
 * apprenticeship(evaluation);
 */
export function apprenticeship(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, RULE);
  const refusal = { zh: '学徒制培训补贴由企业（或合作培训机构）申请', en: 'the apprenticeship subsidy is claimed by the enterprise (or its training body)' };
  if (!claimedBy(evaluation, RULE, ['enterprise', 'training_body'], refusal)) return;
  const facts3 = facts.apprenticeship;
  if (!facts3) {
    evaluation.review(RULE, { zh: '缺少学徒培养信息', en: 'no facts about the apprenticeship' });
    return;
  }
  const start = evaluation.read('apprenticeship', facts3, 'startDate');
  const end = evaluation.read('apprenticeship', facts3, 'endDate');
  if (!inForceOnRelevantDate(evaluation, end, { zh: '培养期满日期', en: 'end of the training period' })) return;
  if (personCovered(evaluation, evaluation.person()) === 'not_covered') return;
  const track = evaluation.read('apprenticeship', facts3, 'track');

  const postTrainingApplies = track === 'student' || evaluation.interpretation('post_training_condition') === 'all_apprentices';
  if (postTrainingApplies) {
    const contract = evaluation.read('apprenticeship', facts3, 'labourContractAfterTraining');
    const insured = evaluation.read('apprenticeship', facts3, 'socialInsuranceAfterTraining');
    if (contract === false || insured === false) {
      evaluation.ineligible(RULE, {
        zh: '培训后企业未与学徒签订劳动合同并缴纳社会保险费，不予补贴',
        en: 'no subsidy: after training the enterprise did not sign a labour contract with the apprentice and pay social insurance',
      });
      return;
    }
    if (contract === undefined || insured === undefined) {
      evaluation.review(RULE, {
        zh: '未能确认培训后签订劳动合同并缴纳社会保险费',
        en: 'not established that a labour contract and social insurance followed the training',
      });
    }
  }

  if (track === 'employee') employeeApprentice(evaluation, start, end);
  else studentApprentice(evaluation, start, end);
}

function employeeApprentice(evaluation: Evaluation, start: string | undefined, end: string | undefined): void {
  const { facts } = evaluation;
  const a = facts.apprenticeship!;
  const technicalPost = evaluation.read('apprenticeship', a, 'technicalPost');
  if (technicalPost === false) evaluation.ineligible(RULE, { zh: '职工学徒须为技能岗位职工', en: 'an employee apprentice holds a technical post' });

  // 签订一年及以上劳动合同
  const minContractYears = evaluation.param<number>('apprenticeship.employee_min_contract_years');
  const contract = facts.labourContracts[0];
  if (contract) {
    const cStart = evaluation.read('labourContract', contract, 'startDate');
    const cEnd = evaluation.read('labourContract', contract, 'endDate');
    const openEnded = evaluation.read('labourContract', contract, 'openEnded');
    if (!openEnded && cStart && cEnd && !lastsAtLeastYears(cStart, cEnd, minContractYears)) {
      evaluation.ineligible(RULE, { zh: `劳动合同期限不足${minContractYears}年`, en: `the labour contract is shorter than ${minContractYears} year(s)` });
    } else if (!openEnded && (!cStart || !cEnd)) {
      evaluation.review(RULE, { zh: '劳动合同期限未能识别', en: 'the labour contract term could not be read' });
    }
  }

  // 培养期限1-2年，特殊情况可延长到3年
  const period = evaluation.param<Record<string, number>>('apprenticeship.employee_period_years');
  const special = evaluation.read('apprenticeship', a, 'extendedForSpecialCircumstances') === true;
  const maxYears = special ? period.max_special : period.max;
  const years = wholeYears(start, end);
  if (years === undefined) {
    evaluation.review(RULE, { zh: '培养期限未能确认', en: 'the training period is not established' });
    return;
  }
  if (years < period.min || (start && end && end >= addYears(start, maxYears))) {
    evaluation.ineligible(RULE, {
      zh: `培养期限须为${period.min}-${period.max}年（特殊情况可延长到${period.max_special}年）`,
      en: `the training period must be ${period.min}–${period.max} years (up to ${period.max_special} in special cases)`,
    });
    return;
  }

  // 学完规定课程，取得培训合格证书 → 50%; 和职业资格证书 → 100%
  const completed = evaluation.read('apprenticeship', a, 'coursesCompleted');
  const trainingCertificate = evaluation.read('apprenticeship', a, 'holdsTrainingCertificate');
  const qualification = evaluation.read('apprenticeship', a, 'holdsQualificationCertificate') === true;
  if (completed === false || trainingCertificate === false) {
    evaluation.ineligible(RULE, { zh: '未学完规定课程并取得培训合格证书', en: 'the courses were not completed with a training completion certificate' });
    return;
  }
  if (completed === undefined || trainingCertificate === undefined) {
    evaluation.review(RULE, { zh: '未能确认学完规定课程并取得培训合格证书', en: 'completion of the courses is not established' });
  }
  const percent = evaluation.param<number>(qualification ? 'apprenticeship.qualification_certificate_percent' : 'apprenticeship.training_certificate_percent');

  let standard: number;
  if (evaluation.interpretation('employee_apprentice_standard') === 'city_fee_share') {
    const fee = evaluation.read('apprenticeship', a, 'trainingFeeYuan');
    if (fee === undefined) {
      evaluation.review(RULE, { zh: '未提供培训费用，无法按市标准计算', en: 'no training fee: the city standard cannot be applied' });
      return;
    }
    const share = evaluation.param<number>('apprenticeship.city_fee_share_percent');
    const cap = evaluation.param<number>('apprenticeship.city_cap_per_year');
    standard = Math.min(Math.floor((fee * share) / 100), cap * years);
  } else {
    standard = evaluation.param<number>('apprenticeship.employee_standard_per_year') * years;
  }
  const amount = Math.floor((standard * percent) / 100);
  evaluation.countTowardsTarget(1, [{ kind: 'training_completion' }, ...(qualification ? [{ kind: 'qualification' }] : [])]);
  evaluation.pay(amount);
  evaluation.payable(RULE, {
    zh: `职工学徒，培养${years}年，${qualification ? '取得培训合格证书和职业资格证书，按标准' : '取得培训合格证书，按标准的'}${percent}%支付${amount}元`,
    en: `employee apprentice, ${years} year(s), ${qualification ? 'training and qualification certificates' : 'training certificate only'}: ${percent}% of the standard, ${amount} yuan`,
  });
}

function studentApprentice(evaluation: Evaluation, start: string | undefined, end: string | undefined): void {
  const { facts } = evaluation;
  const a = facts.apprenticeship!;
  const graduating = evaluation.read('apprenticeship', a, 'graduatingYearStudent');
  if (graduating === false) {
    evaluation.ineligible(RULE, {
      zh: '学生学徒须为技工院校毕业年度在企实习学生',
      en: 'a student apprentice is a technical-school student in the graduating year',
    });
  }
  // 签订一年实习协议和就业协议
  const years = evaluation.param<number>('apprenticeship.student_period_years');
  const internship = facts.internshipAgreements[0];
  if (internship) {
    const iStart = evaluation.read('internshipAgreement', internship, 'startDate');
    const iEnd = evaluation.read('internshipAgreement', internship, 'endDate');
    if (iStart && iEnd && !lastsAtLeastYears(iStart, iEnd, years)) {
      evaluation.ineligible(RULE, { zh: `实习协议期限不足${years}年`, en: `the internship agreement is shorter than ${years} year(s)` });
    }
  }
  const periodYears = wholeYears(start, end);
  if (periodYears !== undefined && periodYears !== years) {
    evaluation.review(RULE, {
      zh: `学生学徒培养期限为${years}年（实际${periodYears}年）`,
      en: `a student apprenticeship lasts ${years} year(s) (this one ${periodYears})`,
    });
  }
  let amount: number;
  if (evaluation.interpretation('student_apprentice_amount') === 'monthly_allowance') {
    const monthly = evaluation.read('apprenticeship', a, 'monthlyInternshipAllowanceYuan');
    if (monthly === undefined) {
      evaluation.review(RULE, {
        zh: '未能确认学徒月实习津贴标准（学生学徒补贴金额一般可按学徒月实习津贴标准确定）',
        en: 'the monthly internship allowance is not established (the student apprentice amount follows it)',
      });
      return;
    }
    amount = monthly * 12 * years;
    evaluation.countTowardsTarget(1);
    evaluation.pay(amount);
    evaluation.payable(RULE, {
      zh: `学生学徒，按学徒月实习津贴标准${monthly}元×${12 * years}个月，补贴${amount}元`,
      en: `student apprentice: the monthly internship allowance of ${monthly} yuan × ${12 * years} months, ${amount} yuan`,
    });
    return;
  }
  amount = evaluation.param<number>('apprenticeship.student_standard_per_year') * years;
  evaluation.countTowardsTarget(1);
  evaluation.pay(amount);
  evaluation.payable(RULE, { zh: `学生学徒，补贴${amount}元`, en: `student apprentice: ${amount} yuan` });
}

/** Whole years of a period (1–2 years means at least one whole year); undefined when a date is missing. */
function wholeYears(start: string | undefined, end: string | undefined): number | undefined {
  if (!start || !end) return undefined;
  let years = 0;
  while (years < 10 && lastsAtLeastYears(start, end, years + 1)) years++;
  return years;
}
