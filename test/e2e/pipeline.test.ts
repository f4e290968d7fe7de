/**
 * The embedded stack end to end, with real OCR: DynamoDB Local (the run's), its own s3rver, the local queue and the
 * real ingest/process/dead-letter handlers. Kept to two pages of OCR.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import type { ReviewCase } from '../../shared/cases/review-case.js';
import { buildProgram } from '../../cli/intake.js';
import { loadPipelineHandlers, startEmbeddedStack, type EmbeddedStack, type LocalComposition, type PipelineHandlers } from '../../local/embedded-stack.js';
import { freePort } from '../../local/free-port.js';
import type { LocalQueue } from '../../local/local-queue.js';
import { makeLaborContractPdf, renderCertificateScan, sampleClaim } from '../../local/sample-documents.js';
import { uniqueName } from '../support/local-aws.js';

const FINAL = ['processed', 'needs_review', 'rejected', 'failed', 'duplicate'];

/** Runs an `intake` command in this process and returns what it printed. */
async function intake(...args: string[]): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    out += `${parts.join(' ')}\n`;
  });
  try {
    await (await buildProgram()).exitOverride().parseAsync(['node', 'intake', ...args]);
  } finally {
    write.mockRestore();
    log.mockRestore();
  }
  return out;
}

describe('the embedded stack, end to end', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'intake-e2e-'));
  const dataDir = path.join(root, 'data');
  const inboxDir = path.join(root, 'inbox');
  // Level 1 (高级技师): the claim belongs to the XH36-3.7.c queue.
  const claim = sampleClaim(5);
  let s3Port: number;
  let stack: EmbeddedStack | undefined;

  const start = async (loadHandlers?: (queue: LocalQueue, composition: LocalComposition) => Promise<PipelineHandlers>) =>
    startEmbeddedStack({
      dataDir,
      inboxDir,
      dynamoDbEndpoint: process.env.INTAKE_TEST_DYNAMODB_ENDPOINT,
      s3Port,
      httpPort: 0,
      tableName: tableName,
      bucket: 'intake',
      writeEndpointsFile: true,
      loadHandlers,
      stopGraceMs: 200,
      queue: { failureDelaySeconds: 0 },
    });
  const tableName = uniqueName('e2e');

  beforeAll(async () => {
    process.env.INTAKE_LOCAL_LOG_LEVEL = 'warn';
    process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
    // `intake submit` finds the stack through the endpoints file it writes (the stack does not touch the environment).
    process.env.INTAKE_DATA_DIR = dataDir;
    s3Port = await freePort();
    stack = await start();
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const documentsOf = (submissionId: string) => new DynamoDbDocumentRepository(stack!.db, tableName).listBySubmission(submissionId);
  const casesOf = (submissionId: string) => new DynamoDbCaseRepository(stack!.db, tableName).listBySubmission(submissionId);

  it(
    'reads a certificate scan dropped in the inbox and a digital contract from `intake submit` into one case in the review queue',
    { timeout: 180_000 },
    async () => {
      const submission = 'e2e-wang';
      mkdirSync(path.join(inboxDir, submission), { recursive: true });
      writeFileSync(path.join(inboxDir, submission, '证书 扫描.png'), await renderCertificateScan(claim));
      const contractFile = path.join(root, '劳动合同.pdf');
      writeFileSync(contractFile, makeLaborContractPdf(claim, { pages: 2 }));
      const submitted = await intake('submit', contractFile, '--submission', submission);
      expect(submitted).toContain('[1/1] 劳动合同.pdf');

      await expect
        .poll(async () => (await documentsOf(submission)).filter((d) => FINAL.includes(d.status)).length, { timeout: 150_000, interval: 500 })
        .toBe(2);
      await stack!.settled();

      const documents = await documentsOf(submission);
      expect(documents.map((d) => d.status).sort()).toEqual(['processed', 'processed']);
      const listed = JSON.parse(await intake('cases', '--queue', 'XH36-3.7.c', '--json')) as ReviewCase[];
      const cases = listed.filter((c) => c.submissionId === submission);
      expect(cases).toHaveLength(1);
      const [reviewCase] = cases;
      expect(reviewCase).toMatchObject({ queue: 'XH36-3.7.c', status: 'needs_review', personName: claim.personName });
      const byType = Object.fromEntries(
        reviewCase.documents.map((d) => [d.type, Object.fromEntries(Object.entries(d.fields).map(([name, field]) => [name, field.value]))]),
      );
      expect(byType.vocational_certificate).toMatchObject({
        holderName: claim.personName,
        idNumber: claim.idNumber,
        occupation: claim.occupation,
        level: claim.level,
        certificateKind: 'skill_level',
        certificateNumber: claim.certificateNumber,
        issueDate: claim.issueDate,
      });
      expect(byType.labor_contract).toMatchObject({
        employerName: claim.employerName,
        employerCreditCode: claim.creditCode,
        employeeName: claim.personName,
        employeeIdNumber: claim.idNumber,
        startDate: claim.contractStart,
        endDate: claim.contractEnd,
      });
      expect(reviewCase.decision?.programme).toBe('XH36-3.7.c');
      expect(await intake('cases', '--submission', submission)).toContain(`case-${submission}`);
    },
  );

  it('takes a redelivered S3 event without creating anything new', { timeout: 60_000 }, async () => {
    const submission = 'e2e-wang';
    const [scan] = (await documentsOf(submission)).filter((d) => d.fileName === '证书 扫描.png');
    await stack!.dispatcher.dispatch({ bucket: 'intake', key: scan.key, size: scan.size ?? 0, eTag: scan.sourceVersion });
    await stack!.settled();
    expect(await documentsOf(submission)).toHaveLength(2);
    const cases = await casesOf(submission);
    expect(cases).toHaveLength(1);
    expect(cases[0].documents).toHaveLength(2);
  });

  it('loses nothing and duplicates nothing when process crashes mid-way and the stack restarts', { timeout: 120_000 }, async () => {
    const submission = 'e2e-crash';
    const invocations: string[] = [];
    // The first stack "dies" with both messages in flight: one after its work was written but before the message
    // was deleted (a redelivery must not duplicate), one before any work (the message must survive the restart).
    await stack!.stop();
    stack = await start(async (queue, composition) => {
      const real = await loadPipelineHandlers(queue, composition);
      return {
        ...real,
        process: async (event) => {
          invocations.push(event.Records[0].messageId);
          if (invocations.length === 1) await real.process(event);
          return new Promise(() => undefined);
        },
      };
    });
    const folder = path.join(root, 'crash');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'contract-a.pdf'), makeLaborContractPdf(sampleClaim(4), { pages: 3 }));
    writeFileSync(path.join(folder, 'contract-b.pdf'), makeLaborContractPdf(sampleClaim(4), { pages: 1 }));
    await intake('submit', folder, '--submission', submission);
    await expect.poll(() => invocations.length, { timeout: 60_000, interval: 200 }).toBe(2);
    await expect.poll(async () => (await documentsOf(submission)).filter((d) => d.status === 'processed').length, { timeout: 60_000, interval: 200 }).toBe(1);
    expect(stack.queue.depth().inFlight).toBe(2);
    await stack.stop();

    stack = await start();
    await stack.settled();
    const documents = await documentsOf(submission);
    expect(documents.map((d) => [d.fileName, d.status, d.pageCount]).sort()).toEqual([
      ['contract-a.pdf', 'processed', 3],
      ['contract-b.pdf', 'processed', 1],
    ]);
    const cases = await casesOf(submission);
    expect(cases).toHaveLength(1);
    expect(cases[0].documents.map((d) => d.documentId).sort()).toEqual(documents.map((d) => d.documentId).sort());
    expect(stack.queue.depth()).toEqual({ visible: 0, delayed: 0, inFlight: 0, dead: 0 });
  });
});
