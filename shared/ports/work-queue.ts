import { z } from 'zod';

/**
 * A unit of work for the **process** stage: one document (file) of a submission, to read and judge. The schema is the
 * message's only definition: ingest sends it, and the process and dead-letter handlers parse SQS bodies with it.
 */
export const processDocumentMessageSchema = z.object({
  documentId: z.string().min(1),
  /**
   * Read pages still lacking text synchronously (page by page) instead of starting an asynchronous OCR job — set when
   * an asynchronous job has already run for this document (its completion re-queues the message).
   */
  syncOcr: z.boolean().optional(),
  /**
   * Where the original is (as ingest registered it), so process can read it while it reads the record; the record
   * stays the authority, and a message whose source differs from it is read from the record's.
   */
  source: z.object({ bucket: z.string().min(1), key: z.string().min(1), versionId: z.string().optional() }).optional(),
});
export type ProcessDocumentMessage = z.infer<typeof processDocumentMessageSchema>;

/** The queue between ingest and process: SQS on AWS, an in-process queue with SQS semantics locally. */
export interface WorkQueue {
  send(messages: ProcessDocumentMessage[]): Promise<void>;
}
