import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../shared/cases/review-case.js';
import type { DocumentTypeName } from '../../shared/documents/document-type.js';
import { buildClaimFacts, levelOf, registerLookups, type ClaimContext } from '../../shared/pipeline/build-claim-facts.js';
import { evaluateClaim } from '../support/shipped-policy.js';

const CREDIT_CODE = '91330106MA2AAAAAA1';
const EMPLOYER = '杭州西湖精工科技有限公司';

function caseDocument(documentId: string, type: DocumentTypeName, values: Record<string, string | number | null>, spans?: CaseDocument['spans']): CaseDocument {
  const fields = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence: 0.97, needsReview: false }]));
  return { documentId, indexInFile: 0, type, pages: [1], fields, ...(spans ? { spans } : {}) };
}

const idCard = caseDocument('d-id', 'id_card', {
  name: '王晓明',
  idNumber: '330106199001011234',
  address: '浙江省杭州市西湖区文三路100号',
  birthDate: '1990-01-01',
});
const certificate = (level: string | number, kind = 'qualification', number = 'Q2020-0001', issueDate = '2020-11-15') =>
  caseDocument(`d-cert-${number}`, 'vocational_certificate', {
    holderName: '王晓明',
    idNumber: '330106199001011234',
    occupation: '数控车工',
    level,
    certificateKind: kind,
    certificateNumber: number,
    issueDate,
    issuer: '杭州市职业技能鉴定中心',
  });
const contract = caseDocument('d-contract', 'labor_contract', {
  employerName: EMPLOYER,
  employerCreditCode: CREDIT_CODE,
  employeeName: '王晓明',
  startDate: '2018-03-01',
  endDate: null,
});
const letter = caseDocument('d-letter', 'employment_letter', {
  employerName: EMPLOYER,
  employeeName: '王晓明',
  title: '技师',
  startDate: '2020-11-01',
  endDate: '2023-10-31',
});
const insurance = caseDocument(
  'd-si',
  'social_insurance_record',
  { personName: '王晓明', idNumber: '330106199001011234', employerName: EMPLOYER, monthsPaid: 99 },
  [
    { employerName: EMPLOYER, from: '2018-03', to: '2021-06' },
    { employerName: EMPLOYER, from: '2021-08', to: '2022-11' },
  ],
);

const register: ClaimContext['enterprises'] = { [CREDIT_CODE]: { creditCode: CREDIT_CODE, name: EMPLOYER, district: '西湖区' } };
const individual: ClaimContext = { applicant: { kind: 'individual' }, claimDate: '2022-11-20', enterprises: register };

describe('buildClaimFacts', () => {
  it('chooses XH36-3.7.c for an individual with a level-2 certificate, contract, letter and insurance record', () => {
    const facts = buildClaimFacts([idCard, certificate(2), contract, letter, insurance], individual);
    expect(facts.programme).toBe('XH36-3.7.c');
    expect(facts.materials.sort()).toEqual(['certificate', 'engagement_letter', 'id_card', 'labour_contract', 'social_insurance_record']);
    expect(evaluateClaim(facts)).toMatchObject({ outcome: 'eligible', amountYuan: 5000 });
  });

  it('counts months from the record spans, not the printed total', () => {
    const facts = buildClaimFacts([idCard, certificate(2), contract, letter, insurance], individual);
    expect(facts.socialInsurance.map((s) => `${s.from}..${s.to}`)).toEqual(['2018-03..2021-06', '2021-08..2022-11']);
    expect(evaluateClaim(facts).trace).toContainEqual({ fact: 'socialInsurance.monthsCounted', value: 24 });
  });

  it('keeps where each fact came from, so the decision can cite it', () => {
    const decision = evaluateClaim(buildClaimFacts([idCard, certificate(2), contract, letter, insurance], individual));
    expect(decision.trace).toContainEqual({ fact: 'certificate.level', value: 2, documentId: 'd-cert-Q2020-0001', field: 'level' });
    expect(decision.trace).toContainEqual({
      fact: 'labourContract.employerRegisteredInXihu',
      value: true,
      documentId: 'd-contract',
      field: 'employerCreditCode',
    });
  });

  it('reads household registration from the ID card address', () => {
    const facts = buildClaimFacts([idCard], individual);
    expect(facts.persons[0].householdRegistration).toEqual({ city: '杭州市', district: '西湖区' });
  });

  it('marks the employer outside Xihu when the register lookup found nothing, and unknown when not looked up', () => {
    const notFound = buildClaimFacts([contract], { ...individual, enterprises: { [CREDIT_CODE]: null } });
    expect(notFound.labourContracts[0].employerRegisteredInXihu).toBe(false);
    const notLookedUp = buildClaimFacts([contract], { ...individual, enterprises: undefined });
    expect(notLookedUp.labourContracts[0].employerRegisteredInXihu).toBeUndefined();
  });

  it('treats an enterprise deregistered before the claim as not registered', () => {
    const facts = buildClaimFacts([contract], {
      ...individual,
      enterprises: { [CREDIT_CODE]: { creditCode: CREDIT_CODE, name: EMPLOYER, district: '西湖区', deregisteredOn: '2022-01-01' } },
    });
    expect(facts.labourContracts[0].employerRegisteredInXihu).toBe(false);
  });

  it.each([
    { sentence: 'an individual with a level-3 certificate → XH36-3.2', context: individual, docs: [idCard, certificate(3), contract], programme: 'XH36-3.2' },
    { sentence: 'an individual with a level-2 certificate alone → XH36-3.2', context: individual, docs: [idCard, certificate('技师')], programme: 'XH36-3.2' },
    {
      sentence: "a training body's level-3 certificates → XH36-3.7.a",
      context: { ...individual, applicant: { kind: 'training_body' as const } },
      docs: [certificate('高级工', 'skill_level')],
      programme: 'XH36-3.7.a',
    },
    {
      sentence: "a training body's level-4 certificates → XH36-3.2",
      context: { ...individual, applicant: { kind: 'training_body' as const } },
      docs: [certificate(4)],
      programme: 'XH36-3.2',
    },
    {
      sentence: "an enterprise's level-3 certificates → XH36-3.7.b",
      context: { ...individual, applicant: { kind: 'enterprise' as const, id: CREDIT_CODE } },
      docs: [certificate(3)],
      programme: 'XH36-3.7.b',
    },
    {
      sentence: 'special-operations certificates → XH36-3.3.1',
      context: { ...individual, applicant: { kind: 'training_body' as const } },
      docs: [certificate('', 'special_operation')],
      programme: 'XH36-3.3.1',
    },
    {
      sentence: 'a competition host → XH36-3.7.d',
      context: { ...individual, applicant: { kind: 'competition_host' as const } },
      docs: [],
      programme: 'XH36-3.7.d',
    },
    { sentence: 'a studio → XH36-3.6', context: { ...individual, applicant: { kind: 'studio' as const } }, docs: [], programme: 'XH36-3.6' },
    {
      sentence: "an enterprise's internship agreement → XH36-3.1",
      context: { ...individual, applicant: { kind: 'enterprise' as const } },
      docs: [caseDocument('d-int', 'internship_agreement', { enterpriseName: EMPLOYER, studentName: '李四', startDate: '2020-07-01', endDate: '2021-06-30' })],
      programme: 'XH36-3.1',
    },
    { sentence: 'nothing recognisable → unclassified', context: individual, docs: [caseDocument('d-x', 'unknown', {})], programme: undefined },
  ])('$sentence', ({ context, docs, programme }) => {
    expect(buildClaimFacts(docs, context).programme).toBe(programme);
  });

  it('lets the submission form choose the programme and declare facts', () => {
    const facts = buildClaimFacts([certificate(3)], {
      ...individual,
      applicant: { kind: 'enterprise', id: CREDIT_CODE },
      programme: 'XH36-3.2',
      declared: { applicant: { kind: 'enterprise', runsRecognisedLevelAssessment: true }, persons: [{ drawsMonthlyPension: false }] },
      materials: ['application_form'],
    });
    expect(facts.programme).toBe('XH36-3.2');
    expect(facts.applicant).toMatchObject({ kind: 'enterprise', creditCode: CREDIT_CODE, runsRecognisedLevelAssessment: true, registeredInXihu: true });
    expect(facts.persons[0]).toMatchObject({ ref: 'p1', drawsMonthlyPension: false, idNumber: '330106199001011234' });
    expect(facts.materials).toContain('application_form');
  });

  it('sends a decision relying on a flagged field to review, naming the field', () => {
    const flagged = certificate(2);
    flagged.fields.level = { ...flagged.fields.level, confidence: 0.41, needsReview: true };
    const facts = buildClaimFacts([idCard, flagged, contract, letter, insurance], individual);
    expect(facts.unverifiedFields).toEqual([{ documentId: 'd-cert-Q2020-0001', field: 'level' }]);
    const decision = evaluateClaim(facts);
    expect(decision.outcome).toBe('needs_review');
    expect(decision.reasons.map((r) => r.en)).toContain('read with low confidence, to be checked: certificate.level (document d-cert-Q2020-0001, field level)');
  });

  it('ignores flagged fields the decision does not rely on', () => {
    const flagged = certificate(2);
    flagged.fields.issuer = { ...flagged.fields.issuer, needsReview: true };
    expect(evaluateClaim(buildClaimFacts([idCard, flagged, contract, letter, insurance], individual)).outcome).toBe('eligible');
  });

  it('leaves unreadable values out instead of guessing', () => {
    const facts = buildClaimFacts([certificate('??', 'qualification', 'Q9', 'not a date')], individual);
    expect(facts.certificates[0]).toMatchObject({ level: undefined, issueDate: undefined });
  });
});

describe('levelOf', () => {
  it.each([
    ['高级技师', 1],
    ['国家职业资格一级', 1],
    ['技师', 2],
    ['二级', 2],
    ['高级工', 3],
    ['中级工', 4],
    ['初级工', 5],
    ['特级技师', 'principal_technician'],
    ['首席技师', 'chief_technician'],
    ['学徒工', 'apprentice'],
    [3, 3],
    ['4', 4],
    [7, undefined],
    ['??', undefined],
  ] as const)('reads %s as %s', (text, level) => {
    expect(levelOf(text)).toBe(level);
  });
});

describe('registerLookups', () => {
  it('lists the credit codes, and the names of employers without one, to look up before building facts', () => {
    const letterOnly = caseDocument('d-l2', 'employment_letter', { employerName: '杭州无代码公司', startDate: '2020-01-01' });
    expect(registerLookups([contract, letter, letterOnly, idCard], { id: '91330106MA2CCCCCC3' })).toEqual({
      creditCodes: ['91330106MA2CCCCCC3', CREDIT_CODE],
      names: [EMPLOYER, '杭州无代码公司'],
    });
  });
});
