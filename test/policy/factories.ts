import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { ClaimFactsInput } from '../../shared/policy/facts.js';
import { loadParameterFiles, SHIPPED_PARAMETERS_DIR } from '../../shared/adapters/parameter-files.js';
import type { ParameterSet } from '../../shared/policy/parameters.js';
import { scratchDirectory } from '../support/scratch-directory.js';

type Facts = ClaimFactsInput;

/** A Xihu employer as the register resolves it. */
export const XIHU_EMPLOYER = { employerName: '杭州西湖精工科技有限公司', employerCreditCode: '91330106MA2AAAAAA1', employerRegisteredInXihu: true };
export const ALL_INDIVIDUAL_MATERIALS = ['id_card', 'certificate', 'labour_contract', 'engagement_letter', 'social_insurance_record'] as const;
export const ALL_BODY_MATERIALS = ['certificate_roster', 'application_form', 'business_licence', 'social_insurance_proof'] as const;

/**
 * An individual's XH36-3.7.c claim that is eligible under the defaults: a level-2 certificate issued 2020-11-15,
 * engaged since 2020-11-01, insured with the same employer from the certificate month for 24 months (2020-11 … 2022-10).
 */
export function individualClaim(overrides: Partial<Facts> = {}): Facts {
  return {
    programme: 'XH36-3.7.c',
    claimDate: '2022-11-20',
    applicant: { kind: 'individual' },
    persons: [{ ref: 'p1', name: '王晓明', idNumber: '330106199001011234', householdRegistration: { city: '杭州市', district: '西湖区' } }],
    certificates: [{ kind: 'qualification', level: 2, number: 'Q2020-0001', issueDate: '2020-11-15', occupation: '数控车工' }],
    labourContracts: [{ ...XIHU_EMPLOYER, startDate: '2018-03-01', openEnded: true }],
    engagementLetters: [{ employerName: XIHU_EMPLOYER.employerName, title: '技师', startDate: '2020-11-01', endDate: '2023-10-31' }],
    socialInsurance: [{ employerName: XIHU_EMPLOYER.employerName, from: '2018-03', to: '2022-10' }],
    materials: [...ALL_INDIVIDUAL_MATERIALS],
    ...overrides,
  };
}

/** A training body's XH36-3.7.a claim for one trainee (Xihu household, level 3, issued in the claim year). */
export function trainingBodyClaim(overrides: Partial<Facts> = {}): Facts {
  return {
    programme: 'XH36-3.7.a',
    claimDate: '2021-09-01',
    applicant: { kind: 'training_body', name: '杭州西湖职业培训学校', creditCode: '52330106MJ0000001X' },
    persons: [{ ref: 'p1', idNumber: '330106199505051234', householdRegistration: { city: '杭州市', district: '西湖区' } }],
    certificates: [{ personRef: 'p1', kind: 'skill_level', level: 3, number: 'S2021-0001', issueDate: '2021-06-30' }],
    materials: [...ALL_BODY_MATERIALS],
    ...overrides,
  };
}

/** An enterprise's XH36-3.7.b claim for one of its own employees. */
export function enterpriseClaim(overrides: Partial<Facts> = {}): Facts {
  return {
    programme: 'XH36-3.7.b',
    claimDate: '2021-09-01',
    applicant: { kind: 'enterprise', name: XIHU_EMPLOYER.employerName, creditCode: XIHU_EMPLOYER.employerCreditCode, registeredInXihu: true },
    persons: [{ ref: 'p1', idNumber: '330106199505051234', insuredInHangzhou: true }],
    certificates: [{ personRef: 'p1', kind: 'qualification', level: 3, number: 'Q2021-0100', issueDate: '2021-05-10' }],
    labourContracts: [{ personRef: 'p1', ...XIHU_EMPLOYER, startDate: '2019-01-01', openEnded: true }],
    materials: ['certificate_roster', 'application_form', 'business_licence'],
    ...overrides,
  };
}

/** A certificate-training claim (XH36-3.2) by a covered individual for a level-4 qualification certificate. */
export function certificateTrainingClaim(overrides: Partial<Facts> = {}): Facts {
  return {
    programme: 'XH36-3.2',
    claimDate: '2021-05-01',
    applicant: { kind: 'individual' },
    persons: [{ ref: 'p1', idNumber: '330106199505051234', residencePermit: { city: '杭州市', district: '西湖区' } }],
    certificates: [{ kind: 'qualification', level: 4, number: 'Q2021-0200', issueDate: '2021-04-01' }],
    materials: ['certificate'],
    ...overrides,
  };
}

/** An enterprise's employee-apprentice claim (XH36-3.1): 2-year training ending 2021-08-31, training certificate only. */
export function employeeApprenticeClaim(overrides: Partial<Facts> = {}, apprenticeship: Partial<NonNullable<Facts['apprenticeship']>> = {}): Facts {
  return {
    programme: 'XH36-3.1',
    claimDate: '2021-09-15',
    applicant: { kind: 'enterprise', name: XIHU_EMPLOYER.employerName, creditCode: XIHU_EMPLOYER.employerCreditCode, registeredInXihu: true },
    persons: [{ ref: 'p1', idNumber: '330106200001011234', worksLocally: true }],
    labourContracts: [{ ...XIHU_EMPLOYER, startDate: '2019-09-01', endDate: '2022-08-31' }],
    apprenticeship: {
      track: 'employee',
      technicalPost: true,
      startDate: '2019-09-01',
      endDate: '2021-08-31',
      coursesCompleted: true,
      holdsTrainingCertificate: true,
      holdsQualificationCertificate: false,
      ...apprenticeship,
    },
    materials: ['labour_contract', 'training_certificate'],
    ...overrides,
  };
}

/**
 * An enterprise's student-apprentice claim (XH36-3.1): one-year internship ending 2021-06-30 with a monthly internship
 * allowance of 2,200, then hired and insured.
 */
export function studentApprenticeClaim(overrides: Partial<Facts> = {}, apprenticeship: Partial<NonNullable<Facts['apprenticeship']>> = {}): Facts {
  return {
    programme: 'XH36-3.1',
    claimDate: '2021-09-15',
    applicant: { kind: 'enterprise', name: XIHU_EMPLOYER.employerName, registeredInXihu: true },
    persons: [{ ref: 'p1', idNumber: '330106200201011234', worksLocally: true }],
    internshipAgreements: [{ enterpriseName: XIHU_EMPLOYER.employerName, startDate: '2020-07-01', endDate: '2021-06-30' }],
    employmentAgreements: [{ enterpriseName: XIHU_EMPLOYER.employerName, signedDate: '2020-07-01' }],
    apprenticeship: {
      track: 'student',
      graduatingYearStudent: true,
      startDate: '2020-07-01',
      endDate: '2021-06-30',
      labourContractAfterTraining: true,
      socialInsuranceAfterTraining: true,
      monthlyInternshipAllowanceYuan: 2200,
      ...apprenticeship,
    },
    // No 培训合格证书: the text ties it to 职工学徒 only.
    materials: ['internship_agreement', 'employment_agreement', 'labour_contract', 'social_insurance_record'],
    ...overrides,
  };
}

/** A studio named on 2021-06-01 meeting all four conditions. */
export function studioClaim(overrides: Partial<Facts> = {}, studio: Partial<NonNullable<Facts['studio']>> = {}): Facts {
  return {
    programme: 'XH36-3.6',
    claimDate: '2021-06-10',
    applicant: { kind: 'studio', name: XIHU_EMPLOYER.employerName, creditCode: XIHU_EMPLOYER.employerCreditCode, registeredInXihu: true },
    studio: {
      leaderLevel: 1,
      teamSizeExcludingLeader: 4,
      hasManagementSystem: true,
      hasDefinedDuties: true,
      hasSiteAndEquipment: true,
      hasFunding: true,
      hasRewardSystem: true,
      project: 'technical_problem',
      procedureState: 'named',
      submittedOn: '2021-03-01',
      namedOn: '2021-06-01',
      ...studio,
    },
    materials: ['studio_application'],
    ...overrides,
  };
}

/** A competition host's claim (XH36-3.7.d): budget 80,000, spent 90,000, city paid 50,000. */
export function competitionHostClaim(overrides: Partial<Facts> = {}, competition: Partial<NonNullable<Facts['competition']>> = {}): Facts {
  return {
    programme: 'XH36-3.7.d',
    claimDate: '2021-11-01',
    applicant: { kind: 'competition_host', name: '杭州西湖技能竞赛服务中心' },
    competition: {
      heldByDistrict: true,
      applicantIsActualOrganiser: true,
      heldOn: '2021-10-15',
      budgetYuan: 80_000,
      actualCostsYuan: 90_000,
      citySubsidyYuan: 50_000,
      participantsPassed: 40,
      ...competition,
    },
    materials: ['competition_budget', 'competition_expense_list', 'competition_qualified_roster'],
    ...overrides,
  };
}

/**
 * A parameter set built from the shipped files with some values replaced (and optional extra files), written to a
 * temporary directory: interpretations are switched and amendments added exactly as a clerk would, as data.
 */
export function parametersWith(changes: Record<string, unknown> = {}, extraFiles: Record<string, string> = {}): ParameterSet {
  const dir = scratchDirectory('policy-params-');
  cpSync(SHIPPED_PARAMETERS_DIR, dir, { recursive: true });
  for (const [name, value] of Object.entries(changes)) {
    const file = ['interpretations.yaml']
      .concat([
        'policy.yaml',
        'high-skilled-talent.yaml',
        'apprenticeship.yaml',
        'master-studio.yaml',
        'certificate-training.yaml',
        'project-training.yaml',
        'entrepreneurship-training.yaml',
      ])
      .map((f) => path.join(dir, f))
      .find((f) => (parse(readFileSync(f, 'utf8')) as Record<string, unknown>)[name] !== undefined);
    if (!file) throw new Error(`no parameter ${name}`);
    const doc = parse(readFileSync(file, 'utf8')) as Record<string, { values: Record<string, { value: unknown }> }>;
    const values = doc[name].values;
    values[Object.keys(values).sort()[0]].value = value;
    writeFileSync(file, stringify(doc));
  }
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(path.join(dir, name), text);
  return loadParameterFiles([dir]);
}

/** The reason sentences (en) of a decision, for readable assertions. */
export function reasonsOf(decision: { reasons: { ruleId: string; en: string }[] }): string[] {
  return decision.reasons.map((r) => `${r.ruleId}: ${r.en}`);
}
