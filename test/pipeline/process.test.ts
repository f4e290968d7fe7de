import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { ingestObject } from '../../shared/pipeline/ingest.js';
import { markDocumentFailed } from '../../shared/pipeline/mark-document-failed.js';
import { noteProcessingError } from '../../shared/pipeline/mark-document-failed.js';
import { processDocument, type ProcessDeps } from '../../shared/pipeline/process.js';
import { inspectFile, pageReading } from '../../shared/reading/index.js';
import type { CaseDocument } from '../../shared/cases/index.js';
import type { ExtractedDocument } from '../../shared/documents/index.js';
import { FixedClock, InMemoryBlobStore, InMemoryCaseRepository, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';
import { makeScannedPdf } from '../pdf/pdf-factory.js';
import { blankPng, lineExtractor, oncePerPersonJudge, scriptedOcr } from './pipeline-factories.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage, Raster, RegionToRead } from '../../shared/ocr/index.js';
import { enginePage } from '../extraction/support/text-lines.js';
import { LICENCE_PAGE_SIZE, LICENCE_WITHOUT_REPRESENTATIVE, LOST_REPRESENTATIVE } from '../extraction/support/lost-value-licence.js';

const bucket = 'intake';
const certificateLines = ['姓名：王晓明', 'idNumber：330106199001011234', 'level：2'];

/** The repository, counting the submission listings sent through it. */
function countingListings(documents: InMemoryDocumentRepository): InMemoryDocumentRepository & { listings: number } {
  const counted = Object.create(documents) as InMemoryDocumentRepository & { listings: number };
  counted.listings = 0;
  counted.listBySubmission = async (submissionId) => {
    counted.listings++;
    return documents.listBySubmission(submissionId);
  };
  return counted;
}

/** The repository, refusing every case creation as an unavailable store would. */
function casesFailingToCreate(cases: InMemoryCaseRepository): InMemoryCaseRepository {
  const failing = Object.create(cases) as InMemoryCaseRepository;
  failing.create = async () => Promise.reject(new Error('DynamoDB unavailable'));
  return failing;
}

function makeEnv(ocr = scriptedOcr(certificateLines)) {
  const blobs = new InMemoryBlobStore();
  const documents = new InMemoryDocumentRepository();
  const cases = new InMemoryCaseRepository({ documents });
  const queue = new InMemoryWorkQueue();
  const clock = new FixedClock('2021-06-18T08:00:00Z');
  const judge = oncePerPersonJudge();
  const deps: ProcessDeps = {
    blobs,
    documents,
    cases,
    clock,
    ocr,
    reading: pageReading,
    extract: lineExtractor,
    judge,
    limits: DEFAULT_INTAKE_LIMITS,
    derivedPrefix: 'derived/',
    previewDpi: 48,
  };
  const ingest = async (key: string, bytes: Uint8Array) => {
    await blobs.put(bucket, key, bytes);
    const head = await blobs.head(bucket, key);
    return ingestObject(
      { bucket, key, size: head!.size, eTag: head!.eTag },
      { blobs, documents, queue, clock, limits: DEFAULT_INTAKE_LIMITS, inspect: inspectFile },
    );
  };
  return { blobs, documents, cases, queue, clock, judge, deps, ingest };
}

describe('processDocument', () => {
  let env: ReturnType<typeof makeEnv>;
  beforeEach(() => {
    env = makeEnv();
  });

  it('reads a scanned image, writes one case into the rule queue and settles the document', async () => {
    await env.ingest('incoming/sub-1/证书 扫描.png', await blankPng());
    const [message] = env.queue.drain();

    const outcome = await processDocument(message!.documentId, env.deps);

    expect(outcome).toMatchObject({ kind: 'done', status: 'processed', cases: [{ caseId: 'case-sub-1', action: 'created' }], pageCount: 1 });
    const reviewCase = await env.cases.get('case-sub-1');
    expect(reviewCase).toMatchObject({ queue: 'XH36-3.7.c', status: 'needs_review', personIdNumber: '330106199001011234', version: 1 });
    expect(reviewCase!.documents[0]!.fields.idNumber!.value).toBe('330106199001011234');
    expect(await env.documents.get(message!.documentId)).toMatchObject({ status: 'processed', pagesDone: 1, caseIds: ['case-sub-1'] });
    expect(env.blobs.keys(bucket, `derived/${message!.documentId}/`)).toEqual([
      `derived/${message!.documentId}/ocr/1.json`,
      `derived/${message!.documentId}/pages/1`,
    ]);
    expect(env.blobs.contentTypeOf(bucket, `derived/${message!.documentId}/pages/1`)).toBe('image/jpeg');
  });

  it('leaves the document unsettled (the message is retried) when a checkpoint write failed, and settles it on the retry', async () => {
    await env.ingest('incoming/sub-c/a.png', await blankPng());
    const [message] = env.queue.drain();
    const flakyBlobs = Object.create(env.blobs) as typeof env.blobs;
    flakyBlobs.put = async (b, key, bytes, contentType) =>
      key.includes('/ocr/') ? Promise.reject(new Error('S3 unavailable')) : env.blobs.put(b, key, bytes, contentType);

    await expect(processDocument(message!.documentId, { ...env.deps, blobs: flakyBlobs })).rejects.toThrow('S3 unavailable');
    expect(await env.documents.get(message!.documentId)).toMatchObject({ status: 'processing' });

    const outcome = await processDocument(message!.documentId, env.deps);
    expect(outcome).toMatchObject({ kind: 'done', status: 'processed', cases: [{ caseId: 'case-sub-c' }] });
    expect(env.cases.cases.size).toBe(1);
  });

  it('writes the progress of a long file no more often than the interval, counted from the start of reading', async () => {
    const progress = async (progressIntervalMs: number, key: string) => {
      // Pages of another size each time: byte-identical uploads would be linked as duplicates, not read.
      const page = await blankPng(64 + (progressIntervalMs % 7), 48);
      await env.ingest(key, makeScannedPdf([page, page, page]));
      const [message] = env.queue.drain();
      const documents = Object.create(env.documents) as typeof env.documents;
      const written: number[] = [];
      documents.update = async (id, changes) => {
        if (changes.pagesDone !== undefined && changes.documents === undefined) written.push(changes.pagesDone);
        return env.documents.update(id, changes);
      };
      await processDocument(message!.documentId, { ...env.deps, documents, progressIntervalMs });
      return written;
    };

    expect(await progress(60_001, 'incoming/sub-p/slow.pdf')).toEqual([]);
    expect(await progress(0, 'incoming/sub-q/fast.pdf')).toEqual([1, 2]);
  });

  it("reads the original the message names beside the record, and the record's own when the message names another object", async () => {
    await env.ingest('incoming/sub-m/a.png', await blankPng());
    const [message] = env.queue.drain();
    expect(message!.source).toEqual({ bucket, key: 'incoming/sub-m/a.png' });
    const reads: string[] = [];
    const countingBlobs = Object.create(env.blobs) as typeof env.blobs;
    countingBlobs.get = (b, key, versionId) => {
      reads.push(key);
      return env.blobs.get(b, key, versionId);
    };
    await env.blobs.put(bucket, 'incoming/sub-m/other.png', new Uint8Array([1, 2, 3]));

    const outcome = await processDocument(message!.documentId, { ...env.deps, blobs: countingBlobs }, { source: { bucket, key: 'incoming/sub-m/other.png' } });

    // The message's object was fetched early, but the record decides: its own original is what was read.
    expect(outcome).toMatchObject({ kind: 'done', status: 'processed' });
    expect(reads.filter((key) => key.startsWith('incoming/'))).toEqual(['incoming/sub-m/other.png', 'incoming/sub-m/a.png']);

    reads.length = 0;
    await env.ingest('incoming/sub-n/a.png', await blankPng(640));
    const [next] = env.queue.drain();
    await processDocument(next!.documentId, { ...env.deps, blobs: countingBlobs }, { source: next!.source });
    expect(reads.filter((key) => key.startsWith('incoming/'))).toEqual(['incoming/sub-n/a.png']);
  });

  it('does nothing new when the message is redelivered after success', async () => {
    await env.ingest('incoming/sub-1/a.png', await blankPng());
    const [message] = env.queue.drain();
    await processDocument(message!.documentId, env.deps);

    const again = await processDocument(message!.documentId, env.deps);

    expect(again).toMatchObject({ kind: 'skipped', status: 'processed' });
    expect(env.cases.cases.size).toBe(1);
    expect(await env.cases.audit('case-sub-1')).toHaveLength(1);
  });

  it('after a crash mid-way, a redelivery resumes from the checkpoints and yields exactly one case', async () => {
    // A two-page TIFF would need a TIFF writer; two files of one submission exercise the same resume path per file.
    const crashing = makeEnv(scriptedOcr(certificateLines, { failOnCall: 1 }));
    await crashing.ingest('incoming/sub-9/a.png', await blankPng());
    const [message] = crashing.queue.drain();
    await expect(processDocument(message!.documentId, crashing.deps)).rejects.toThrow('worker killed mid-way');
    await noteProcessingError(message!.documentId, new Error('worker killed mid-way'), crashing.deps);
    expect(await crashing.documents.get(message!.documentId)).toMatchObject({ status: 'processing', error: { code: 'processing_failed' } });

    const outcome = await processDocument(message!.documentId, crashing.deps);
    const redelivered = await processDocument(message!.documentId, crashing.deps);

    expect(outcome).toMatchObject({ kind: 'done', cases: [{ action: 'created' }] });
    expect(redelivered.kind).toBe('skipped');
    expect(crashing.cases.cases.size).toBe(1);
    expect(await crashing.documents.get(message!.documentId)).not.toHaveProperty('error');
  });

  it("with an engine that reads raw pixels, stores the last page's text only when the file's final write fails, so no retry reads a page again", async () => {
    const lines = scriptedOcr(certificateLines);
    let rasterCalls = 0;
    const rasterEngine: ProcessDeps['ocr'] = {
      name: 'paddle',
      recognize: (image) => lines.recognize(image),
      recognizeRaster: async (raster, pageNumber) => {
        rasterCalls++;
        return { ...(await lines.recognize({ bytes: new Uint8Array(), pageNumber })), width: raster.width, height: raster.height };
      },
    };
    const deps = { ...env.deps, ocr: rasterEngine };
    await env.ingest('incoming/sub-ok/a.png', await blankPng(72));
    await env.ingest('incoming/sub-ko/a.png', await blankPng(88));
    const [ok, ko] = env.queue.drain();

    await processDocument(ok!.documentId, deps, { receiveCount: 1 });
    // Settled with its case: the preview is stored, the text went into the case's write.
    expect(env.blobs.keys(bucket, `derived/${ok!.documentId}/`)).toEqual([`derived/${ok!.documentId}/pages/1`]);

    const failing = casesFailingToCreate(env.cases);
    await expect(processDocument(ko!.documentId, { ...deps, cases: failing }, { receiveCount: 1 })).rejects.toThrow('DynamoDB unavailable');
    expect(env.blobs.keys(bucket, `derived/${ko!.documentId}/`)).toEqual([`derived/${ko!.documentId}/ocr/1.json`, `derived/${ko!.documentId}/pages/1`]);
    const callsBefore = rasterCalls;

    const retried = await processDocument(ko!.documentId, deps, { receiveCount: 2 });

    expect(retried).toMatchObject({ kind: 'done', resumedPages: 1 });
    expect(rasterCalls).toBe(callsBefore);
  });

  it('reads again the neighbourhood of a value the page’s pass lost and keeps what it finds there', async () => {
    // Prepare: a licence scan whose legal representative the page's pass lost; read on its own crop, it is there.
    const licence = LICENCE_WITHOUT_REPRESENTATIVE;
    const size = LICENCE_PAGE_SIZE;
    const regions: RegionToRead[] = [];
    const engine: ProcessDeps['ocr'] = {
      name: 'paddle',
      recognize: async () => enginePage(licence, { size }),
      recognizeRaster: async (_raster, pageNumber) => ({ ...enginePage(licence, { size }), pageNumber }),
      recognizeRegion: async (_raster, region) => {
        regions.push(region);
        return enginePage([LOST_REPRESENTATIVE], { size }).lines;
      },
    };
    const deps = { ...env.deps, ocr: engine, extract: (pages: OcrPage[]) => extractDocuments(pages, { today: '2021-06-18' }) };
    await env.ingest('incoming/sub-1/licence.png', await blankPng(size.width, size.height));
    const [message] = env.queue.drain();
    // Act
    const outcome = await processDocument(message!.documentId, deps, { receiveCount: 2 });
    // Assess
    expect(outcome.kind).toBe('done');
    expect(regions.length).toBeGreaterThan(0);
    const record = await env.documents.get(message!.documentId);
    expect(record!.documents![0]!.fields.legalRepresentative!.value).toBe('王晓明');
    expect(record!.documents![0]!.fields.companyName!.value).toBe('杭州紫金信息技术有限公司');
  });

  it('reads the second look’s regions from the pixels OCR read, without decoding the file again', async () => {
    // Prepare: the licence whose legal representative the page's pass lost, with an engine remembering its pixels.
    const licence = LICENCE_WITHOUT_REPRESENTATIVE;
    const size = LICENCE_PAGE_SIZE;
    const read: Raster[] = [];
    const looked: Raster[] = [];
    const engine: ProcessDeps['ocr'] = {
      name: 'paddle',
      recognize: async () => enginePage(licence, { size }),
      recognizeRaster: async (raster, pageNumber) => {
        read.push(raster);
        return { ...enginePage(licence, { size }), pageNumber };
      },
      recognizeRegion: async (raster) => {
        looked.push(raster);
        return enginePage([LOST_REPRESENTATIVE], { size }).lines;
      },
    };
    const deps = { ...env.deps, ocr: engine, extract: (pages: OcrPage[]) => extractDocuments(pages, { today: '2021-06-18' }) };
    await env.ingest('incoming/sub-1/licence.png', await blankPng(size.width, size.height));
    const [message] = env.queue.drain();

    // Act
    const outcome = await processDocument(message!.documentId, deps, { receiveCount: 1 });

    // Assess: every region read from the very buffer the page's pass read, and what it found kept.
    expect(outcome.kind).toBe('done');
    expect(read).toHaveLength(1);
    expect(looked.length).toBeGreaterThan(0);
    expect(looked.every((raster) => raster === read[0])).toBe(true);
    const record = await env.documents.get(message!.documentId);
    expect(record!.documents![0]!.fields.legalRepresentative!.value).toBe('王晓明');
  });

  it('does not read pages again when a crash came after the extraction was saved', async () => {
    await env.ingest('incoming/sub-1/a.png', await blankPng());
    const [message] = env.queue.drain();
    const failingCases = casesFailingToCreate(env.cases);
    await expect(processDocument(message!.documentId, { ...env.deps, cases: failingCases })).rejects.toThrow('DynamoDB unavailable');
    const ocrCalls = (env.deps.ocr as ReturnType<typeof scriptedOcr>).calls;

    await processDocument(message!.documentId, env.deps);

    expect((env.deps.ocr as ReturnType<typeof scriptedOcr>).calls).toBe(ocrCalls);
    expect(env.cases.cases.size).toBe(1);
  });

  it('lists the submission again when another file settled between its listing and its write: the last file judges both', async () => {
    await env.ingest('incoming/sub-r/a.png', await blankPng());
    await env.ingest('incoming/sub-r/b.png', await blankPng(80));
    const [first, second] = env.queue.drain();
    // The listing the second file would have made before the first one settled (neither read yet).
    const before = await env.documents.listBySubmission('sub-r');
    const checked: string[][] = [];
    const crossCheck = (documents: ExtractedDocument[]) => {
      checked.push((documents as CaseDocument[]).map((d) => d.documentId).sort());
      return documents;
    };
    await processDocument(first!.documentId, { ...env.deps, crossCheck });
    const late = Object.create(env.documents) as typeof env.documents;
    let listings = 0;
    late.listBySubmission = async (submissionId) => (listings++ === 0 ? before : env.documents.listBySubmission(submissionId));
    checked.length = 0;

    const outcome = await processDocument(second!.documentId, { ...env.deps, documents: late, crossCheck });

    expect(outcome).toMatchObject({ kind: 'done', cases: [{ caseId: 'case-sub-r', action: 'updated' }] });
    expect(listings).toBe(2);
    // Judged once, on both files: the stale listing was never written from.
    expect(checked).toEqual([[first!.documentId, second!.documentId].sort()]);
    const reviewCase = await env.cases.get('case-sub-r');
    expect(new Set(reviewCase!.documents.map((d) => d.documentId))).toEqual(new Set([first!.documentId, second!.documentId]));
    expect(await env.documents.get(second!.documentId)).toMatchObject({ status: 'processed', caseIds: ['case-sub-r'] });
  });

  it('lists again when its write finds the case created meanwhile by another file (listing and case read both before it)', async () => {
    await env.ingest('incoming/sub-s/a.png', await blankPng());
    await env.ingest('incoming/sub-s/b.png', await blankPng(80));
    const [first, second] = env.queue.drain();
    const before = await env.documents.listBySubmission('sub-s');
    await processDocument(first!.documentId, env.deps);
    const late = Object.create(env.documents) as typeof env.documents;
    let listings = 0;
    late.listBySubmission = async (submissionId) => (listings++ === 0 ? before : env.documents.listBySubmission(submissionId));
    const lateCases = Object.create(env.cases) as typeof env.cases;
    let reads = 0;
    lateCases.get = async (caseId) => (reads++ === 0 ? undefined : env.cases.get(caseId));

    const outcome = await processDocument(second!.documentId, { ...env.deps, documents: late, cases: lateCases });

    expect(outcome).toMatchObject({ kind: 'done', cases: [{ caseId: 'case-sub-s', action: 'updated' }] });
    expect(listings).toBe(2);
    expect((await env.cases.get('case-sub-s'))!.documents.map((d) => d.documentId).sort()).toEqual([first!.documentId, second!.documentId].sort());
    expect(await env.cases.audit('case-sub-s')).toHaveLength(2);
  });

  it('reads its submission while its pages are OCRed, and lists again when another file settled into the case meanwhile', async () => {
    await env.ingest('incoming/sub-o/a.png', await blankPng());
    await env.ingest('incoming/sub-o/b.png', await blankPng(80));
    const [first, second] = env.queue.drain();
    const watched = countingListings(env.documents);
    const engine = scriptedOcr(certificateLines);
    let listedBeforeOcrEnded: number | undefined;
    // While the second file's page is being read, the first file is read and settles into the case.
    const ocr = {
      ...engine,
      recognize: async (image: Parameters<typeof engine.recognize>[0]) => {
        await processDocument(first!.documentId, env.deps);
        listedBeforeOcrEnded = watched.listings;
        return engine.recognize(image);
      },
    };

    const outcome = await processDocument(second!.documentId, { ...env.deps, documents: watched, ocr });

    expect(listedBeforeOcrEnded).toBe(1);
    expect(outcome).toMatchObject({ kind: 'done', cases: [{ caseId: 'case-sub-o', action: 'updated' }] });
    // The early listing predates the first file's case: the write found the case created and listed again.
    expect(watched.listings).toBe(2);
    expect((await env.cases.get('case-sub-o'))!.documents.map((d) => d.documentId).sort()).toEqual([first!.documentId, second!.documentId].sort());
    expect((await env.cases.audit('case-sub-o')).map((e) => e.action)).toEqual(['create', 'documents_added']);
  });

  it('does not read its submission before its pages when it is a batch file (judged from itself alone)', async () => {
    await env.ingest('incoming/batch-o/a.png', await blankPng());
    const [message] = env.queue.drain();
    const watched = countingListings(env.documents);

    const outcome = await processDocument(message!.documentId, { ...env.deps, documents: watched });

    expect(outcome).toMatchObject({ kind: 'done' });
    expect(watched.listings).toBe(0);
  });

  it('reads its submission again after the pages when the early read failed', async () => {
    await env.ingest('incoming/sub-f/a.png', await blankPng());
    const [message] = env.queue.drain();
    const flaky = Object.create(env.documents) as typeof env.documents;
    let listings = 0;
    flaky.listBySubmission = async (submissionId) => {
      if (listings++ === 0) throw new Error('connection reset');
      return env.documents.listBySubmission(submissionId);
    };

    const outcome = await processDocument(message!.documentId, { ...env.deps, documents: flaky });

    expect(outcome).toMatchObject({ kind: 'done', cases: [{ caseId: 'case-sub-f', action: 'created' }] });
    expect(listings).toBe(2);
  });

  it('leaves the file unsettled and its reading unsaved when its case cannot be written (both or neither)', async () => {
    await env.ingest('incoming/sub-f/a.png', await blankPng());
    const [message] = env.queue.drain();
    const failing = casesFailingToCreate(env.cases);

    await expect(processDocument(message!.documentId, { ...env.deps, cases: failing })).rejects.toThrow('DynamoDB unavailable');

    const record = await env.documents.get(message!.documentId);
    expect(record).toMatchObject({ status: 'processing' });
    expect(record?.documents).toBeUndefined();
    expect(await env.documents.listBySubmission('sub-f')).toEqual([expect.objectContaining({ status: 'processing' })]);
  });

  it('puts the files of one submission into one case as each finishes, never dropping a document', async () => {
    await env.ingest('incoming/sub-2/证书.png', await blankPng(60, 40));
    await env.ingest('incoming/sub-2/合同.png', await blankPng(70, 40));
    const [first, second] = env.queue.drain();

    await processDocument(second!.documentId, env.deps);
    await processDocument(first!.documentId, env.deps);

    const reviewCase = await env.cases.get('case-sub-2');
    expect(reviewCase!.documents.map((d) => d.documentId).sort()).toEqual([first!.documentId, second!.documentId].sort());
    expect(reviewCase!.version).toBe(2);
    expect((await env.cases.audit('case-sub-2')).map((e) => e.action)).toEqual(['create', 'documents_added']);
  });

  it('still merges into the case when its first read of the case was stale (another file had created it)', async () => {
    await env.ingest('incoming/sub-3/证书.png', await blankPng(60, 40));
    await env.ingest('incoming/sub-3/合同.png', await blankPng(70, 40));
    const [first, second] = env.queue.drain();
    await processDocument(first!.documentId, env.deps);
    const staleCases = Object.create(env.cases) as typeof env.cases;
    let reads = 0;
    staleCases.get = async (caseId) => (reads++ === 0 ? undefined : env.cases.get(caseId));

    await processDocument(second!.documentId, { ...env.deps, cases: staleCases });

    const reviewCase = await env.cases.get('case-sub-3');
    expect(reviewCase!.documents.map((d) => d.documentId).sort()).toEqual([first!.documentId, second!.documentId].sort());
    expect(reads).toBe(2);
    expect((await env.cases.audit('case-sub-3')).map((e) => e.action)).toEqual(['create', 'documents_added']);
  });

  it('turns a once-per-person claim already held by another case into a duplicate finding, not a failure', async () => {
    await env.ingest('incoming/sub-a/a.png', await blankPng(60, 40));
    await env.ingest('incoming/sub-b/b.png', await blankPng(61, 40));
    const [a, b] = env.queue.drain();
    await processDocument(a!.documentId, env.deps);

    const outcome = await processDocument(b!.documentId, env.deps);

    expect(outcome).toMatchObject({ kind: 'done', cases: [{ caseId: 'case-sub-b', action: 'created' }] });
    const second = await env.cases.get('case-sub-b');
    expect(second!.decision).toMatchObject({ outcome: 'ineligible', amountYuan: 0, claimKeys: [] });
    expect(second!.decision!.reasons.at(-1)!.en).toContain('case-sub-a');
  });

  it('gives a training body batch one case per certificate', async () => {
    const batchEnv = makeEnv();
    await batchEnv.ingest('incoming/batch-7/certs.png', await blankPng());
    const [message] = batchEnv.queue.drain();
    const twoCertificates = (pages: Parameters<typeof lineExtractor>[0]) => [...lineExtractor(pages), ...lineExtractor(pages)];

    const outcome = await processDocument(message!.documentId, { ...batchEnv.deps, extract: twoCertificates });

    expect(outcome.kind === 'done' && outcome.cases.map((c) => c.caseId)).toEqual([
      `case-batch-7-${message!.documentId}-0`,
      `case-batch-7-${message!.documentId}-1`,
    ]);
    expect((await batchEnv.cases.get(`case-batch-7-${message!.documentId}-0`))!.applicant).toEqual({ kind: 'training_body' });
  });

  it('judges each file of a batch on its own: the submission is not listed again for every certificate', async () => {
    const batchEnv = makeEnv();
    await batchEnv.ingest('incoming/batch-8/a.png', await blankPng());
    await batchEnv.ingest(
      'incoming/batch-8/b.jpg',
      new Uint8Array(
        await sharp(await blankPng())
          .jpeg()
          .toBuffer(),
      ),
    );
    const messages = batchEnv.queue.drain();
    let listings = 0;
    const documents = Object.create(batchEnv.documents) as typeof batchEnv.documents;
    documents.listBySubmission = async (id) => (listings++, batchEnv.documents.listBySubmission(id));

    for (const message of messages) await processDocument(message.documentId, { ...batchEnv.deps, documents });

    expect(listings).toBe(0);
    const cases = await batchEnv.cases.listBySubmission('batch-8');
    expect(cases.map((c) => c.caseId).sort()).toEqual(messages.map((m) => `case-batch-8-${m.documentId}-0`).sort());
  });

  it('marks the document `needs_review` when a field is flagged', async () => {
    await env.ingest('incoming/sub-3/a.png', await blankPng());
    const [message] = env.queue.drain();
    const flagged = (pages: Parameters<typeof lineExtractor>[0]) =>
      lineExtractor(pages).map((d) => ({ ...d, fields: { ...d.fields, level: { value: 2, confidence: 0.5, needsReview: true } } }));

    const outcome = await processDocument(message!.documentId, { ...env.deps, extract: flagged });

    expect(outcome).toMatchObject({ status: 'needs_review' });
    expect((await env.cases.get('case-sub-3'))!.flaggedFieldCount).toBe(1);
  });

  it('rejects an image that turns out to be undecodable while reading', async () => {
    const png = await blankPng();
    const truncated = png.subarray(0, 40);
    await env.blobs.put(bucket, 'incoming/sub-4/a.png', truncated);
    const { record } = await env.documents.register({
      documentId: 'doc-trunc',
      submissionId: 'sub-4',
      bucket,
      key: 'incoming/sub-4/a.png',
      sourceVersion: 'v1',
      status: 'processing',
      createdAt: '2021-06-18T08:00:00Z',
      updatedAt: '2021-06-18T08:00:00Z',
    });

    const outcome = await processDocument(record.documentId, env.deps);

    expect(outcome).toMatchObject({ kind: 'rejected', code: 'image_corrupt' });
    expect(env.cases.cases.size).toBe(0);
  });
});

describe('markDocumentFailed', () => {
  it('marks a dead-lettered document `failed` with the last error, and leaves settled ones alone', async () => {
    const env = makeEnv();
    await env.ingest('incoming/sub-5/a.png', await blankPng());
    const [message] = env.queue.drain();
    await noteProcessingError(message!.documentId, Object.assign(new Error('engine down'), { code: 'ocr_engine_failed' }), env.deps);

    expect(await markDocumentFailed(message!.documentId, env.deps)).toEqual({ kind: 'failed' });
    expect(await env.documents.get(message!.documentId)).toMatchObject({ status: 'failed', error: { code: 'ocr_engine_failed' } });

    await env.documents.update(message!.documentId, { status: 'processed' });
    expect(await markDocumentFailed(message!.documentId, env.deps)).toEqual({ kind: 'skipped', status: 'processed' });
  });
});

describe('refreshFlags', () => {
  it('takes the newest flags for unchanged values and keeps a clerk-corrected value as it is', async () => {
    const { refreshFlags } = await import('../../shared/pipeline/assemble-cases.js');
    const inCase = {
      documentId: 'doc-1',
      indexInFile: 0,
      type: 'vocational_certificate' as const,
      pages: [1],
      fields: {
        holderName: { value: '王晓明', confidence: 0.99, needsReview: false },
        level: { value: 2, confidence: 1, needsReview: false },
      },
    };
    const fresh = {
      ...inCase,
      fields: {
        holderName: { value: '王晓明', confidence: 0.4, needsReview: true, issues: ['name_mismatch_across_documents'] },
        level: { value: 3, confidence: 0.99, needsReview: false },
      },
    };

    const refreshed = refreshFlags(inCase, fresh);

    expect(refreshed.fields.holderName).toEqual({ value: '王晓明', confidence: 0.4, needsReview: true, issues: ['name_mismatch_across_documents'] });
    expect(refreshed.fields.level).toEqual({ value: 2, confidence: 1, needsReview: false });
  });
});

describe('processDocument when the rules fail', () => {
  it('still writes the case, unclassified, so it reaches a clerk', async () => {
    const env = makeEnv();
    await env.ingest('incoming/sub-r/a.png', await blankPng());
    const [message] = env.queue.drain();
    const brokenJudge = {
      ...env.judge,
      judge: () => {
        throw new Error('no parameter in force on 2019-01-01');
      },
      queueFor: () => 'unclassified',
    };

    const outcome = await processDocument(message!.documentId, { ...env.deps, judge: brokenJudge });

    expect(outcome.kind).toBe('done');
    expect(await env.cases.get('case-sub-r')).toMatchObject({ queue: 'unclassified', status: 'needs_review' });
  });
});

describe('processDocument on a first delivery', () => {
  it('does not look for checkpoints (there can be none), and does on a redelivery', async () => {
    const env = makeEnv();
    await env.ingest('incoming/sub-f/a.png', await blankPng());
    const [message] = env.queue.drain();
    const loads: number[] = [];
    const blobs = Object.create(env.blobs) as typeof env.blobs;
    blobs.get = async (bucket, key) => {
      if (key.includes('/ocr/')) loads.push(1);
      return env.blobs.get(bucket, key);
    };

    await expect(processDocument(message!.documentId, { ...env.deps, blobs, ocr: scriptedOcr([], { failOnCall: 1 }) }, { receiveCount: 1 })).rejects.toThrow();
    expect(loads).toHaveLength(0);

    await processDocument(message!.documentId, { ...env.deps, blobs }, { receiveCount: 2 });
    expect(loads).toHaveLength(1);
  });
});
