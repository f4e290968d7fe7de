import { z } from 'zod';
import { certificateKindSchema } from '../documents/document-type.js';
import { materialSchema } from './materials.js';
import { programmeIdSchema } from './programmes.js';

const isoDate = z.iso.date();
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM');
const yuan = z.number().int().nonnegative();

/** Where a fact was read: the document and its field, so a decision's trace can cite it. */
export const factSourceSchema = z.object({ documentId: z.string(), field: z.string() });
export type FactSource = z.infer<typeof factSourceSchema>;

/** Per property of a fact object, where its value came from (`{ level: { documentId, field: 'level' } }`). */
const sources = z.record(z.string(), factSourceSchema).optional();

/**
 * Certificate levels: 1 (一级, 高级技师) … 5 (五级, 初级工), and the levels that post-date the policy
 * (学徒工 `apprentice`, 特级技师 `principal_technician`, 首席技师 `chief_technician`), recognised but paid only where a
 * parameter in force names them.
 */
export const certificateLevelSchema = z.union([z.number().int().min(1).max(5), z.enum(['apprentice', 'principal_technician', 'chief_technician'])]);
export type CertificateLevel = z.infer<typeof certificateLevelSchema>;

export const applicantKindSchema = z.enum(['individual', 'enterprise', 'training_body', 'competition_host', 'studio']);
export type ApplicantKind = z.infer<typeof applicantKindSchema>;

export const applicantFactsSchema = z.object({
  kind: applicantKindSchema,
  name: z.string().optional(),
  /** 统一社会信用代码 (organisations). */
  creditCode: z.string().optional(),
  /** Found in the district register of enterprises (XH36-3.7.a/b/c, 3.6). */
  registeredInXihu: z.boolean().optional(),
  /** Training body under a training agreement with the district bureau (XH36-3.2). */
  hasTrainingAgreement: z.boolean().optional(),
  /** Enterprise that runs the recognised skill-level assessment (XH36-3.2: it claims the skill-level subsidy). */
  runsRecognisedLevelAssessment: z.boolean().optional(),
  /** Training body recognised by the city bureau for entrepreneurship training (XH36-3.4). */
  recognisedForEntrepreneurshipTraining: z.boolean().optional(),
  sources,
});

const placeSchema = z.object({ city: z.string().optional(), district: z.string().optional() });

export const personFactsSchema = z.object({
  /** Links certificates, contracts and spans to the person; defaults to the first person where omitted there. */
  ref: z.string().default('p1'),
  name: z.string().optional(),
  idNumber: z.string().optional(),
  /** 户籍. */
  householdRegistration: placeSchema.optional(),
  /** 居住证 (a permit held and where it was issued). */
  residencePermit: placeSchema.extend({ validUntil: isoDate.optional() }).optional(),
  /** Works or runs a business locally (在本地就业创业). */
  worksLocally: z.boolean().optional(),
  /** Registered as unemployed locally (在本地办理失业登记). */
  unemploymentRegisteredLocally: z.boolean().optional(),
  /** Draws a monthly pension (按月领取养老金): out of the policy. */
  drawsMonthlyPension: z.boolean().optional(),
  /** Insured in Hangzhou: no social-insurance proof needed for XH36-3.7.a/b. */
  insuredInHangzhou: z.boolean().optional(),
  sources,
});

export const certificateFactsSchema = z.object({
  personRef: z.string().optional(),
  kind: certificateKindSchema,
  level: certificateLevelSchema.optional(),
  number: z.string().optional(),
  issueDate: isoDate.optional(),
  occupation: z.string().optional(),
  sources,
});

export const labourContractFactsSchema = z.object({
  personRef: z.string().optional(),
  employerName: z.string().optional(),
  employerCreditCode: z.string().optional(),
  employerRegisteredInXihu: z.boolean().optional(),
  startDate: isoDate.optional(),
  /** Absent with `openEnded` for 无固定期限 contracts. */
  endDate: isoDate.optional(),
  openEnded: z.boolean().optional(),
  sources,
});

export const engagementLetterFactsSchema = z.object({
  personRef: z.string().optional(),
  employerName: z.string().optional(),
  employerCreditCode: z.string().optional(),
  title: z.string().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  sources,
});

export const internshipAgreementFactsSchema = z.object({
  personRef: z.string().optional(),
  enterpriseName: z.string().optional(),
  schoolName: z.string().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  sources,
});

export const employmentAgreementFactsSchema = z.object({
  personRef: z.string().optional(),
  enterpriseName: z.string().optional(),
  signedDate: isoDate.optional(),
  sources,
});

/** Contributions from `from` to `to` (months, inclusive). Months are counted from spans; overlaps count once. */
export const socialInsuranceSpanFactsSchema = z.object({
  personRef: z.string().optional(),
  employerName: z.string().optional(),
  employerCreditCode: z.string().optional(),
  from: isoMonth,
  to: isoMonth,
  sources,
});

export const apprenticeshipFactsSchema = z.object({
  track: z.enum(['employee', 'student']),
  /** Employee apprentice on a technical post (技能岗位). */
  technicalPost: z.boolean().optional(),
  /** Student in the graduating year of a technical school (技工院校毕业年度). */
  graduatingYearStudent: z.boolean().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  extendedForSpecialCircumstances: z.boolean().optional(),
  coursesCompleted: z.boolean().optional(),
  holdsTrainingCertificate: z.boolean().optional(),
  holdsQualificationCertificate: z.boolean().optional(),
  /** After training: the enterprise signed a labour contract and pays social insurance. */
  labourContractAfterTraining: z.boolean().optional(),
  socialInsuranceAfterTraining: z.boolean().optional(),
  trainingFeeYuan: yuan.optional(),
  monthlyInternshipAllowanceYuan: yuan.optional(),
  sources,
});

export const studioProcedureStateSchema = z.enum(['submitted', 'evaluated', 'publicly_noticed', 'named']);
export type StudioProcedureState = z.infer<typeof studioProcedureStateSchema>;

export const studioFactsSchema = z.object({
  leaderLevel: certificateLevelSchema.optional(),
  leaderHasUniqueSkills: z.boolean().optional(),
  teamSizeExcludingLeader: z.number().int().nonnegative().optional(),
  hasManagementSystem: z.boolean().optional(),
  hasDefinedDuties: z.boolean().optional(),
  hasSiteAndEquipment: z.boolean().optional(),
  hasFunding: z.boolean().optional(),
  hasRewardSystem: z.boolean().optional(),
  project: z.enum(['high_skill_training_plan', 'technical_problem', 'technical_renovation', 'none']).optional(),
  procedureState: studioProcedureStateSchema,
  submittedOn: isoDate.optional(),
  namedOn: isoDate.optional(),
  sources,
});

export const competitionFactsSchema = z.object({
  /** Approved by the city or district bureau (XH36-3.3.3) / held by the district (XH36-3.7.d). */
  approvedBy: z.enum(['city', 'district']).optional(),
  /**
   * The bureau's answer to the filing form (XH36-3.3.3: 经相应人力社保局审核同意后): `false` records that it was not
   * approved (the claim is refused); `approvedBy` implies `true`. Absent: not established (review).
   */
  approved: z.boolean().optional(),
  heldByDistrict: z.boolean().optional(),
  applicantIsActualOrganiser: z.boolean().optional(),
  heldOn: isoDate.optional(),
  budgetYuan: yuan.optional(),
  actualCostsYuan: yuan.optional(),
  citySubsidyYuan: yuan.optional(),
  /** Participants who passed theory and practice. */
  participantsPassed: z.number().int().nonnegative().optional(),
  sources,
});

export const projectTrainingFactsSchema = z.object({
  /** Filed with and approved by the city bureau (备案审核). */
  filedWithCity: z.boolean().optional(),
  completedOn: isoDate.optional(),
  trainingDays: z.number().int().nonnegative().optional(),
  traineesCertified: z.number().int().nonnegative().optional(),
  feePerPersonYuan: yuan.optional(),
  sources,
});

export const entrepreneurshipTrainingFactsSchema = z.object({
  completedOn: isoDate.optional(),
  traineesCompleted: z.number().int().nonnegative().optional(),
  sources,
});

export const sectorTrainingFactsSchema = z.object({
  department: z.string().optional(),
  completedOn: isoDate.optional(),
  trainees: z.number().int().nonnegative().optional(),
  sources,
});

/**
 * A claim the store already holds (XH36-3.7.c once per person, XH36-3.7.a/b one claim per certificate, XH36-3.6 one
 * subsidy per studio): what `intake rules evaluate` needs to give the decision the store would. Its keys are the ones
 * its decision emitted (`claimKeys`), or are derived from `personIdNumber` / `certificateNumbers` / `studio` so facts
 * written by hand need no hashes. A claim whose outcome is `ineligible` holds no key (the store reserves none for it),
 * nor does one a clerk rejected (the store releases its keys).
 */
export const heldClaimSchema = z.object({
  caseId: z.string(),
  programme: programmeIdSchema,
  /** The claim date (for XH36-3.6, the naming date). */
  date: isoDate.optional(),
  outcome: z.enum(['eligible', 'ineligible', 'needs_review', 'missing_documents']),
  /** The case's status (`rejected`: a clerk refused it, and the store released its keys; `paid`, `recovered`, …). */
  status: z.string().optional(),
  /** Keys exactly as a decision's `claimKeys[].key` (e.g. `XH36-3.7.ab:certificate:S2021-0001`). */
  claimKeys: z.array(z.string()).optional(),
  /** The person of an XH36-3.7.c claim (hashed into the key; never shown). */
  personIdNumber: z.string().optional(),
  /** The certificates of an XH36-3.2 / 3.7.a / 3.7.b claim. */
  certificateNumbers: z.array(z.string()).optional(),
  /** The studio of an XH36-3.6 claim (credit code, else name). */
  studio: z.string().optional(),
});
export type HeldClaim = z.infer<typeof heldClaimSchema>;

/** A studio the bureau already named (XH36-3.6: 每年新增6家大师工作室): counts towards its year's quota. */
export const namedStudioSchema = z.object({
  caseId: z.string().optional(),
  /** Credit code, else name. */
  studio: z.string().optional(),
  namedOn: isoDate,
});
export type NamedStudio = z.infer<typeof namedStudioSchema>;

/**
 * The applicant's commitment under the 告知承诺制 (XH36-4.1: 严格落实…职业技能培训补贴申领告知承诺制): what it declares and
 * the document it is in. The default reading of an unknown pension (`assume_not_drawing`) rests on it.
 */
export const commitmentFactsSchema = z.object({
  signed: z.boolean(),
  signedOn: isoDate.optional(),
  /** The applicant declares the person does not draw a monthly pension (不具有按月领取养老金资格). */
  declaresNoMonthlyPension: z.boolean().optional(),
  /** The applicant declares the information true, accepting recovery of money paid on false information (XH36-4.2). */
  declaresTruthful: z.boolean().optional(),
  sources,
});

/**
 * Everything the rules may look at for one claim. Only `claimDate`, `applicant` and (to be decided) `programme`
 * are needed; each programme reads its own facts and says what is missing.
 *
 * @example
 * factsSchema.parse({ programme: 'XH36-3.7.c', claimDate: '2021-06-18', applicant: { kind: 'individual' } });
 */
export const factsSchema = z.object({
  /** The programme claimed; absent when nothing could be chosen (the claim goes to `unclassified`). */
  programme: programmeIdSchema.optional(),
  claimDate: isoDate,
  applicant: applicantFactsSchema,
  persons: z.array(personFactsSchema).default([]),
  certificates: z.array(certificateFactsSchema).default([]),
  labourContracts: z.array(labourContractFactsSchema).default([]),
  engagementLetters: z.array(engagementLetterFactsSchema).default([]),
  internshipAgreements: z.array(internshipAgreementFactsSchema).default([]),
  employmentAgreements: z.array(employmentAgreementFactsSchema).default([]),
  socialInsurance: z.array(socialInsuranceSpanFactsSchema).default([]),
  apprenticeship: apprenticeshipFactsSchema.optional(),
  studio: studioFactsSchema.optional(),
  competition: competitionFactsSchema.optional(),
  projectTraining: projectTrainingFactsSchema.optional(),
  entrepreneurshipTraining: entrepreneurshipTrainingFactsSchema.optional(),
  sectorTraining: sectorTrainingFactsSchema.optional(),
  /** The documents handed in, checked against the programme's materials list. */
  materials: z.array(materialSchema).default([]),
  /**
   * Fields the reader flagged (`needsReview`: low confidence or a failed check) and no clerk has confirmed yet. A
   * decision that relies on one goes to review and names it.
   */
  unverifiedFields: z.array(factSourceSchema).optional(),
  /** The applicant's 告知承诺 (XH36-4.1), with the document it is in. */
  commitment: commitmentFactsSchema.optional(),
  /** This claim's own case, when it is judged again: the keys it already holds are not a conflict. */
  caseId: z.string().optional(),
  /**
   * What the store knows about other claims (XH36-3.7.c, 3.7.a/b, 3.2, 3.6): with these, one evaluation gives the
   * decision the store would (a duplicate is `ineligible` with `duplicateOf`). Absent: not checked here (the store
   * checks when the case is written).
   */
  claimsHeld: z.array(heldClaimSchema).optional(),
  /** Studios already named (XH36-3.6 quota of the naming year). */
  studiosNamed: z.array(namedStudioSchema).optional(),
});

/** Facts as the rules read them (defaults applied). */
export type ClaimFacts = z.infer<typeof factsSchema>;
/** Facts as written in a FACTS.json file or built by code (defaults optional). */
export type ClaimFactsInput = z.input<typeof factsSchema>;
export type PersonFacts = ClaimFacts['persons'][number];
export type CertificateFacts = ClaimFacts['certificates'][number];
export type CompetitionFacts = NonNullable<ClaimFacts['competition']>;
export type SocialInsuranceSpanFacts = ClaimFacts['socialInsurance'][number];
