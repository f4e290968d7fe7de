import { beforeEach, describe, expect, it } from 'vitest';
import { archiveLimitsSchema, zipArchives } from '../../shared/archives/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { takeInEmail } from '../../shared/email/index.js';
import { ingestObject, type IngestDeps } from '../../shared/pipeline/ingest.js';
import { InMemoryEmailRecordStore } from '../email/in-memory-email-record-store.js';
import { buildMime } from '../email/mime-factory.js';
import { inspectFile } from '../../shared/reading/inspect-file.js';
import { buildZip, pdfBytes as fakePdf } from '../archives/zip-factory.js';
import { makePng, makePngBomb } from '../images/image-factory.js';
import { makeDigitalPdf, makeEncryptedPdf, makeHandWrittenPdf } from '../pdf/pdf-factory.js';
import { FixedClock, InMemoryBlobStore, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';

const BUCKET = 'intake';
const onePage = () => makeDigitalPdf([[{ text: '职业技能等级证书', x: 72, y: 100 }]]);

/** Every bad input of issue 6 goes through the real ingest (real structure checks) and must end stored with a reason. */
describe('bad input through ingest', () => {
  let blobs: InMemoryBlobStore;
  let documents: InMemoryDocumentRepository;
  let queue: InMemoryWorkQueue;
  let deps: IngestDeps;

  beforeEach(() => {
    blobs = new InMemoryBlobStore();
    documents = new InMemoryDocumentRepository();
    queue = new InMemoryWorkQueue();
    deps = {
      blobs,
      documents,
      queue,
      clock: new FixedClock('2026-11-27T01:00:00Z'),
      limits: { ...DEFAULT_INTAKE_LIMITS, maxPdfPages: 3, maxImagePixels: 50_000_000 },
      inspect: inspectFile,
      archives: zipArchives(archiveLimitsSchema.parse({ maxDepth: 1 })),
    };
  });

  const ingest = async (key: string, bytes: Uint8Array) => {
    await blobs.put(BUCKET, key, bytes);
    const head = await blobs.head(BUCKET, key);
    return ingestObject({ bucket: BUCKET, key, size: head!.size, eTag: head!.eTag }, deps);
  };
  /** Runs ingest over every object stored under incoming/ that has no record yet (what S3 notifications would do). */
  const drain = async () => {
    for (const path of [...blobs.objects.keys()]) {
      const key = path.slice(BUCKET.length + 1);
      const head = await blobs.head(BUCKET, key);
      await ingestObject({ bucket: BUCKET, key, size: head!.size, eTag: head!.eTag }, deps);
    }
  };
  const stateOf = async (documentId: string) => {
    const record = await documents.get(documentId);
    return { status: record?.status, code: record?.error?.code };
  };
  const submissionStates = async (submissionId: string) =>
    (await documents.listBySubmission(submissionId)).map((record) => [record.key.split('/').slice(2).join('/'), record.status, record.error?.code]).sort();

  it.each([
    ['a zero-byte file', 'empty.pdf', () => new Uint8Array(), 'empty_file'],
    ['a truncated PDF', 'cut.pdf', () => onePage().subarray(0, 400), 'pdf_corrupt'],
    ['a file named PDF whose bytes are a PNG', 'fake.pdf', () => makePng(20, 20), 'type_mismatch'],
    ['an encrypted PDF', 'secret.pdf', () => makeEncryptedPdf(), 'pdf_encrypted'],
    ['a PDF over the page limit', 'long.pdf', () => makeDigitalPdf(Array.from({ length: 4 }, () => [{ text: '页', x: 72, y: 100 }])), 'pdf_too_many_pages'],
    ['a 1 KB PDF declaring one 5000 × 5000 pt page', 'poster.pdf', () => makeHandWrittenPdf(5000, 5000), 'pdf_page_too_large'],
    ['an image declaring a huge size (decompression bomb)', 'bomb.png', () => makePngBomb(30_000, 30_000), 'image_too_large'],
    ['a ZIP whose expansion ratio is absurd', 'bomb.zip', () => buildZip([{ name: 'zeros.pdf', bytes: new Uint8Array(8 * 1024 * 1024) }]), 'zip_bomb'],
    ['a truncated ZIP', 'cut.zip', async () => (await buildZip([{ name: 'a.pdf', bytes: fakePdf('a') }])).subarray(0, 40), 'zip_corrupt'],
  ])('rejects %s with its reason', async (_label, name, make, code) => {
    const outcome = await ingest(`incoming/s1/${name}`, await make());
    expect(outcome).toMatchObject({ kind: 'rejected', code });
    expect(await stateOf((outcome as { documentId: string }).documentId)).toEqual({ status: 'rejected', code });
    expect(queue.sent).toEqual([]);
  });

  it('expands a ZIP and records its `../`, absolute, password-protected and too-deeply nested entries as rejected with their reasons', async () => {
    const deepest = await buildZip([{ name: 'deep.pdf', bytes: onePage() }]);
    const inner = await buildZip([
      { name: 'inner.pdf', bytes: makeDigitalPdf([[{ text: '内层', x: 72, y: 100 }]]) },
      { name: 'deeper.zip', bytes: deepest },
    ]);
    const zip = await buildZip([
      { name: '证书/王晓明.pdf', bytes: makeDigitalPdf([[{ text: '王晓明', x: 72, y: 100 }]]), gbkName: true },
      { name: '../../escape.pdf', bytes: onePage() },
      { name: '/etc/abs.pdf', bytes: onePage() },
      { name: 'locked.pdf', bytes: onePage(), encrypted: true },
      { name: 'nested.zip', bytes: inner },
    ]);
    const outcome = await ingest('incoming/b1/certificates.zip', zip);
    expect(outcome).toMatchObject({ kind: 'expanded', stored: 2, refused: 4 });
    await drain();
    expect(await submissionStates('b1')).toEqual(
      [
        ['certificates.zip', 'processed', undefined],
        ['certificates.zip/../../escape.pdf', 'rejected', 'zip_entry_unsafe_path'],
        ['certificates.zip//etc/abs.pdf', 'rejected', 'zip_entry_unsafe_path'],
        ['certificates.zip/locked.pdf', 'rejected', 'zip_entry_encrypted'],
        ['certificates.zip/nested.zip/deeper.zip', 'rejected', 'zip_nested_too_deep'],
        ['certificates.zip/nested.zip/inner.pdf', 'processing', undefined],
        ['certificates.zip/证书/王晓明.pdf', 'processing', undefined],
      ].sort(),
    );
    expect(queue.sent).toHaveLength(2);
  });

  it('expands a stored (uncompressed) ZIP of PDFs instead of refusing it as `type_mismatch`', async () => {
    const zip = await buildZip([
      { name: 'a.pdf', bytes: makeDigitalPdf([[{ text: '证书甲', x: 72, y: 100 }]]), store: true },
      { name: 'b.pdf', bytes: makeDigitalPdf([[{ text: '证书乙', x: 72, y: 100 }]]), store: true },
    ]);
    const outcome = await ingest('incoming/b2/stored.zip', zip);
    expect(outcome).toMatchObject({ kind: 'expanded', stored: 2, refused: 0 });
    await drain();
    expect((await submissionStates('b2')).map(([name, status]) => [name, status])).toEqual([
      ['stored.zip', 'processed'],
      ['stored.zip/a.pdf', 'processing'],
      ['stored.zip/b.pdf', 'processing'],
    ]);
    expect(queue.sent).toHaveLength(2);
  });

  it('links the same file uploaded twice to one submission by its content hash and processes it once', async () => {
    const bytes = onePage();
    const first = await ingest('incoming/s1/证书.pdf', bytes);
    const second = await ingest('incoming/s1/证书-重传.pdf', bytes);
    expect(first).toMatchObject({ kind: 'queued' });
    expect(second).toEqual({ kind: 'duplicate', documentId: expect.any(String), duplicateOf: (first as { documentId: string }).documentId });
    expect(await stateOf((second as { documentId: string }).documentId)).toEqual({ status: 'duplicate', code: undefined });
    expect(queue.sent).toHaveLength(1);
  });

  it("keeps a file in an individual's claim when a training body uploaded the same bytes earlier, linked as a finding", async () => {
    const bytes = onePage();
    const batch = await ingest('incoming/batch-7/证书.pdf', bytes);
    const claim = await ingest('incoming/sub-wang/我的证书.pdf', bytes);

    expect(claim).toMatchObject({ kind: 'queued', submissionId: 'sub-wang' });
    const record = await documents.get((claim as { documentId: string }).documentId);
    expect(record).toMatchObject({
      status: 'processing',
      sameContentAs: { documentId: (batch as { documentId: string }).documentId, submissionId: 'batch-7' },
    });
    expect(queue.sent.map((message) => message.documentId)).toEqual([
      (batch as { documentId: string }).documentId,
      (claim as { documentId: string }).documentId,
    ]);
  });

  it('hands an .eml dropped into the inbox to the e-mail intake, whose attachment then comes through ingest', async () => {
    const emails = new InMemoryEmailRecordStore();
    deps = { ...deps, emailIntake: (object) => takeInEmail(object, { blobs, emails, clock: deps.clock, maxFileBytes: 1024 * 1024 }, { anyPrefix: true }) };
    const outcome = await ingest(
      'incoming/inbox/申请.eml',
      buildMime({ attachments: [{ fileName: '证书.pdf', nameCharset: 'GBK', contentType: 'application/pdf', bytes: onePage() }] }),
    );
    expect(outcome).toMatchObject({ kind: 'handed_to_email', outcome: 'accepted' });
    await drain();
    const [email] = [...emails.records.values()];
    expect(await submissionStates(email!.emailId)).toEqual([['证书.pdf', 'processing', undefined]]);
    expect(await stateOf((outcome as { documentId: string }).documentId)).toEqual({ status: 'processed', code: undefined });
  });

  it('refuses a ZIP as `unsupported_here` when archive expansion is not enabled', async () => {
    deps = { ...deps, archives: undefined };
    const outcome = await ingest('incoming/s1/batch.zip', await buildZip([{ name: 'a.pdf', bytes: fakePdf('a') }]));
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'unsupported_here' });
  });
});
