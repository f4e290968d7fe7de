import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentRecordSchema, type DocumentRecord } from '../cases/document-record.js';
import { DocumentNotFoundError, type DocumentChanges, type DocumentRepository } from '../ports/document-repository.js';
import { StoreContentionError, toStoreError } from './dynamodb-errors.js';
import { assertItemFits, digestKey, entityAttributes, packAttribute, unpackAttribute } from './dynamodb-items.js';
import { TransactionCancelled, runTransaction } from './dynamodb-transactions.js';
import { queryUpTo } from './dynamodb-pages.js';
import { readItem } from './dynamodb-reads.js';
import { putWhen } from './dynamodb-writes.js';
import { indexNames } from './table-design.js';

/** Item keys of documents; see docs/data-model.md. */
export const documentKeys = {
  document: (documentId: string) => ({ PK: `DOC#${documentId}`, SK: 'DOC' }),
  // Hashed: S3 keys carry file names, which often carry a person's name, and may be long.
  source: (bucket: string, key: string, sourceVersion: string) => ({ PK: `SOURCE#${digestKey(bucket, key, sourceVersion)}`, SK: 'SOURCE' }),
  submission: (submissionId: string) => `SUB#${submissionId}`,
  sha256: (sha256: string) => `SHA256#${sha256.toLowerCase()}`,
  /** Which document reads these bytes: one item per content hash, taken with a conditional write. */
  content: (sha256: string) => ({ PK: `CONTENT#${sha256.toLowerCase()}`, SK: 'CONTENT' }),
  sortByTime: (createdAt: string, documentId: string) => `DOC#${createdAt}#${documentId}`,
};

/**
 * DocumentRecords in the intake table. `register` writes the record and an idempotency item for
 * (bucket, key, sourceVersion) in one conditional transaction, so a redelivered S3 event creates nothing.
 *
 * @example
 * const documents = new DynamoDbDocumentRepository(createDynamoDbDocumentClient(), process.env.INTAKE_TABLE_NAME!);
 * const { record, created } = await documents.register(newRecord);
 */
export class DynamoDbDocumentRepository implements DocumentRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async register(record: DocumentRecord): Promise<{ record: DocumentRecord; created: boolean }> {
    const valid = documentRecordSchema.parse(record);
    const sourceKey = documentKeys.source(valid.bucket, valid.key, valid.sourceVersion);
    try {
      await runTransaction(
        this.db,
        [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...sourceKey, entity: 'source', documentId: valid.documentId, createdAt: valid.createdAt },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          { Put: { TableName: this.tableName, Item: this.toItem(valid), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
        'register document',
      );
      return { record: valid, created: true };
    } catch (error) {
      if (!(error instanceof TransactionCancelled) || error.failedAt() < 0) throw error;
      if (error.reasons[0]?.code !== 'ConditionalCheckFailed') {
        throw new Error(`document ${valid.documentId} already exists for another source object`, { cause: error });
      }
      const existingId = (error.reasons[0].item?.documentId as string | undefined) ?? (await this.documentIdOfSource(sourceKey));
      const existing = existingId ? await this.get(existingId) : undefined;
      if (!existing) throw new Error(`idempotency item for document ${valid.documentId} points at a missing document`, { cause: error });
      return { record: existing, created: false };
    }
  }

  async registerOwningContent(record: DocumentRecord): Promise<'registered' | 'already_registered' | 'content_owned'> {
    const valid = documentRecordSchema.parse(record);
    if (!valid.sha256) throw new Error(`document ${valid.documentId} has no sha256 to claim`);
    try {
      await runTransaction(
        this.db,
        [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...documentKeys.source(valid.bucket, valid.key, valid.sourceVersion),
                entity: 'source',
                documentId: valid.documentId,
                createdAt: valid.createdAt,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: this.tableName, Item: this.toItem(valid), ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...documentKeys.content(valid.sha256), entity: 'content', owner: valid.documentId },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
        'register document owning its content',
        1,
      );
      return 'registered';
    } catch (error) {
      if (error instanceof StoreContentionError) return 'content_owned';
      if (!(error instanceof TransactionCancelled)) throw error;
      const failed = error.failedAt();
      if (failed === 0) return 'already_registered';
      if (failed === 2) return 'content_owned';
      if (failed === 1) throw new Error(`document ${valid.documentId} already exists for another source object`, { cause: error });
      // Cancelled for another reason (a conflict with a transaction on the same items): the long way decides.
      return 'content_owned';
    }
  }

  get(documentId: string): Promise<DocumentRecord | undefined> {
    return readItem(this.db, { TableName: this.tableName, Key: documentKeys.document(documentId), ConsistentRead: true }, 'get document', fromItem);
  }

  async listBySubmission(submissionId: string): Promise<DocumentRecord[]> {
    return this.queryAll(indexNames.submission, 'GSI2PK', documentKeys.submission(submissionId), 'GSI2SK', 'DOC#');
  }

  async findBySha256(sha256: string): Promise<DocumentRecord | undefined> {
    const [first] = await this.queryAll(indexNames.lookup, 'GSI3PK', documentKeys.sha256(sha256), 'GSI3SK', 'DOC#', 1);
    return first;
  }

  async claimContent(sha256: string, documentId: string, changes?: DocumentChanges): Promise<string> {
    const key = documentKeys.content(sha256);
    const parts = changes ? await this.updateParts(documentId, changes) : undefined;
    if (parts?.UpdateExpression !== undefined) {
      // The usual case, an upload nobody else has sent: the claim and the document's changes in one round trip.
      try {
        await runTransaction(
          this.db,
          [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...key, entity: 'content', owner: documentId },
                ConditionExpression: 'attribute_not_exists(PK) OR #owner = :me',
                ExpressionAttributeNames: { '#owner': 'owner' },
                ExpressionAttributeValues: { ':me': documentId },
              },
            },
            { Update: { TableName: this.tableName, ...parts, UpdateExpression: parts.UpdateExpression } },
          ],
          'claim content',
          1,
        );
        return documentId;
      } catch (error) {
        if (error instanceof TransactionCancelled && error.failedAt() === 1) throw new DocumentNotFoundError(documentId);
        // Owned by another document, or another claimer on the same bytes right now: the conditional puts below.
        if (!(error instanceof TransactionCancelled) && !(error instanceof StoreContentionError)) throw error;
      }
    }
    const owner = await this.claimContentOwner(key, documentId, sha256);
    if (owner === documentId && changes) await this.update(documentId, changes);
    return owner;
  }

  private async claimContentOwner(key: { PK: string; SK: string }, documentId: string, sha256: string): Promise<string> {
    // Few rounds: each lost round means another claimer changed the owner in between, which settles quickly.
    for (let round = 0; round < 5; round++) {
      if (await this.putContentOwner(key, documentId, 'attribute_not_exists(PK) OR #owner = :me', { ':me': documentId })) return documentId;
      let owner: string | undefined;
      try {
        const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
        owner = Item?.owner as string | undefined;
      } catch (error) {
        throw toStoreError(error, 'read content owner');
      }
      if (owner === undefined) continue;
      const status = (await this.get(owner))?.status;
      if (status !== undefined && status !== 'rejected' && status !== 'failed') return owner;
      // The owner never got read (or vanished): hand the content over, unless someone else took it meanwhile.
      if (await this.putContentOwner(key, documentId, '#owner = :previous', { ':previous': owner })) return documentId;
    }
    throw new Error(`content ${sha256.slice(0, 12)}… kept changing owner while document ${documentId} claimed it`);
  }

  private putContentOwner(key: { PK: string; SK: string }, documentId: string, condition: string, values: Record<string, string>): Promise<boolean> {
    const input = {
      TableName: this.tableName,
      Item: { ...key, entity: 'content', owner: documentId },
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#owner': 'owner' },
      ExpressionAttributeValues: values,
    };
    return putWhen(this.db, input, 'claim content');
  }

  async update(documentId: string, changes: DocumentChanges): Promise<void> {
    const parts = await this.updateParts(documentId, changes);
    if (parts.UpdateExpression === undefined) {
      if (!(await this.get(documentId))) throw new DocumentNotFoundError(documentId);
      return;
    }
    try {
      await this.db.send(new UpdateCommand({ TableName: this.tableName, ...parts, UpdateExpression: parts.UpdateExpression }));
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') throw new DocumentNotFoundError(documentId);
      throw toStoreError(error, 'update document');
    }
  }

  /**
   * The key, update expression and condition (the record exists) that apply `changes` to a document. The index keys
   * follow the attributes they derive from: a new sha256 moves the record in the content index, whose sort key is the
   * submission index's (both are `createdAt` + id), copied in place; only a change of `createdAt` or `submissionId`,
   * which ingest never makes, costs a read of the record first. No expression when nothing changes.
   */
  private async updateParts(documentId: string, changes: DocumentChanges) {
    if (!('createdAt' in changes || 'submissionId' in changes)) return documentUpdate(documentId, changes);
    const current = await this.get(documentId);
    if (!current) throw new DocumentNotFoundError(documentId);
    return documentUpdate(documentId, changes, indexKeys({ ...current, ...changes } as DocumentRecord));
  }

  private toItem(record: DocumentRecord): Record<string, unknown> {
    const { documents, ...rest } = record;
    const item = { ...documentKeys.document(record.documentId), entity: 'document', ...indexKeys(record), ...rest, ...packAttribute('documents', documents) };
    assertItemFits(item, 'document', record.documentId);
    return item;
  }

  private async documentIdOfSource(key: { PK: string; SK: string }): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item?.documentId as string | undefined;
  }

  private queryAll(indexName: string, pk: string, pkValue: string, sk: string, skPrefix: string, limit?: number): Promise<DocumentRecord[]> {
    const query = {
      TableName: this.tableName,
      IndexName: indexName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': pk, '#sk': sk },
      ExpressionAttributeValues: { ':pk': pkValue, ':prefix': skPrefix },
    };
    return queryUpTo(this.db, 'query documents', query, limit, fromItem);
  }
}

/**
 * The key, update expression and condition (the record exists) that apply `changes` to a document, for an UpdateItem
 * or an Update in a transaction (process settles a document in the same transaction as its case). The index keys
 * follow the attributes they derive from: a new sha256 moves the record in the content index, whose sort key is the
 * submission index's (both are `createdAt` + id), copied in place; a change of `createdAt` or `submissionId` needs the
 * record's merged `indexKeys`, which only the repository (reading it first) can give. No expression when nothing
 * changes.
 *
 * @example
 * await db.send(new UpdateCommand({ TableName, ...documentUpdate('doc-1', { status: 'processed' }) }));
 */
export function documentUpdate(documentId: string, changes: DocumentChanges, mergedIndexKeys?: ReturnType<typeof indexKeys>) {
  if (!mergedIndexKeys && ('createdAt' in changes || 'submissionId' in changes)) {
    throw new Error(`document ${documentId}: a change of createdAt or submissionId needs the record's merged index keys`);
  }
  const sets: string[] = [];
  const removes: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set = (name: string, value: unknown) => {
    names[`#${name}`] = name;
    if (value === undefined) removes.push(`#${name}`);
    else {
      values[`:${name}`] = value;
      sets.push(`#${name} = :${name}`);
    }
  };
  for (const [name, value] of Object.entries(changes)) {
    if (name === 'documentId') continue;
    if (name === 'documents') {
      const packed = packAttribute('documents', value);
      set('documents', packed.documents);
      set('documentsGz', packed.documentsGz);
    } else set(name, value);
  }
  if (mergedIndexKeys) {
    for (const name of ['GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'] as const) set(name, mergedIndexKeys[name]);
  } else if ('sha256' in changes) {
    set('GSI3PK', changes.sha256 ? documentKeys.sha256(changes.sha256) : undefined);
    names['#GSI3SK'] = 'GSI3SK';
    if (changes.sha256) {
      names['#GSI2SK'] = 'GSI2SK';
      sets.push('#GSI3SK = #GSI2SK');
    } else removes.push('#GSI3SK');
  }
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim();
  return {
    Key: documentKeys.document(documentId),
    UpdateExpression: expression || undefined,
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
  };
}

function indexKeys(record: DocumentRecord): Record<'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK', string | undefined> {
  const byTime = documentKeys.sortByTime(record.createdAt, record.documentId);
  return {
    GSI2PK: documentKeys.submission(record.submissionId),
    GSI2SK: byTime,
    GSI3PK: record.sha256 ? documentKeys.sha256(record.sha256) : undefined,
    GSI3SK: record.sha256 ? byTime : undefined,
  };
}

function fromItem(item: Record<string, unknown>): DocumentRecord {
  return documentRecordSchema.parse({ ...entityAttributes(item), documents: unpackAttribute(item, 'documents') });
}
