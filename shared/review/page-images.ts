import type { DocumentRecord } from '../cases/document-record.js';
import { BlobNotFoundError, type BlobStore } from '../ports/blob-store.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import { derivedKeys } from '../storage/layout.js';
import { ReviewNotFoundError } from './errors.js';
import { assertMayRead, isStaff, type Principal } from './principal.js';

/** A page image: its bytes (local), or a short-lived link to it (AWS: a presigned S3 URL). */
export type PageImage = { kind: 'bytes'; bytes: Uint8Array; contentType: string } | { kind: 'link'; url: string; expiresInSeconds: number };

export interface PageImageDeps {
  documents: DocumentRepository;
  cases: CaseRepository;
  blobs: BlobStore;
  derivedPrefix: string;
  /** Unused: previews are made where pages are read (process), at its resolution. Kept for callers that still pass it. */
  dpi?: number;
  /** Presigns a GET of the stored preview; absent locally, where the API streams the bytes itself. */
  link?: (bucket: string, key: string, expiresInSeconds: number) => Promise<string>;
  linkSeconds?: number;
  /** The institution that created a batch: its documents are the institution's even where the cases do not say so. */
  batchOwner?: (submissionId: string) => Promise<string | undefined>;
}

/**
 * Serves the page images of case documents to those who may see the case: the preview process stored under
 * `derived/<documentId>/pages/<n>` (every page gets one where it is read, see `storePagePreviews`; the boxes of the
 * case's fields are in its pixels). Nothing is rendered here: the API needs neither mupdf nor sharp.
 *
 * @example
 * const image = await pages.get(principal, 'doc-1', 1); // { kind: 'bytes', bytes, contentType: 'image/png' }
 */
export class PageImages {
  constructor(private readonly deps: PageImageDeps) {}

  async get(principal: Principal, documentId: string, pageNumber: number): Promise<PageImage> {
    const record = await this.deps.documents.get(documentId);
    if (!record) throw new ReviewNotFoundError('document', documentId);
    await this.assertMayRead(principal, record);
    if (record.pageCount !== undefined && pageNumber > record.pageCount) throw new ReviewNotFoundError('page', `${documentId}/${pageNumber}`);
    try {
      const key = derivedKeys(this.deps.derivedPrefix, record.documentId).preview(pageNumber);
      if (this.deps.link) {
        // A link to a preview that is not there yet would answer S3's 403, not our 404.
        if (!(await this.deps.blobs.head(record.bucket, key))) throw new BlobNotFoundError(record.bucket, key);
        const expiresInSeconds = this.deps.linkSeconds ?? 300;
        return { kind: 'link', url: await this.deps.link(record.bucket, key, expiresInSeconds), expiresInSeconds };
      }
      const bytes = await this.deps.blobs.get(record.bucket, key);
      return { kind: 'bytes', bytes, contentType: bytes[0] === 0xff ? 'image/jpeg' : 'image/png' };
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new ReviewNotFoundError('page', `${documentId}/${pageNumber}`);
      throw error;
    }
  }

  /** Staff see every document; an institution only documents of its own cases. */
  private async assertMayRead(principal: Principal, record: DocumentRecord): Promise<void> {
    try {
      await this.assertMayReadCases(principal, record);
    } catch (error) {
      // Another institution's document answers as an unknown one does.
      if (error instanceof ReviewNotFoundError) throw new ReviewNotFoundError('document', record.documentId);
      throw error;
    }
  }

  private async assertMayReadCases(principal: Principal, record: DocumentRecord): Promise<void> {
    if (isStaff(principal)) return;
    if (principal.institutionId && this.deps.batchOwner && (await this.deps.batchOwner(record.submissionId)) === principal.institutionId) return;
    const caseIds = record.caseIds ?? [];
    const cases =
      caseIds.length > 0 ? await Promise.all(caseIds.map((id) => this.deps.cases.get(id))) : await this.deps.cases.listBySubmission(record.submissionId);
    const first = cases.find((c) => c !== undefined);
    if (!first) {
      assertMayRead(principal, { caseId: `document ${record.documentId}`, institutionId: record.submitter, applicant: undefined });
      return;
    }
    for (const reviewCase of cases) if (reviewCase) assertMayRead(principal, reviewCase);
  }
}
