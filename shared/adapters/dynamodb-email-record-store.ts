import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emailRecordSchema, type EmailRecord, type EmailRecordStore } from '../email/email-record.js';
import { toStoreError } from './dynamodb-errors.js';
import { entityAttributes } from './dynamodb-items.js';
import { readItem } from './dynamodb-reads.js';

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
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...emailKeys.email(valid.emailId), entity: 'email', ...valid },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { record: valid, created: true };
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw toStoreError(error, 'register e-mail');
      const existing = await this.get(valid.emailId);
      if (!existing) throw new Error(`e-mail ${valid.emailId} vanished after a conditional put failed`, { cause: error });
      return { record: existing, created: false };
    }
  }

  get(emailId: string): Promise<EmailRecord | undefined> {
    const input = { TableName: this.tableName, Key: emailKeys.email(emailId), ConsistentRead: true };
    return readItem(this.db, input, 'get e-mail', (item) => emailRecordSchema.parse(entityAttributes(item)));
  }

  async put(record: EmailRecord): Promise<void> {
    const valid = emailRecordSchema.parse(record);
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...emailKeys.email(valid.emailId), entity: 'email', ...valid } }));
    } catch (error) {
      throw toStoreError(error, 'put e-mail');
    }
  }
}
