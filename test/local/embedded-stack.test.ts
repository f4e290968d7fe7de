import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event, SQSEvent } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { documentIdFor } from '../../shared/storage/layout.js';
import { startEmbeddedStack, type EmbeddedStack, type PipelineHandlers } from '../../local/embedded-stack.js';
import type { LocalQueue } from '../../local/local-queue.js';
import { uniqueName } from '../support/local-aws.js';

/** Handlers that record what they get; ingest queues one message per object, like the real one. */
function recordingHandlers() {
  const ingested: S3Event[] = [];
  const processed: SQSEvent[] = [];
  const load = async (queue: LocalQueue): Promise<PipelineHandlers> => ({
    ingest: async (event) => {
      ingested.push(event);
      await queue.send([{ documentId: event.Records[0].s3.object.key }]);
    },
    process: async (event) => {
      processed.push(event);
      return { batchItemFailures: [] };
    },
  });
  return { ingested, processed, load };
}

describe('startEmbeddedStack (with recording handlers)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intake-stack-'));
  const tableName = uniqueName('stack');
  let stack: EmbeddedStack | undefined;
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (load: (queue: LocalQueue) => Promise<PipelineHandlers>, s3Port?: number) =>
    startEmbeddedStack({
      dataDir,
      dynamoDbEndpoint: process.env.INTAKE_TEST_DYNAMODB_ENDPOINT,
      s3Port,
      tableName,
      bucket: 'intake',
      httpPort: 0,
      inboxDir: false,
      loadHandlers: load,
      writeEndpointsFile: true,
      queue: { failureDelaySeconds: 0 },
    });

  it('turns an upload into an S3 event with the encoded key, and ingest’s message into an SQS batch for process', async () => {
    const recorder = recordingHandlers();
    stack = await start(recorder.load);
    await stack.s3.send(new PutObjectCommand({ Bucket: 'intake', Key: 'incoming/s1/证书 扫描+1.jpg', Body: 'jpeg bytes' }));
    await expect.poll(() => recorder.processed.length, { timeout: 10_000 }).toBe(1);
    await stack.settled();

    expect(recorder.ingested[0].Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'intake' }, object: { key: 'incoming/s1/%E8%AF%81%E4%B9%A6+%E6%89%AB%E6%8F%8F%2B1.jpg', size: 10 } },
    });
    expect(recorder.processed[0].Records[0].body).toBe(JSON.stringify({ documentId: 'incoming/s1/%E8%AF%81%E4%B9%A6+%E6%89%AB%E6%8F%8F%2B1.jpg' }));
    const endpoints = JSON.parse(readFileSync(path.join(dataDir, 'endpoints.json'), 'utf8'));
    expect(endpoints).toMatchObject({ bucket: 'intake', tableName, s3: stack.endpoints.s3, http: stack.endpoints.http });
    const health = await (await fetch(`${stack.endpoints.http}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', queue: { visible: 0, inFlight: 0 } });
  });

  it('after a restart re-sends objects ingest has no settled record of, and leaves settled ones alone', async () => {
    const s3Port = Number(new URL(stack!.endpoints.s3).port);
    // An upload lands while ingest is down: its event is lost with the process.
    await stack!.stop();
    const s3Only = await start(async () => ({ ingest: async () => Promise.reject(new Error('down')), process: async () => undefined }), s3Port);
    await s3Only.dispatcher.stop();
    await s3Only.s3.send(new PutObjectCommand({ Bucket: 'intake', Key: 'incoming/s2/late.pdf', Body: '%PDF-1.7' }));
    // The first upload is settled by now in the real pipeline: give it a processed record.
    const documents = new DynamoDbDocumentRepository(s3Only.db, tableName);
    const head = await s3Only.s3.send(new HeadObjectCommand({ Bucket: 'intake', Key: 'incoming/s1/证书 扫描+1.jpg' }));
    const eTag = head.ETag!.replace(/"/g, '');
    const now = new Date().toISOString();
    const documentId = documentIdFor('intake', 'incoming/s1/证书 扫描+1.jpg', eTag);
    await documents.register({
      documentId,
      submissionId: 's1',
      bucket: 'intake',
      key: 'incoming/s1/证书 扫描+1.jpg',
      sourceVersion: eTag,
      status: 'processed',
      createdAt: now,
      updatedAt: now,
    });
    await s3Only.stop();

    const recorder = recordingHandlers();
    stack = await start(recorder.load, s3Port);
    await stack.settled();
    expect(stack.reconciled).toBe(1);
    expect(recorder.ingested.map((e) => e.Records[0].s3.object.key)).toEqual(['incoming/s2/late.pdf']);
    expect(recorder.processed).toHaveLength(1);
  });
});

describe('startEmbeddedStack when its S3 server dies', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intake-stack-s3-'));
  let stack: EmbeddedStack | undefined;
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the S3 server restarting in /health (503 degraded), then ok with its crash count, and takes uploads again', { timeout: 60_000 }, async () => {
    const recorder = recordingHandlers();
    stack = await startEmbeddedStack({
      dataDir,
      dynamoDbEndpoint: process.env.INTAKE_TEST_DYNAMODB_ENDPOINT,
      tableName: uniqueName('stack-s3'),
      bucket: 'intake',
      httpPort: 0,
      inboxDir: false,
      loadHandlers: recorder.load,
    });
    const health = async () => {
      const response = await fetch(`${stack!.endpoints.http}/health`);
      return { code: response.status, body: (await response.json()) as { status: string; parts: Record<string, unknown> } };
    };
    expect((await health()).body.parts).toMatchObject({ s3: 'up', s3Crashes: 0 });

    expect(stack.faults.killS3()).toBe(true);

    // The restart waits 200 ms and a fork before it answers: /health says so meanwhile.
    await expect.poll(async () => (await health()).code, { timeout: 10_000, interval: 20 }).toBe(503);
    expect((await health()).body).toMatchObject({ status: 'degraded', parts: { s3: 'restarting', s3Crashes: 1 } });
    await expect.poll(async () => (await health()).body.parts.s3, { timeout: 30_000, interval: 100 }).toBe('up');
    expect(await health()).toMatchObject({ code: 200, body: { status: 'ok' } });
    await stack.s3.send(new PutObjectCommand({ Bucket: 'intake', Key: 'incoming/s9/after.pdf', Body: '%PDF-1.7' }));
    await expect.poll(() => recorder.processed.length, { timeout: 10_000 }).toBe(1);
  });
});
