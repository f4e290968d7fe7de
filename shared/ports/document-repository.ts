import type { DocumentRecord } from '../cases/document-record.js';

/** `update` named a document that does not exist. */
export class DocumentNotFoundError extends Error {
  constructor(readonly documentId: string) {
    super(`no document ${documentId}`);
    this.name = 'DocumentNotFoundError';
  }
}

/** Attributes to set on a record; a key present with `undefined` removes the attribute. */
export type DocumentChanges = Partial<Omit<DocumentRecord, 'documentId'>>;

/** Stores DocumentRecords. `register` is idempotent on (bucket, key, sourceVersion). */
export interface DocumentRepository {
  /**
   * Creates the record unless one exists for the same (bucket, key, sourceVersion); returns the stored record and
   * whether it was created now. Redelivered S3 events therefore create nothing new.
   */
  register(record: DocumentRecord): Promise<{ record: DocumentRecord; created: boolean }>;
  /**
   * Registers a record already read and checked (it carries its `sha256`) and makes it the owner of its bytes, in one
   * atomic write: `registered` when both happened. Otherwise nothing is written, and the caller goes the long way
   * (`register`, then `claimContent`): `already_registered` for a redelivery (the object version has a record),
   * `content_owned` when another document holds — or is claiming at this moment — the same bytes.
   */
  registerOwningContent(record: DocumentRecord): Promise<'registered' | 'already_registered' | 'content_owned'>;
  get(documentId: string): Promise<DocumentRecord | undefined>;
  listBySubmission(submissionId: string): Promise<DocumentRecord[]>;
  /** Finds an earlier document with the same content hash (duplicate uploads). */
  findBySha256(sha256: string): Promise<DocumentRecord | undefined>;
  /**
   * Makes `documentId` the one document read for these bytes, unless another document already is and has not ended
   * rejected or failed (then its reading never happened and the content passes to the caller). Returns the owner.
   * Atomic: of documents with the same bytes claiming at once, exactly one becomes the owner; a redelivery of the
   * owner gets itself back. With `changes`, they are applied to `documentId` when it is (or becomes) the owner — in
   * the same write as the claim where the store can — and not at all when another document owns the bytes.
   */
  claimContent(sha256: string, documentId: string, changes?: DocumentChanges): Promise<string>;
  /**
   * Sets the given attributes (a key present with `undefined` removes it); throws DocumentNotFoundError. Nothing is
   * read back: no caller needs the record it just wrote, and a file's extraction can be large.
   */
  update(documentId: string, changes: DocumentChanges): Promise<void>;
}
