import { GetDocumentTextDetectionCommand, TextractClient } from '@aws-sdk/client-textract';
import { mockClient } from 'aws-sdk-client-mock';
import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createTextractCompletionHandler } from '../../functions/textract-completion/handler.js';
import { makeScannedPdf } from '../pdf/pdf-factory.js';
import { certificateLines, textractPageBlocks } from '../adapters/textract-blocks-factory.js';
import { blankPng } from '../pipeline/pipeline-factories.js';
import { FixedClock, InMemoryBlobStore, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';

const snsEvent = (message: object): SNSEvent =>
  ({
    Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn', Sns: { Message: JSON.stringify(message) } }],
  }) as unknown as SNSEvent;

async function setUp() {
  const blobs = new InMemoryBlobStore();
  const documents = new InMemoryDocumentRepository();
  const queue = new InMemoryWorkQueue();
  const png = await blankPng(120, 170);
  await blobs.put('intake', 'incoming/s/scan.pdf', makeScannedPdf([png, png]));
  await documents.register({
    documentId: 'doc-1',
    submissionId: 's',
    bucket: 'intake',
    key: 'incoming/s/scan.pdf',
    sourceVersion: 'v1',
    pageCount: 2,
    status: 'processing',
    createdAt: '2021-06-18T08:00:00Z',
    updatedAt: '2021-06-18T08:00:00Z',
  });
  const textract = mockClient(TextractClient);
  const handler = createTextractCompletionHandler(() => ({
    blobs,
    documents,
    queue,
    clock: new FixedClock(),
    derivedPrefix: 'derived/',
    textract: new TextractClient({ region: 'us-east-1' }),
    ocrDpi: 200,
  }));
  return { blobs, documents, queue, textract, handler };
}

describe('textract-completion handler', () => {
  it('pages through the job results, stores each page as a checkpoint in page pixels and re-queues the document', async () => {
    const env = await setUp();
    env.textract
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-1' })
      .resolvesOnce({
        JobStatus: 'SUCCEEDED',
        DocumentMetadata: { Pages: 2 },
        Blocks: textractPageBlocks({ page: 1, lines: certificateLines }),
        NextToken: 't2',
      })
      .resolvesOnce({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 2 }, Blocks: textractPageBlocks({ page: 2, lines: certificateLines }) });

    const result = await env.handler(snsEvent({ JobId: 'job-1', Status: 'SUCCEEDED', API: 'StartDocumentTextDetection', JobTag: 'doc-1' }));

    expect(result).toEqual({ completed: ['doc-1'] });
    expect(env.blobs.keys('intake', 'derived/doc-1/ocr/')).toEqual(['derived/doc-1/ocr/1.json', 'derived/doc-1/ocr/2.json']);
    const page = JSON.parse(Buffer.from(await env.blobs.get('intake', 'derived/doc-1/ocr/1.json')).toString('utf8'));
    // The test PDF's pages are 595 × 842 pt; at 200 dpi that is 1653 × 2339 pixels.
    expect(page).toMatchObject({ pageNumber: 1, width: Math.round((595 / 72) * 200), height: Math.round((842 / 72) * 200), source: 'textract' });
    expect(page.lines.map((l: { text: string }) => l.text)).toContain('职业技能等级证书');
    expect(env.queue.drain()).toEqual([{ documentId: 'doc-1', syncOcr: true }]);
  });

  it('falls back to page-by-page reading when the job failed, rather than failing the document', async () => {
    const env = await setUp();
    env.textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'FAILED', StatusMessage: 'Request has unsupported document format' });

    await env.handler(snsEvent({ JobId: 'job-2', Status: 'FAILED', API: 'StartDocumentTextDetection', JobTag: 'doc-1' }));

    expect(env.blobs.keys('intake', 'derived/doc-1/ocr/')).toEqual([]);
    expect(env.queue.drain()).toEqual([{ documentId: 'doc-1', syncOcr: true }]);
  });
});
