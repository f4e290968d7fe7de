import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { ingestObject, type IngestDeps } from '../../shared/pipeline/ingest.js';
import { documentIdFor } from '../../shared/storage/layout.js';
import { processDocumentMessageSchema } from '../../shared/ports/index.js';
import { FixedClock, InMemoryBlobStore, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';

const bucket = 'intake';
const pdfBytes = (marker = 'a') => new TextEncoder().encode(`%PDF-1.7\n% ${marker}\n1 0 obj <<>> endobj\n%%EOF\n`);

function makeDeps(overrides: Partial<IngestDeps> = {}) {
  const blobs = new InMemoryBlobStore();
  const documents = new InMemoryDocumentRepository();
  const queue = new InMemoryWorkQueue();
  const deps: IngestDeps = {
    blobs,
    documents,
    queue,
    clock: new FixedClock(new Date('2021-06-18T08:00:00Z')),
    limits: DEFAULT_INTAKE_LIMITS,
    // The structure check is shared/reading's; here every file has one page unless a test says otherwise.
    inspect: async () => ({ pageCount: 1 }),
    ...overrides,
  };
  return { deps, blobs, documents, queue };
}

async function upload(blobs: InMemoryBlobStore, key: string, bytes: Uint8Array) {
  await blobs.put(bucket, key, bytes);
  const head = await blobs.head(bucket, key);
  return { bucket, key, size: head!.size, eTag: head!.eTag };
}

describe('ingestObject', () => {
  let env: ReturnType<typeof makeDeps>;
  beforeEach(() => {
    env = makeDeps();
  });

  it("records who handed the file in from the object's `submitter` metadata (URI-encoded by `intake submit`)", async () => {
    await env.blobs.put(bucket, 'incoming/sub-s/证书.pdf', pdfBytes('s'), 'application/pdf', { submitter: encodeURIComponent('西湖职业培训学校') });
    const head = await env.blobs.head(bucket, 'incoming/sub-s/证书.pdf');
    await env.blobs.put(bucket, 'incoming/sub-t/证书.pdf', pdfBytes('t'), 'application/pdf', { submitter: 'inbox' });

    const first = await ingestObject({ bucket, key: 'incoming/sub-s/证书.pdf', eTag: head!.eTag }, env.deps);
    const second = await ingestObject({ bucket, key: 'incoming/sub-t/证书.pdf' }, env.deps);

    expect((await env.documents.get(first.kind === 'queued' ? first.documentId : ''))?.submitter).toBe('西湖职业培训学校');
    expect((await env.documents.get(second.kind === 'queued' ? second.documentId : ''))?.submitter).toBe('inbox');
  });

  it('reads the bytes and the metadata in one request when the event names the version (no HEAD)', async () => {
    await env.blobs.put(bucket, 'incoming/sub-h/证书.pdf', pdfBytes('h'), 'application/pdf', { submitter: 'inbox' });
    const object = { bucket, key: 'incoming/sub-h/证书.pdf', eTag: (await env.blobs.head(bucket, 'incoming/sub-h/证书.pdf'))!.eTag };
    const sent: string[] = [];
    const counted = Object.create(env.blobs) as InMemoryBlobStore;
    counted.head = async (...args) => (sent.push('head'), env.blobs.head(...args));
    counted.getWithMetadata = async (...args) => (sent.push('get'), env.blobs.getWithMetadata(...args));

    const outcome = await ingestObject(object, { ...env.deps, blobs: counted });

    expect(outcome).toMatchObject({ kind: 'queued' });
    expect(sent).toEqual(['get']);
    expect((await env.documents.listBySubmission('sub-h'))[0]?.submitter).toBe('inbox');
  });

  it('registers a document under its submission and queues it once, saying where the original is', async () => {
    const object = await upload(env.blobs, 'incoming/sub-1/技师 证书.pdf', pdfBytes());

    const outcome = await ingestObject(object, env.deps);

    expect(outcome).toMatchObject({ kind: 'queued', submissionId: 'sub-1', pageCount: 1 });
    const record = (await env.documents.listBySubmission('sub-1'))[0]!;
    expect(record).toMatchObject({ fileName: '技师 证书.pdf', status: 'processing', sniffedType: 'pdf', pageCount: 1, pagesDone: 0 });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    const sent = env.queue.drain();
    expect(sent).toEqual([{ documentId: record.documentId, source: { bucket: object.bucket, key: 'incoming/sub-1/技师 证书.pdf' } }]);
    // What the process handler will parse from the SQS body.
    expect(processDocumentMessageSchema.parse(JSON.parse(JSON.stringify(sent[0])))).toEqual(sent[0]);
  });

  it('creates nothing new for a redelivered event once the document is settled', async () => {
    const object = await upload(env.blobs, 'incoming/sub-1/a.pdf', pdfBytes());
    const first = await ingestObject(object, env.deps);
    await env.documents.update((first as { documentId: string }).documentId, { status: 'processed' });
    env.queue.drain();

    const again = await ingestObject(object, env.deps);

    expect(again).toMatchObject({ kind: 'already_done', status: 'processed' });
    expect(env.documents.records.size).toBe(1);
    expect(env.queue.drain()).toEqual([]);
  });

  it('queues again when a crash left the document registered but the message possibly unsent', async () => {
    const object = await upload(env.blobs, 'incoming/sub-1/a.pdf', pdfBytes());
    const failingQueue = { send: async () => Promise.reject(new Error('SQS unavailable')) };
    await expect(ingestObject(object, { ...env.deps, queue: failingQueue })).rejects.toThrow('SQS unavailable');

    const retried = await ingestObject(object, env.deps);

    expect(retried.kind).toBe('queued');
    expect(env.documents.records.size).toBe(1);
    expect(env.queue.drain()).toHaveLength(1);
  });

  it('treats a file directly under incoming/ as its own submission', async () => {
    const object = await upload(env.blobs, 'incoming/scan.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const outcome = await ingestObject(object, env.deps);
    const documentId = documentIdFor(bucket, 'incoming/scan.png', object.eTag!.replace(/"/g, ''));
    expect(outcome).toMatchObject({ kind: 'queued', documentId, submissionId: `sub-${documentId.slice(4)}` });
  });

  it('ignores keys outside incoming/', async () => {
    expect(await ingestObject({ bucket, key: 'derived/doc-1/pages/1', eTag: 'x' }, env.deps)).toMatchObject({ kind: 'ignored', reason: 'not_incoming' });
    expect(env.documents.records.size).toBe(0);
  });

  it('links a byte-identical re-upload within one submission to the first document (`duplicate`) and does not queue it', async () => {
    const first = await ingestObject(await upload(env.blobs, 'incoming/sub-1/a.pdf', pdfBytes()), env.deps);
    env.queue.drain();

    const second = await ingestObject(await upload(env.blobs, 'incoming/sub-1/copy.pdf', pdfBytes()), env.deps);

    expect(second).toMatchObject({ kind: 'duplicate', duplicateOf: (first as { documentId: string }).documentId });
    expect((await env.documents.listBySubmission('sub-1')).find((r) => r.key.endsWith('copy.pdf'))).toMatchObject({ status: 'duplicate' });
    expect(env.queue.drain()).toEqual([]);
  });

  it('queues the same bytes uploaded to another submission for that submission, linked to the first (never taken away)', async () => {
    const first = await ingestObject(await upload(env.blobs, 'incoming/sub-1/a.pdf', pdfBytes()), env.deps);
    env.queue.drain();

    const second = await ingestObject(await upload(env.blobs, 'incoming/sub-2/copy.pdf', pdfBytes()), env.deps);

    expect(second).toMatchObject({ kind: 'queued', submissionId: 'sub-2' });
    expect((await env.documents.listBySubmission('sub-2'))[0]).toMatchObject({
      status: 'processing',
      sameContentAs: { documentId: (first as { documentId: string }).documentId, submissionId: 'sub-1' },
    });
    expect(env.queue.drain()).toHaveLength(1);
  });

  it.each([
    ['a 0-byte file', 'incoming/s/a.pdf', new Uint8Array(), 'empty_file'],
    ['a "PDF" with wrong magic', 'incoming/s/a.pdf', new TextEncoder().encode('<html>not a pdf</html>'), 'type_mismatch'],
    ['a ZIP', 'incoming/s/batch.zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'unsupported_here'],
  ])('rejects %s with reason `%s`, keeps the original and queues nothing', async (_name, key, bytes, code) => {
    const object = await upload(env.blobs, key, bytes);

    const outcome = await ingestObject(object, env.deps);

    expect(outcome).toMatchObject({ kind: 'rejected', code });
    const record = [...env.documents.records.values()][0]!;
    expect(record.status).toBe('rejected');
    expect(record.error?.code).toBe(code);
    expect(record.error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(env.blobs.keys(bucket, 'incoming/')).toContain(key);
    expect(env.queue.drain()).toEqual([]);
  });

  it('rejects what the structure check refuses (e.g. `pdf_encrypted`)', async () => {
    const encrypted = Object.assign(new Error('needs a password'), { code: 'pdf_encrypted' });
    const { deps, blobs, documents } = makeDeps({ inspect: async () => Promise.reject(encrypted) });
    const outcome = await ingestObject(await upload(blobs, 'incoming/s/locked.pdf', pdfBytes()), deps);
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'pdf_encrypted' });
    expect([...documents.records.values()][0]).toMatchObject({ status: 'rejected', sniffedType: 'pdf' });
  });

  it('rejects an object over the size limit from the event size, without downloading it', async () => {
    const { deps, documents } = makeDeps({ limits: { ...DEFAULT_INTAKE_LIMITS, maxFileBytes: 100 } });
    const outcome = await ingestObject({ bucket, key: 'incoming/s/big.pdf', size: 5000, eTag: '"e1"' }, deps);
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'file_too_large' });
    expect([...documents.records.values()][0]).toMatchObject({ status: 'rejected', size: 5000 });
  });

  it('registers a first upload already `processing`, owning its bytes, in one step (no `received` write before it)', async () => {
    const { deps, blobs, documents, queue } = makeDeps();
    const calls: string[] = [];
    for (const method of ['register', 'registerOwningContent', 'claimContent', 'update'] as const) {
      const original = documents[method].bind(documents) as (...args: unknown[]) => Promise<unknown>;
      (documents as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        calls.push(method);
        return original(...args);
      };
    }

    const outcome = await ingestObject(await upload(blobs, 'incoming/s-one/a.pdf', pdfBytes('one')), deps);

    expect(outcome).toMatchObject({ kind: 'queued' });
    expect(calls).toEqual(['registerOwningContent']);
    expect([...documents.records.values()]).toEqual([expect.objectContaining({ status: 'processing', pagesDone: 0, pageCount: 1, sniffedType: 'pdf' })]);
    expect(queue.drain()).toHaveLength(1);
  });

  it('shows an upload whose download failed as `received` while the event is retried', async () => {
    const { deps, blobs, documents } = makeDeps();
    const object = await upload(blobs, 'incoming/s-down/a.pdf', pdfBytes('down'));
    const failing = Object.create(blobs) as typeof blobs;
    failing.get = async () => Promise.reject(new Error('S3 unavailable'));

    await expect(ingestObject(object, { ...deps, blobs: failing })).rejects.toThrow('S3 unavailable');

    expect([...documents.records.values()].map((r) => r.status)).toEqual(['received']);
    expect(await ingestObject(object, deps)).toMatchObject({ kind: 'queued' });
  });

  it('rethrows infrastructure errors so the event is retried, leaving the document unsettled', async () => {
    const { deps, blobs, documents } = makeDeps({ inspect: async () => Promise.reject(new Error('socket hang up')) });
    await expect(ingestObject(await upload(blobs, 'incoming/s/a.pdf', pdfBytes()), deps)).rejects.toThrow('socket hang up');
    expect([...documents.records.values()][0]!.status).toBe('received');
  });
});
