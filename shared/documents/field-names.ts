import type { DocumentTypeName } from './document-type.js';

/**
 * The fields each document type yields (the `intake extract` contract). Values are normalised: dates `YYYY-MM-DD`,
 * months `YYYY-MM`, `level` an integer 1–5 where 1 = 高级技师, codes upper-case, no spaces inside Chinese names.
 */
export const FIELDS_BY_TYPE = {
  vocational_certificate: ['holderName', 'idNumber', 'occupation', 'level', 'certificateKind', 'certificateNumber', 'issueDate', 'issuer'],
  labor_contract: ['employerName', 'employerCreditCode', 'employeeName', 'employeeIdNumber', 'startDate', 'endDate', 'signedDate'],
  employment_letter: ['employerName', 'employeeName', 'title', 'startDate', 'endDate', 'issueDate'],
  social_insurance_record: ['personName', 'idNumber', 'employerName', 'monthsPaid', 'periodStart', 'periodEnd'],
  business_license: ['companyName', 'creditCode', 'address', 'establishedDate', 'legalRepresentative'],
  internship_agreement: ['enterpriseName', 'studentName', 'studentIdNumber', 'schoolName', 'startDate', 'endDate'],
  id_card: ['name', 'idNumber', 'address', 'birthDate'],
  unknown: [],
} as const satisfies Record<DocumentTypeName, readonly string[]>;

export type FieldNameOf<T extends DocumentTypeName> = (typeof FIELDS_BY_TYPE)[T][number];
