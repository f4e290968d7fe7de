import type { SQSEvent } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { startProcessWorker, type RunningProcessWorker } from '../../local/process-worker-client.js';
import type { ProcessDocumentMessage } from '../../shared/ports/work-queue.js';

const eventWith = (body: string): SQSEvent => ({
  Records: [
    {
      messageId: 'm1',
      receiptHandle: 'r1',
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'LOCAL', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
      awsRegion: 'us-east-1',
    },
  ],
});

describe('startProcessWorker', () => {
  const sent: ProcessDocumentMessage[] = [];
  let worker: RunningProcessWorker;
  afterAll(() => worker?.stop());

  it('hands a batch to the worker thread and resolves with its response', async () => {
    worker = await startProcessWorker(
      { send: async (m) => void sent.push(...m) },
      { entry: new URL('./fixtures/scripted-process-worker.mjs', import.meta.url) },
    );
    expect(await worker.process(eventWith('ok'))).toEqual({ batchItemFailures: [] });
  });

  it('forwards what the worker enqueues to the main thread’s queue', async () => {
    await worker.process(eventWith('enqueue'));
    expect(sent).toEqual([{ documentId: 'from-worker' }]);
  });

  it('fails the batch of a worker that dies, and starts a new worker for the next batch', async () => {
    await expect(worker.process(eventWith('crash'))).rejects.toThrow(/exited with code 3/);
    expect(await worker.process(eventWith('ok'))).toEqual({ batchItemFailures: [] });
  });

  it('spreads batches that arrive together over its workers', async () => {
    const pair = await startProcessWorker(undefined, { workers: 2, entry: new URL('./fixtures/scripted-process-worker.mjs', import.meta.url) });
    try {
      const answers = await Promise.all([pair.process(eventWith('thread')), pair.process(eventWith('thread'))]);
      const threads = answers.map((answer) => answer?.batchItemFailures[0]?.itemIdentifier);
      expect(new Set(threads).size).toBe(2);
    } finally {
      await pair.stop();
    }
  });
});
