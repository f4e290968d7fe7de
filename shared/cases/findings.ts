import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CaseDocument, ReviewCase } from './review-case.js';

/** The person a document names, and the fields that say so. */
const PERSON_FIELDS: Record<string, { name?: string; idNumber?: string }> = {
  vocational_certificate: { name: 'holderName', idNumber: 'idNumber' },
  labor_contract: { name: 'employeeName', idNumber: 'employeeIdNumber' },
  employment_letter: { name: 'employeeName' },
  social_insurance_record: { name: 'personName', idNumber: 'idNumber' },
  id_card: { name: 'name', idNumber: 'idNumber' },
  internship_agreement: { name: 'studentName', idNumber: 'studentIdNumber' },
};

/** One document of a finding, with the person it names. */
export const findingDocumentSchema = z.object({
  documentId: z.string(),
  indexInFile: z.number().int().nonnegative(),
  type: z.string(),
  name: z.string().optional(),
  idNumber: z.string().optional(),
});

/** A clerk's resolution of a finding: what was seen, by whom, when. */
export const findingResolutionSchema = z.object({
  code: z.string(),
  /** The finding's key: a resolution answers the finding as it was, not one that changed since. */
  key: z.string(),
  by: z.string(),
  at: z.string(),
  note: z.string(),
});
export type FindingResolution = z.infer<typeof findingResolutionSchema>;

/**
 * Something about a case a clerk must settle before it can be confirmed or approved. `different_persons`: documents
 * of one individual claim name different people (names or ID numbers differ).
 */
export const caseFindingSchema = z.object({
  code: z.literal('different_persons'),
  key: z.string(),
  zh: z.string(),
  documents: z.array(findingDocumentSchema),
  /** The names and ID numbers that differ (each listed once). */
  names: z.array(z.string()),
  idNumbers: z.array(z.string()),
  resolution: findingResolutionSchema.optional(),
});
export type CaseFinding = z.infer<typeof caseFindingSchema>;

const normalisedName = (value: string) => value.replace(/[\s·•.]/g, '');
const normalisedId = (value: string) => value.replace(/\s/g, '').toUpperCase();

function personOf(document: CaseDocument): z.infer<typeof findingDocumentSchema> | undefined {
  const fields = PERSON_FIELDS[document.type];
  if (!fields) return undefined;
  const text = (name?: string) => {
    const value = name ? document.fields[name]?.value : undefined;
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const name = text(fields.name);
  const idNumber = text(fields.idNumber);
  if (!name && !idNumber) return undefined;
  return {
    documentId: document.documentId,
    indexInFile: document.indexInFile,
    type: document.type,
    ...(name ? { name } : {}),
    ...(idNumber ? { idNumber } : {}),
  };
}

function maskedId(idNumber: string): string {
  return idNumber.length > 8 ? `${idNumber.slice(0, 6)}…${idNumber.slice(-4)}` : idNumber;
}

/**
 * The findings of a case, computed from its documents as they now read (so a correction that makes them agree ends
 * the finding), each with the clerk's resolution when one answers it. Only individual claims are checked: a training
 * body's batch or an enterprise's claim names many people by design.
 *
 * @example
 * caseFindings(reviewCase); // [{ code: 'different_persons', names: ['王晓明', '李四'], documents: [...] }]
 */
export function caseFindings(reviewCase: Pick<ReviewCase, 'documents' | 'applicant' | 'resolvedFindings'>): CaseFinding[] {
  const kind = reviewCase.applicant?.kind ?? 'individual';
  if (kind !== 'individual') return [];
  const persons = reviewCase.documents.map(personOf).filter((p) => p !== undefined);
  if (persons.length < 2) return [];
  const names = [...new Set(persons.flatMap((p) => (p.name ? [normalisedName(p.name)] : [])))];
  const idNumbers = [...new Set(persons.flatMap((p) => (p.idNumber ? [normalisedId(p.idNumber)] : [])))];
  if (names.length < 2 && idNumbers.length < 2) return [];
  const key = createHash('sha256')
    .update(JSON.stringify([names.sort(), idNumbers.sort()]))
    .digest('hex')
    .slice(0, 16);
  const resolution = reviewCase.resolvedFindings?.find((r) => r.code === 'different_persons' && r.key === key);
  const what = [names.length > 1 ? `姓名（${names.join('、')}）` : '', idNumbers.length > 1 ? `身份证号（${idNumbers.map(maskedId).join('、')}）` : '']
    .filter(Boolean)
    .join('和');
  return [
    {
      code: 'different_persons',
      key,
      zh: `本申请的材料写的不是同一个人：${what}不一致。请核实后说明，或驳回。`,
      documents: persons,
      names,
      idNumbers,
      ...(resolution ? { resolution } : {}),
    },
  ];
}

/**
 * The findings still waiting for a clerk.
 *
 * @example
 * openFindings(reviewCase).length; // 0 when every finding is resolved
 */
export function openFindings(reviewCase: Pick<ReviewCase, 'documents' | 'applicant' | 'resolvedFindings'>): CaseFinding[] {
  return caseFindings(reviewCase).filter((finding) => !finding.resolution);
}

/**
 * The case with `openFindingCodes` set from its documents, as the case store keeps it with each write (list rows
 * carry no documents, and must still tell an open finding). An empty list is dropped.
 *
 * @example
 * withOpenFindingCodes(mixedPersonCase).openFindingCodes; // ['different_persons']
 */
export function withOpenFindingCodes<T extends Pick<ReviewCase, 'documents' | 'applicant' | 'resolvedFindings' | 'openFindingCodes'>>(reviewCase: T): T {
  const codes = [...new Set(openFindings(reviewCase).map((finding) => finding.code))];
  const next = { ...reviewCase };
  if (codes.length > 0) next.openFindingCodes = codes;
  else delete next.openFindingCodes;
  return next;
}
