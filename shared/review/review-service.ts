import { declaredFromEvidence, openPointsOf, recordedEvidenceSchema, type EvidenceKind } from '../cases/evidence.js';
import { displayedOutcome } from '../cases/displayed-outcome.js';
import { caseFindings, openFindings } from '../cases/findings.js';
import { recordRecovery } from '../cases/recovery.js';
import { RecoveryExceedsPaidError, RecoveryNotPaidError } from '../cases/errors.js';
import type { AuditEvent, CaseDocument, ReviewCase } from '../cases/review-case.js';
import type { ExtractedField } from '../documents/extracted-field.js';
import { FIELDS_BY_TYPE } from '../documents/field-names.js';
import { DOCUMENT_TITLES_ZH, requestedDocumentTitles } from '../cases/labels-zh.js';
import { flaggedFieldCount } from '../pipeline/assemble-cases.js';
import type { ClaimJudge } from '../pipeline/judge.js';
import type { ClaimKey, Decision } from '../policy/decision.js';
import { PROGRAMME_TITLES, UNCLASSIFIED, programmeIdSchema } from '../policy/programmes.js';
import { CaseNotFoundError, ClaimKeyTakenError, VersionConflictError, type CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { CaseSummary, ClassifyRequest, CorrectFieldsRequest, RegroupPagesRequest } from './api-schemas.js';
import type { OcrPage } from '../documents/ocr-page.js';
import { extractGroupedDocuments } from '../extraction/extract-documents.js';
import { ForbiddenError, InvalidStateError, LeasedToOtherError, ReviewNotFoundError, StaleVersionError, UnprocessableError } from './errors.js';
import { assertPartsOnPages, checkedGrouping, sameGrouping } from './page-grouping.js';
import { pagesInWords } from '../documents/page-regions.js';
import { assertMayRead, institutionOf, isStaff, requireRole, type Principal } from './principal.js';

export interface ReviewServiceDeps {
  cases: CaseRepository;
  /** The submission's uploads: the claim is dated by the first one, as the process stage dates it. */
  documents: DocumentRepository;
  /** The rules as the pipeline runs them (`createPolicyJudge`): corrections are judged exactly like new cases. */
  judge: ClaimJudge;
  clock: Clock;
  /** How long a claim holds a case before it returns to the queue by itself (default 15 minutes). */
  leaseSeconds?: number;
  /**
   * The institution that created a batch (`BatchService.ownerOf`). A batch uploaded through presigned URLs carries no
   * submitter, so its cases may not name their institution: the batch record does.
   */
  batchOwner?: (submissionId: string) => Promise<string | undefined>;
  /**
   * A page of a file as it was read (the process stage's checkpoint), or undefined when no longer stored: splitting and
   * merging documents reads the pages again from these, without OCR.
   */
  storedPage?: (documentId: string, pageNumber: number) => Promise<OcrPage | undefined>;
}

const STAFF = ['clerk', 'supervisor'] as const;
/** States in which a clerk still works on the case. */
const OPEN_STATES: readonly ReviewCase['status'][] = ['needs_review', 'claimed', 'awaiting_documents'];
/** States from which a case may still be closed without payment (rejected, declined): open, or confirmed and unapproved. */
const CLOSABLE_STATES: readonly ReviewCase['status'][] = [...OPEN_STATES, 'confirmed'];

/**
 * The case as a list shows it.
 *
 * @example
 * summaryOf(reviewCase); // { caseId, queue, status, flaggedFieldCount, outcome: 'eligible', amountYuan: 5000, ... }
 */
export function summaryOf(reviewCase: ReviewCase): CaseSummary {
  const outcome = displayedOutcome(reviewCase);
  return {
    caseId: reviewCase.caseId,
    submissionId: reviewCase.submissionId,
    queue: reviewCase.queue,
    status: reviewCase.status,
    ...(reviewCase.personName ? { personName: reviewCase.personName } : {}),
    flaggedFieldCount: reviewCase.flaggedFieldCount,
    ...(outcome
      ? {
          outcome: outcome.outcome,
          outcomeZh: outcome.outcomeZh,
          ...(outcome.findingsOpen ? { findingsOpen: true } : {}),
          ...(outcome.amountYuan === undefined ? {} : { amountYuan: outcome.amountYuan }),
        }
      : {}),
    ...(reviewCase.lease ? { lease: reviewCase.lease } : {}),
    version: reviewCase.version,
    createdAt: reviewCase.createdAt,
  };
}

/**
 * The title of a review queue for people.
 *
 * @example
 * queueTitle('XH36-3.7.c'); // '高技能人才一次性补贴（个人）'
 */
export function queueTitle(queue: string): string {
  const programme = programmeIdSchema.safeParse(queue);
  return programme.success ? PROGRAMME_TITLES[programme.data].zh : queue === UNCLASSIFIED ? '未分类（机器无法判断项目）' : queue;
}

/** The lease is someone else's and still running. */
function leasedToOther(reviewCase: ReviewCase, userId: string, now: Date): boolean {
  return reviewCase.status === 'claimed' && !!reviewCase.lease && reviewCase.lease.holder !== userId && Date.parse(reviewCase.lease.expiresAt) > now.getTime();
}

/**
 * What clerks, supervisors and institutions do with review cases: list the queues, claim under a lease, read a case,
 * correct what the machine read (the rules run again), confirm, reject, ask for documents, release, and approve
 * (a second person). Every write carries the version the caller read (a stale one is refused, nothing overwritten) and
 * appends an audit event with the values before and after.
 *
 * @example
 * const review = new ReviewService({ cases, judge: createPolicyJudge({}), clock: systemClock });
 * const next = await review.claim(clerk, 'XH36-3.7.c');
 */
export class ReviewService {
  private readonly leaseSeconds: number;
  private readonly claimDates = new Map<string, string>();

  constructor(private readonly deps: ReviewServiceDeps) {
    this.leaseSeconds = deps.leaseSeconds ?? 900;
  }

  /** Every programme queue (empty ones too, so the list is stable) and `unclassified`, with what waits in each. */
  async queues(principal: Principal): Promise<{ queue: string; title: string; waiting: number }[]> {
    requireRole(principal, STAFF);
    const counts = await this.deps.cases.countQueues();
    const names = [...programmeIdSchema.options, UNCLASSIFIED, ...Object.keys(counts)];
    return [...new Set(names)].map((queue) => ({ queue, title: queueTitle(queue), waiting: counts[queue] ?? 0 }));
  }

  async listQueue(principal: Principal, queue: string, options: { cursor?: string; limit?: number }): Promise<{ items: CaseSummary[]; cursor?: string }> {
    requireRole(principal, STAFF);
    const page = await this.deps.cases.listQueue(queue, options);
    return { items: page.items.map(summaryOf), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** The next unclaimed case of the queue under the caller's lease, or undefined when none waits. */
  async claim(principal: Principal, queue: string): Promise<ReviewCase | undefined> {
    requireRole(principal, STAFF);
    return this.deps.cases.claimNext(queue, principal.userId, this.leaseSeconds, this.deps.clock.now(), principal.displayName);
  }

  /** The case and its audit trail, if the caller may see it. */
  async read(principal: Principal, caseId: string): Promise<{ reviewCase: ReviewCase; audit: AuditEvent[] }> {
    // Both reads at once (the trail is dropped unread when the caller may not see the case): one round trip fewer.
    const [reviewCase, audit] = await Promise.all([this.load(caseId), this.deps.cases.audit(caseId)]);
    await this.assertMayReadCase(principal, reviewCase);
    return { reviewCase, audit: sortedByTime(audit) };
  }

  /** The audit trail of a case the caller has just written (staff only), oldest first. */
  async trail(caseId: string): Promise<AuditEvent[]> {
    return sortedByTime(await this.deps.cases.audit(caseId));
  }

  /** The audit trail of a case `claim` just returned, as the claim left it: read beside the claim when the store did. */
  async trailOfClaimed(claimed: ReviewCase): Promise<AuditEvent[]> {
    const atClaim = this.deps.cases.trailAtClaim?.(claimed);
    return atClaim ? sortedByTime([...atClaim]) : this.trail(claimed.caseId);
  }

  /**
   * Applies the clerk's readings: each named field takes the value given, is no longer flagged, and keeps the machine's
   * value in `correction.from` when it differs. The rules run again on the corrected documents, so the decision, the
   * queue and the claim keys follow; the case is written only if still at `request.version`.
   */
  async correctFields(principal: Principal, caseId: string, request: CorrectFieldsRequest): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, request.version, 'correct fields', '此案件已办结，不能再修改字段。');
    const documents: CaseDocument[] = structuredClone(current.documents);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const correction of request.corrections) {
      const document = documents.find((d) => d.documentId === correction.documentId && d.indexInFile === correction.indexInFile);
      // Only the fields of the document's type: a name like `toString` or `constructor` is no field of any document.
      const allowed = document ? (FIELDS_BY_TYPE[document.type] as readonly string[]).includes(correction.field) : false;
      const field = document && allowed ? (Object.hasOwn(document.fields, correction.field) ? document.fields[correction.field] : missingField()) : undefined;
      if (!document || !field) {
        throw new UnprocessableError(
          'unknown_field',
          document ? `此类材料（${DOCUMENT_TITLES_ZH[document.type] ?? document.type}）没有这个字段。` : '案件中没有这份材料。',
          `case ${caseId} has no field ${correction.field} in document ${correction.documentId}#${correction.indexInFile}`,
          { documentId: correction.documentId, indexInFile: correction.indexInFile, field: correction.field },
        );
      }
      const label = `${correction.documentId}#${correction.indexInFile}.${correction.field}`;
      before[label] = { value: field.value, needsReview: field.needsReview };
      document.fields[correction.field] = corrected(field, correction.value, principal.userId);
      after[label] = { value: correction.value, needsReview: false };
    }
    const next = await this.rejudged(current, documents, this.now());
    return this.writeJudged(principal, current, next, 'correct_fields', {
      before: { fields: before, outcome: current.decision?.outcome, amountYuan: current.decision?.amountYuan, queue: current.queue },
      after: { fields: after, outcome: next.decision?.outcome, amountYuan: next.decision?.amountYuan, queue: next.queue },
    });
  }

  /** The clerk confirms what was read: nothing may be left flagged. */
  async confirm(principal: Principal, caseId: string, version: number): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'confirm', '此案件已办结，不能再确认。');
    this.assertNoOpenFindings(current, 'confirm');
    if (current.flaggedFieldCount > 0) {
      throw new UnprocessableError(
        'fields_flagged',
        `还有 ${current.flaggedFieldCount} 处待核对（字段或无法识别的材料），核对后才能确认。`,
        `case ${caseId} still has ${current.flaggedFieldCount} flagged item(s)`,
        { flaggedFieldCount: current.flaggedFieldCount },
      );
    }
    this.assertConfirmable(current);
    const at = this.now();
    // The name beside the id, as it was when they confirmed: the payments export shows people by name.
    const next: ReviewCase = { ...current, status: 'confirmed', confirmedBy: principal.userId, updatedAt: at };
    if (principal.displayName) next.confirmedByName = principal.displayName;
    else delete next.confirmedByName;
    delete next.lease;
    return this.write(principal, current, next, 'confirm', {
      before: { status: current.status },
      after: { status: 'confirmed', outcome: current.decision?.outcome, amountYuan: current.decision?.amountYuan },
    });
  }

  /**
   * Settles a finding (`caseFindings`) with what the clerk saw, e.g. documents naming different persons explained by
   * an ID card original (曾用名). The resolution answers the finding as the clerk saw it (`key`): one that changed since
   * (another document arrived, a name was corrected) is refused with 409 and must be looked at again.
   */
  async resolveFinding(principal: Principal, caseId: string, version: number, resolution: { code: string; key: string; note: string }): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'resolve a finding', '此案件已办结，不能再处理疑点。');
    const finding = caseFindings(current).find((f) => f.code === resolution.code);
    if (!finding) throw new ReviewNotFoundError('finding', `${caseId}/${resolution.code}`);
    if (finding.key !== resolution.key) {
      throw new InvalidStateError(caseId, current.status, 'resolve a finding', '此疑点在您查看后已有变化（材料或字段改动），请重新核对后再处理。');
    }
    const at = this.now();
    const resolved = { code: finding.code, key: finding.key, by: principal.userId, at, note: resolution.note };
    const next: ReviewCase = {
      ...current,
      resolvedFindings: [...(current.resolvedFindings ?? []).filter((r) => r.code !== finding.code), resolved],
      updatedAt: at,
    };
    return this.write(principal, current, next, 'resolve_finding', {
      before: { code: finding.code, open: true },
      after: { code: finding.code, note: resolution.note },
    });
  }

  /** Refuses the claim with a reason; the claim keys it held (once per person, per certificate) are released. */
  async reject(principal: Principal, caseId: string, version: number, reason: string): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'reject', '此案件已办结，不能再退回。', CLOSABLE_STATES);
    return this.closeUnpaid(principal, current, 'reject', { status: 'rejected', rejection: { reason, by: principal.userId } }, { status: current.status });
  }

  /** Asks the applicant for more documents; the case leaves the queue until they arrive. */
  async requestDocuments(principal: Principal, caseId: string, version: number, documents: string[], note?: string): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'request documents', '此案件已办结，不能再要求补件。');
    const at = this.now();
    const titles = requestedDocumentTitles(documents, current.decision);
    const next: ReviewCase = { ...current, status: 'awaiting_documents', requestedDocuments: titles, updatedAt: at };
    if (note) next.requestNote = note;
    else delete next.requestNote;
    delete next.lease;
    return this.write(principal, current, next, 'request_documents', {
      before: { status: current.status, requestedDocuments: current.requestedDocuments },
      after: { status: 'awaiting_documents', requestedDocuments: titles, ...(note ? { note } : {}) },
    });
  }

  /** Gives the case back to its queue (the lease holder, or a supervisor). */
  async release(principal: Principal, caseId: string, version?: number): Promise<ReviewCase> {
    requireRole(principal, STAFF);
    const current = version === undefined ? await this.load(caseId) : await this.loadAt(caseId, version);
    if (current.status !== 'claimed') throw new InvalidStateError(caseId, current.status, 'release', '此案件未被领取，无需释放。');
    if (current.lease && current.lease.holder !== principal.userId && !principal.roles.includes('supervisor')) {
      throw new ForbiddenError(
        'not_lease_holder',
        `此案件由 ${current.lease.holder} 领取，只有领取人或主管可以释放。`,
        `${principal.userId} does not hold the lease on ${caseId}`,
      );
    }
    const at = this.now();
    const next: ReviewCase = { ...current, status: 'needs_review', updatedAt: at };
    delete next.lease;
    return this.write(principal, current, next, 'release', {
      before: { status: current.status, lease: current.lease },
      after: { status: 'needs_review' },
    });
  }

  /** A supervisor approves payment of a confirmed, eligible case — never the person who confirmed it. */
  async approve(principal: Principal, caseId: string, version: number): Promise<ReviewCase> {
    requireRole(principal, ['supervisor']);
    const current = await this.loadAt(caseId, version);
    if (current.status !== 'confirmed') throw new InvalidStateError(caseId, current.status, 'approve', '只有已确认的案件才能审批。');
    if (current.confirmedBy === principal.userId) {
      throw new ForbiddenError(
        'four_eyes',
        '不能审批自己确认的案件（每笔支付须由两人经手）。',
        `${principal.userId} confirmed case ${caseId} and cannot approve it`,
      );
    }
    this.assertNoOpenFindings(current, 'approve');
    if (current.decision?.outcome !== 'eligible' || current.decision.amountYuan <= 0) {
      throw new UnprocessableError(
        'not_payable',
        '此案件的判定结果不是"符合"或金额为零，不能审批支付。',
        `case ${caseId} is not an eligible claim with an amount`,
        {
          outcome: current.decision?.outcome,
        },
      );
    }
    const at = this.now();
    const next: ReviewCase = {
      ...current,
      status: 'approved',
      approvedBy: principal.userId,
      ...(principal.displayName ? { approvedByName: principal.displayName } : {}),
      approvedAt: at,
      updatedAt: at,
    };
    return this.write(principal, current, next, 'approve', {
      before: { status: current.status },
      after: { status: 'approved', amountYuan: current.decision.amountYuan, programme: current.decision.programme },
    });
  }

  /**
   * Records evidence the clerk saw that settles an open point of a 待核对 decision (居住证, 本地就业, 社保…, XH36-2.1):
   * the fact it establishes joins the case's facts and the rules judge the case again, exactly as after a correction.
   */
  async recordEvidence(
    principal: Principal,
    caseId: string,
    version: number,
    evidence: { kind: EvidenceKind; note: string; validUntil?: string },
  ): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'record evidence', '此案件已办结，不能再补录核对结果。');
    const points = openPointsOf(current.decision);
    if (!points.some((point) => point.evidence.includes(evidence.kind))) {
      throw new InvalidStateError(caseId, current.status, 'record evidence', '此案件的判定没有这项待核对事项，无需补录。');
    }
    const at = this.now();
    const recorded = recordedEvidenceSchema.parse({ ...evidence, by: principal.userId, at });
    const recordedEvidence = [...(current.recordedEvidence ?? []).filter((e) => e.kind !== recorded.kind), recorded];
    const withEvidence: ReviewCase = { ...current, recordedEvidence };
    const decision = await this.judge(withEvidence, current.documents);
    const next: ReviewCase = { ...withEvidence, queue: this.deps.judge.queueFor(decision), updatedAt: at };
    if (decision) next.decision = decision;
    else delete next.decision;
    return this.writeJudged(principal, current, next, 'record_evidence', {
      before: { outcome: current.decision?.outcome, amountYuan: current.decision?.amountYuan },
      after: { evidence: recorded.kind, note: recorded.note, outcome: decision?.outcome, amountYuan: decision?.amountYuan },
    });
  }

  /**
   * Classifies a case the machine could not (未分类, XH36-3: the programme must be known before any rule applies): the
   * clerk names the programme claimed and the type of each document named. A retyped document is read again under its
   * new type from the pages stored when its file was read (no OCR; the file's other documents are read alongside only
   * so that the names and ID numbers are cross-checked as the first reading did), and the clerk's earlier corrections on
   * it give way to the new reading, as when pages are regrouped. A document whose pages are no longer stored keeps the
   * values read that its new type has and gets the others as empty fields flagged for the clerk; the trail says which.
   * The rules judge the case again under that programme (from then on, as after a correction), and the audit trail
   * records before and after. Idempotent: the programme and types the case already has change nothing.
   */
  async classify(principal: Principal, caseId: string, version: number, request: Omit<ClassifyRequest, 'version'>): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'classify', '此案件已办结，不能再分类。');
    const documents: CaseDocument[] = structuredClone(current.documents);
    const retyped: CaseDocument[] = [];
    const typesBefore: string[] = [];
    const typesAfter: string[] = [];
    for (const change of request.documents) {
      const document = documents.find((d) => d.documentId === change.documentId && d.indexInFile === change.indexInFile);
      if (!document) {
        throw new UnprocessableError('unknown_document', '案件中没有这份材料。', `case ${caseId} has no document ${change.documentId}#${change.indexInFile}`, {
          documentId: change.documentId,
          indexInFile: change.indexInFile,
        });
      }
      if (document.type === change.type) continue;
      typesBefore.push(titleOf(document.type));
      typesAfter.push(titleOf(change.type));
      document.type = change.type;
      retyped.push(document);
    }
    if (retyped.length === 0 && current.classification?.programme === request.programme) return current;
    const { readAgain, notStored } = await this.readRetypedAgain(current, documents, retyped);
    const at = this.now();
    const classified: ReviewCase = { ...current, classification: { programme: request.programme, by: principal.userId, at } };
    const next = await this.rejudged(classified, documents, at);
    return this.writeJudged(principal, current, next, 'classify', {
      before: {
        programme: current.decision?.programme ?? current.queue,
        ...(typesBefore.length ? { documentTypes: typesBefore } : {}),
        outcome: current.decision?.outcome,
        amountYuan: current.decision?.amountYuan,
      },
      after: {
        programme: request.programme,
        ...(typesAfter.length ? { documentTypes: typesAfter } : {}),
        ...(readAgain.length ? { readAgainAs: readAgain.map((d) => titleOf(d.type)) } : {}),
        ...(notStored.length ? { notReadAgain: notStored.map((d) => titleOf(d.type)) } : {}),
        outcome: next.decision?.outcome,
        amountYuan: next.decision?.amountYuan,
      },
    });
  }

  /**
   * Reads the retyped documents again, in place in `documents`, from their files' stored pages under their new types.
   * Each file is read as the case groups it (every document of the file, with its type), so the cross-check between the
   * file's documents is the one the first reading made; only the retyped documents take the new reading. A file with a
   * page no longer stored is not read: its retyped documents keep the values their new type has (`fieldsAs`).
   */
  private async readRetypedAgain(
    current: ReviewCase,
    documents: CaseDocument[],
    retyped: readonly CaseDocument[],
  ): Promise<{ readAgain: CaseDocument[]; notStored: CaseDocument[] }> {
    const readAgain: CaseDocument[] = [];
    const notStored: CaseDocument[] = [];
    for (const documentId of new Set(retyped.map((d) => d.documentId))) {
      const ofFile = documents.filter((d) => d.documentId === documentId).sort((a, b) => a.indexInFile - b.indexInFile);
      const retypedOfFile = ofFile.filter((d) => retyped.includes(d));
      const pages: OcrPage[] = [];
      for (const n of [...new Set(ofFile.flatMap((d) => d.pages))].sort((a, b) => a - b)) {
        const page = await this.deps.storedPage?.(documentId, n);
        if (!page) break;
        pages.push(page);
      }
      const pageCount = new Set(ofFile.flatMap((d) => d.pages)).size;
      if (pages.length < pageCount || pageCount === 0) {
        for (const document of retypedOfFile) {
          document.fields = fieldsAs(document.type, document.fields);
          document.typeConfidence = 1;
          notStored.push(document);
        }
        continue;
      }
      const read = extractGroupedDocuments(
        pages,
        ofFile.map((d) => ({ pages: d.pages, type: d.type, ...(d.regions ? { regions: d.regions } : {}) })),
        { today: this.now().slice(0, 10), singlePerson: (current.applicant?.kind ?? 'individual') === 'individual' },
      );
      ofFile.forEach((document, i) => {
        if (!retypedOfFile.includes(document)) return;
        const fresh = read[i]!;
        const replaced: CaseDocument = {
          ...fresh,
          documentId,
          indexInFile: document.indexInFile,
          ...(document.sameContentAs ? { sameContentAs: document.sameContentAs } : {}),
        };
        documents[documents.indexOf(document)] = replaced;
        readAgain.push(replaced);
      });
    }
    return { readAgain, notStored };
  }

  /**
   * Groups one file's pages into documents as the clerk says (a page moved to a document of its own, two documents
   * merged; on a page holding two documents, a part moved to a document of its own, or the page read whole as one
   * document): the documents of that file are read again from the pages stored when the file was read (no OCR), each
   * from its own part of a page it shares (`checkedGrouping`), the clerk's corrections on them give way to the new
   * reading, and the rules judge the case again. Idempotent: the grouping the case already has changes nothing.
   */
  async regroupPages(principal: Principal, caseId: string, version: number, request: Omit<RegroupPagesRequest, 'version'>): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'regroup pages', '此案件已办结，不能再调整分页。');
    const ofFile = current.documents.filter((d) => d.documentId === request.documentId);
    if (ofFile.length === 0)
      throw new UnprocessableError('unknown_document', '案件中没有这份文件。', `case ${caseId} has no file ${request.documentId}`, {
        documentId: request.documentId,
      });
    const groups = checkedGrouping(caseId, ofFile, request.groups);
    if (sameGrouping(groups, ofFile)) return current;
    const pages: OcrPage[] = [];
    for (const n of [...new Set(ofFile.flatMap((d) => d.pages))].sort((a, b) => a - b)) {
      const page = await this.deps.storedPage?.(request.documentId, n);
      if (!page)
        throw new UnprocessableError(
          'pages_not_stored',
          '这份文件的识别结果已不在存储中，无法重新分页；请要求重新提交。',
          `case ${caseId}: page ${n} of ${request.documentId} is not stored`,
        );
      pages.push(page);
    }
    assertPartsOnPages(caseId, groups, pages);
    const read = extractGroupedDocuments(pages, groups, {
      today: this.now().slice(0, 10),
      singlePerson: (current.applicant?.kind ?? 'individual') === 'individual',
    });
    const sameContentAs = ofFile[0]!.sameContentAs;
    const regrouped: CaseDocument[] = read.map((document, indexInFile) => ({
      ...document,
      documentId: request.documentId,
      indexInFile,
      ...(sameContentAs ? { sameContentAs } : {}),
    }));
    const at = this.now();
    const first = current.documents.findIndex((d) => d.documentId === request.documentId);
    const others = current.documents.filter((d) => d.documentId !== request.documentId);
    const documents = [...others.slice(0, first), ...regrouped, ...others.slice(first)];
    const next = await this.rejudged(current, documents, at);
    const described = (docs: readonly CaseDocument[]) => docs.map((d) => `${DOCUMENT_TITLES_ZH[d.type] ?? d.type}（${pagesInWords(d, docs)}）`);
    return this.writeJudged(principal, current, next, 'regroup_pages', {
      before: { documentTypes: described(ofFile), outcome: current.decision?.outcome, amountYuan: current.decision?.amountYuan },
      after: { documentTypes: described(regrouped), outcome: next.decision?.outcome, amountYuan: next.decision?.amountYuan },
    });
  }

  /**
   * Closes a case as 不予补贴 with a reason (`declined`): an ineligible case, or one whose open point the clerk could not
   * establish. Not for a payable (符合) case: that one is confirmed, or rejected with a reason. The claim keys it held
   * are released, as for a rejection.
   */
  async decline(principal: Principal, caseId: string, version: number, reason: string): Promise<ReviewCase> {
    const current = await this.workingCase(principal, caseId, version, 'decline', '此案件已办结，不能再作不予补贴处理。', CLOSABLE_STATES);
    if (current.decision?.outcome === 'eligible' && current.decision.amountYuan > 0) {
      throw new InvalidStateError(caseId, current.status, 'decline', '此案件判定为符合条件，不能作不予补贴处理；如材料有问题，请退回并说明原因。');
    }
    const at = this.now();
    const closed = { status: 'declined', declination: { reason, by: principal.userId, at } } as const;
    return this.closeUnpaid(principal, current, 'decline', closed, { status: current.status, outcome: current.decision?.outcome }, at);
  }

  /**
   * XH36-4.2 追回已拨付资金: a supervisor records money to be recovered from a paid case (who, why, how much), through
   * `recordRecovery`, with its audit event. The case stays `paid`.
   */
  async recordRecovery(
    principal: Principal,
    caseId: string,
    version: number,
    request: { amountYuan: number; reason: string; findingRef?: string },
  ): Promise<ReviewCase> {
    requireRole(principal, ['supervisor']);
    const current = await this.loadAt(caseId, version);
    try {
      const { next, audit } = recordRecovery(current, { ...request, by: principal.userId, at: this.now() });
      return await this.update(next, current, { ...audit, ...actorOf(principal) });
    } catch (error) {
      if (error instanceof RecoveryNotPaidError) throw new InvalidStateError(caseId, current.status, 'recover funds', '只有已支付的案件才能追回资金。');
      if (error instanceof RecoveryExceedsPaidError) {
        throw new UnprocessableError('recovery_exceeds_paid', '追回金额超过已拨付且尚未追回的金额。', error.message, { amountYuan: request.amountYuan });
      }
      throw error;
    }
  }

  /** The cases of one submission (an institution's upload), for staff or for the institution that sent it. */
  async batch(principal: Principal, submissionId: string): Promise<ReviewCase[]> {
    const cases = await this.deps.cases.listBySubmission(submissionId);
    if (isStaff(principal)) return cases;
    if (principal.institutionId && cases.length > 0 && cases.every((c) => institutionOf(c) === principal.institutionId)) return cases;
    if (await this.ownsBatch(principal, submissionId)) return cases;
    if (cases.length === 0 && principal.roles.includes('institution')) return [];
    // Another institution's upload answers as an unknown one does.
    throw new ReviewNotFoundError('batch', submissionId);
  }

  /**
   * Refuses a case the caller may not see (`assertMayRead`), except that an institution sees the cases of the
   * batches it created.
   */
  async assertMayReadCase(principal: Principal, reviewCase: ReviewCase): Promise<void> {
    try {
      assertMayRead(principal, reviewCase);
    } catch (error) {
      if (!(await this.ownsBatch(principal, reviewCase.submissionId))) throw error;
    }
  }

  /** The caller is the institution that created the batch `submissionId`. */
  private async ownsBatch(principal: Principal, submissionId: string): Promise<boolean> {
    if (!principal.institutionId || !principal.roles.includes('institution') || !this.deps.batchOwner) return false;
    return (await this.deps.batchOwner(submissionId)) === principal.institutionId;
  }

  /** Confirms every case of the submission that has nothing flagged and is still open; the others are listed with why. */
  async confirmClean(principal: Principal, submissionId: string): Promise<{ confirmed: string[]; skipped: { caseId: string; reason: string }[] }> {
    requireRole(principal, STAFF);
    const confirmed: string[] = [];
    const skipped: { caseId: string; reason: string }[] = [];
    for (const reviewCase of await this.deps.cases.listBySubmission(submissionId)) {
      if (!OPEN_STATES.includes(reviewCase.status) || reviewCase.status === 'awaiting_documents') {
        skipped.push({ caseId: reviewCase.caseId, reason: `status_${reviewCase.status}` });
      } else if (reviewCase.flaggedFieldCount > 0) {
        skipped.push({ caseId: reviewCase.caseId, reason: 'fields_flagged' });
      } else if (openFindings(reviewCase).length > 0) {
        skipped.push({ caseId: reviewCase.caseId, reason: 'findings_open' });
      } else if (reviewCase.decision?.outcome !== 'eligible') {
        // 待核对, 缺少材料, 不予补贴 or unjudged: never confirmed in bulk as if payable.
        skipped.push({ caseId: reviewCase.caseId, reason: `outcome_${reviewCase.decision?.outcome ?? 'none'}` });
      } else if (leasedToOther(reviewCase, principal.userId, this.deps.clock.now())) {
        skipped.push({ caseId: reviewCase.caseId, reason: 'leased_to_other' });
      } else {
        try {
          await this.confirm(principal, reviewCase.caseId, reviewCase.version);
          confirmed.push(reviewCase.caseId);
        } catch (error) {
          skipped.push({ caseId: reviewCase.caseId, reason: error instanceof StaleVersionError ? 'version_conflict' : 'error' });
        }
      }
    }
    return { confirmed, skipped };
  }

  /** Approved cases, for the payments export (supervisors). */
  async approvedCases(principal: Principal): Promise<ReviewCase[]> {
    requireRole(principal, ['supervisor']);
    return this.deps.cases.listByStatus('approved');
  }

  /** The service's clock (leases are judged by it, on the page's action flags too). */
  currentTime(): Date {
    return this.deps.clock.now();
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private async load(caseId: string): Promise<ReviewCase> {
    const found = await this.deps.cases.get(caseId);
    if (!found) throw new ReviewNotFoundError('case', caseId);
    return found;
  }

  /**
   * The case at the caller's version, refused before any work when it is already known to be stale. It may come from
   * what this instance last read or wrote (`getAtVersion`); a case moved on since is refused by the write instead.
   */
  private async loadAt(caseId: string, version: number): Promise<ReviewCase> {
    const found = await this.deps.cases.getAtVersion(caseId, version);
    if (!found) throw new ReviewNotFoundError('case', caseId);
    if (found.version !== version) throw new StaleVersionError(caseId, version, found.version);
    return found;
  }

  /** A case with an open finding (documents of different persons…) can be neither confirmed nor approved. */
  private assertNoOpenFindings(reviewCase: ReviewCase, action: string): void {
    const open = openFindings(reviewCase);
    if (open.length === 0) return;
    throw new UnprocessableError(
      'findings_open',
      `还有未处理的疑点：${open.map((f) => f.zh).join('；')}`,
      `case ${reviewCase.caseId}: ${open.map((f) => f.code).join(', ')} open; cannot ${action}`,
      {
        findings: open.map((f) => f.code),
      },
    );
  }

  /**
   * Only a payable (符合) decision is confirmed: a 待核对 case has open points to settle first (record the evidence seen,
   * or ask for documents), and an ineligible or unjudged one is closed as 不予补贴 (or rejected), never confirmed as if
   * payable.
   */
  private assertConfirmable(reviewCase: ReviewCase): void {
    const outcome = reviewCase.decision?.outcome;
    if (outcome === 'eligible') return;
    const zh =
      outcome === 'needs_review'
        ? '此案件还有待核对事项（判定为"待核对"），请先补录核对结果或要求补件，不能直接确认。'
        : outcome === 'missing_documents'
          ? '此案件缺少材料，请要求补件，不能直接确认。'
          : outcome === 'ineligible'
            ? '此案件判定为不予补贴，不能确认；请以"不予补贴"办结并说明原因。'
            : '规则未能判定此案件，不能确认；请要求补件或以"不予补贴"办结。';
    throw new InvalidStateError(reviewCase.caseId, reviewCase.status, 'confirm', zh);
  }

  /**
   * The case a member of staff is about to change, at the version they read: still in one of `states` (else refused
   * with `zh`, naming `action`) and under nobody else's running lease.
   */
  private async workingCase(
    principal: Principal,
    caseId: string,
    version: number,
    action: string,
    zh: string,
    states: readonly ReviewCase['status'][] = OPEN_STATES,
  ): Promise<ReviewCase> {
    requireRole(principal, STAFF);
    const current = await this.loadAt(caseId, version);
    if (!states.includes(current.status)) throw new InvalidStateError(caseId, current.status, action, zh);
    this.assertNotLeasedToOther(current, principal);
    return current;
  }

  /**
   * Ends a case without payment (rejected or declined, with the reason in `closed`): the lease ends, the claim keys it
   * held are released (once per person, per certificate), and the audit event records the reason.
   */
  private async closeUnpaid(
    principal: Principal,
    current: ReviewCase,
    action: 'reject' | 'decline',
    closed: Pick<ReviewCase, 'rejection' | 'declination'> & { status: 'rejected' | 'declined' },
    before: Record<string, unknown>,
    at = this.now(),
  ): Promise<ReviewCase> {
    const next: ReviewCase = { ...current, ...closed, updatedAt: at };
    delete next.lease;
    const reason = (closed.rejection ?? closed.declination)?.reason;
    return this.write(principal, current, next, action, { before, after: { status: closed.status, reason } }, []);
  }

  /** A running lease is respected: the queue gave the case to someone else. */
  private assertNotLeasedToOther(reviewCase: ReviewCase, principal: Principal): void {
    if (leasedToOther(reviewCase, principal.userId, this.deps.clock.now()) && !principal.roles.includes('supervisor')) {
      throw new LeasedToOtherError(reviewCase.caseId, reviewCase.lease!.holder);
    }
  }

  private async judge(current: ReviewCase, documents: CaseDocument[]): Promise<Decision | undefined> {
    return this.deps.judge.judge(documents, {
      submissionId: current.submissionId,
      applicant: current.applicant ?? { kind: 'individual' },
      claimDate: await this.claimDateOf(current),
      ...(current.recordedEvidence?.length ? { declared: declaredFromEvidence(current.recordedEvidence) } : {}),
      ...(current.classification ? { programme: current.classification.programme } : {}),
    });
  }

  /**
   * The claim keeps the date it was received (its first upload, as the process stage dates it): a correction made
   * months later must not move the rules' windows or parameters.
   */
  private async claimDateOf(reviewCase: ReviewCase): Promise<string> {
    // A submission's first upload never changes once there is one: remember it (bounded, per process).
    const known = this.claimDates.get(reviewCase.submissionId);
    if (known) return known;
    const uploads = await this.deps.documents.listBySubmission(reviewCase.submissionId);
    const first = uploads.map((record) => record.createdAt).sort()[0];
    if (!first) return reviewCase.createdAt.slice(0, 10);
    if (this.claimDates.size >= 10_000) this.claimDates.clear();
    this.claimDates.set(reviewCase.submissionId, first.slice(0, 10));
    return first.slice(0, 10);
  }

  /**
   * `base` holding `documents`, judged again as the pipeline judges: the decision, the queue, the flagged count and the
   * person follow the documents (a case the rules cannot judge loses its decision).
   */
  private async rejudged(base: ReviewCase, documents: CaseDocument[], at: string): Promise<ReviewCase> {
    const decision = await this.judge(base, documents);
    const next: ReviewCase = {
      ...base,
      documents,
      flaggedFieldCount: flaggedFieldCount(documents),
      queue: this.deps.judge.queueFor(decision),
      updatedAt: at,
      ...personOf(documents, base),
    };
    if (decision) next.decision = decision;
    else delete next.decision;
    return next;
  }

  /**
   * Writes `next` over `current` with the audit event of `principal`'s `action` at `next.updatedAt`, and the claim keys
   * given (none: those stored are kept).
   */
  private write(principal: Principal, current: ReviewCase, next: ReviewCase, action: string, change: AuditChange, claimKeys?: ClaimKey[]): Promise<ReviewCase> {
    return this.update(next, current, eventOf(principal, current.caseId, next.updatedAt, action, change), claimKeys);
  }

  /**
   * Writes a re-judged case as `write` does, with its decision's claim keys; a claim key held by another case turns the
   * decision into a duplicate finding.
   */
  private async writeJudged(principal: Principal, current: ReviewCase, next: ReviewCase, action: string, change: AuditChange): Promise<ReviewCase> {
    let audit = eventOf(principal, current.caseId, next.updatedAt, action, change);
    let judged = next;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.update(judged, current, audit, judged.decision?.claimKeys ?? []);
      } catch (error) {
        if (!(error instanceof ClaimKeyTakenError) || !judged.decision) throw error;
        const duplicate = this.deps.judge.withClaimKeyTaken(judged.decision, error.claimKey, error.heldBy);
        judged = { ...judged, decision: duplicate, queue: this.deps.judge.queueFor(duplicate) };
        audit = { ...audit, after: { ...(audit.after as object), outcome: duplicate.outcome, amountYuan: duplicate.amountYuan, duplicateOf: error.heldBy } };
      }
    }
    throw new UnprocessableError('claim_keys', '此申领与其他案件冲突，无法保存。', `case ${next.caseId}: claim keys keep colliding`);
  }

  private async update(next: ReviewCase, current: ReviewCase, audit: AuditEvent, claimKeys?: ClaimKey[]): Promise<ReviewCase> {
    try {
      return await this.deps.cases.update(next, current.version, audit, claimKeys);
    } catch (error) {
      if (error instanceof VersionConflictError) {
        const now = await this.deps.cases.get(current.caseId);
        throw new StaleVersionError(current.caseId, current.version, now?.version, { cause: error });
      }
      if (error instanceof CaseNotFoundError) throw new ReviewNotFoundError('case', current.caseId);
      throw error;
    }
  }
}

/** Who an audit event names: the user id, and the display name the page shows where the sign-in gave one. */
function actorOf(principal: Principal): { actor: string; actorName?: string } {
  return principal.displayName ? { actor: principal.userId, actorName: principal.displayName } : { actor: principal.userId };
}

/** What an audit event records of a change: the values it touched, before and after. */
type AuditChange = Pick<AuditEvent, 'before' | 'after'>;

/**
 * The audit event of `principal`'s `action` on a case at `at`, with the values before and after: the one shape every
 * write of the review service records.
 */
function eventOf(principal: Principal, caseId: string, at: string, action: string, change: AuditChange): AuditEvent {
  return { caseId, at, ...actorOf(principal), action, ...change };
}

/** A document type as clerks read it. */
function titleOf(type: CaseDocument['type']): string {
  return DOCUMENT_TITLES_ZH[type] ?? type;
}

function sortedByTime(events: AuditEvent[]): AuditEvent[] {
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A document's fields as another type has them: the values read that the type has, the others empty and flagged. */
function fieldsAs(type: CaseDocument['type'], fields: CaseDocument['fields']): CaseDocument['fields'] {
  const next: CaseDocument['fields'] = {};
  for (const name of FIELDS_BY_TYPE[type] as readonly string[]) next[name] = Object.hasOwn(fields, name) ? fields[name]! : missingField();
  return next;
}

/** A field of the document's type that the machine did not find: the clerk may still enter it. */
function missingField(): ExtractedField {
  return { value: null, confidence: 0, needsReview: true };
}

function corrected(field: ExtractedField, value: ExtractedField['value'], userId: string): ExtractedField {
  const next: ExtractedField = { ...field, value, confidence: 1, needsReview: false };
  delete next.issues;
  if (value !== field.value) next.correction = { from: field.value === null ? '' : String(field.value), reason: `clerk:${userId}` };
  return next;
}

const PERSON_ID_FIELDS = ['idNumber', 'employeeIdNumber'];
const PERSON_NAME_FIELDS = ['holderName', 'personName', 'employeeName'];

/** The person of the case as corrected (the payee of individual claims and the key of once-per-person look-ups). */
function personOf(documents: readonly CaseDocument[], current: ReviewCase): Pick<ReviewCase, 'personIdNumber' | 'personName'> {
  const first = (names: string[]) => {
    for (const document of documents)
      for (const name of names) {
        const value = document.fields[name]?.value;
        if (typeof value === 'string' && value) return value;
      }
    return undefined;
  };
  const personIdNumber = first(PERSON_ID_FIELDS) ?? current.personIdNumber;
  const personName = first(PERSON_NAME_FIELDS) ?? current.personName;
  return { ...(personIdNumber ? { personIdNumber } : {}), ...(personName ? { personName } : {}) };
}
