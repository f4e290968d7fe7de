import { randomUUID } from 'node:crypto';
import type { AuditEvent, CaseDocument, DocumentRecord, ReviewCase } from '../../../shared/cases/index.js';

/**
 * A DocumentRecord as ingest registers it, with a fresh id; override what the test is about.
 *
 * @example
 * const record = aDocumentRecord({ submissionId: 's1', sha256: 'ab…' });
 */
export function aDocumentRecord(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  const documentId = overrides.documentId ?? `doc-${randomUUID()}`;
  return {
    documentId,
    submissionId: 'sub-1',
    bucket: 'intake',
    key: `incoming/sub-1/${documentId}.pdf`,
    sourceVersion: `"${documentId}-etag"`,
    fileName: '职业资格证书.pdf',
    status: 'received',
    createdAt: '2021-06-18T08:00:00.000Z',
    updatedAt: '2021-06-18T08:00:00.000Z',
    ...overrides,
  };
}

/**
 * A read vocational certificate as a case document, with `fieldCount` filler fields when a test needs bulk.
 *
 * @example
 * const document = aCaseDocument({ documentId: 'd1' });
 */
export function aCaseDocument(overrides: Partial<CaseDocument> = {}, fieldCount = 0): CaseDocument {
  const fields: CaseDocument['fields'] = {
    holderName: { value: '王晓明', confidence: 0.98, needsReview: false, source: { page: 1, box: { x: 120, y: 340, width: 180, height: 40 }, raw: '王 晓明' } },
    idNumber: { value: '330106199001011234', confidence: 0.91, needsReview: false, source: { page: 1, raw: '330106199001011234' } },
    level: { value: 2, confidence: 0.87, needsReview: true, issues: ['low_confidence'], source: { page: 1 } },
  };
  for (let i = 0; i < fieldCount; i++) {
    fields[`extra${i}`] = {
      value: `值${i}-${randomUUID()}`,
      confidence: Math.random(),
      needsReview: false,
      source: { page: 1, box: { x: i, y: i, width: 10, height: 10 }, raw: `原文${i}-${randomUUID()}` },
    };
  }
  return { documentId: 'doc-1', indexInFile: 0, type: 'vocational_certificate', pages: [1], fields, typeConfidence: 0.95, ...overrides };
}

/**
 * A case waiting in a review queue (status `needs_review`, version 0 as `create` expects).
 *
 * @example
 * const reviewCase = aReviewCase({ queue: 'XH36-3.7.c', createdAt: '2021-06-18T08:00:01.000Z' });
 */
export function aReviewCase(overrides: Partial<ReviewCase> = {}): ReviewCase {
  return {
    caseId: `case-${randomUUID()}`,
    submissionId: 'sub-1',
    queue: 'XH36-3.7.c',
    status: 'needs_review',
    personIdNumber: '330106199001011234',
    personName: '王晓明',
    documents: [aCaseDocument()],
    flaggedFieldCount: 1,
    version: 0,
    createdAt: '2021-06-18T08:00:00.000Z',
    updatedAt: '2021-06-18T08:00:00.000Z',
    ...overrides,
  };
}

/**
 * An audit event for a case.
 *
 * @example
 * anAuditEvent(reviewCase.caseId, { action: 'confirm', actor: 'clerk-li' });
 */
export function anAuditEvent(caseId: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return { caseId, at: '2021-06-18T08:00:00.000Z', actor: 'system', action: 'create', ...overrides };
}

const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A valid 统一社会信用代码 (GB 32100 check character) for an enterprise registered in Xihu (330106), varied by `n`.
 *
 * @example
 * aCreditCode(7); // → '91330106MA00000007' with the right check character in place of the last one
 */
export function aCreditCode(n: number): string {
  const body = `91330106MA${String(n).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditCodeAlphabet.indexOf(body[i]!) * creditCodeWeights[i]!;
  return body + creditCodeAlphabet[(31 - (sum % 31)) % 31];
}
