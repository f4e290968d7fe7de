import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MetricName, type MetricSink } from '../../functions/compose/metrics.js';
import { composeProcess, queueUrlOf } from '../../functions/process/compose.js';
import { createProcessHandler } from '../../functions/process/handler.js';
import { decideRetry, isTransientError, retryDelaySeconds } from '../../functions/process/retry-policy.js';
import { loadSettings } from '../../functions/settings.js';
import type { BlobStore } from '../../shared/ports/index.js';
import {
  aDocumentRecord,
  FixedClock,
  InMemoryBlobStore,
  InMemoryCaseRepository,
  InMemoryDocumentRepository,
  InMemoryEnterpriseRegister,
} from '../support/fakes/index.js';

const throttled = () => Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });

function sqsEvent(documentId: string, receiveCount: number): SQSEvent {
  return {
    Records: [
      {
        messageId: `m-${receiveCount}`,
        receiptHandle: `rh-${receiveCount}`,
        body: JSON.stringify({ documentId }),
        attributes: { ApproximateReceiveCount: String(receiveCount), SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-southeast-1:123456789012:process',
        awsRegion: 'ap-southeast-1',
      },
    ],
  };
}

async function harness(failing: () => Error) {
  const documents = new InMemoryDocumentRepository();
  const record = aDocumentRecord({ status: 'processing' });
  await documents.register(record);
  const stored = new InMemoryBlobStore();
  const blobs: BlobStore = Object.assign(Object.create(stored) as BlobStore, { get: async () => Promise.reject(failing()) });
  const deps = composeProcess({
    settings: loadSettings({ INTAKE_TABLE_NAME: 'intake', INTAKE_BUCKET: 'intake' }),
    blobs,
    documents,
    cases: new InMemoryCaseRepository(),
    enterprises: new InMemoryEnterpriseRegister(),
    clock: new FixedClock('2026-12-01T08:00:00Z'),
    ocr: { name: 'paddle', recognize: () => Promise.reject(new Error('not reached')) },
  });
  const delays: number[] = [];
  const failedCounts: number[] = [];
  const metrics: MetricSink = {
    count: (name, value) => {
      if (name === MetricName.failedDocuments) failedCounts.push(value);
    },
  };
  const handler = createProcessHandler(() => deps, { metrics, retryLater: async (_record, seconds) => void delays.push(seconds) });
  return { handler, documents, record, delays, failedCounts };
}

describe('process retries', () => {
  it('retries a throttled read after a backoff instead of the 90-minute visibility timeout, even past three tries', async () => {
    const { handler, documents, record, delays, failedCounts } = await harness(throttled);

    const response = await handler(sqsEvent(record.documentId, 5));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-5' }]);
    expect(delays).toEqual([480]);
    expect((await documents.get(record.documentId))!.status).toBe('processing');
    expect(failedCounts).toEqual([]);
  });

  it('retries a defect soon on its first deliveries, then marks the document failed on the third and counts it', async () => {
    const defect = () => new Error('unexpected page tree');
    const { handler, documents, record, delays, failedCounts } = await harness(defect);

    const first = await handler(sqsEvent(record.documentId, 1));
    const third = await handler(sqsEvent(record.documentId, 3));

    expect(first.batchItemFailures).toHaveLength(1);
    expect(delays).toEqual([30]);
    expect(third.batchItemFailures).toEqual([]);
    expect((await documents.get(record.documentId))!.status).toBe('failed');
    expect(failedCounts).toEqual([1]);
  });
});

describe('retry policy', () => {
  it('tells the service being busy from a defect, through wrapped causes too', () => {
    expect(isTransientError(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }))).toBe(true);
    // A store that is restarting (DynamoDB Local after a crash) refuses connections for a few seconds.
    expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(new Error('store failed', { cause: throttled() }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('boom'), { $metadata: { httpStatusCode: 500 } }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }))).toBe(false);
    expect(isTransientError(new Error('PDF has no pages'))).toBe(false);
  });

  it('doubles the delay from 30 s up to SQS’s 15-minute ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((count) => retryDelaySeconds(count))).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('gives a defect three deliveries and a transient failure as many as the queue allows', () => {
    expect(decideRetry(new Error('bug'), 2)).toEqual({ kind: 'retry', delaySeconds: 60, transient: false });
    expect(decideRetry(new Error('bug'), 3)).toEqual({ kind: 'fail' });
    expect(decideRetry(throttled(), 9)).toEqual({ kind: 'retry', delaySeconds: 900, transient: true });
  });

  it('derives the queue URL from the record’s ARN', () => {
    expect(queueUrlOf('arn:aws:sqs:ap-southeast-1:123456789012:process')).toBe('https://sqs.ap-southeast-1.amazonaws.com/123456789012/process');
    expect(queueUrlOf('arn:aws-cn:sqs:cn-north-1:123456789012:process')).toBe('https://sqs.cn-north-1.amazonaws.com.cn/123456789012/process');
  });
});
