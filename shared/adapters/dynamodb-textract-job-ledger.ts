import { DeleteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { pendingTextractJobSchema, type PendingTextractJob, type TextractJobLedger } from '../ports/textract-jobs.js';
import { toStoreError } from './dynamodb-errors.js';
import { queryUpTo } from './dynamodb-pages.js';
import { putWhen } from './dynamodb-writes.js';
import { indexNames } from './table-design.js';

/**
 * Item keys of pending Textract jobs (docs/data-model.md): one item per waiting document, listed oldest first through
 * the lookup index under one partition. The list's writes are bounded by Textract's own start rate (a few per second
 * at most), far below a partition's 1,000 writes a second.
 */
export const textractJobKeys = {
  job: (documentId: string) => ({ PK: `TEXTRACT_JOB#${documentId}`, SK: 'JOB' }),
  listPartition: 'TEXTRACT_JOBS',
  byStart: (startedAt: string, documentId: string) => `${startedAt}#${documentId}`,
};

/**
 * The pending-job ledger in the intake table.
 *
 * @example
 * const jobs = new DynamoDbTextractJobLedger(client, 'intake');
 * await jobs.record({ documentId: 'doc-1', jobId: 'j1', startedAt: new Date().toISOString() });
 */
export class DynamoDbTextractJobLedger implements TextractJobLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(job: Pick<PendingTextractJob, 'documentId' | 'jobId' | 'startedAt'>): Promise<void> {
    const valid = pendingTextractJobSchema.parse(job);
    const item = {
      ...textractJobKeys.job(valid.documentId),
      GSI3PK: textractJobKeys.listPartition,
      GSI3SK: textractJobKeys.byStart(valid.startedAt, valid.documentId),
      entity: 'TextractJob',
      documentId: valid.documentId,
      jobId: valid.jobId,
      startedAt: valid.startedAt,
      attempts: 0,
    };
    // A redelivered start gets the same job back: the first start time stays.
    await putWhen(this.db, { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }, 'record a Textract job');
  }

  listStartedBefore(cutoff: string, limit: number): Promise<PendingTextractJob[]> {
    const query = {
      TableName: this.tableName,
      IndexName: indexNames.lookup,
      KeyConditionExpression: 'GSI3PK = :list AND GSI3SK < :cutoff',
      ExpressionAttributeValues: { ':list': textractJobKeys.listPartition, ':cutoff': cutoff },
    };
    return queryUpTo(this.db, 'list Textract jobs', query, limit, (item) => pendingTextractJobSchema.parse(item));
  }

  async noteAttempt(documentId: string, attempt: { attempts: number; lastError: string; lastSweptAt: string }): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: textractJobKeys.job(documentId),
          UpdateExpression: 'SET attempts = :attempts, lastError = :lastError, lastSweptAt = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':attempts': attempt.attempts, ':lastError': attempt.lastError, ':at': attempt.lastSweptAt },
        }),
      );
    } catch (error) {
      // Crossed out meanwhile by a late completion: nothing left to note.
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return;
      throw toStoreError(error, 'note a Textract job sweep');
    }
  }

  async remove(documentId: string): Promise<void> {
    try {
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: textractJobKeys.job(documentId) }));
    } catch (error) {
      throw toStoreError(error, 'remove a Textract job');
    }
  }
}
