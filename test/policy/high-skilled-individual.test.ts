import { describe, expect, it } from 'vitest';
import { personKey } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { ALL_INDIVIDUAL_MATERIALS, XIHU_EMPLOYER, individualClaim, parametersWith, reasonsOf } from './factories.js';

const employer = XIHU_EMPLOYER.employerName;

describe('XH36-3.7.c individual one-off subsidy (技师 5000 / 高级技师 10000, once per person)', () => {
  it.each([
    { sentence: '二级（技师） gets 5,000 yuan', level: 2 as const, outcome: 'eligible', amount: 5000 },
    { sentence: '一级（高级技师） gets 10,000 yuan', level: 1 as const, outcome: 'eligible', amount: 10000 },
    { sentence: '三级（高级工） is below 二级 and gets nothing', level: 3 as const, outcome: 'ineligible', amount: 0 },
    { sentence: '特级技师 (a level from 2022) is recognised but not paid here', level: 'principal_technician' as const, outcome: 'ineligible', amount: 0 },
  ])('$sentence', ({ level, outcome, amount }) => {
    const decision = evaluateClaim(individualClaim({ certificates: [{ kind: 'qualification', level, number: 'Q1', issueDate: '2020-11-15' }] }));
    expect(decision.outcome).toBe(outcome);
    expect(decision.amountYuan).toBe(amount);
    expect(decision.programme).toBe('XH36-3.7.c');
  });

  it('explains a level-3 refusal citing the clause', () => {
    const decision = evaluateClaim(individualClaim({ certificates: [{ kind: 'skill_level', level: 3, number: 'S1', issueDate: '2020-11-15' }] }));
    expect(reasonsOf(decision)).toContain('XH36-3.7.c: level 3 certificate: level 2 (技师) or higher is required');
  });

  it.each([
    {
      sentence: 'exactly 24 months after the certificate month (2020-11 … 2022-10) qualifies',
      spans: [{ from: '2018-03', to: '2022-10' }],
      outcome: 'eligible',
    },
    { sentence: '23 months (to 2022-09) does not', spans: [{ from: '2018-03', to: '2022-09' }], outcome: 'ineligible' },
    {
      sentence: '24 months with a one-month gap, made up after it, qualifies',
      spans: [
        { from: '2020-11', to: '2021-06' },
        { from: '2021-08', to: '2022-11' },
      ],
      outcome: 'eligible',
    },
    {
      sentence: '23 months because of a gap does not, and the gap is named',
      spans: [
        { from: '2020-11', to: '2021-06' },
        { from: '2021-08', to: '2022-10' },
      ],
      outcome: 'ineligible',
    },
    {
      sentence: 'overlapping spans are not counted twice',
      spans: [
        { from: '2020-11', to: '2021-12' },
        { from: '2021-06', to: '2022-09' },
      ],
      outcome: 'ineligible',
    },
  ])('$sentence', ({ spans, outcome }) => {
    const decision = evaluateClaim(individualClaim({ socialInsurance: spans.map((s) => ({ employerName: employer, ...s })) }));
    expect(decision.outcome).toBe(outcome);
  });

  it('counts months from spans and shows the gaps in the reason and the trace', () => {
    const decision = evaluateClaim(
      individualClaim({
        socialInsurance: [
          { employerName: employer, from: '2020-11', to: '2021-06' },
          { employerName: employer, from: '2021-08', to: '2022-10' },
        ],
      }),
    );
    expect(reasonsOf(decision)).toContain('XH36-3.7.c: 23 months of social insurance counted, fewer than 24 (gaps: 2021-07..2021-07)');
    expect(decision.trace).toContainEqual({ fact: 'socialInsurance.gaps', value: ['2021-07..2021-07'] });
  });

  it('counts only months paid by the engaging employer under the default reading', () => {
    const decision = evaluateClaim(
      individualClaim({
        socialInsurance: [
          { employerName: employer, from: '2020-11', to: '2021-10' },
          { employerName: '杭州别家公司', from: '2021-11', to: '2022-10' },
        ],
      }),
    );
    expect(decision.outcome).toBe('ineligible');
    const anyEmployer = evaluateClaim(
      individualClaim({
        socialInsurance: [
          { employerName: employer, from: '2020-11', to: '2021-10' },
          { employerName: '杭州别家公司', from: '2021-11', to: '2022-10' },
        ],
      }),
      { parameters: parametersWith({ 'interpretation.insured_months_employer': 'any' }) },
    );
    expect(anyEmployer.outcome).toBe('eligible');
  });

  it('counts months before the certificate only under the `all` reading', () => {
    const facts = individualClaim({
      claimDate: '2021-12-20',
      socialInsurance: [{ employerName: employer, from: '2018-03', to: '2021-12' }],
      engagementLetters: [{ employerName: employer, startDate: '2019-12-01' }],
    });
    expect(evaluateClaim(facts).outcome).toBe('ineligible');
    expect(evaluateClaim(facts, { parameters: parametersWith({ 'interpretation.insured_months_counted': 'all' }) }).outcome).toBe('eligible');
  });

  it.each([
    { sentence: 'engaged exactly 2 years on the claim date (2020-11-21 → 2022-11-20) qualifies', start: '2020-11-21', outcome: 'eligible' },
    { sentence: 'one day less (from 2020-11-22) does not', start: '2020-11-22', outcome: 'ineligible' },
  ])('$sentence', ({ start, outcome }) => {
    const decision = evaluateClaim(individualClaim({ engagementLetters: [{ employerName: employer, startDate: start, endDate: '2025-12-31' }] }));
    expect(decision.outcome).toBe(outcome);
  });

  it('measures the letter term instead under the `letter_term` reading', () => {
    const facts = individualClaim({ engagementLetters: [{ employerName: employer, startDate: '2020-11-01', endDate: '2022-10-30' }] });
    const parameters = parametersWith({ 'interpretation.engagement_measured': 'letter_term' });
    expect(evaluateClaim(facts, { parameters }).outcome).toBe('ineligible');
    const exactly = individualClaim({ engagementLetters: [{ employerName: employer, startDate: '2020-11-01', endDate: '2022-10-31' }] });
    expect(evaluateClaim(exactly, { parameters }).outcome).toBe('eligible');
  });

  it('requires the engagement by the same employer as the labour contract', () => {
    const decision = evaluateClaim(individualClaim({ engagementLetters: [{ employerName: '杭州别家公司', startDate: '2018-01-01' }] }));
    expect(reasonsOf(decision)).toContain('XH36-3.7.c: not engaged by the same employer for 2 years or more');
  });

  it.each([
    { sentence: 'an employer outside Xihu is refused', registered: false, outcome: 'ineligible' },
    { sentence: 'an employer the register does not know goes to review', registered: undefined, outcome: 'needs_review' },
  ])('$sentence', ({ registered, outcome }) => {
    const decision = evaluateClaim(
      individualClaim({ labourContracts: [{ employerName: employer, employerRegisteredInXihu: registered, startDate: '2018-03-01', openEnded: true }] }),
    );
    expect(decision.outcome).toBe(outcome);
  });

  it.each(ALL_INDIVIDUAL_MATERIALS.map((material) => ({ material })))('asks for the missing $material (XH36-3.7.1)', ({ material }) => {
    const decision = evaluateClaim(individualClaim({ materials: ALL_INDIVIDUAL_MATERIALS.filter((m) => m !== material) }));
    expect(decision.outcome).toBe('missing_documents');
    expect(decision.missingDocuments).toEqual([material]);
    expect(decision.missingDocumentDetails?.[0].ruleId).toBe('XH36-3.7.1');
    expect(decision.amountYuan).toBe(5000);
  });

  it('adds the business licence under the other reading of 企业身份证', () => {
    const decision = evaluateClaim(individualClaim(), {
      parameters: parametersWith({ 'interpretation.individual_identity_document': 'id_card_and_business_licence' }),
    });
    expect(decision.missingDocuments).toEqual(['business_licence']);
  });

  it('emits one `unique` claim key per person, without the ID number in clear', () => {
    const decision = evaluateClaim(individualClaim());
    expect(decision.claimKeys).toEqual([{ kind: 'unique', key: `XH36-3.7.c:person:${personKey('330106199001011234')}`, ruleId: 'XH36-3.7.c' }]);
    expect(JSON.stringify(decision)).not.toContain('330106199001011234');
  });

  it('emits the same key for the same person whatever the certificate (once per person, ever)', () => {
    const first = evaluateClaim(individualClaim());
    const second = evaluateClaim(individualClaim({ certificates: [{ kind: 'qualification', level: 1, number: 'Q-OTHER', issueDate: '2020-11-15' }] }));
    expect(second.claimKeys).toEqual(first.claimKeys);
  });

  it('sends a claim without an ID number to review (once-per-person cannot be checked)', () => {
    const decision = evaluateClaim(individualClaim({ persons: [{ ref: 'p1', householdRegistration: { city: '杭州市' } }] }));
    expect(decision.outcome).toBe('needs_review');
    expect(decision.claimKeys).toEqual([]);
  });

  it('refuses a pensioner (XH36-2.1)', () => {
    const decision = evaluateClaim(individualClaim({ persons: [{ ref: 'p1', idNumber: '330106195801011234', drawsMonthlyPension: true }] }));
    expect(decision.outcome).toBe('ineligible');
    expect(reasonsOf(decision)).toContain('XH36-2.1: people drawing a monthly pension are not covered');
  });

  it('refuses a claim made by an enterprise for the individual subsidy', () => {
    const decision = evaluateClaim(individualClaim({ applicant: { kind: 'enterprise' } }));
    expect(decision.outcome).toBe('ineligible');
  });

  it('judges a certificate from the year before the claim under the `claim_year` reading', () => {
    const parameters = parametersWith({ 'interpretation.newly_obtained_individual': 'claim_year' });
    expect(evaluateClaim(individualClaim(), { parameters }).outcome).toBe('ineligible');
    expect(evaluateClaim(individualClaim()).outcome).toBe('eligible');
  });

  it('traces facts with the document and field they were read from', () => {
    const facts = individualClaim({
      certificates: [
        { kind: 'qualification', level: 2, number: 'Q1', issueDate: '2020-11-15', sources: { level: { documentId: 'doc-cert', field: 'level' } } },
      ],
    });
    expect(evaluateClaim(facts).trace).toContainEqual({ fact: 'certificate.level', value: 2, documentId: 'doc-cert', field: 'level' });
  });

  it('uses only confirmed figures (the amounts are in 西人社〔2020〕36号 itself)', () => {
    expect(evaluateClaim(individualClaim()).unconfirmedParameters).toEqual([]);
  });
});

describe('XH36-3.7.c and XH36-2.1 together', () => {
  it('covers a non-resident without a permit who works for a Xihu enterprise (local work)', () => {
    const decision = evaluateClaim(
      individualClaim({ persons: [{ ref: 'p1', idNumber: '340101199001011234', householdRegistration: { city: '合肥市', district: '蜀山区' } }] }),
    );
    expect(decision.outcome).toBe('eligible');
  });
});

describe('XH36-3.7.c with documents handed in but not read', () => {
  it.each([
    { sentence: 'no certificate read', over: { certificates: [] }, en: 'a qualification or skill-level certificate could not be read from the documents' },
    { sentence: 'no contract read', over: { labourContracts: [] }, en: 'the labour contract could not be read from the documents' },
    { sentence: 'no letter read', over: { engagementLetters: [] }, en: 'the letter of engagement could not be read from the documents' },
    {
      sentence: 'no insurance spans read',
      over: { socialInsurance: [] },
      en: 'the contribution periods of the insurance record could not be read from the documents',
    },
  ])('goes to review when $sentence', ({ over, en }) => {
    const decision = evaluateClaim(individualClaim(over));
    expect(decision.outcome).toBe('needs_review');
    expect(reasonsOf(decision)).toContain(`XH36-3.7.c: ${en}`);
  });

  it('never reports `eligible` without an amount', () => {
    const decision = evaluateClaim(individualClaim({ certificates: [], materials: ['certificate'] }));
    expect(decision.outcome).not.toBe('eligible');
  });
});
