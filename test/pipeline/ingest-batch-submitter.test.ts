import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { ingestObject, type IngestDeps } from '../../shared/pipeline/ingest.js';
import { FixedClock, InMemoryBlobStore, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';

const bucket = 'intake';
const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.7\n% ${marker}\n%%EOF\n`);

function deps(batchInstitution: IngestDeps['batchInstitution']) {
  const blobs = new InMemoryBlobStore();
  const documents = new InMemoryDocumentRepository();
  const asked: string[] = [];
  const ingestDeps: IngestDeps = {
    blobs,
    documents,
    queue: new InMemoryWorkQueue(),
    clock: new FixedClock(new Date('2026-06-18T08:00:00Z')),
    limits: DEFAULT_INTAKE_LIMITS,
    inspect: async () => ({ pageCount: 1 }),
    batchInstitution: batchInstitution && (async (batchId) => (asked.push(batchId), batchInstitution(batchId))),
  };
  return { blobs, documents, ingestDeps, asked };
}

describe('ingest of a batch upload without submitter metadata (presigned PUT from the page or the CLI)', () => {
  it('takes the submitter from the batch record, so the training institution is known as the payee', async () => {
    const env = deps(async (batchId) => (batchId === 'batch-20260618-aa' ? 'inst-xihu-vocational' : undefined));
    await env.blobs.put(bucket, 'incoming/batch-20260618-aa/certs.zip/王晓明.pdf', pdf('a'), 'application/pdf');

    const outcome = await ingestObject({ bucket, key: 'incoming/batch-20260618-aa/certs.zip/王晓明.pdf' }, env.ingestDeps);

    expect(outcome.kind).toBe('queued');
    expect((await env.documents.listBySubmission('batch-20260618-aa'))[0]?.submitter).toBe('inst-xihu-vocational');
  });

  it('keeps the metadata submitter when there is one and does not look the batch up for other submissions', async () => {
    const env = deps(async () => 'inst-from-record');
    await env.blobs.put(bucket, 'incoming/batch-20260618-bb/a.pdf', pdf('b'), 'application/pdf', { submitter: 'inst-from-metadata' });
    await env.blobs.put(bucket, 'incoming/sub-20260618-cc/a.pdf', pdf('c'), 'application/pdf');

    await ingestObject({ bucket, key: 'incoming/batch-20260618-bb/a.pdf' }, env.ingestDeps);
    await ingestObject({ bucket, key: 'incoming/sub-20260618-cc/a.pdf' }, env.ingestDeps);

    expect((await env.documents.listBySubmission('batch-20260618-bb'))[0]?.submitter).toBe('inst-from-metadata');
    expect((await env.documents.listBySubmission('sub-20260618-cc'))[0]?.submitter).toBeUndefined();
    expect(env.asked).toEqual([]);
  });
});
