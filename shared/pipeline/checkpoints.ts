import { ocrPageSchema, type OcrPage } from '../documents/ocr-page.js';
import { BlobNotFoundError, type BlobStore } from '../ports/blob-store.js';
import type { PageCheckpoints, PagePreview } from '../reading/read-pages.js';
import { derivedKeys } from '../storage/layout.js';

/**
 * Page checkpoints in the blob store, under the document's derived prefix: the page's text as JSON and its preview
 * image for the clerk's page view. A scanned page's preview is written while the page is still being OCRed
 * (`savePreview`), its text once read; should a crash leave a checkpoint without its preview, the page view renders it
 * from the original (`storePagePreviews`).
 *
 * @example
 * const checkpoints = blobPageCheckpoints(blobs, 'intake', 'derived/', 'doc-1');
 * await readPages(bytes, 'pdf', { ocr, limits, checkpoints });
 */
export function blobPageCheckpoints(blobs: BlobStore, bucket: string, derivedPrefix: string, documentId: string): PageCheckpoints {
  const keys = derivedKeys(derivedPrefix, documentId);
  return {
    async load(pageNumber: number): Promise<OcrPage | undefined> {
      try {
        const bytes = await blobs.get(bucket, keys.checkpoint(pageNumber));
        const parsed = ocrPageSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
        // A checkpoint from an older format is read again rather than trusted.
        return parsed.success ? parsed.data : undefined;
      } catch (error) {
        if (error instanceof BlobNotFoundError) return undefined;
        throw error;
      }
    },
    async save(page: OcrPage, preview?: PagePreview): Promise<void> {
      await Promise.all([
        preview ? blobs.put(bucket, keys.preview(page.pageNumber), preview.bytes, preview.contentType) : undefined,
        blobs.put(bucket, keys.checkpoint(page.pageNumber), Buffer.from(JSON.stringify(page)), 'application/json'),
      ]);
    },
    async savePreview(pageNumber: number, preview: PagePreview): Promise<void> {
      await blobs.put(bucket, keys.preview(pageNumber), preview.bytes, preview.contentType);
    },
  };
}
