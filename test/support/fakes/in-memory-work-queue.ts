import type { ProcessDocumentMessage, WorkQueue } from '../../../shared/ports/index.js';

/**
 * A WorkQueue that keeps what was sent, in order, for tests to inspect or drain.
 *
 * @example
 * const queue = new InMemoryWorkQueue();
 * await queue.send([{ documentId: 'd1' }]);
 * queue.drain(); // → [{ documentId: 'd1' }]
 */
export class InMemoryWorkQueue implements WorkQueue {
  readonly sent: ProcessDocumentMessage[] = [];
  private next = 0;

  async send(messages: ProcessDocumentMessage[]): Promise<void> {
    this.sent.push(...structuredClone(messages));
  }

  /** Messages sent since the last drain. */
  drain(): ProcessDocumentMessage[] {
    const fresh = this.sent.slice(this.next);
    this.next = this.sent.length;
    return fresh;
  }
}
