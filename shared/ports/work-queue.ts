/** A unit of work for the **process** stage: one document (file) of a submission, to read and judge. */
export interface ProcessDocumentMessage {
  documentId: string;
}

/** The queue between ingest and process: SQS on AWS, an in-process queue with SQS semantics locally. */
export interface WorkQueue {
  send(messages: ProcessDocumentMessage[]): Promise<void>;
}
