import type { DocumentRecord } from '../cases/document-record.js';
import { BlobNotFoundError, type BlobStore } from '../ports/blob-store.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import { derivedKeys } from '../pipeline/ids.js';
import { ReviewNotFoundError } from './errors.js';
import { assertMayRead, isStaff, type Principal } from './principal.js';

/** A page image: its bytes (local), or a short-lived link to it (AWS: a presigned S3 URL). */
export type PageImage = { kind: 'bytes'; bytes: Uint8Array; contentType: string } | { kind: 'link'; url: string; expiresInSeconds: number };

/** A page's preview image and where it is stored. */
export interface PagePreviewObject {
  key: string;
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Where page previews come from. The API's composition root decides: on AWS only stored previews are served (the API
 * carries no PDF renderer); locally `ensurePagePreview` (shared/pipeline/page-preview.ts) renders missing ones.
 */
export type PagePreviewSource = (
  blobs: BlobStore,
  record: Pick<DocumentRecord, 'documentId' | 'bucket' | 'key' | 'sourceVersionId'>,
  pageNumber: number,
  options: { derivedPrefix: string; dpi?: number },
) => Promise<PagePreviewObject>;

/**
 * The stored preview under `derived/<documentId>/pages/<n>`; `BlobNotFoundError` when there is none.
 *
 * @example
 * const preview = await storedPagePreview(blobs, record, 1, { derivedPrefix: 'derived/' });
 */
export const storedPagePreview: PagePreviewSource = async (blobs, record, pageNumber, options) => {
  const key = derivedKeys(options.derivedPrefix, record.documentId).preview(pageNumber);
  const bytes = await blobs.get(record.bucket, key);
  return { key, bytes, contentType: bytes[0] === 0xff ? 'image/jpeg' : 'image/png' };
};

export interface PageImageDeps {
  documents: DocumentRepository;
  cases: CaseRepository;
  blobs: BlobStore;
  derivedPrefix: string;
  dpi?: number;
  /** Where previews come from (default: stored ones only, `storedPagePreview`). */
  preview?: PagePreviewSource;
  /** Presigns a GET of the stored preview; absent locally, where the API streams the bytes itself. */
  link?: (bucket: string, key: string, expiresInSeconds: number) => Promise<string>;
  linkSeconds?: number;
  /** The institution that created a batch: its documents are the institution's even where the cases do not say so. */
  batchOwner?: (submissionId: string) => Promise<string | undefined>;
}

/**
 * Serves the page images of case documents to those who may see the case: the stored preview, or what the injected
 * preview source makes (locally: rendered on first request for text-layer pages, ensurePagePreview).
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
      const preview = await (this.deps.preview ?? storedPagePreview)(this.deps.blobs, record, pageNumber, { derivedPrefix: this.deps.derivedPrefix, dpi: this.deps.dpi });
      if (this.deps.link) {
        const expiresInSeconds = this.deps.linkSeconds ?? 300;
        return { kind: 'link', url: await this.deps.link(record.bucket, preview.key, expiresInSeconds), expiresInSeconds };
      }
      return { kind: 'bytes', bytes: preview.bytes, contentType: preview.contentType };
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new ReviewNotFoundError('page', `${documentId}/${pageNumber}`);
      throw error;
    }
  }

  /** Staff see every document; an institution only documents of its own cases. */
  private async assertMayRead(principal: Principal, record: DocumentRecord): Promise<void> {
    if (isStaff(principal)) return;
    if (principal.institutionId && this.deps.batchOwner && (await this.deps.batchOwner(record.submissionId)) === principal.institutionId) return;
    const caseIds = record.caseIds ?? [];
    const cases = caseIds.length > 0 ? await Promise.all(caseIds.map((id) => this.deps.cases.get(id))) : await this.deps.cases.listBySubmission(record.submissionId);
    const first = cases.find((c) => c !== undefined);
    if (!first) {
      assertMayRead(principal, { caseId: `document ${record.documentId}`, institutionId: record.submitter, applicant: undefined });
      return;
    }
    for (const reviewCase of cases) if (reviewCase) assertMayRead(principal, reviewCase);
  }
}
