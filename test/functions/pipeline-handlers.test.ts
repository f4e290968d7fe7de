import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSEvent, S3Event } from 'aws-lambda';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricName, type MetricSink } from '../../functions/compose/metrics.js';
import { createDeadLetterHandler } from '../../functions/dead-letter/handler.js';
import { composeIngest } from '../../functions/ingest/compose.js';
import { createIngestHandler } from '../../functions/ingest/handler.js';
import { composeProcess } from '../../functions/process/compose.js';
import { createProcessHandler } from '../../functions/process/handler.js';
import { loadSettings } from '../../functions/settings.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEnterpriseRegister } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { buildSkillLevelCertificateNumber } from '../../shared/extraction/index.js';
import { createPaddleOcrEngine, type OcrEngine, type PageImage } from '../../shared/ocr/index.js';
import { InMemoryWorkQueue, FixedClock } from '../support/fakes/index.js';
import { createTestBucket, createTestTable, type TestBucket, type TestTable } from '../support/local-aws.js';
import { company, person } from '../extraction/support/documents.js';
import { renderTextPage } from '../ocr/page-factory.js';
import { makeDigitalPdf, makeEncryptedPdf } from '../pdf/pdf-factory.js';

/** S3 encodes event keys like a form: space → `+`, UTF-8 percent-escapes, slashes kept. */
const encodeS3Key = (key: string) =>
  key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');

let table: TestTable;
let bucket: TestBucket;
const queue = new InMemoryWorkQueue();
let receiveCounts = new Map<string, number>();
let stores: {
  settings: ReturnType<typeof loadSettings>;
  blobs: S3BlobStore;
  documents: DynamoDbDocumentRepository;
  cases: DynamoDbCaseRepository;
  clock: FixedClock;
};
let ingestHandler: ReturnType<typeof createIngestHandler>;
let processHandler: ReturnType<typeof createProcessHandler>;

/** The OCR engine the handlers use: real PaddleOCR unless a test swaps in another. */
const paddle = createPaddleOcrEngine();
let currentOcr: OcrEngine = paddle;
const switchableOcr: OcrEngine = { name: 'paddle', recognize: (image: PageImage) => currentOcr.recognize(image) };

async function upload(key: string, bytes: Uint8Array): Promise<S3Event['Records'][number]> {
  const put = await bucket.s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: key, Body: bytes }));
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2021-07-01T08:00:00.000Z',
    eventName: 'ObjectCreated:Put',
    userIdentity: { principalId: 'local' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'r', 'x-amz-id-2': 'i' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'incoming',
      bucket: { name: bucket.bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${bucket.bucket}` },
      object: { key: encodeS3Key(key), size: bytes.length, eTag: put.ETag!.replace(/"/g, ''), sequencer: '0055AED6DCD90281E5' },
    },
  };
}

const s3Event = (...records: S3Event['Records']): S3Event => ({ Records: records });

/** The queued messages as an SQS batch, with receive counts as SQS keeps them. */
function sqsBatch(messages: { documentId: string }[]): SQSEvent {
  return {
    Records: messages.map((message) => {
      const count = (receiveCounts.get(message.documentId) ?? 0) + 1;
      receiveCounts.set(message.documentId, count);
      return {
        messageId: `m-${message.documentId}-${count}`,
        receiptHandle: `rh-${message.documentId}-${count}`,
        body: JSON.stringify(message),
        attributes: { ApproximateReceiveCount: String(count), SentTimestamp: '0', SenderId: 'local', ApproximateFirstReceiveTimestamp: '0' },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:process',
        awsRegion: 'us-east-1',
      };
    }),
  };
}

/** A certificate scan; `serial` varies the certificate number so uploads are not byte-identical duplicates. */
async function certificateScan(serial = 17): Promise<Uint8Array> {
  const number = buildSkillLevelCertificateNumber({ assessor: 'Y', organisationCode: '330106000001', year: 2021, level: 2, serial });
  const png = await renderTextPage(
    [
      { text: '职业技能等级证书', x: 250, y: 70, size: 40 },
      { text: `姓名：${person.name}`, x: 60, y: 150 },
      { text: `证件号码：${person.id}`, x: 60, y: 210 },
      { text: '职业（工种）：电工', x: 60, y: 270 },
      { text: '职业技能等级：二级/技师', x: 60, y: 330 },
      { text: `证书编号：${number}`, x: 60, y: 390 },
      { text: '发证日期：2021年06月18日', x: 60, y: 450 },
      { text: '发证机构：杭州市西湖区职业技能鉴定中心', x: 60, y: 510 },
    ],
    { height: 560 },
  );
  return new Uint8Array(png);
}

/** A one-page digital labour contract; `copy` varies the bytes so uploads are not duplicates. */
function contractPdf(copy = 1): Uint8Array {
  return makeDigitalPdf([
    [
      { text: '劳动合同书', x: 250, y: 80, size: 22 },
      { text: `甲方（用人单位）：${company.name}`, x: 72, y: 140 },
      { text: `统一社会信用代码：${company.code}`, x: 72, y: 170 },
      { text: `乙方（劳动者）：${person.name}`, x: 72, y: 200 },
      { text: `身份证号码：${person.id}`, x: 72, y: 230 },
      { text: '第一条 合同期限', x: 72, y: 260 },
      { text: '固定期限：自 2019 年 3 月 1 日起至 2024 年 2 月 28 日止。', x: 72, y: 290 },
      { text: '签订日期：2019 年 2 月 26 日', x: 72, y: 320 },
      { text: `第 1 页 共 1 页（副本 ${copy}）`, x: 250, y: 760, size: 10 },
    ],
  ]);
}

beforeAll(async () => {
  [table, bucket] = await Promise.all([createTestTable('pipeline'), createTestBucket('pipeline')]);
  const enterprises = new DynamoDbEnterpriseRegister(table.db, table.tableName);
  await enterprises.upsert([{ creditCode: company.code, name: company.name, district: '西湖区', registeredOn: '2015-01-01' }]);
  stores = {
    settings: loadSettings({ INTAKE_TABLE_NAME: table.tableName, INTAKE_BUCKET: bucket.bucket, INTAKE_MAX_IMAGE_PIXELS: '2000000' }),
    blobs: new S3BlobStore(bucket.s3),
    documents: new DynamoDbDocumentRepository(table.db, table.tableName),
    cases: new DynamoDbCaseRepository(table.db, table.tableName),
    clock: new FixedClock('2021-07-01T08:00:00Z'),
  };
  // The handlers as their roots compose them, with the test's stores, queue and OCR given explicitly.
  const ingestDeps = composeIngest({ ...stores, queue });
  const processDeps = composeProcess({ ...stores, enterprises, ocr: switchableOcr });
  ingestHandler = createIngestHandler(() => ingestDeps);
  processHandler = createProcessHandler(() => processDeps);
});

afterAll(async () => {
  await Promise.all([table?.drop(), bucket?.drop()]);
});

describe('ingest → process handlers on DynamoDB Local and s3rver', () => {
  const submission = `s-${Date.now().toString(36)}`;
  let firstEvent: S3Event;

  it('flows a scanned certificate and a digital labour contract of one submission into one case with the right fields', async () => {
    firstEvent = s3Event(
      await upload(`incoming/${submission}/技师证书 扫描件.png`, await certificateScan()),
      await upload(`incoming/${submission}/劳动合同 (签字版).pdf`, contractPdf()),
    );

    const ingested = await ingestHandler(firstEvent);
    expect(ingested.outcomes.map((o) => o.kind)).toEqual(['queued', 'queued']);
    const response = await processHandler(sqsBatch(queue.drain()));

    expect(response.batchItemFailures).toEqual([]);
    const { cases, documents } = stores;
    const [reviewCase, ...others] = await cases.listBySubmission(submission);
    expect(others).toEqual([]);
    expect(reviewCase!.caseId).toBe(`case-${submission}`);
    expect(reviewCase!.documents.map((d) => d.type).sort()).toEqual(['labor_contract', 'vocational_certificate']);
    const certificate = reviewCase!.documents.find((d) => d.type === 'vocational_certificate')!;
    const contract = reviewCase!.documents.find((d) => d.type === 'labor_contract')!;
    expect(certificate.fields.holderName!.value).toBe(person.name);
    expect(certificate.fields.idNumber!.value).toBe(person.id);
    expect(certificate.fields.level!.value).toBe(2);
    expect(contract.fields.employerCreditCode!.value).toBe(company.code);
    expect(contract.fields.startDate!.value).toBe('2019-03-01');
    // A 技师 certificate with a contract from an individual is a 3.7.c claim; the 聘书 and social-insurance record are missing.
    expect(reviewCase!.queue).toBe('XH36-3.7.c');
    expect(reviewCase!.decision).toMatchObject({ programme: 'XH36-3.7.c', outcome: 'missing_documents' });
    expect((await cases.listQueue(reviewCase!.queue)).items.map((c) => c.caseId)).toContain(reviewCase!.caseId);

    const records = await documents.listBySubmission(submission);
    expect(records.map((r) => r.fileName).sort()).toEqual(['劳动合同 (签字版).pdf', '技师证书 扫描件.png']);
    for (const record of records) {
      expect(['processed', 'needs_review']).toContain(record.status);
      expect(record).toMatchObject({ pagesDone: 1, pageCount: 1, caseIds: [reviewCase!.caseId] });
    }
    // Every page's image is stored while processing: the scan's from the pixels OCR read, the digital page's rendered.
    const scan = records.find((r) => r.sniffedType === 'png')!;
    const digital = records.find((r) => r.sniffedType === 'pdf')!;
    const scanPreview = await bucket.s3.send(new HeadObjectCommand({ Bucket: bucket.bucket, Key: `derived/${scan.documentId}/pages/1` }));
    expect(scanPreview.ContentType).toBe('image/jpeg');
    // The digital page's preview is rendered where it is read too: the page view only serves stored previews.
    const digitalPreview = await bucket.s3.send(new HeadObjectCommand({ Bucket: bucket.bucket, Key: `derived/${digital.documentId}/pages/1` }));
    expect(digitalPreview.ContentType).toBe('image/png');
  });

  it('creates nothing new for a redelivered S3 event', async () => {
    const { documents, cases } = stores;
    const before = await documents.listBySubmission(submission);

    const again = await ingestHandler(firstEvent);

    expect(again.outcomes.map((o) => o.kind)).toEqual(['already_done', 'already_done']);
    expect(queue.drain()).toEqual([]);
    expect(await documents.listBySubmission(submission)).toEqual(before);
    expect(await cases.listBySubmission(submission)).toHaveLength(1);
  });

  it('after a crash in process mid-way, a redelivery produces exactly one case and loses no page', async () => {
    const crashSubmission = `${submission}-crash`;
    await ingestHandler(s3Event(await upload(`incoming/${crashSubmission}/证书.png`, await certificateScan(18))));
    const messages = queue.drain();
    currentOcr = { name: 'paddle', recognize: () => Promise.reject(new Error('worker killed mid-way')) };

    const failed = await processHandler(sqsBatch(messages));
    currentOcr = paddle;
    const { cases, documents } = stores;
    expect(failed.batchItemFailures).toHaveLength(1);
    expect(await cases.listBySubmission(crashSubmission)).toEqual([]);
    expect((await documents.listBySubmission(crashSubmission))[0]).toMatchObject({ status: 'processing', error: { code: 'processing_failed' } });

    const redelivered = await processHandler(sqsBatch(messages));
    const duplicateDelivery = await processHandler(sqsBatch(messages));

    expect(redelivered.batchItemFailures).toEqual([]);
    expect(duplicateDelivery.batchItemFailures).toEqual([]);
    const created = await cases.listBySubmission(crashSubmission);
    expect(created).toHaveLength(1);
    expect(created[0]!.documents).toHaveLength(1);
    expect((await documents.listBySubmission(crashSubmission))[0]).toMatchObject({ pagesDone: 1, caseIds: [created[0]!.caseId] });
  });

  it('reports only the failing record of a batch (partial batch response)', async () => {
    const okSubmission = `${submission}-partial`;
    await ingestHandler(s3Event(await upload(`incoming/${okSubmission}/合同.pdf`, contractPdf(2))));
    const batch = sqsBatch([...queue.drain(), { documentId: 'doc-never-registered' }]);

    const response = await processHandler(batch);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: batch.Records[1]!.messageId }]);
  });

  it('marks a dead-lettered document `failed` with its error, counts it once and keeps its message for a redrive', async () => {
    const poisonSubmission = `${submission}-poison`;
    await ingestHandler(s3Event(await upload(`incoming/${poisonSubmission}/证书.png`, await certificateScan(19))));
    const messages = queue.drain();
    currentOcr = { name: 'paddle', recognize: () => Promise.reject(Object.assign(new Error('engine down'), { code: 'ocr_engine_failed' })) };
    await processHandler(sqsBatch(messages));
    currentOcr = paddle;
    const { documents, clock } = stores;
    const counted: number[] = [];
    const metrics: MetricSink = {
      count: (name, value) => {
        if (name === MetricName.failedDocuments) counted.push(value);
      },
    };

    const kept = new InMemoryWorkQueue();

    const response = await createDeadLetterHandler(() => ({ documents, clock, metrics, kept }))(sqsBatch(messages));
    const again = await createDeadLetterHandler(() => ({ documents, clock, metrics, kept }))(sqsBatch(messages));

    expect(response.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    // One FailedDocuments data point per failed document (the alarm's signal), none for a redelivered DLQ message,
    // and the message kept once for a redrive.
    expect(counted).toEqual([1]);
    expect(kept.drain()).toEqual(messages);
    expect((await documents.listBySubmission(poisonSubmission))[0]).toMatchObject({ status: 'failed', error: { code: 'ocr_engine_failed' } });
  });
});

describe('ingest handler events', () => {
  it('answers the S3 test event sent when the notification is configured without touching anything', async () => {
    expect(await ingestHandler({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2021-07-01T08:00:00.000Z', Bucket: 'intake' })).toEqual({ outcomes: [] });
  });
});

describe('bad inputs end `rejected` with their reason, originals kept', () => {
  it.each([
    ['a 0-byte file', 'empty_file', '空文件.pdf', async () => new Uint8Array()],
    ['a "PDF" with wrong magic', 'type_mismatch', '假的 证书.pdf', async () => new TextEncoder().encode('<html><body>not a pdf</body></html>')],
    ['a truncated PDF', 'pdf_corrupt', '截断.pdf', async () => contractPdf(3).subarray(0, 400)],
    ['an encrypted PDF', 'pdf_encrypted', '加密.pdf', async () => makeEncryptedPdf()],
    [
      'an image over the pixel limit',
      'image_too_large',
      '超大 照片.png',
      async () =>
        new Uint8Array(
          await sharp({ create: { width: 2000, height: 1200, channels: 3, background: '#fff' } })
            .png()
            .toBuffer(),
        ),
    ],
  ])('rejects %s with reason `%s`', async (_name, code, fileName, makeBytes) => {
    const key = `incoming/bad-${Date.now().toString(36)}/${fileName}`;
    const record = await upload(key, await makeBytes());

    const { outcomes } = await ingestHandler(s3Event(record));

    expect(outcomes[0]).toMatchObject({ kind: 'rejected', code });
    const { documents } = stores;
    const stored = await documents.get((outcomes[0] as { documentId: string }).documentId);
    expect(stored).toMatchObject({ status: 'rejected', key, error: { code } });
    expect(stored!.error!.message).toMatch(/[\u4e00-\u9fff]/);
    await expect(bucket.s3.send(new HeadObjectCommand({ Bucket: bucket.bucket, Key: key }))).resolves.toBeDefined();
    expect(queue.drain()).toEqual([]);
  });
});
