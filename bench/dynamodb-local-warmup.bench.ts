/**
 * `npm run bench -- dynamodb-local-warmup`: how DynamoDB Local's own latency changes as its JVM warms up, apart from
 * the pipeline. On a fresh DynamoDB Local on disk (as `npm start` runs it), ingest's write — one transaction of three
 * items, `DocumentRepository.registerOwningContent` — is sent again and again; after 30, 100, 300, 1,000 and 2,000 of
 * them, ten more are timed one at a time, 300 ms apart (as files arrive one after another). The DynamoDB service on
 * AWS has no such warm-up: this is why the pipeline bench measures its overhead goal on a stack that has been running
 * ("storage steady"), and prints the cold and warm figures beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbDocumentClient } from '../shared/adapters/aws-clients.js';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import type { DocumentRecord } from '../shared/cases/document-record.js';
import { ensureTable } from '../local/bootstrap.js';
import { startDynamoDbLocal } from '../local/dynamo-local.js';

const CHECKPOINTS = [30, 100, 300, 1_000, 2_000];
const SAMPLES = 10;
const PAUSE_MS = 300;

function aRecord(n: number): DocumentRecord {
  const now = new Date().toISOString();
  return {
    documentId: `doc-warmup-${n}`,
    submissionId: `sub-warmup-${n}`,
    bucket: 'intake',
    key: `incoming/sub-warmup-${n}/证书.png`,
    sourceVersion: `etag-${n}`,
    fileName: '证书.png',
    sha256: n.toString(16).padStart(64, '0'),
    size: 250_000,
    sniffedType: 'png',
    pageCount: 1,
    pagesDone: 0,
    status: 'processing',
    createdAt: now,
    updatedAt: now,
  };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-ddb-warmup-'));
  const dynamo = await startDynamoDbLocal({ dataDir });
  try {
    const tableName = 'intake-warmup';
    await ensureTable(
      new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
      tableName,
    );
    const documents = new DynamoDbDocumentRepository(createDynamoDbDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' }), tableName);
    console.log(`one three-item transaction (ingest's register), fresh DynamoDB Local on disk; ${SAMPLES} timed, ${PAUSE_MS} ms apart, after each count`);
    console.log('writes before   p50 ms   min ms   max ms');
    let sent = 0;
    for (const checkpoint of CHECKPOINTS) {
      while (sent < checkpoint) await documents.registerOwningContent(aRecord(sent++));
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        const started = performance.now();
        const outcome = await documents.registerOwningContent(aRecord(sent++));
        times.push(performance.now() - started);
        if (outcome !== 'registered') throw new Error(`expected a new registration, got ${outcome}`);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${String(checkpoint).padStart(13)} ${times[SAMPLES >> 1]!.toFixed(1).padStart(8)} ${times[0]!.toFixed(1).padStart(8)} ${times[SAMPLES - 1]!.toFixed(1).padStart(8)}`,
      );
    }
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end`,
    );
  } finally {
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
