/**
 * Rule evaluation speed: decisions per second on one core (goal ≥ 50,000/s), over a varied set of claims — every
 * programme, eligible and not, rosters and single certificates.
 */
import { loadParameterFiles } from '../shared/adapters/parameter-files.js';
import { evaluateClaim, type ClaimFactsInput } from '../shared/policy/index.js';

const EMPLOYER = { employerName: '杭州西湖精工科技有限公司', employerCreditCode: '91330106MA2AAAAAA1', employerRegisteredInXihu: true };

function individual(level: 1 | 2 | 3, issueDate: string, lastMonth: string, pension = false): ClaimFactsInput {
  return {
    programme: 'XH36-3.7.c',
    claimDate: '2022-11-20',
    applicant: { kind: 'individual' },
    persons: [{ ref: 'p1', idNumber: '330106199001011234', householdRegistration: { city: '杭州市', district: '西湖区' }, drawsMonthlyPension: pension }],
    certificates: [{ kind: 'qualification', level, number: 'Q1', issueDate }],
    labourContracts: [{ ...EMPLOYER, startDate: '2018-03-01', openEnded: true }],
    engagementLetters: [{ employerName: EMPLOYER.employerName, startDate: '2020-11-01' }],
    socialInsurance: [
      { employerName: EMPLOYER.employerName, from: '2018-03', to: '2021-06' },
      { employerName: EMPLOYER.employerName, from: '2021-08', to: lastMonth },
    ],
    materials: ['id_card', 'certificate', 'labour_contract', 'engagement_letter', 'social_insurance_record'],
  };
}

function roster(size: number): ClaimFactsInput {
  return {
    programme: 'XH36-3.7.a',
    claimDate: '2021-09-01',
    applicant: { kind: 'training_body' },
    persons: Array.from({ length: size }, (_, i) => ({ ref: `p${i}`, householdRegistration: { district: '西湖区' } })),
    certificates: Array.from({ length: size }, (_, i) => ({
      personRef: `p${i}`,
      kind: 'skill_level' as const,
      level: (i % 4) + 1,
      number: `S${i}`,
      issueDate: '2021-06-30',
    })),
    materials: ['certificate_roster', 'application_form', 'business_licence', 'wage_proof'],
  };
}

export const CLAIMS: ClaimFactsInput[] = [
  individual(2, '2020-11-15', '2022-11'),
  individual(1, '2020-11-15', '2022-11'),
  individual(3, '2020-11-15', '2022-11'),
  individual(2, '2020-11-15', '2022-09'),
  individual(2, '2020-10-21', '2022-11'),
  individual(2, '2020-11-15', '2022-11', true),
  roster(1),
  roster(10),
  {
    programme: 'XH36-3.6',
    claimDate: '2021-06-10',
    applicant: { kind: 'studio', creditCode: EMPLOYER.employerCreditCode, registeredInXihu: true },
    studio: {
      leaderLevel: 2,
      teamSizeExcludingLeader: 5,
      hasManagementSystem: true,
      hasDefinedDuties: true,
      hasSiteAndEquipment: true,
      hasFunding: true,
      hasRewardSystem: true,
      project: 'technical_renovation',
      procedureState: 'named',
      namedOn: '2021-06-01',
    },
    materials: ['studio_application'],
  },
  {
    programme: 'XH36-3.7.d',
    claimDate: '2021-11-01',
    applicant: { kind: 'competition_host' },
    competition: {
      heldByDistrict: true,
      applicantIsActualOrganiser: true,
      heldOn: '2021-10-15',
      budgetYuan: 80000,
      actualCostsYuan: 90000,
      citySubsidyYuan: 50000,
    },
    materials: ['competition_budget', 'competition_expense_list', 'competition_qualified_roster'],
  },
  {
    programme: 'XH36-3.1',
    claimDate: '2021-09-15',
    applicant: { kind: 'enterprise' },
    persons: [{ ref: 'p1', worksLocally: true }],
    labourContracts: [{ ...EMPLOYER, startDate: '2019-09-01', endDate: '2022-08-31' }],
    apprenticeship: {
      track: 'employee',
      technicalPost: true,
      startDate: '2019-09-01',
      endDate: '2021-08-31',
      coursesCompleted: true,
      holdsTrainingCertificate: true,
      holdsQualificationCertificate: true,
    },
    materials: ['labour_contract', 'training_certificate'],
  },
  {
    programme: 'XH36-3.2',
    claimDate: '2021-05-01',
    applicant: { kind: 'individual' },
    persons: [{ ref: 'p1', residencePermit: { city: '杭州市' } }],
    certificates: [{ kind: 'qualification', level: 4, number: 'Q', issueDate: '2021-04-01' }],
    materials: ['certificate'],
  },
  { programme: 'XH36-3.4', claimDate: '2021-07-01', applicant: { kind: 'training_body', recognisedForEntrepreneurshipTraining: true }, materials: [] },
  { claimDate: '2021-07-01', applicant: { kind: 'individual' } },
];

/**
 * Prints decisions per second over the varied claims (after a warm-up), on the one core this process runs on.
 *
 * @example
 * await run(); // rules: 120,000 decisions/s ...
 */
export async function run(): Promise<void> {
  const parameters = loadParameterFiles();
  const warm = performance.now();
  while (performance.now() - warm < 500) for (const claim of CLAIMS) evaluateClaim(claim, { parameters });
  // The machine is shared: CPU time of this process is the honest measure of "one core"; wall time is shown beside it.
  const rounds: { cpu: number; wall: number }[] = [];
  for (let round = 0; round < 3; round++) {
    let decisions = 0;
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    while (performance.now() - wallStart < 1000) {
      for (const claim of CLAIMS) evaluateClaim(claim, { parameters });
      decisions += CLAIMS.length;
    }
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    rounds.push({ cpu: decisions / cpuSeconds, wall: decisions / ((performance.now() - wallStart) / 1000) });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[1];
  const format = (n: number) => Math.round(n).toLocaleString('en');
  console.log(
    `rules: ${format(median(rounds.map((r) => r.cpu)))} decisions per CPU-second (median of 3), ` +
      `${format(median(rounds.map((r) => r.wall)))} per wall-second; ${CLAIMS.length} varied claims; goal ≥ 50,000/s on one core`,
  );
}
