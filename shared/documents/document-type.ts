import { z } from 'zod';

/**
 * The kinds of document a claim can carry. `unknown` is a real outcome: a page the machine could not classify goes to
 * its own review queue rather than being guessed.
 *
 * @example
 * documentTypeSchema.parse('vocational_certificate'); // 'vocational_certificate'
 */
export const DocumentType = {
  vocationalCertificate: 'vocational_certificate',
  laborContract: 'labor_contract',
  employmentLetter: 'employment_letter',
  socialInsuranceRecord: 'social_insurance_record',
  businessLicense: 'business_license',
  internshipAgreement: 'internship_agreement',
  idCard: 'id_card',
  unknown: 'unknown',
} as const;

export const documentTypeSchema = z.enum([
  DocumentType.vocationalCertificate,
  DocumentType.laborContract,
  DocumentType.employmentLetter,
  DocumentType.socialInsuranceRecord,
  DocumentType.businessLicense,
  DocumentType.internshipAgreement,
  DocumentType.idCard,
  DocumentType.unknown,
]);
export type DocumentTypeName = z.infer<typeof documentTypeSchema>;

/** Kinds of vocational certificate (the policy pays differently for each). */
export const certificateKindSchema = z.enum([
  'qualification', // 职业资格证书
  'skill_level', // 职业技能等级证书
  'special_ability', // 专项能力证书
  'special_operation', // 特种作业操作证
  'training_completion', // 培训合格证书
]);
export type CertificateKind = z.infer<typeof certificateKindSchema>;
