import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchSchema, type Batch, type BatchStore, type CertificateClaims } from '../batches/index.js';
import { toStoreError } from './dynamodb-errors.js';
import { entityAttributes } from './dynamodb-items.js';
import { queryUpTo } from './dynamodb-pages.js';
import { readItem } from './dynamodb-reads.js';
import { putItem } from './dynamodb-writes.js';
import { indexNames } from './table-design.js';

/** Item keys of batches and certificate-number claims; see docs/intake-channels.md. */
export const batchKeys = {
  batch: (batchId: string) => ({ PK: `BATCH#${batchId}`, SK: 'BATCH' }),
  certificateClaim: (certificateNumber: string) => ({ PK: `CERTNO#${certificateNumber.toUpperCase()}`, SK: 'CLAIM' }),
  /** Lookup-index keys: an institution's batches, newest first. */
  institutionBatches: (institutionId: string) => `INSTBATCHES#${institutionId}`,
};

/**
 * Batches in the intake table.
 *
 * @example
 * const batches = new DynamoDbBatchStore(createDynamoDbDocumentClient(), process.env.INTAKE_TABLE_NAME!);
 */
export class DynamoDbBatchStore implements BatchStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  put(batch: Batch): Promise<void> {
    const valid = batchSchema.parse(batch);
    const item = {
      ...batchKeys.batch(valid.batchId),
      GSI3PK: batchKeys.institutionBatches(valid.institutionId),
      GSI3SK: `BATCH#${valid.createdAt}#${valid.batchId}`,
      entity: 'batch',
      ...valid,
    };
    return putItem(this.db, { TableName: this.tableName, Item: item }, 'put batch');
  }

  get(batchId: string): Promise<Batch | undefined> {
    const input = { TableName: this.tableName, Key: batchKeys.batch(batchId), ConsistentRead: true };
    return readItem(this.db, input, 'get batch', (item) => batchSchema.parse(entityAttributes(item)));
  }

  /** The institution's batches, newest first (at most `limit`). */
  listByInstitution(institutionId: string, limit = 100): Promise<Batch[]> {
    const query = {
      TableName: this.tableName,
      IndexName: indexNames.lookup,
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': batchKeys.institutionBatches(institutionId) },
      ScanIndexForward: false,
    };
    return queryUpTo(this.db, 'list batches', query, limit, (item) => batchSchema.parse(entityAttributes(item)));
  }
}

/**
 * Which batches list a certificate number: one item per number holding the set of batches (an atomic ADD, so two
 * batches listing one number at once are both recorded and neither wins).
 *
 * @example
 * const { listedBy } = await new DynamoDbCertificateClaims(db, table).claim('S0000…', 'batch-2'); // ['batch-1', 'batch-2']
 */
export class DynamoDbCertificateClaims implements CertificateClaims {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(certificateNumber: string, batchId: string): Promise<{ listedBy: string[] }> {
    // A string set: adding the same batch again changes nothing, and no batch's listing excludes another's.
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: batchKeys.certificateClaim(certificateNumber),
          UpdateExpression: 'SET entity = :entity ADD listedBy :batch',
          ExpressionAttributeValues: { ':entity': 'certificate-claim', ':batch': new Set([batchId]) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const listed = Attributes?.listedBy as Set<string> | undefined;
      // Items written before rosters were listed symmetrically hold one `batchId`.
      const earlier = typeof Attributes?.batchId === 'string' ? [Attributes.batchId] : [];
      return { listedBy: [...new Set([...earlier, ...(listed ?? [])])] };
    } catch (error) {
      throw toStoreError(error, 'list certificate number');
    }
  }
}
