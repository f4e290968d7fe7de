import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../support/shipped-policy.js';
import {
  XIHU_EMPLOYER,
  certificateTrainingClaim,
  competitionHostClaim,
  employeeApprenticeClaim,
  enterpriseClaim,
  individualClaim,
  parametersWith,
  reasonsOf,
  studentApprenticeClaim,
  studioClaim,
  trainingBodyClaim,
} from './factories.js';

const window = '西人社〔2020〕36号 2020-10-22 → 2021-12-31';

describe('XH36-end validity window 2020-10-22 → 2021-12-31', () => {
  it.each([
    { sentence: 'the day before the window is outside', date: '2020-10-21', outcome: 'ineligible' },
    { sentence: 'the first day is inside', date: '2020-10-22', outcome: 'eligible' },
    { sentence: 'the last day is inside', date: '2021-12-31', outcome: 'eligible' },
    { sentence: 'the day after is outside', date: '2022-01-01', outcome: 'ineligible' },
  ])('3.7.c by certificate issue date: $sentence ($date)', ({ date, outcome }) => {
    const decision = evaluateClaim(
      individualClaim({
        claimDate: '2024-01-15',
        certificates: [{ kind: 'qualification', level: 2, number: 'Q1', issueDate: date }],
        socialInsurance: [{ employerName: XIHU_EMPLOYER.employerName, from: '2018-03', to: '2023-12' }],
        engagementLetters: [{ employerName: XIHU_EMPLOYER.employerName, startDate: '2019-01-01' }],
      }),
    );
    expect(decision.outcome).toBe(outcome);
    expect(decision.evaluatedOn).toBe(date);
    if (outcome === 'ineligible')
      expect(reasonsOf(decision)[0]).toBe(
        `XH36-end: the certificate issue date ${date} is outside the validity window (${window}); the claim falls outside this policy`,
      );
  });

  it.each([
    { date: '2020-10-21', outcome: 'ineligible' },
    { date: '2020-10-22', outcome: 'eligible' },
    { date: '2021-12-31', outcome: 'eligible' },
    { date: '2022-01-01', outcome: 'ineligible' },
  ])('3.7.a by certificate issue date $date: $outcome', ({ date, outcome }) => {
    const decision = evaluateClaim(
      trainingBodyClaim({
        claimDate: `${date.slice(0, 4)}-12-31`,
        certificates: [{ personRef: 'p1', kind: 'qualification', level: 3, number: 'X', issueDate: date }],
      }),
    );
    expect(decision.outcome).toBe(outcome);
  });

  it.each([
    { date: '2020-10-21', outcome: 'ineligible' },
    { date: '2020-10-22', outcome: 'eligible' },
    { date: '2021-12-31', outcome: 'eligible' },
    { date: '2022-01-01', outcome: 'ineligible' },
  ])('3.6 by naming date $date: $outcome', ({ date, outcome }) => {
    expect(evaluateClaim(studioClaim({}, { namedOn: date })).outcome).toBe(outcome);
  });

  it.each([
    { date: '2020-10-21', outcome: 'ineligible' },
    { date: '2021-12-31', outcome: 'eligible' },
    { date: '2022-01-01', outcome: 'ineligible' },
  ])('3.7.d by competition date $date: $outcome', ({ date, outcome }) => {
    expect(evaluateClaim(competitionHostClaim({}, { heldOn: date })).outcome).toBe(outcome);
  });

  it('3.2 by certificate issue date: a 2019 certificate is outside', () => {
    const decision = evaluateClaim(certificateTrainingClaim({ certificates: [{ kind: 'qualification', level: 4, number: 'Q', issueDate: '2019-06-01' }] }));
    expect(decision.outcome).toBe('ineligible');
    expect(decision.reasons[0].ruleId).toBe('XH36-end');
  });

  it('sends out-of-window claims to review under the `needs_review` reading', () => {
    const parameters = parametersWith({ 'interpretation.outside_window': 'needs_review' });
    const decision = evaluateClaim(studioClaim({}, { namedOn: '2022-01-01' }), { parameters });
    expect(decision.outcome).toBe('needs_review');
    expect(decision.amountYuan).toBe(0);
  });
});

describe('every programme on the four boundary days (all 2020 parameters start on 2020-10-22 and end on 2022-01-01)', () => {
  const programmes: { name: string; at: (date: string) => Parameters<typeof evaluateClaim>[0]; inside: string }[] = [
    {
      name: 'XH36-3.1 employee apprentice (end of training)',
      at: (d) => employeeApprenticeClaim({}, { startDate: `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`, endDate: d }),
      inside: 'eligible',
    },
    {
      name: 'XH36-3.1 student apprentice (end of training)',
      at: (d) =>
        studentApprenticeClaim(
          { internshipAgreements: [], materials: ['internship_agreement', 'employment_agreement', 'labour_contract', 'social_insurance_record'] },
          { endDate: d, startDate: undefined },
        ),
      inside: 'eligible',
    },
    {
      name: 'XH36-3.2 certificate training (issue date)',
      at: (d) => certificateTrainingClaim({ certificates: [{ kind: 'qualification', level: 4, number: 'Q', issueDate: d }] }),
      inside: 'eligible',
    },
    {
      name: 'XH36-3.3.2 completion project (completion date)',
      at: (d) => ({
        programme: 'XH36-3.3.2',
        claimDate: '2022-03-01',
        applicant: { kind: 'training_body' },
        projectTraining: { filedWithCity: true, completedOn: d, trainingDays: 5, traineesCertified: 2 },
        materials: ['project_filing_form', 'certificate_roster'],
      }),
      inside: 'eligible',
    },
    {
      name: 'XH36-3.3.3 competition project (competition date)',
      at: (d) => ({
        programme: 'XH36-3.3.3',
        claimDate: '2022-03-01',
        applicant: { kind: 'competition_host' },
        competition: { approvedBy: 'district', heldOn: d, participantsPassed: 3 },
        materials: ['competition_filing_form', 'competition_qualified_roster'],
      }),
      inside: 'eligible',
    },
    {
      name: 'XH36-3.4 entrepreneurship (completion date)',
      at: (d) => ({
        programme: 'XH36-3.4',
        claimDate: '2022-03-01',
        applicant: { kind: 'training_body', recognisedForEntrepreneurshipTraining: true },
        entrepreneurshipTraining: { completedOn: d, traineesCompleted: 3 },
        materials: ['certificate_roster'],
      }),
      inside: 'needs_review',
    },
    {
      name: 'XH36-3.7.b enterprise (issue date)',
      at: (d) =>
        enterpriseClaim({
          claimDate: `${d.slice(0, 4)}-12-31`,
          certificates: [{ personRef: 'p1', kind: 'qualification', level: 3, number: 'Q', issueDate: d }],
        }),
      inside: 'eligible',
    },
  ];
  const days = [
    { date: '2020-10-21', inWindow: false },
    { date: '2020-10-22', inWindow: true },
    { date: '2021-12-31', inWindow: true },
    { date: '2022-01-01', inWindow: false },
  ];
  it.each(programmes.flatMap((p) => days.map((d) => ({ ...p, ...d }))))('$name on $date', ({ at, date, inWindow, inside }) => {
    const decision = evaluateClaim(at(date));
    expect(decision.outcome).toBe(inWindow ? inside : 'ineligible');
    expect(decision.evaluatedOn).toBe(date);
    if (!inWindow) expect(decision.reasons.map((r) => r.ruleId)).toEqual(['XH36-end']);
  });
});
