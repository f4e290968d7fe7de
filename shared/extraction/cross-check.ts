import type { ExtractedDocument, ExtractedField } from '../documents/index.js';
import { finaliseField } from './confidence.js';

/** Where each document type keeps the person's name and ID number (the claimant, not a company's representative). */
const PERSON_FIELDS: Partial<Record<ExtractedDocument['type'], { name: string; id?: string }>> = {
  vocational_certificate: { name: 'holderName', id: 'idNumber' },
  labor_contract: { name: 'employeeName', id: 'employeeIdNumber' },
  employment_letter: { name: 'employeeName' },
  social_insurance_record: { name: 'personName', id: 'idNumber' },
  internship_agreement: { name: 'studentName', id: 'studentIdNumber' },
  id_card: { name: 'name', id: 'idNumber' },
};

export const CrossCheckIssue = {
  name: 'name_mismatch_across_documents',
  id: 'id_mismatch_across_documents',
} as const;

export interface CrossCheckOptions {
  /**
   * The documents belong to one claimant (an individual's claim): any difference in name or ID is a mismatch.
   * Otherwise (an enterprise's roster of many people) only differences that look like misreads of one person are:
   * same ID with different names, same name with IDs that differ in at most two characters.
   */
  singlePerson?: boolean;
  reviewThreshold?: number;
}

interface PersonRef {
  doc: ExtractedDocument;
  name?: ExtractedField;
  id?: ExtractedField;
}

function differingCharacters(a: string, b: string): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

function flag(field: ExtractedField | undefined, issue: string, threshold: number): void {
  if (!field || field.value === null) return;
  const updated = finaliseField({ ...field, issues: [...(field.issues ?? []), issue] }, threshold);
  Object.assign(field, updated);
}

function corroborate(field: ExtractedField | undefined, threshold: number): void {
  if (!field || field.value === null || (field.issues ?? []).length > 0) return;
  Object.assign(field, finaliseField({ ...field, confidence: 1 - (1 - field.confidence) * 0.5 }, threshold));
}

/**
 * Compares the person named across a submission's documents. Mismatches flag the fields on both sides
 * (`name_mismatch_across_documents`, `id_mismatch_across_documents`, needsReview); agreeing reads of the same value
 * raise each other's confidence. Mutates and returns the documents.
 *
 * @example
 * crossCheckDocuments([certificate, contract], { singlePerson: true });
 */
export function crossCheckDocuments(docs: ExtractedDocument[], options: CrossCheckOptions = {}): ExtractedDocument[] {
  const threshold = options.reviewThreshold ?? 0.9;
  const refs: PersonRef[] = [];
  for (const doc of docs) {
    const where = PERSON_FIELDS[doc.type];
    if (!where) continue;
    const ref: PersonRef = { doc, name: doc.fields[where.name], id: where.id ? doc.fields[where.id] : undefined };
    if (ref.name?.value == null) ref.name = undefined;
    if (ref.id?.value == null) ref.id = undefined;
    if (ref.name || ref.id) refs.push(ref);
  }
  const nameFlags = new Set<ExtractedField>();
  const idFlags = new Set<ExtractedField>();
  const agreeing = new Set<ExtractedField>();
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      const a = refs[i];
      const b = refs[j];
      const sameId = a.id && b.id && a.id.value === b.id.value;
      const sameName = a.name && b.name && a.name.value === b.name.value;
      const idClose = a.id && b.id && differingCharacters(String(a.id.value), String(b.id.value)) <= 2;
      const samePerson = options.singlePerson || sameId || (sameName && (!a.id || !b.id || idClose));
      if (!samePerson) continue;
      if (a.name && b.name) {
        if (sameName) [a.name, b.name].forEach((f) => agreeing.add(f));
        else [a.name, b.name].forEach((f) => nameFlags.add(f));
      }
      if (a.id && b.id) {
        if (sameId) [a.id, b.id].forEach((f) => agreeing.add(f));
        else [a.id, b.id].forEach((f) => idFlags.add(f));
      }
    }
  }
  nameFlags.forEach((f) => flag(f, CrossCheckIssue.name, threshold));
  idFlags.forEach((f) => flag(f, CrossCheckIssue.id, threshold));
  agreeing.forEach((f) => {
    if (!nameFlags.has(f) && !idFlags.has(f)) corroborate(f, threshold);
  });
  return docs;
}
