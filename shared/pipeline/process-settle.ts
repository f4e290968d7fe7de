import type { DocumentRecord } from '../cases/document-record.js';
import { caseIdFor } from '../cases/case-id.js';
import type { ExtractedDocument } from '../documents/extracted-document.js';
import type { DocumentSettlement } from '../ports/case-repository.js';
import { timed } from '../documents/stage-timings.js';
import {
  SERVES_NO_CASE,
  announceSharedDocument,
  attachSharedDocuments,
  caseDocumentsOf,
  takeUpSharedDocuments,
  planCases,
  submissionKindOf,
  writeCase,
  type CaseWriteResult,
} from './assemble-cases.js';
import { CaseChangedError } from './errors.js';
import type { ProcessDeps, ProcessOutcome } from './process.js';
import type { CheckpointWrites, DocumentRead, StorageSteps } from './process-read.js';

/** The submission's files, and its own case (the usual plan), as the settle step lists them. */
export type SubmissionRead = Promise<[DocumentRecord[], Awaited<ReturnType<ProcessDeps['cases']['get']>>]>;

/** A document needs a clerk's eye when its type is unknown or any of its fields is flagged. */
function needsReview(documents: readonly ExtractedDocument[]): boolean {
  return (
    documents.length === 0 || documents.some((document) => document.type === 'unknown' || Object.values(document.fields).some((field) => field.needsReview))
  );
}

function readSubmission(record: DocumentRecord, deps: ProcessDeps): SubmissionRead {
  return Promise.all([deps.documents.listBySubmission(record.submissionId), deps.cases.get(caseIdFor(record.submissionId))]);
}

/**
 * The submission a file that is about to be read will settle into, read while its pages are: OCR takes about a
 * second a page, these reads tens of milliseconds. A file settling into the case meanwhile fails this one's case write
 * on its version, which lists the submission again, so an early read costs a retry at worst, never a lost document.
 * Undefined for a file already read, and for a batch's file, which is judged from itself alone and reads nothing.
 *
 * @example
 * const earlyRead = readSubmissionEarly(record, deps);
 */
export function readSubmissionEarly(record: DocumentRecord, deps: ProcessDeps): SubmissionRead | undefined {
  const kindOf = deps.submissionKind ?? submissionKindOf;
  const earlyRead = !record.documents && kindOf(record.submissionId, [record]).kind !== 'batch' ? readSubmission(record, deps) : undefined;
  // Not awaited should reading fail first: its own failure must not surface as an unhandled rejection.
  earlyRead?.catch(() => undefined);
  return earlyRead;
}

/**
 * The **settle** half of processing a file: puts the submission's documents into their case(s) — cross-checked,
 * judged by the rules, written into the review queue with claim keys — and settles the file as `processed` or
 * `needs_review`, saving what it read in the same transaction as its case (the last one, when it goes into several),
 * so other files of the submission see its documents exactly when its case has them. A case changed meanwhile by
 * another file of the submission means listing it again; should the settle fail, the last page's text is stored so
 * the retry reads no page again.
 *
 * @example
 * const outcome = await settleDocument(record, read, deps, { writes, steps, earlyRead });
 * // { kind: 'done', status: 'needs_review', cases: [{ caseId: 'case-sub-1', action: 'created' }], ... }
 */
export async function settleDocument(
  record: DocumentRecord,
  read: DocumentRead,
  deps: ProcessDeps,
  io: { writes: Pick<CheckpointWrites, 'done'>; steps: StorageSteps; earlyRead: SubmissionRead | undefined },
): Promise<Extract<ProcessOutcome, { kind: 'done' }>> {
  const { writes, steps, earlyRead } = io;
  const { documents: readDocuments, pageCount, resumedPages, timings, keepLastPage } = read;
  const documentId = record.documentId;
  const now = () => deps.clock.now().toISOString();
  const kindOf = deps.submissionKind ?? submissionKindOf;
  const likelyCaseId = caseIdFor(record.submissionId);
  const status = needsReview(readDocuments) ? 'needs_review' : 'processed';
  // Every checkpoint write lands before the file can settle (a failed one fails the message, to be retried); the last
  // ones finish while the submission is listed.
  const checkpointsWritten = writes.done();
  checkpointsWritten.catch(() => undefined);

  const casesStarted = performance.now();
  // A training body's batch is judged certificate by certificate, from this file's own documents (and its own upload
  // date): listing and cross-checking the whole submission for each of its files would read a 1,000-certificate
  // batch a million times. Roster matching and certificate-number claims compare a batch's certificates instead.
  const own: DocumentRecord = { ...record, documents: readDocuments };
  const ownKind = kindOf(record.submissionId, [own]);
  const judgedAlone = ownKind.kind === 'batch';
  // What this file read is saved, and the file settled, in the same transaction as the case it goes into (the last
  // one, when it goes into several): other files of the submission see its documents exactly when its case has them.
  const settlement = (caseIds: string[]): DocumentSettlement => ({
    documentId,
    changes: { documents: readDocuments, pageCount, pagesDone: pageCount, status, caseIds, error: undefined, updatedAt: now() },
  });
  let cases: CaseWriteResult[] = [];
  let settled = false;
  try {
    for (let attempt = 1; ; attempt++) {
      const [listed, likelyCase] = judgedAlone
        ? [[own], undefined]
        : await (attempt === 1 && earlyRead ? earlyRead.catch(() => readSubmission(record, deps)) : readSubmission(record, deps));
      await timed(steps, 'checkpointWait', () => checkpointsWritten);
      const records = listed.map((r) => (r.documentId === documentId ? { ...r, documents: readDocuments } : r));
      const readRecords = records.filter((r) => r.documents && r.status !== 'rejected' && r.status !== 'duplicate');
      // Every file in the case settled with it, so a listing that lacks one of them is older than the case (read beside
      // it, or an index still catching up): list again rather than judge without that file.
      const listedIds = new Set(readRecords.map((r) => r.documentId));
      if (likelyCase?.documents.some((d) => !listedIds.has(d.documentId)) && attempt < 8) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
        continue;
      }
      const kind = judgedAlone ? ownKind : kindOf(record.submissionId, records);
      let caseDocuments = caseDocumentsOf(readRecords);
      if (deps.crossCheck) {
        const checked = deps.crossCheck(caseDocuments);
        caseDocuments = caseDocuments.map((document, index) => ({
          ...document,
          ...checked[index],
          documentId: document.documentId,
          indexInFile: document.indexInFile,
        }));
      }
      // The claim is dated by its first upload, whichever file finishes last, so every file judges it the same way.
      const firstUpload = records.map((r) => r.createdAt).sort()[0] ?? record.createdAt;
      const context = { submissionId: record.submissionId, applicant: kind.applicant, claimDate: firstUpload.slice(0, 10) };
      const plans = planCases(record.submissionId, kind, caseDocuments).filter((plan) => plan.documents.some((d) => d.documentId === documentId));
      const caseIds = plans.map((plan) => plan.caseId);
      cases = [];
      const writeDeps = { cases: deps.cases, judge: deps.judge, clock: deps.clock, logger: deps.logger };
      // A batch file without a certificate (the body's business licence…) serves the batch's certificate cases that ask
      // for it: those written later take it up (told first), those already written get it now.
      if (judgedAlone && plans.length === 0 && caseDocuments.length > 0) {
        // What it read is saved before any file is told of it: a certificate file told may take it up at once.
        await deps.documents.update(documentId, { documents: readDocuments, pageCount, pagesDone: pageCount, updatedAt: now() });
        await announceSharedDocument(record.submissionId, documentId, deps.documents);
        cases = await attachSharedDocuments(record.submissionId, caseDocuments, context, writeDeps);
        break;
      }
      try {
        for (const [index, plan] of plans.entries()) {
          const known = plan.caseId === likelyCaseId ? { existing: likelyCase } : undefined;
          const last = index === plans.length - 1;
          // A submission's files are planned from a listing: a case changed since (another file settled into it) means
          // listing again, so that the last file to settle has judged every file saved before it. A batch file is
          // planned from itself alone and merges into its case as before.
          const written = await writeCase(plan, context, writeDeps, known, {
            ...(last ? { alongside: settlement(caseIds) } : {}),
            onConflict: judgedAlone ? 'retry' : 'report',
          });
          cases.push(written);
          if (last) settled = written.action !== 'unchanged';
        }
        // The training body's documents that settled while this file was read reach its cases now.
        if (judgedAlone && cases.length > 0)
          await takeUpSharedDocuments(
            documentId,
            cases.map((c) => c.caseId),
            context,
            writeDeps,
            deps.documents,
          );
        break;
      } catch (error) {
        if (!(error instanceof CaseChangedError) || attempt >= 8) throw error;
        deps.logger?.info('case changed by another file of the submission; listing it again', { documentId, caseId: error.caseId, attempt });
      }
    }
    // The wait for the checkpoint writes happens inside this step but is its own figure.
    steps.cases += performance.now() - casesStarted - steps.checkpointWait;
    // No case took the settlement (none planned, or its case already held all of this): the file settles on its own.
    // A file whose documents went into no case says so (a visible state with its reason), never silently dropped.
    // (Until a certificate case written later takes it up: `takeUpSharedDocuments` then clears the reason.)
    const servesNoCase = cases.length === 0 && readDocuments.length > 0;
    if (!settled || servesNoCase) {
      const changes = settlement(cases.map((c) => c.caseId)).changes;
      await timed(steps, 'settle', () => deps.documents.update(documentId, servesNoCase ? { ...changes, error: { ...SERVES_NO_CASE } } : changes));
    }
  } catch (error) {
    // The message will be retried: with the last page's text stored, the retry reads no page again.
    await keepLastPage?.().catch(() => undefined);
    throw error;
  }
  // The storage steps beside the reading stages: the pipeline bench prints each.
  deps.logger?.info('document processed', {
    documentId,
    status,
    pageCount,
    resumedPages,
    cases: cases.map((c) => `${c.caseId}:${c.action}`),
    timings: { ...timings, ...steps },
  });
  return { kind: 'done', documentId, status, cases, pageCount, resumedPages, timings };
}
