/**
 * Issue 15 item 14, for DynamoDB Local (the S3 server's half is in test/local/embedded-stack.test.ts): the embedded
 * stack with its own DynamoDB Local (not the run's shared one, which must not be killed) and the real handlers. The
 * JVM is killed as an out-of-memory kill would; /health must say so rather than "ok", the supervisor must start it
 * again over the same data, and an upload made while it was away must end read, not dead-lettered and forgotten.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { startEmbeddedStack, type EmbeddedStack } from '../../local/embedded-stack.js';
import { makeDigitalPdf } from '../pdf/pdf-factory.js';

describe('the embedded stack when its DynamoDB Local dies', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'intake-dynamo-crash-'));
  let stack: EmbeddedStack | undefined;
  afterAll(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'reports DynamoDB Local in /health (503 degraded) until it is back, then ok with its crash count, and reads what was uploaded meanwhile',
    { timeout: 480_000 },
    async () => {
      process.env.INTAKE_LOCAL_LOG_LEVEL = 'error';
      process.env.POWERTOOLS_LOG_LEVEL = 'CRITICAL';
      stack = await startEmbeddedStack({
        dataDir: path.join(root, 'data'),
        httpPort: 0,
        inboxDir: false,
        stopGraceMs: 200,
        queue: { failureDelaySeconds: 1, maxReceiveCount: 3 },
      });
      const health = async () => {
        const response = await fetch(`${stack!.endpoints.http}/health`);
        return { code: response.status, body: (await response.json()) as { status: string; parts: Record<string, unknown> } };
      };
      const documents = new DynamoDbDocumentRepository(stack.db, stack.endpoints.tableName);
      expect(await health()).toMatchObject({ code: 200, body: { status: 'ok', parts: { dynamodb: 'up', dynamodbCrashes: 0 } } });

      expect(stack.faults.killDynamoDb()).toBe(true);

      await expect.poll(async () => (await health()).code, { timeout: 15_000, interval: 20 }).toBe(503);
      const away = await health();
      expect(away.body.status).toBe('degraded');
      expect(away.body.parts.dynamodb).not.toBe('up');
      // An upload while DynamoDB Local is away: its ingest fails, and must be resumed once the part is back.
      await stack.s3.send(
        new PutObjectCommand({
          Bucket: stack.endpoints.bucket,
          Key: 'incoming/crash-dynamo/证书.pdf',
          Body: makeDigitalPdf([[{ text: '职业技能等级证书', x: 72, y: 100 }]]),
        }),
      );
      await expect.poll(async () => (await health()).body.parts.dynamodb, { timeout: 240_000, interval: 200 }).toBe('up');
      expect(await health()).toMatchObject({ code: 200, body: { status: 'ok', parts: { dynamodbCrashes: 1 } } });

      await expect
        .poll(async () => (await documents.listBySubmission('crash-dynamo')).map((record) => record.status), { timeout: 180_000, interval: 250 })
        .toEqual([expect.stringMatching(/^(processed|needs_review)$/)]);
    },
  );
});
