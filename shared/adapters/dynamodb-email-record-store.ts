import { type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emailRecordSchema, type EmailRecord, type EmailRecordStore } from '../email/email-record.js';
import { entityAttributes } from './dynamodb-items.js';
import { readItem } from './dynamodb-reads.js';
import { putItem, putWhen } from './dynamodb-writes.js';

/** Item key of a received e-mail; see docs/intake-channels.md. */
export const emailKeys = { email: (emailId: string) => ({ PK: `EMAIL#${emailId}`, SK: 'EMAIL' }) };

/**
 * EmailRecords in the intake table, one item each (the body is capped, so an item stays far below 400 KB).
 *
 * @example
 * const emails = new DynamoDbEmailRecordStore(createDynamoDbDocumentClient(), process.env.INTAKE_TABLE_NAME!);
 */
export class DynamoDbEmailRecordStore implements EmailRecordStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async register(record: EmailRecord): Promise<{ record: EmailRecord; created: boolean }> {
    const valid = emailRecordSchema.parse(record);
    const item = { ...emailKeys.email(valid.emailId), entity: 'email', ...valid };
    if (await putWhen(this.db, { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }, 'register e-mail')) {
      return { record: valid, created: true };
    }
    const existing = await this.get(valid.emailId);
    if (!existing) throw new Error(`e-mail ${valid.emailId} vanished after a conditional put failed`);
    return { record: existing, created: false };
  }

  get(emailId: string): Promise<EmailRecord | undefined> {
    const input = { TableName: this.tableName, Key: emailKeys.email(emailId), ConsistentRead: true };
    return readItem(this.db, input, 'get e-mail', (item) => emailRecordSchema.parse(entityAttributes(item)));
  }

  put(record: EmailRecord): Promise<void> {
    const valid = emailRecordSchema.parse(record);
    return putItem(this.db, { TableName: this.tableName, Item: { ...emailKeys.email(valid.emailId), entity: 'email', ...valid } }, 'put e-mail');
  }
}
