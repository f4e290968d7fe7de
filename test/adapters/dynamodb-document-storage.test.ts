import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDocumentRepository, documentKeys } from '../../shared/adapters/dynamodb-document-repository.js';
import { aCaseDocument, aDocumentRecord } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

describe('DynamoDbDocumentRepository storage layout', () => {
  let table: TestTable;
  let documents: DynamoDbDocumentRepository;
  beforeAll(async () => {
    table = await createTestTable();
    documents = new DynamoDbDocumentRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it("keys the idempotency item by a digest, so file names (often a person's name) stay out of keys", async () => {
    const record = aDocumentRecord({ key: 'incoming/sub-9/钱七 身份证.jpg' });
    await documents.register(record);

    const { Items } = await table.db.send(new ScanCommand({ TableName: table.tableName }));
    const keys = (Items ?? [])
      .flatMap((item) => [item.PK, item.SK, item.GSI2PK, item.GSI2SK, item.GSI3PK, item.GSI3SK])
      .filter((k): k is string => typeof k === 'string');

    expect(keys.some((k) => k.includes('钱七'))).toBe(false);
    expect(keys).toContain(documentKeys.source(record.bucket, record.key, record.sourceVersion).PK);
  });

  it('stores the extraction of a long file compressed and reads it back unchanged, and plain again once small', async () => {
    const record = aDocumentRecord();
    await documents.register(record);
    // A file's extraction holds ExtractedDocuments: the case-only attributes are dropped.
    const extraction = Array.from({ length: 60 }, (_, i) => aCaseDocument({ pages: [i + 1] }, 30)).map(
      ({ documentId: _id, indexInFile: _index, ...read }) => read,
    );

    await documents.update(record.documentId, { documents: extraction, status: 'needs_review' });
    const updated = await documents.get(record.documentId);
    const stored = await table.db.send(new GetCommand({ TableName: table.tableName, Key: documentKeys.document(record.documentId) }));
    await documents.update(record.documentId, { documents: extraction.slice(0, 1) });
    const shrunk = await documents.get(record.documentId);
    const storedSmall = await table.db.send(new GetCommand({ TableName: table.tableName, Key: documentKeys.document(record.documentId) }));

    expect(updated?.documents).toEqual(extraction);
    expect(stored.Item?.documentsGz).toBeInstanceOf(Uint8Array);
    expect(stored.Item?.documents).toBeUndefined();
    expect(shrunk?.documents).toEqual(extraction.slice(0, 1));
    expect(storedSmall.Item?.documentsGz).toBeUndefined();
  });
});
