/** A unit of work for the **process** stage: one document (file) of a submission, to read and judge. */
export interface ProcessDocumentMessage {
  documentId: string;
  /**
   * Read pages still lacking text synchronously (page by page) instead of starting an asynchronous OCR job — set when
   * an asynchronous job has already run for this document (its completion re-queues the message).
   */
  syncOcr?: boolean;
  /**
   * Where the original is (as ingest registered it), so process can read it while it reads the record; the record
   * stays the authority, and a message whose source differs from it is read from the record's.
   */
  source?: { bucket: string; key: string; versionId?: string };
}

/** The queue between ingest and process: SQS on AWS, an in-process queue with SQS semantics locally. */
export interface WorkQueue {
  send(messages: ProcessDocumentMessage[]): Promise<void>;
}
