import { emailRecordSchema, type EmailRecord, type EmailRecordStore, type ReplySender } from '../../shared/email/index.js';

/** EmailRecords in a Map (domain tests). */
export class InMemoryEmailRecordStore implements EmailRecordStore {
  readonly records = new Map<string, EmailRecord>();

  async register(record: EmailRecord): Promise<{ record: EmailRecord; created: boolean }> {
    const existing = this.records.get(record.emailId);
    if (existing) return { record: structuredClone(existing), created: false };
    this.records.set(record.emailId, emailRecordSchema.parse(record));
    return { record: structuredClone(record), created: true };
  }

  async get(emailId: string): Promise<EmailRecord | undefined> {
    const record = this.records.get(emailId);
    return record && structuredClone(record);
  }

  async put(record: EmailRecord): Promise<void> {
    this.records.set(record.emailId, emailRecordSchema.parse(record));
  }
}

/** A ReplySender that keeps what it was asked to send. */
export class RecordingReplySender implements ReplySender {
  readonly sent: Parameters<ReplySender['send']>[0][] = [];
  async send(reply: Parameters<ReplySender['send']>[0]): Promise<void> {
    this.sent.push(reply);
  }
}
