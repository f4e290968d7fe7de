import { createHash } from 'node:crypto';

const digest = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * The storage layout of the intake bucket, in one place: the key prefixes (which infra grants on and expires, and the
 * local stack watches) and how object keys and document ids are made. Originals (`incoming/`, `email/`) are never
 * expired or deleted; `derived/` (page previews, OCR checkpoints) ages out; `batches/` holds batch rosters (a roster
 * is not a document to read, so it stays out of `incoming/`).
 */
export const BucketPrefix = {
  incoming: 'incoming/',
  email: 'email/',
  derived: 'derived/',
  batches: 'batches/',
} as const;

/** Prefix of the keys ingest handles. */
export const INCOMING_PREFIX = BucketPrefix.incoming;

/**
 * The document id of an uploaded object version. Derived from the S3 idempotency key (bucket, key, version), so a
 * redelivered event, or a retry after a crash, names the same document.
 *
 * @example
 * documentIdFor('intake', 'incoming/s1/a.pdf', 'etag1'); // 'doc-3f1c…' (always the same)
 */
export function documentIdFor(bucket: string, key: string, sourceVersion: string): string {
  return `doc-${digest(bucket, key, sourceVersion).slice(0, 24)}`;
}

/**
 * The submission and file name of an `incoming/` key: `incoming/<submissionId>/<path…>/<file>`; a file directly under
 * `incoming/` is a submission of its own, named after its document.
 *
 * @example
 * submissionOf('incoming/sub-42/证书 扫描.pdf', 'doc-1'); // { submissionId: 'sub-42', fileName: '证书 扫描.pdf' }
 */
export function submissionOf(key: string, documentId: string): { submissionId: string; fileName: string } {
  const rest = key.slice(INCOMING_PREFIX.length);
  const parts = rest.split('/').filter((part) => part.length > 0);
  const fileName = parts.at(-1) ?? rest;
  if (parts.length <= 1) return { submissionId: `sub-${documentId.slice(4)}`, fileName };
  return { submissionId: parts[0]!, fileName };
}

/**
 * Where derived files of a document live (page previews, page checkpoints), under the prefix the bucket's lifecycle
 * expires.
 *
 * @example
 * derivedKeys('derived/', 'doc-1').preview(2); // 'derived/doc-1/pages/2'
 */
export function derivedKeys(derivedPrefix: string, documentId: string) {
  const base = `${derivedPrefix.replace(/\/?$/, '/')}${documentId}`;
  return {
    base,
    /** The page image for the clerk's page view; its content type (JPEG or PNG) is stored with the object. */
    preview: (pageNumber: number) => `${base}/pages/${pageNumber}`,
    checkpoint: (pageNumber: number) => `${base}/ocr/${pageNumber}.json`,
  };
}
