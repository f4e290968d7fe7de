import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { ingestObject, type IngestDeps } from '../../shared/pipeline/ingest.js';
import { FixedClock, InMemoryBlobStore, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';
import { createTestTable } from '../support/local-aws.js';

const bucket = 'intake';
const sameBytes = new TextEncoder().encode('%PDF-1.7\n% one certificate, uploaded by two people at once\n1 0 obj <<>> endobj\n%%EOF\n');

describe('ingest of the same bytes under several keys at the same moment (DynamoDB Local)', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(() => table.drop());

  it('queues exactly one of six simultaneous uploads and links the other five to it as duplicates', async () => {
    const blobs = new InMemoryBlobStore();
    const queue = new InMemoryWorkQueue();
    const documents = new DynamoDbDocumentRepository(table.db, table.tableName);
    const deps: IngestDeps = {
      blobs,
      documents,
      queue,
      clock: new FixedClock(new Date('2021-06-18T08:00:00Z')),
      limits: DEFAULT_INTAKE_LIMITS,
      inspect: async () => ({ pageCount: 1 }),
    };
    const keys = Array.from({ length: 6 }, (_, i) => `incoming/sub-twice/证书 ${i}.pdf`);
    for (const key of keys) await blobs.put(bucket, key, sameBytes, 'application/pdf');

    const outcomes = await Promise.all(keys.map((key) => ingestObject({ bucket, key }, deps)));

    const queued = outcomes.filter((o) => o.kind === 'queued');
    expect(queued).toHaveLength(1);
    const owner = (queued[0] as { documentId: string }).documentId;
    expect(outcomes.filter((o) => o.kind === 'duplicate').map((o) => (o as { duplicateOf: string }).duplicateOf)).toEqual(Array(5).fill(owner));
    expect(queue.drain().map((message) => message.documentId)).toEqual([owner]);
    const states = (await documents.listBySubmission('sub-twice')).map((d) => d.status).sort();
    expect(states).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'processing']);
  });
});

describe('ingest of a key overwritten before its event arrives (versioned bucket)', () => {
  it('reads the version its event names, so each upload is read with its own bytes', async () => {
    const blobs = new InMemoryBlobStore();
    const queue = new InMemoryWorkQueue();
    const documents = new InMemoryDocumentRepository();
    const deps: IngestDeps = {
      blobs,
      documents,
      queue,
      clock: new FixedClock(new Date('2021-06-18T08:00:00Z')),
      limits: DEFAULT_INTAKE_LIMITS,
      inspect: async () => ({ pageCount: 1 }),
    };
    const key = 'incoming/sub-again/证书.pdf';
    const first = new TextEncoder().encode('%PDF-1.7\n% first scan\n%%EOF\n');
    const corrected = new TextEncoder().encode('%PDF-1.7\n% corrected scan\n%%EOF\n');
    await blobs.put(bucket, key, first, 'application/pdf');
    const firstVersion = blobs.versionOf(bucket, key)!;
    await blobs.put(bucket, key, corrected, 'application/pdf');
    const correctedVersion = blobs.versionOf(bucket, key)!;

    const a = await ingestObject({ bucket, key, versionId: firstVersion }, deps);
    const b = await ingestObject({ bucket, key, versionId: correctedVersion }, deps);

    expect([a.kind, b.kind]).toEqual(['queued', 'queued']);
    const [recordA, recordB] = await Promise.all([
      documents.get((a as { documentId: string }).documentId),
      documents.get((b as { documentId: string }).documentId),
    ]);
    expect(recordA).toMatchObject({ sourceVersionId: firstVersion, sha256: createHash('sha256').update(first).digest('hex') });
    expect(recordB).toMatchObject({ sourceVersionId: correctedVersion, sha256: createHash('sha256').update(corrected).digest('hex') });
  });
});
