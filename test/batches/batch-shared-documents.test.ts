/**
 * Issue 15 item 12: a training body's batch carries, beside its certificates, documents that are the body's own (its
 * business licence). Through the real ingest and process stages over DynamoDB Local and the S3 server, with the real
 * rules; only OCR and the extractor are scripted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import type { ExtractedDocument } from '../../shared/documents/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { SERVES_NO_CASE, announceSharedDocument } from '../../shared/pipeline/assemble-cases.js';
import { ingestObject } from '../../shared/pipeline/ingest.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import { shippedParameters } from '../support/shipped-policy.js';
import { processDocument, type ProcessDeps } from '../../shared/pipeline/process.js';
import { inspectFile, pageReading } from '../../shared/reading/index.js';
import { FixedClock, InMemoryWorkQueue } from '../support/fakes/index.js';
import { createTestBucket, createTestTable, type TestBucket, type TestTable } from '../support/local-aws.js';
import { blankPng, lineExtractor, scriptedOcr } from '../pipeline/pipeline-factories.js';

const BODY = 'inst-xihu';

/** `type：business_license` or `type：labor_contract` pages are read as that document; other pages as certificates. */
function extractor(pages: OcrPage[]): ExtractedDocument[] {
  return lineExtractor(pages).map((document) => {
    const type = document.fields.type?.value;
    if (type !== 'business_license' && type !== 'labor_contract') return document;
    const { type: _type, ...fields } = document.fields;
    return { ...document, type, fields };
  });
}

const certificate = (name: string, idNumber: string, number: string) => [
  `holderName：${name}`,
  `idNumber：${idNumber}`,
  'level：3',
  'certificateKind：skill_level',
  `certificateNumber：${number}`,
  'issueDate：2026-10-20',
  'occupation：电工',
];
const licence = ['type：business_license', 'companyName：杭州西湖职业培训学校', 'creditCode：52330106MJ0000000X'];

describe("a training body's batch: documents that are not certificates", () => {
  let table: TestTable;
  let bucket: TestBucket;
  let deps: ProcessDeps;
  let lines: string[];
  let upload: (key: string, page: string[]) => Promise<string>;

  beforeEach(async () => {
    [table, bucket] = await Promise.all([createTestTable('shared-docs'), createTestBucket('shared-docs')]);
    const blobs = new S3BlobStore(bucket.s3);
    const documents = new DynamoDbDocumentRepository(table.db, table.tableName);
    const cases = new DynamoDbCaseRepository(table.db, table.tableName);
    const clock = new FixedClock('2026-11-20T08:00:00Z');
    const queue = new InMemoryWorkQueue();
    lines = [];
    deps = {
      blobs,
      documents,
      cases,
      clock,
      ocr: scriptedOcr(lines),
      reading: pageReading,
      extract: extractor,
      judge: createPolicyJudge({ parameters: shippedParameters() }),
      limits: DEFAULT_INTAKE_LIMITS,
      derivedPrefix: 'derived/',
      previewDpi: 48,
    };
    let uploads = 0;
    upload = async (key, page) => {
      lines.splice(0, lines.length, ...page);
      await blobs.put(bucket.bucket, key, await blankPng(64, 40 + ++uploads), 'image/png', { submitter: BODY });
      const head = await blobs.head(bucket.bucket, key);
      await ingestObject(
        { bucket: bucket.bucket, key, size: head!.size, eTag: head!.eTag },
        { blobs, documents, queue, clock, limits: DEFAULT_INTAKE_LIMITS, inspect: inspectFile },
      );
      const [message] = queue.drain();
      if (!message) throw new Error(`ingest queued nothing for ${key}`);
      return message.documentId;
    };
  });
  afterEach(() => Promise.all([table.drop(), bucket.drop()]));

  const processAs = async (key: string, page: string[]) => {
    const documentId = await upload(key, page);
    return { documentId, outcome: await processDocument(documentId, deps) };
  };

  it('gives the business licence to every certificate case of the batch that asks for it', async () => {
    const first = await processAs('incoming/batch-77/张三.png', certificate('张三', '330106199001011234', 'S-1'));
    const second = await processAs('incoming/batch-77/李四.png', certificate('李四', '330106199202022345', 'S-2'));
    const caseIds = [first, second].map(({ outcome }) => (outcome.kind === 'done' ? outcome.cases[0]!.caseId : ''));
    for (const caseId of caseIds) {
      expect((await deps.cases.get(caseId))!.decision!.missingDocumentDetails!.map((m) => m.code)).toContain('business_licence');
    }

    const { documentId, outcome } = await processAs('incoming/batch-77/营业执照.png', licence);

    expect(outcome).toMatchObject({
      kind: 'done',
      cases: expect.arrayContaining(caseIds.map((caseId) => expect.objectContaining({ caseId, action: 'updated' }))),
    });
    for (const caseId of caseIds) {
      const reviewCase = (await deps.cases.get(caseId))!;
      expect(reviewCase.documents.map((d) => d.type).sort()).toEqual(['business_license', 'vocational_certificate']);
      expect(reviewCase.decision!.missingDocumentDetails!.map((m) => m.code)).not.toContain('business_licence');
    }
    const record = (await deps.documents.get(documentId))!;
    expect(record.caseIds?.sort()).toEqual([...caseIds].sort());
    expect(record.error).toBeUndefined();
  });

  it('keeps the licence in its cases when its message is delivered again', async () => {
    await processAs('incoming/batch-78/张三.png', certificate('张三', '330106199001011234', 'S-1'));
    const { documentId } = await processAs('incoming/batch-78/营业执照.png', licence);
    const [before] = await deps.cases.listBySubmission('batch-78');

    const again = await processDocument(documentId, deps, { receiveCount: 2 });

    expect(again.kind === 'done' || again.kind === 'skipped').toBe(true);
    expect((await deps.cases.get(before!.caseId))!.version).toBe(before!.version);
    expect((await deps.documents.get(documentId))!).toMatchObject({ caseIds: [before!.caseId] });
    expect((await deps.documents.get(documentId))!.error).toBeUndefined();
  });

  it('gives the licence to certificate cases written after it settled (the licence read first)', async () => {
    const certificates = [await upload('incoming/batch-80/张三.png', []), await upload('incoming/batch-80/李四.png', [])];
    const licenceId = await upload('incoming/batch-80/营业执照.png', []);

    const read = async (documentId: string, page: string[]) => {
      lines.splice(0, lines.length, ...page);
      return processDocument(documentId, deps);
    };
    const first = await read(licenceId, licence);
    expect(first).toMatchObject({ kind: 'done', cases: [] });
    // For now it serves no case, and says so; the certificates still being read were told of it.
    expect((await deps.documents.get(licenceId))!.error).toEqual({ ...SERVES_NO_CASE });
    expect((await deps.documents.get(certificates[0]!))!.sharedDocumentIds).toEqual([licenceId]);
    await read(certificates[0]!, certificate('张三', '330106199001011234', 'S-1'));
    await read(certificates[1]!, certificate('李四', '330106199202022345', 'S-2'));

    const cases = await deps.cases.listBySubmission('batch-80');
    expect(cases).toHaveLength(2);
    for (const reviewCase of cases) {
      expect(reviewCase.documents.map((d) => d.type).sort()).toEqual(['business_license', 'vocational_certificate']);
      expect(reviewCase.decision!.missingDocumentDetails!.map((m) => m.code)).not.toContain('business_licence');
    }
    const record = (await deps.documents.get(licenceId))!;
    expect(record.error).toBeUndefined();
    expect(record.caseIds?.sort()).toEqual(cases.map((c) => c.caseId).sort());
  });

  it('takes up a licence that was announced before its own file settled', async () => {
    const certificateId = await upload('incoming/batch-81/张三.png', []);
    const licenceId = await upload('incoming/batch-81/营业执照.png', []);
    // The licence's process has saved what it read and told the others, and has not settled yet.
    const read = extractor([
      {
        pageNumber: 1,
        width: 64,
        height: 48,
        rotation: 0,
        source: 'paddle',
        lines: licence.map((text) => ({ text, confidence: 0.99, box: { x: 0, y: 0, width: 1, height: 1 } })),
      },
    ]);
    await deps.documents.update(licenceId, { documents: read });
    expect(await announceSharedDocument('batch-81', licenceId, deps.documents)).toBe(1);

    lines.splice(0, lines.length, ...certificate('张三', '330106199001011234', 'S-1'));
    const outcome = await processDocument(certificateId, deps);

    const caseId = outcome.kind === 'done' ? outcome.cases[0]!.caseId : '';
    expect((await deps.cases.get(caseId))!.documents.map((d) => d.type).sort()).toEqual(['business_license', 'vocational_certificate']);
    expect((await deps.documents.get(licenceId))!.caseIds).toEqual([caseId]);
  });

  it('shows a file no certificate case asks for as serving no case, with the reason, instead of dropping it', async () => {
    await processAs('incoming/batch-79/张三.png', certificate('张三', '330106199001011234', 'S-1'));

    const { documentId, outcome } = await processAs('incoming/batch-79/合同.png', ['type：labor_contract', 'employeeName：张三']);

    expect(outcome).toMatchObject({ kind: 'done', cases: [] });
    const record = (await deps.documents.get(documentId))!;
    expect(record).toMatchObject({ status: expect.stringMatching(/processed|needs_review/), caseIds: [], error: { code: SERVES_NO_CASE.code } });
    expect(record.documents?.[0]?.type).toBe('labor_contract');
  });
});
