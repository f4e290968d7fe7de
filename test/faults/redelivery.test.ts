import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createEmailHandler } from '../../functions/email/handler.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { StoreThrottledError } from '../../shared/adapters/dynamodb-errors.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { takeInEmail, type EmailIntakeDeps, type EmailStep } from '../../shared/email/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { ingestObject, type IngestDeps } from '../../shared/pipeline/ingest.js';
import { systemClock } from '../../shared/ports/index.js';
import { buildZip, pdfBytes } from '../archives/zip-factory.js';
import { zipArchives } from '../../shared/archives/index.js';
import { InMemoryEmailRecordStore } from '../email/in-memory-email-record-store.js';
import { buildMime } from '../email/mime-factory.js';
import { FixedClock, InMemoryBlobStore, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';
import { StubHttpHandler } from '../support/fakes/stub-http-handler.js';

const BUCKET = 'intake';

class Killed extends Error {
  constructor(step: string) {
    super(`handler killed at ${step}`);
  }
}

/** A BlobStore that counts writes per key and can fail the n-th put/get once (a crash mid-way). */
class FlakyBlobStore extends InMemoryBlobStore {
  readonly puts = new Map<string, number>();
  failPutAt?: number;
  failGetOnce?: string;
  #putCalls = 0;
  override async put(bucket: string, key: string, bytes: Uint8Array, contentType?: string): Promise<void> {
    this.#putCalls++;
    if (this.failPutAt === this.#putCalls) throw new Killed(`put #${this.#putCalls}`);
    this.puts.set(key, (this.puts.get(key) ?? 0) + 1);
    return super.put(bucket, key, bytes, contentType);
  }
  override async get(bucket: string, key: string): Promise<Uint8Array> {
    if (this.failGetOnce === key) {
      this.failGetOnce = undefined;
      throw new Killed(`get ${key}`);
    }
    return super.get(bucket, key);
  }
}

/** A queue whose first send fails (killed before the queue write). */
class FlakyQueue extends InMemoryWorkQueue {
  failNext = false;
  override async send(messages: Parameters<InMemoryWorkQueue['send']>[0]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Killed('queue write');
    }
    return super.send(messages);
  }
}

function pipeline() {
  const blobs = new FlakyBlobStore();
  const documents = new InMemoryDocumentRepository();
  const queue = new FlakyQueue();
  const ingestDeps: IngestDeps = {
    blobs,
    documents,
    queue,
    clock: new FixedClock(),
    limits: DEFAULT_INTAKE_LIMITS,
    inspect: async () => ({ pageCount: 1 }),
    archives: zipArchives(),
  };
  /** Delivers an S3 event for every object under incoming/ (at least once: S3 may deliver again). */
  const deliverAll = async () => {
    for (const path of [...blobs.objects.keys()]) {
      const key = path.slice(BUCKET.length + 1);
      if (!key.startsWith('incoming/')) continue;
      const head = await blobs.head(BUCKET, key);
      await ingestObject({ bucket: BUCKET, key, eTag: head!.eTag }, ingestDeps);
    }
  };
  /** Distinct documents queued. Ingest re-queues an unsettled document on a redelivered event by design (process is
   * idempotent per document: test/pipeline/process.test.ts), so what must hold is one document per file. */
  const queuedDocuments = () => new Set(queue.sent.map((message) => message.documentId)).size;
  return { blobs, documents, queue, ingestDeps, deliverAll, queuedDocuments };
}

const redeliver = async <T>(attempt: () => Promise<T>, times = 3): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof Killed) || i >= times) throw error;
    }
  }
};

describe('redelivery after the handler is killed', () => {
  it.each<EmailStep>(['registered', 'read', 'file_stored', 'before_record'])(
    'e-mail killed at `%s`: after redelivery every attachment is stored once and becomes one queued document, nothing lost',
    async (step) => {
      const { blobs, documents, deliverAll, queuedDocuments } = pipeline();
      const emails = new InMemoryEmailRecordStore();
      let armed = true;
      const deps: EmailIntakeDeps = {
        blobs,
        emails,
        clock: new FixedClock(),
        maxFileBytes: 1024 * 1024,
        onStep: (reached) => {
          if (armed && reached === step) {
            armed = false;
            throw new Killed(reached);
          }
        },
      };
      const raw = buildMime({
        attachments: [1, 2, 3].map((n) => ({
          fileName: `证书${n}.pdf`,
          nameCharset: 'GBK' as const,
          contentType: 'application/pdf',
          bytes: pdfBytes(String(n)),
        })),
      });
      await blobs.put(BUCKET, 'email/m1', raw);
      const eTag = (await blobs.head(BUCKET, 'email/m1'))!.eTag;

      const outcome = await redeliver(() => takeInEmail({ bucket: BUCKET, key: 'email/m1', eTag }, deps));
      await deliverAll();
      await deliverAll(); // S3 delivers at least once

      expect(outcome).toMatchObject({ kind: 'accepted', stored: expect.arrayContaining([expect.stringMatching(/证书3\.pdf$/)]) });
      const incoming = [...blobs.puts.entries()].filter(([key]) => key.startsWith('incoming/'));
      expect(incoming).toHaveLength(3);
      expect(incoming.every(([, count]) => count === 1)).toBe(true);
      expect(queuedDocuments()).toBe(3);
      expect((await documents.listBySubmission((outcome as { emailId: string }).emailId)).map((record) => record.status)).toEqual([
        'processing',
        'processing',
        'processing',
      ]);
    },
  );

  it('ZIP killed during expansion: after redelivery every entry is stored once and becomes one queued document', async () => {
    const { blobs, documents, ingestDeps, deliverAll, queuedDocuments } = pipeline();
    const zip = await buildZip([1, 2, 3, 4].map((n) => ({ name: `c${n}.pdf`, bytes: pdfBytes(String(n)) })));
    await blobs.put(BUCKET, 'incoming/batch-f1/certs.zip', zip);
    const eTag = (await blobs.head(BUCKET, 'incoming/batch-f1/certs.zip'))!.eTag;
    blobs.failPutAt = 4; // the zip itself was put #1; dies on the third entry

    const outcome = await redeliver(() => ingestObject({ bucket: BUCKET, key: 'incoming/batch-f1/certs.zip', eTag }, ingestDeps));
    await deliverAll();
    await deliverAll();

    expect(outcome).toMatchObject({ kind: 'expanded', stored: 4 });
    const entries = [...blobs.puts.entries()].filter(([key]) => key.startsWith('incoming/batch-f1/certs.zip/'));
    expect(entries.map(([key, count]) => [key, count]).sort()).toEqual([1, 2, 3, 4].map((n) => [`incoming/batch-f1/certs.zip/c${n}.pdf`, 1]));
    expect(queuedDocuments()).toBe(4);
    const states = (await documents.listBySubmission('batch-f1')).map((record) => record.status).sort();
    expect(states).toEqual(['processed', 'processing', 'processing', 'processing', 'processing']);
  });

  it('killed right after the upload (before ingest read the object): redelivery queues the document once', async () => {
    const { blobs, queue, ingestDeps, documents } = pipeline();
    await blobs.put(BUCKET, 'incoming/s1/a.pdf', pdfBytes('a'));
    const eTag = (await blobs.head(BUCKET, 'incoming/s1/a.pdf'))!.eTag;
    blobs.failGetOnce = 'incoming/s1/a.pdf';
    const outcome = await redeliver(() => ingestObject({ bucket: BUCKET, key: 'incoming/s1/a.pdf', eTag }, ingestDeps));
    expect(queue.sent.map((message) => message.documentId)).toEqual([(outcome as { documentId: string }).documentId]);
    expect(await documents.listBySubmission('s1')).toHaveLength(1);
  });

  it('killed before the queue write: redelivery queues the document, once', async () => {
    const { blobs, queue, ingestDeps, documents } = pipeline();
    await blobs.put(BUCKET, 'incoming/s1/b.pdf', pdfBytes('b'));
    const eTag = (await blobs.head(BUCKET, 'incoming/s1/b.pdf'))!.eTag;
    queue.failNext = true;
    const outcome = await redeliver(() => ingestObject({ bucket: BUCKET, key: 'incoming/s1/b.pdf', eTag }, ingestDeps));
    expect(outcome).toMatchObject({ kind: 'queued' });
    expect(queue.sent.map((message) => message.documentId)).toEqual([(outcome as { documentId: string }).documentId]);
    expect((await documents.get((outcome as { documentId: string }).documentId))?.status).toBe('processing');
  });
});

const jsonHeaders = { 'content-type': 'application/x-amz-json-1.0' };
const throttled = {
  statusCode: 400,
  headers: jsonHeaders,
  body: JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'Rate exceeded' }),
};
const ok = { statusCode: 200, headers: jsonHeaders, body: '{}' };
const slowDown = {
  statusCode: 503,
  headers: { 'content-type': 'application/xml' },
  body: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
};

function offlineEmails(handler: StubHttpHandler, maxAttempts = 3) {
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: 'http://dynamodb.test',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: handler as never,
    maxAttempts,
  });
  return new DynamoDbEmailRecordStore(DynamoDBDocumentClient.from(client), 'intake');
}

describe('AWS errors in the e-mail handler (the SDK retry runs for real)', () => {
  const record = {
    emailId: 'mail-1',
    bucket: BUCKET,
    key: 'email/x',
    sourceVersion: 'e',
    status: 'received' as const,
    attachments: [],
    createdAt: 't',
    updatedAt: 't',
  };

  it('retries a throttled DynamoDB write with back-off and succeeds once DynamoDB answers', async () => {
    const handler = new StubHttpHandler([throttled, throttled, ok]);
    expect(await offlineEmails(handler).register(record)).toEqual({ record, created: true });
    expect(handler.requests).toBe(3);
  });

  it('fails the invocation on throttling that outlasts the retries, so S3 retries the event and then dead-letters it', async () => {
    const handler = new StubHttpHandler([throttled]);
    const blobs = new InMemoryBlobStore();
    await blobs.put(BUCKET, 'email/x', buildMime({ attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', bytes: pdfBytes('a') }] }));
    const email = createEmailHandler(() => ({ blobs, emails: offlineEmails(handler, 2), clock: systemClock, maxFileBytes: 1024 }));
    const event = {
      Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: BUCKET }, object: { key: 'email/x', eTag: 'e1' } } }],
    };

    const error = await email(event).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors[0]).toBeInstanceOf(StoreThrottledError);
    expect(handler.requests).toBe(2);
  });

  it('fails the invocation when S3 keeps answering SlowDown, after the SDK retried', async () => {
    const s3Handler = new StubHttpHandler([slowDown]);
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: 'http://s3.test',
      forcePathStyle: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      requestHandler: s3Handler as never,
      maxAttempts: 3,
    });
    const email = createEmailHandler(() => ({ blobs: new S3BlobStore(s3), emails: new InMemoryEmailRecordStore(), clock: systemClock, maxFileBytes: 1024 }));
    const event = {
      Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: BUCKET }, object: { key: 'email/y', eTag: 'e2' } } }],
    };

    const error = await email(event).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AggregateError);
    expect(s3Handler.requests).toBe(3);
  });
});
