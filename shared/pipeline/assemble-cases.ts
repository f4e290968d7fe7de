import { declaredFromEvidence } from '../cases/evidence.js';
import type { DocumentRecord } from '../cases/document-record.js';
import type { AuditEvent, CaseDocument, ReviewCase } from '../cases/review-case.js';
import type { ExtractedDocument } from '../documents/extracted-document.js';
import type { ClaimKey, Decision } from '../policy/decision.js';
import { ClaimKeyTakenError, VersionConflictError, type CaseRepository, type DocumentSettlement } from '../ports/case-repository.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { Clock } from '../ports/clock.js';
import { CaseChangedError, CaseWriteContentionError } from './errors.js';
import { caseIdFor } from '../cases/case-id.js';
import type { ClaimContext, ClaimJudge } from './judge.js';
import type { PipelineLogger } from './logger.js';

/** How a submission is judged: one claim, or a training body's batch with one case per certificate. */
export interface SubmissionKind {
  kind: 'claim' | 'batch';
  applicant: ClaimContext['applicant'];
}

/**
 * The default reading of a submission: ids starting `batch-` are a training body's bulk upload (the bulk intake
 * names them so), anything else an individual's claim.
 *
 * @example
 * submissionKindOf('batch-7'); // { kind: 'batch', applicant: { kind: 'training_body' } }
 */
export function submissionKindOf(submissionId: string, records: readonly DocumentRecord[] = []): SubmissionKind {
  if (submissionId.startsWith('batch-')) {
    const institution = records.find((record) => record.submitter)?.submitter;
    return { kind: 'batch', applicant: { kind: 'training_body', ...(institution ? { id: institution } : {}) } };
  }
  return { kind: 'claim', applicant: { kind: 'individual' } };
}

/**
 * The documents of a submission's read files, as case documents (each knows its file and its place in it).
 *
 * @example
 * caseDocumentsOf(records)[0]; // { documentId: 'doc-1', indexInFile: 0, type: 'vocational_certificate', ... }
 */
export function caseDocumentsOf(records: readonly DocumentRecord[]): CaseDocument[] {
  return records.flatMap((record) =>
    (record.documents ?? []).map((document, indexInFile) => ({
      ...document,
      documentId: record.documentId,
      indexInFile,
      ...(record.sameContentAs ? { sameContentAs: record.sameContentAs } : {}),
    })),
  );
}

/** JSON with object keys sorted: a stored item comes back from DynamoDB with its map keys in another order. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
const sameJson = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

const keyOf = (document: Pick<CaseDocument, 'documentId' | 'indexInFile'>) => `${document.documentId}#${document.indexInFile}`;

/** A planned case: its id and the documents it should hold. */
export interface CasePlan {
  caseId: string;
  documents: CaseDocument[];
}

/**
 * Groups a submission's documents into cases: the whole submission is one case; a batch gives one case per
 * vocational certificate (other documents of a batch, such as the body's business licence, go with every case).
 * Ids are deterministic, so a redelivered message finds the same cases.
 *
 * @example
 * planCases('sub-1', { kind: 'claim', applicant: { kind: 'individual' } }, documents); // [{ caseId: 'case-sub-1', documents }]
 */
export function planCases(submissionId: string, kind: SubmissionKind, documents: CaseDocument[]): CasePlan[] {
  if (kind.kind === 'claim') return documents.length > 0 ? [{ caseId: caseIdFor(submissionId), documents }] : [];
  const certificates = documents.filter((document) => document.type === 'vocational_certificate');
  const shared = documents.filter((document) => document.type !== 'vocational_certificate');
  return certificates.map((certificate) => ({ caseId: caseIdFor(submissionId, certificate), documents: [certificate, ...shared] }));
}

const PERSON_ID_FIELDS = ['idNumber', 'employeeIdNumber', 'studentIdNumber'];
const PERSON_NAME_FIELDS = ['holderName', 'employeeName', 'personName', 'studentName', 'name'];

function firstValue(documents: readonly ExtractedDocument[], names: readonly string[]): string | undefined {
  for (const document of documents) {
    for (const name of names) {
      const value = document.fields[name]?.value;
      if (typeof value === 'string' && value.length > 0) return value;
    }
  }
  return undefined;
}

/**
 * Counts the fields a clerk must look at (flagged fields, and an unknown document type counts as one).
 *
 * @example
 * flaggedFieldCount([{ type: 'unknown', pages: [1], fields: {} }]); // 1
 */
export function flaggedFieldCount(documents: readonly ExtractedDocument[]): number {
  return documents.reduce(
    (count, document) => count + (document.type === 'unknown' ? 1 : 0) + Object.values(document.fields).filter((field) => field.needsReview).length,
    0,
  );
}

export interface WriteCaseDeps {
  cases: CaseRepository;
  judge: ClaimJudge;
  clock: Clock;
  logger?: PipelineLogger;
  /** Attempts on optimistic-locking conflicts and claim-key refusals before giving up (the message is retried). */
  maxAttempts?: number;
}

/**
 * A document already in a case, with the machine's latest flags (confidence, needsReview, issues — e.g. a cross-check
 * mismatch found once another file of the submission was read) for every field whose value is unchanged. A value that
 * differs was corrected by a clerk and is kept as it is, flags included.
 *
 * @example
 * refreshFlags(inCase, freshlyCrossChecked); // same values, newest flags
 */
export function refreshFlags(current: CaseDocument, fresh: CaseDocument | undefined): CaseDocument {
  if (!fresh) return current;
  const fields = Object.fromEntries(
    Object.entries(current.fields).map(([name, field]) => {
      const latest = fresh.fields[name];
      if (!latest || !sameJson(latest.value, field.value)) return [name, field];
      return [name, { ...field, confidence: latest.confidence, needsReview: latest.needsReview, ...(latest.issues ? { issues: latest.issues } : {}) }];
    }),
  );
  return { ...current, fields };
}

export type CaseWriteResult = { caseId: string; action: 'created' | 'updated' | 'unchanged'; followUpOf?: string };

/**
 * States in which a person has decided the case: confirmed by a clerk, approved, paid or rejected. New documents
 * never change such a case's decision in place (what was approved stays as approved): they open a follow-up case.
 */
const DECIDED: ReadonlySet<ReviewCase['status']> = new Set(['confirmed', 'approved', 'paid', 'rejected']);

/** How many follow-ups deep a chain may go before the write gives up (a case reopened this often is an attack). */
const MAX_FOLLOW_UPS = 20;

/**
 * The id of the follow-up of a decided case: deterministic, so a redelivered message finds the same follow-up.
 *
 * @example
 * followUpIdOf('case-sub-1'); // 'case-sub-1-f1'; followUpIdOf('case-sub-1-f1') → 'case-sub-1-f2'
 */
export function followUpIdOf(caseId: string): string {
  const match = /^(.*)-f(\d+)$/.exec(caseId);
  return match ? `${match[1]}-f${Number(match[2]) + 1}` : `${caseId}-f1`;
}

/**
 * The case a plan's documents go into: the planned case itself, or — when a person has decided it and the plan brings
 * documents it does not hold — its follow-up (and that one's, should it be decided too). The follow-up starts from
 * the decided case's documents as they stand (clerk corrections kept) and holds a reference to what was decided.
 */
async function targetOf(
  plan: CasePlan,
  deps: WriteCaseDeps,
  prefetched: ReviewCase | undefined,
  usePrefetched: boolean,
): Promise<{ caseId: string; existing: ReviewCase | undefined; predecessor?: ReviewCase; lineage: Set<string> }> {
  let caseId = plan.caseId;
  let existing = usePrefetched ? prefetched : await deps.cases.get(caseId);
  let predecessor: ReviewCase | undefined;
  // The decided cases walked past on the way: the target follows them up.
  const lineage = new Set<string>();
  for (let depth = 0; existing && DECIDED.has(existing.status); depth++) {
    const held = new Set(existing.documents.map(keyOf));
    if (plan.documents.every((document) => held.has(keyOf(document)))) break; // nothing new: a redelivery
    if (depth >= MAX_FOLLOW_UPS) throw new CaseWriteContentionError(plan.caseId, depth);
    predecessor = existing;
    lineage.add(caseId);
    caseId = followUpIdOf(caseId);
    existing = await deps.cases.get(caseId);
  }
  return { caseId, existing, lineage, ...(predecessor ? { predecessor } : {}) };
}

/** What a follow-up keeps of the decided case it follows: enough to show the history and to pay only the difference. */
function followUpReference(predecessor: ReviewCase): NonNullable<ReviewCase['followUpOf']> {
  const outcome = predecessor.decision?.outcome;
  const decidedAmountYuan = predecessor.status === 'rejected' || outcome !== 'eligible' ? 0 : (predecessor.decision?.amountYuan ?? 0);
  return { caseId: predecessor.caseId, status: predecessor.status, decidedAmountYuan };
}

/** A settlement that names the follow-up instead of the decided case the plan named. */
function redirected(settlement: DocumentSettlement, from: string, to: string): DocumentSettlement {
  const caseIds = settlement.changes.caseIds?.map((id) => (id === from ? to : id));
  return { ...settlement, changes: { ...settlement.changes, ...(caseIds ? { caseIds } : {}) } };
}

export interface WriteCaseOptions {
  /** Written in the same transaction as the case — and not at all when the case is left unchanged. */
  alongside?: DocumentSettlement;
  /**
   * What a case changed by someone else since it was read does: `retry` (default) merges into it and writes again;
   * `report` throws CaseChangedError, for a caller whose plan came from a listing that is now out of date.
   */
  onConflict?: 'retry' | 'report';
}

/**
 * Writes one planned case into its review queue: judged by the rules, with its claim keys reserved in the same
 * write. A case a person has decided (confirmed, approved, paid, rejected) is never changed by new documents: they
 * open its follow-up (`<caseId>-f1`, then `-f2` …), judged on all the documents, waiting for its own confirmation and
 * approval, paying at most the difference to what was decided (`followUpOf`). An existing case (a redelivery, or another file of the submission finished first) only gains documents it
 * lacks — documents already in the case keep their (possibly clerk-corrected) values, nothing is removed — and is
 * judged again; when nothing changes it is not written at all. A claim key held by another case turns the decision
 * into a duplicate finding (`withClaimKeyTaken`) instead of failing.
 *
 * @example
 * await writeCase({ caseId: 'case-sub-1', documents }, context, deps); // { caseId: 'case-sub-1', action: 'created' }
 */
export async function writeCase(
  plan: CasePlan,
  context: ClaimContext,
  deps: WriteCaseDeps,
  /** The case as the caller already read it (saves the first read; a stale one costs one retry). */
  prefetched?: { existing: ReviewCase | undefined },
  options: WriteCaseOptions = {},
): Promise<CaseWriteResult> {
  const changedMeanwhile = () => {
    if (options.onConflict === 'report') throw new CaseChangedError(plan.caseId);
  };
  const maxAttempts = deps.maxAttempts ?? 8;
  const takenKeys: { key: ClaimKey; heldBy?: string }[] = [];
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const target = await targetOf(plan, deps, prefetched?.existing, attempt === 1 && prefetched !== undefined);
    const { existing, predecessor, lineage } = target;
    const known = new Set((existing?.documents ?? []).map(keyOf));
    const planned = new Map(plan.documents.map((document) => [keyOf(document), document]));
    const stillWaiting = !existing || existing.status === 'needs_review' || existing.status === 'claimed';
    const startingFrom = existing?.documents ?? predecessor?.documents ?? [];
    const held = new Set(startingFrom.map(keyOf));
    const documents = [
      ...startingFrom.map((document) => (stillWaiting ? refreshFlags(document, planned.get(keyOf(document))) : document)),
      ...plan.documents.filter((document) => !held.has(keyOf(document)) && !known.has(keyOf(document))),
    ];
    let decision: Decision | undefined;
    try {
      // Evidence a clerk recorded for an open point (居住证, 本地就业…) stays a fact when documents arrive later.
      const evidence = declaredFromEvidence(existing?.recordedEvidence);
      decision = await deps.judge.judge(documents, evidence ? { ...context, declared: evidence } : context);
    } catch (error) {
      // The case still reaches a clerk (unclassified) rather than the message dying on a rule fault.
      deps.logger?.error('rules could not judge the case; queued unclassified', {
        caseId: target.caseId,
        error: error instanceof Error ? error.message : String(error),
      });
      decision = undefined;
    }
    // Claim keys held by the cases this one follows up are this claim's own, not a duplicate.
    const ownKeys = takenKeys.filter((taken) => taken.heldBy !== undefined && lineage.has(taken.heldBy)).map((taken) => taken.key.key);
    for (const taken of takenKeys) {
      if (ownKeys.includes(taken.key.key)) continue;
      if (decision?.claimKeys.some((key) => key.key === taken.key.key)) decision = deps.judge.withClaimKeyTaken(decision, taken.key, taken.heldBy);
    }
    const claimKeys = (decision?.claimKeys ?? []).filter((key) => !ownKeys.includes(key.key));
    const now = deps.clock.now().toISOString();
    const followUpOf = existing?.followUpOf ?? (predecessor ? followUpReference(predecessor) : undefined);
    const alongside = options.alongside && target.caseId !== plan.caseId ? redirected(options.alongside, plan.caseId, target.caseId) : options.alongside;
    const base: ReviewCase = {
      caseId: target.caseId,
      submissionId: context.submissionId,
      queue: deps.judge.queueFor(decision),
      status: existing?.status ?? 'needs_review',
      applicant: existing?.applicant ?? context.applicant,
      documents,
      flaggedFieldCount: flaggedFieldCount(documents),
      version: existing?.version ?? 0,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const personIdNumber = firstValue(documents, PERSON_ID_FIELDS);
    const personName = firstValue(documents, PERSON_NAME_FIELDS);
    const next: ReviewCase = {
      ...existing,
      ...base,
      ...(personIdNumber ? { personIdNumber } : {}),
      ...(personName ? { personName } : {}),
      ...(decision ? { decision } : {}),
      ...(followUpOf ? { followUpOf } : {}),
    };
    try {
      if (!existing) {
        const audit: AuditEvent = {
          caseId: target.caseId,
          at: now,
          actor: 'system:process',
          action: 'create',
          after: { queue: next.queue, documents: documents.length, outcome: decision?.outcome, ...(followUpOf ? { followUpOf: followUpOf.caseId } : {}) },
        };
        const { created } = await deps.cases.create(next, audit, claimKeys, alongside);
        if (created) return { caseId: target.caseId, action: 'created', ...(followUpOf ? { followUpOf: followUpOf.caseId } : {}) };
        changedMeanwhile();
        continue; // Someone created it meanwhile: merge into theirs.
      }
      if (sameJson(existing.documents, documents) && sameJson(existing.decision, decision) && existing.queue === next.queue) {
        return { caseId: target.caseId, action: 'unchanged', ...(followUpOf ? { followUpOf: followUpOf.caseId } : {}) };
      }
      const audit: AuditEvent = {
        caseId: target.caseId,
        at: now,
        actor: 'system:process',
        action: 'documents_added',
        before: { documents: existing.documents.length, outcome: existing.decision?.outcome, queue: existing.queue },
        after: { documents: documents.length, outcome: decision?.outcome, queue: next.queue },
      };
      await deps.cases.update(next, existing.version, audit, claimKeys, alongside);
      return { caseId: target.caseId, action: 'updated', ...(followUpOf ? { followUpOf: followUpOf.caseId } : {}) };
    } catch (error) {
      lastError = error;
      if (error instanceof ClaimKeyTakenError) {
        deps.logger?.info('claim key held by another case', { caseId: target.caseId, ruleId: error.claimKey.ruleId, heldBy: error.heldBy });
        takenKeys.push({ key: error.claimKey, heldBy: error.heldBy });
        continue;
      }
      if (error instanceof VersionConflictError) {
        changedMeanwhile();
        continue;
      }
      throw error;
    }
  }
  throw new CaseWriteContentionError(plan.caseId, maxAttempts, { cause: lastError });
}

/**
 * The material a rule asks for (`Decision.missingDocumentDetails[].code`) that a document of each type provides.
 * Mirrors the reading of documents into claim facts (build-claim-facts.ts).
 */
const MATERIAL_OF_TYPE: Partial<Record<CaseDocument['type'], string>> = {
  id_card: 'id_card',
  labor_contract: 'labour_contract',
  employment_letter: 'engagement_letter',
  social_insurance_record: 'social_insurance_record',
  business_license: 'business_licence',
  internship_agreement: 'internship_agreement',
};

/** Why a batch file's documents went into no case, for the file's record (a visible state, never a silent drop). */
export const SERVES_NO_CASE = {
  code: 'serves_no_case',
  message: 'no certificate case of the batch asks for this document (无需此材料的证书案件)',
} as const;

/**
 * The certificate cases of a training body's batch that ask for one of `documents` (a rule lists the material it
 * provides among the missing ones) and do not hold it yet. A business licence is the training body's: it serves every
 * certificate case of the batch that asks for it (XH36-3.7.a/b materials).
 *
 * @example
 * casesAskingFor(await cases.listBySubmission('batch-1'), [licence]); // the cases missing 'business_licence'
 */
export function casesAskingFor(cases: readonly ReviewCase[], documents: readonly CaseDocument[]): ReviewCase[] {
  const provided = new Set(documents.map((document) => MATERIAL_OF_TYPE[document.type]).filter((material): material is string => material !== undefined));
  const keys = documents.map(keyOf);
  return cases.filter((reviewCase) => {
    if (!reviewCase.documents.some((document) => document.type === 'vocational_certificate')) return false;
    const held = new Set(reviewCase.documents.map(keyOf));
    if (keys.every((key) => held.has(key))) return false;
    return (reviewCase.decision?.missingDocumentDetails ?? []).some((missing) => provided.has(missing.code));
  });
}

/**
 * Puts the documents of a batch file that holds no certificate (the body's business licence, …) into every
 * certificate case of the batch that asks for them, each judged again (a decided case gets a follow-up, as for any new
 * document). Returns the cases written; none means the file serves no case (`SERVES_NO_CASE`).
 *
 * @example
 * await attachSharedDocuments('batch-1', [licence], context, deps); // [{ caseId: 'case-batch-1-doc-1-0', action: 'updated' }]
 */
export async function attachSharedDocuments(
  submissionId: string,
  documents: CaseDocument[],
  context: ClaimContext,
  deps: WriteCaseDeps,
): Promise<CaseWriteResult[]> {
  return attachTo(await deps.cases.listBySubmission(submissionId), documents, context, deps);
}

/** The files of a batch still being read: their certificate cases do not exist yet. */
const UNSETTLED: ReadonlySet<DocumentRecord['status']> = new Set(['received', 'processing']);

/**
 * Tells the batch's files still being read that `documentId` (a file of the training body's own documents) is there
 * for their certificate cases (`sharedDocumentIds`), so a case written after this file settled takes it up
 * (`takeUpSharedDocuments`). Returns how many files were told.
 *
 * @example
 * await announceSharedDocument('batch-1', 'doc-licence', documents); // 998
 */
export async function announceSharedDocument(
  submissionId: string,
  documentId: string,
  documents: Pick<DocumentRepository, 'listBySubmission' | 'update'>,
): Promise<number> {
  const pending = (await documents.listBySubmission(submissionId)).filter((record) => record.documentId !== documentId && UNSETTLED.has(record.status));
  for (const record of pending) {
    const ids = [...new Set([...(record.sharedDocumentIds ?? []), documentId])];
    await documents.update(record.documentId, { sharedDocumentIds: ids });
  }
  return pending.length;
}

/**
 * After a batch file's certificate cases are written: the training body's documents announced to this file meanwhile
 * (`sharedDocumentIds`, read again now) go into those of its cases that ask for them, and each such document's file no
 * longer says it serves no case. Costs one read of the file's own record when nothing was announced.
 *
 * @example
 * await takeUpSharedDocuments('doc-cert-7', ['case-batch-1-doc-cert-7-0'], context, deps, documents);
 */
export async function takeUpSharedDocuments(
  documentId: string,
  caseIds: readonly string[],
  context: ClaimContext,
  deps: WriteCaseDeps,
  documents: Pick<DocumentRepository, 'get' | 'update'>,
): Promise<CaseWriteResult[]> {
  const announced = (await documents.get(documentId))?.sharedDocumentIds ?? [];
  if (announced.length === 0 || caseIds.length === 0) return [];
  const written: CaseWriteResult[] = [];
  for (const sharedId of announced) {
    const shared = await documents.get(sharedId);
    if (!shared?.documents) continue;
    const cases = (await Promise.all(caseIds.map((caseId) => deps.cases.get(caseId)))).filter((c): c is ReviewCase => c !== undefined);
    const results = (await attachTo(cases, caseDocumentsOf([shared]), context, deps)).filter((result) => result.action !== 'unchanged');
    if (results.length === 0) continue;
    written.push(...results);
    await documents.update(sharedId, { caseIds: [...new Set([...(shared.caseIds ?? []), ...results.map((r) => r.caseId)])], error: undefined });
  }
  return written;
}

async function attachTo(batchCases: readonly ReviewCase[], documents: CaseDocument[], context: ClaimContext, deps: WriteCaseDeps): Promise<CaseWriteResult[]> {
  const asking = casesAskingFor(batchCases, documents);
  // Cases that hold these documents already (a redelivered message) are served by them too.
  const keys = documents.map(keyOf);
  const written: CaseWriteResult[] = batchCases
    .filter((reviewCase) => keys.every((key) => reviewCase.documents.some((document) => keyOf(document) === key)))
    .map((reviewCase) => ({ caseId: reviewCase.caseId, action: 'unchanged' as const }));
  for (const reviewCase of asking) {
    const caseContext: ClaimContext = { ...context, applicant: reviewCase.applicant ?? context.applicant };
    written.push(await writeCase({ caseId: reviewCase.caseId, documents }, caseContext, deps, { existing: reviewCase }));
  }
  return written;
}
