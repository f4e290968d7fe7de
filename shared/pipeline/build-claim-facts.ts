import type { CaseDocument } from '../cases/review-case.js';
import { certificateKindSchema } from '../documents/document-type.js';
import type { RegisteredEnterprise } from '../ports/enterprise-register.js';
import type { ApplicantKind, CertificateLevel, ClaimFacts, ClaimFactsInput, FactSource } from '../policy/facts.js';
import type { Material } from '../policy/materials.js';
import { Programme, type ProgrammeId } from '../policy/programmes.js';

/** What the submission says beyond its documents, with the register lookups already done. */
export interface ClaimContext {
  applicant: { kind: ApplicantKind; /** credit code (organisations) */ id?: string; name?: string };
  claimDate: string;
  /**
   * District-register lookups, keyed by credit code or by name as written on the documents: the entry, or `null` when
   * looked up and not found. Keys absent here count as "not looked up" (the rules send the claim to review).
   */
  enterprises?: Record<string, RegisteredEnterprise | null>;
  /** The programme chosen on the submission form, if any (wins over the guess from documents). */
  programme?: ProgrammeId;
  /** Materials handed in that are not read as documents (application form, roster, filing form...). */
  materials?: Material[];
  /** Facts declared on the form (apprenticeship, studio, competition, pension commitment...), merged over the documents'. */
  declared?: Partial<ClaimFactsInput>;
}

type Fields = CaseDocument['fields'];

const MATERIAL_OF_TYPE: Partial<Record<CaseDocument['type'], Material>> = {
  id_card: 'id_card',
  vocational_certificate: 'certificate',
  labor_contract: 'labour_contract',
  employment_letter: 'engagement_letter',
  social_insurance_record: 'social_insurance_record',
  business_license: 'business_licence',
  internship_agreement: 'internship_agreement',
};

/**
 * Turns a case's extracted documents and the submission's context into claim facts, choosing the programme the
 * documents support (e.g. an individual's level-2 certificate with a contract, a letter of engagement and an insurance
 * record → XH36-3.7.c; a training body's level-3 certificates → XH36-3.7.a). Every fact keeps the document and field it
 * came from. Unreadable values are left out (the rules then ask for review), never guessed; fields the reader flagged
 * (`needsReview`) are listed in `unverifiedFields`, so a decision relying on one goes to review until a clerk confirms
 * it (clear the flag and build the facts again).
 *
 * @example
 * const facts = buildClaimFacts(reviewCase.documents, { applicant: { kind: 'individual' }, claimDate: '2023-01-10',
 *   enterprises: { '91330106MA2XXXXXX1': { creditCode: '91330106MA2XXXXXX1', name: '杭州某某科技有限公司', district: '西湖区' } } });
 * evaluateClaim(facts).programme; // 'XH36-3.7.c'
 */
export function buildClaimFacts(documents: readonly CaseDocument[], context: ClaimContext): ClaimFacts {
  const facts: ClaimFacts = {
    claimDate: context.claimDate,
    applicant: {
      kind: context.applicant.kind,
      name: context.applicant.name,
      creditCode: context.applicant.id,
      registeredInXihu: inXihu(context, { creditCode: context.applicant.id, name: context.applicant.name }),
    },
    persons: [],
    certificates: [],
    labourContracts: [],
    engagementLetters: [],
    internshipAgreements: [],
    employmentAgreements: [],
    socialInsurance: [],
    materials: [...(context.materials ?? [])],
  };
  const person: ClaimFacts['persons'][number] = { ref: 'p1', sources: {} };

  const unverified: FactSource[] = [];
  for (const document of documents) {
    for (const [field, read] of Object.entries(document.fields)) {
      if (read.needsReview) unverified.push({ documentId: document.documentId, field });
    }
    const material = MATERIAL_OF_TYPE[document.type];
    if (material && !facts.materials.includes(material)) facts.materials.push(material);
    const f = reader(document.documentId, document.fields);
    switch (document.type) {
      case 'id_card': {
        f.into(person, 'name', 'name');
        f.into(person, 'idNumber', 'idNumber');
        const address = f.text('address');
        const place = address ? placeOf(address) : undefined;
        if (place) {
          person.householdRegistration = place;
          person.sources!.householdRegistration = f.source('address');
        }
        break;
      }
      case 'vocational_certificate': {
        const kind = certificateKindSchema.safeParse(f.text('certificateKind'));
        const level = levelOf(f.value('level'));
        const certificate: ClaimFacts['certificates'][number] = {
          personRef: 'p1',
          kind: kind.success ? kind.data : 'qualification',
          level,
          number: f.text('certificateNumber'),
          issueDate: f.date('issueDate'),
          occupation: f.text('occupation'),
          sources: f.sources({ kind: 'certificateKind', level: 'level', number: 'certificateNumber', issueDate: 'issueDate', occupation: 'occupation' }),
        };
        facts.certificates.push(certificate);
        if (certificate.kind === 'training_completion' && !facts.materials.includes('training_certificate')) facts.materials.push('training_certificate');
        if (!person.name) f.into(person, 'name', 'holderName');
        if (!person.idNumber) f.into(person, 'idNumber', 'idNumber');
        break;
      }
      case 'labor_contract': {
        const employer = { name: f.text('employerName'), creditCode: f.text('employerCreditCode') };
        facts.labourContracts.push({
          personRef: 'p1',
          employerName: employer.name,
          employerCreditCode: employer.creditCode,
          employerRegisteredInXihu: inXihu(context, employer),
          startDate: f.date('startDate'),
          endDate: f.date('endDate'),
          sources: f.sources({
            employerName: 'employerName',
            employerCreditCode: 'employerCreditCode',
            employerRegisteredInXihu: 'employerCreditCode',
            startDate: 'startDate',
            endDate: 'endDate',
          }),
        });
        if (facts.labourContracts[facts.labourContracts.length - 1].employerRegisteredInXihu === true) person.worksLocally = true;
        break;
      }
      case 'employment_letter':
        facts.engagementLetters.push({
          personRef: 'p1',
          employerName: f.text('employerName'),
          title: f.text('title'),
          startDate: f.date('startDate'),
          endDate: f.date('endDate'),
          sources: f.sources({ employerName: 'employerName', title: 'title', startDate: 'startDate', endDate: 'endDate' }),
        });
        break;
      case 'social_insurance_record': {
        const spans = document.spans ?? [];
        for (const span of spans) {
          facts.socialInsurance.push({
            personRef: 'p1',
            employerName: span.employerName,
            from: span.from,
            to: span.to,
            sources: { from: { documentId: document.documentId, field: 'spans' } },
          });
        }
        const start = f.month('periodStart');
        const end = f.month('periodEnd');
        if (spans.length === 0 && start && end) {
          facts.socialInsurance.push({
            personRef: 'p1',
            employerName: f.text('employerName'),
            from: start,
            to: end,
            sources: f.sources({ from: 'periodStart', to: 'periodEnd', employerName: 'employerName' }),
          });
        }
        break;
      }
      case 'business_license':
        if (!facts.applicant.creditCode && context.applicant.kind !== 'individual') {
          facts.applicant.creditCode = f.text('creditCode');
          facts.applicant.name ??= f.text('companyName');
          facts.applicant.registeredInXihu ??= inXihu(context, { creditCode: facts.applicant.creditCode, name: facts.applicant.name });
          facts.applicant.sources = f.sources({ creditCode: 'creditCode', name: 'companyName', registeredInXihu: 'creditCode' });
        }
        break;
      case 'internship_agreement':
        facts.internshipAgreements.push({
          personRef: 'p1',
          enterpriseName: f.text('enterpriseName'),
          schoolName: f.text('schoolName'),
          startDate: f.date('startDate'),
          endDate: f.date('endDate'),
          sources: f.sources({ enterpriseName: 'enterpriseName', schoolName: 'schoolName', startDate: 'startDate', endDate: 'endDate' }),
        });
        if (!person.name) f.into(person, 'name', 'studentName');
        if (!person.idNumber) f.into(person, 'idNumber', 'studentIdNumber');
        break;
      case 'unknown':
        break;
    }
  }

  if (unverified.length > 0) facts.unverifiedFields = unverified;
  const hasPerson = person.name !== undefined || person.idNumber !== undefined || facts.certificates.length > 0;
  if (hasPerson) facts.persons.push(person);
  const merged = mergeDeclared(facts, context.declared);
  merged.programme = context.programme ?? chooseProgramme(merged);
  return merged;
}

/**
 * What to look up in the district register before calling `buildClaimFacts`: the credit codes and names of the
 * employers and companies the documents mention (and the applicant's code). Put each answer, or `null` when not
 * found, in `context.enterprises` under the same key.
 *
 * @example
 * const { creditCodes, names } = registerLookups(reviewCase.documents, { id: '91330106MA2AAAAAA1' });
 * const enterprises = Object.fromEntries(await Promise.all(creditCodes.map(async (c) => [c, (await register.findByCreditCode(c)) ?? null])));
 */
export function registerLookups(documents: readonly CaseDocument[], applicant: { id?: string } = {}): { creditCodes: string[]; names: string[] } {
  const creditCodes = new Set<string>();
  const names = new Set<string>();
  if (applicant.id) creditCodes.add(applicant.id);
  for (const document of documents) {
    const f = reader(document.documentId, document.fields);
    const code = f.text('employerCreditCode') ?? f.text('creditCode');
    const name = f.text('employerName') ?? f.text('companyName') ?? f.text('enterpriseName');
    if (code) creditCodes.add(code);
    else if (name) names.add(name);
  }
  return { creditCodes: [...creditCodes], names: [...names] };
}

/**
 * The programme the documents support, or `undefined` (the claim goes to `unclassified`).
 *
 * @example
 * chooseProgramme(facts); // 'XH36-3.7.c'
 */
export function chooseProgramme(facts: ClaimFacts): ProgrammeId | undefined {
  const kind = facts.applicant.kind;
  if (kind === 'competition_host') return Programme.competitionHost;
  if (kind === 'studio' || facts.studio) return Programme.masterStudio;
  if (facts.apprenticeship || (kind === 'enterprise' && facts.internshipAgreements.length > 0)) return Programme.apprenticeship;
  const certificates = facts.certificates;
  if (certificates.length === 0) return undefined;
  const graded = certificates.filter((c) => c.kind === 'qualification' || c.kind === 'skill_level');
  const levels = graded.map((c) => (typeof c.level === 'number' ? c.level : c.level === undefined ? 9 : 0));
  const best = levels.length > 0 ? Math.min(...levels) : 9;
  if (graded.length === 0) {
    if (certificates.some((c) => c.kind === 'special_operation')) return Programme.specialOperations;
    if (certificates.some((c) => c.kind === 'training_completion')) return Programme.completionCertificateProject;
    return Programme.certificateTraining;
  }
  if (kind === 'individual') {
    const employment = facts.labourContracts.length + facts.engagementLetters.length + facts.socialInsurance.length > 0;
    return best <= 2 && employment ? Programme.highSkilledIndividual : Programme.certificateTraining;
  }
  if (kind === 'training_body') return best <= 3 ? Programme.highSkilledTrainingBody : Programme.certificateTraining;
  if (kind === 'enterprise') {
    if (facts.applicant.runsRecognisedLevelAssessment && graded.every((c) => c.kind === 'skill_level')) return Programme.certificateTraining;
    return best <= 3 ? Programme.highSkilledEnterprise : Programme.certificateTraining;
  }
  return undefined;
}

function mergeDeclared(facts: ClaimFacts, declared: Partial<ClaimFactsInput> | undefined): ClaimFacts {
  if (!declared) return facts;
  const { applicant, persons, materials, ...rest } = declared;
  const merged: ClaimFacts = { ...facts, ...(rest as Partial<ClaimFacts>) };
  if (applicant) merged.applicant = { ...facts.applicant, ...applicant };
  if (persons && persons.length > 0) {
    const [first, ...others] = persons;
    const base = facts.persons[0] ?? { ref: 'p1' };
    merged.persons = [{ ...base, ...first, ref: first.ref ?? base.ref }, ...others.map((p, i) => ({ ...p, ref: p.ref ?? `p${i + 2}` }))];
  }
  if (materials) merged.materials = [...new Set([...facts.materials, ...materials])];
  return merged;
}

function inXihu(context: ClaimContext, employer: { creditCode?: string; name?: string }): boolean | undefined {
  const register = context.enterprises;
  if (!register) return undefined;
  const byCode = employer.creditCode ? register[employer.creditCode] : undefined;
  const entry = byCode !== undefined ? byCode : employer.name ? register[employer.name] : undefined;
  if (entry === undefined) return undefined;
  if (entry === null) return false;
  const deregistered = entry.deregisteredOn !== undefined && entry.deregisteredOn <= context.claimDate;
  return entry.district.includes('西湖') && !deregistered;
}

const LEVEL_WORDS: [RegExp, CertificateLevel][] = [
  [/首席技师/, 'chief_technician'],
  [/特级技师/, 'principal_technician'],
  [/学徒工/, 'apprentice'],
  [/高级技师|一级/, 1],
  [/技师|二级/, 2],
  [/高级工|三级/, 3],
  [/中级工|四级/, 4],
  [/初级工|五级/, 5],
];

/**
 * A certificate level from what extraction wrote (an integer 1–5, or a name seen on documents).
 *
 * @example
 * levelOf('特级技师'); // 'principal_technician'
 */
export function levelOf(value: string | number | null | undefined): CertificateLevel | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
  if (!value) return undefined;
  if (/^[1-5]$/.test(value.trim())) return Number(value.trim());
  return LEVEL_WORDS.find(([pattern]) => pattern.test(value))?.[1];
}

function placeOf(address: string): { city?: string; district?: string } | undefined {
  const match = /([^省]+?市)([^市]+?(?:区|县|市))/.exec(address);
  if (!match) return undefined;
  return { city: match[1], district: match[2] };
}

function reader(documentId: string, fields: Fields) {
  const value = (name: string): string | number | null | undefined => fields[name]?.value;
  const text = (name: string): string | undefined => {
    const v = value(name);
    return v === null || v === undefined || v === '' ? undefined : String(v);
  };
  const source = (field: string): FactSource => ({ documentId, field });
  return {
    value,
    text,
    source,
    date: (name: string) => {
      const v = text(name);
      return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
    },
    month: (name: string) => {
      const v = text(name);
      return v && /^\d{4}-\d{2}/.test(v) ? v.slice(0, 7) : undefined;
    },
    sources: (map: Record<string, string>): Record<string, FactSource> =>
      Object.fromEntries(
        Object.entries(map)
          .filter(([, field]) => fields[field] !== undefined)
          .map(([key, field]) => [key, source(field)]),
      ),
    into: (person: ClaimFacts['persons'][number], key: 'name' | 'idNumber', field: string) => {
      const v = text(field);
      if (v === undefined) return;
      person[key] = v;
      person.sources = { ...person.sources, [key]: source(field) };
    },
  };
}
