import type { DocumentRecord } from '../cases/document-record.js';
import { BlobNotFoundError, type BlobStore } from '../ports/blob-store.js';
import { PdfFile } from '../pdf/index.js';
import { normaliseForOcr } from '../images/index.js';
import { sniffType } from '../intake/sniff.js';
import { derivedKeys } from './ids.js';

export interface PagePreviewObject {
  key: string;
  bytes: Uint8Array;
  contentType: string;
}

/**
 * The preview image of one page of a document for the clerk's page view: the stored one under
 * `derived/<documentId>/pages/<n>` when process made it (scanned pages), else rendered now from the original
 * (text-layer pages are not rasterised during processing, see ADR 0002) and stored for next time.
 *
 * @example
 * const preview = await ensurePagePreview(blobs, record, 2, { derivedPrefix: 'derived/' });
 * // { key: 'derived/doc-1/pages/2', bytes, contentType: 'image/png' }
 */
export async function ensurePagePreview(
  blobs: BlobStore,
  record: Pick<DocumentRecord, 'documentId' | 'bucket' | 'key' | 'sourceVersionId'>,
  pageNumber: number,
  options: { derivedPrefix: string; dpi?: number },
): Promise<PagePreviewObject> {
  const key = derivedKeys(options.derivedPrefix, record.documentId).preview(pageNumber);
  try {
    const bytes = await blobs.get(record.bucket, key);
    return { key, bytes, contentType: bytes[0] === 0xff ? 'image/jpeg' : 'image/png' };
  } catch (error) {
    if (!(error instanceof BlobNotFoundError)) throw error;
  }
  const original = await blobs.get(record.bucket, record.key, record.sourceVersionId);
  let bytes: Uint8Array;
  if (sniffType(original) === 'pdf') {
    const pdf = PdfFile.open(original);
    try {
      bytes = pdf.renderPage(pageNumber, options.dpi ?? 96);
    } finally {
      pdf.close();
    }
  } else {
    const pages = await normaliseForOcr(original);
    const page = pages.find((candidate) => candidate.pageNumber === pageNumber);
    if (!page) throw new BlobNotFoundError(record.bucket, key);
    bytes = page.bytes;
  }
  await blobs.put(record.bucket, key, bytes, 'image/png');
  return { key, bytes, contentType: 'image/png' };
}
