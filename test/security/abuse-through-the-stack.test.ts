/**
 * Issue 15, replayed as an attacker would send it: through the embedded stack's own entry points (uploads to its S3
 * server that its S3 events carry to the real ingest/process handlers, e-mail messages as raw MIME, requests over TCP
 * to its HTTP server and the review API mounted there), never through a helper function. The unit-level tests
 * (test/email, test/faults/bad-input, test/review) pin the same behaviour in detail; these show it holds end to end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { DynamoDbEnterpriseRegister } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { emailIdFor } from '../../shared/email/index.js';
import type { EmailRecord } from '../../shared/email/index.js';
import { startEmbeddedStack, type EmbeddedStack } from '../../local/embedded-stack.js';
import { freePort } from '../../local/free-port.js';
import { makeCertificatePdf, sampleClaim } from '../../local/sample-documents.js';
import type { LocalApi } from '../../local/http-server.js';
import { buildZip } from '../archives/zip-factory.js';
import { buildMime, pdfBytes, sesVerified } from '../email/mime-factory.js';
import { makeDigitalPdf, makeHandWrittenPdf } from '../pdf/pdf-factory.js';
import { seedClaim, type ReviewStores } from '../review/review-fixtures.js';
import { uniqueName } from '../support/local-aws.js';

const BUCKET = 'intake';
const SETTLED = ['processed', 'needs_review', 'rejected', 'failed', 'duplicate'];

describe('issue 15 abuse replayed against the embedded stack', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'intake-abuse-'));
  const tableName = uniqueName('abuse');
  let stack: EmbeddedStack;
  let stores: ReviewStores;

  beforeAll(async () => {
    process.env.INTAKE_LOCAL_LOG_LEVEL = 'error';
    process.env.POWERTOOLS_LOG_LEVEL = 'CRITICAL';
    stack = await startEmbeddedStack({
      dataDir: path.join(root, 'data'),
      dynamoDbEndpoint: process.env.INTAKE_TEST_DYNAMODB_ENDPOINT,
      s3Port: await freePort(),
      httpPort: 0,
      inboxDir: false,
      tableName,
      bucket: BUCKET,
      stopGraceMs: 200,
      queue: { failureDelaySeconds: 0 },
      // The review API as `npm start` mounts it (local/start.ts): the Lambda's router with the development sign-in.
      loadApi: async (composition) => (await import('../../functions/api/app.js')).createApiApp(composition) as unknown as LocalApi,
    });
    stores = {
      cases: new DynamoDbCaseRepository(stack.db, tableName),
      documents: new DynamoDbDocumentRepository(stack.db, tableName),
      blobs: new S3BlobStore(stack.s3),
      enterprises: new DynamoDbEnterpriseRegister(stack.db, tableName),
      bucket: BUCKET,
      emails: new DynamoDbEmailRecordStore(stack.db, tableName),
    };
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** An upload as `intake submit` or a presigned PUT makes it: a PutObject to the stack's S3 server. */
  const upload = async (key: string, body: Uint8Array) => {
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    return (put.VersionId ?? put.ETag ?? '').replace(/"/g, '');
  };
  const settledDocuments = async (submissionId: string, count: number) => {
    let records: Awaited<ReturnType<DynamoDbDocumentRepository['listBySubmission']>> = [];
    await expect
      .poll(async () => (records = (await stores.documents.listBySubmission(submissionId)).filter((r) => SETTLED.includes(r.status))).length, {
        timeout: 90_000,
        interval: 250,
      })
      .toBeGreaterThanOrEqual(count);
    return records;
  };
  const keysUnder = async (prefix: string) =>
    ((await stack.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((object) => object.Key!);
  /** The e-mail record ingest handed a dropped `.eml` to, found by the id the e-mail intake derives. */
  const emailRecordOf = async (key: string, sourceVersion: string) => {
    let record: EmailRecord | undefined;
    await expect
      .poll(async () => (record = await stores.emails!.get(emailIdFor(BUCKET, key, sourceVersion)))?.status, { timeout: 60_000, interval: 250 })
      .toMatch(/accepted|rejected/);
    return record!;
  };

  /** Raw HTTP over TCP to the stack's server, so the body limit is met where a client's bytes arrive. */
  const http = (method: string, pathName: string, options: { token?: string; body?: Buffer | string } = {}) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(`/api${pathName}`, stack.endpoints.http);
      const req = httpRequest(
        url,
        { method, headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      // The server may answer and close before a large body is fully written.
      const closedEarly = (error: NodeJS.ErrnoException) => error.code === 'EPIPE' || error.code === 'ECONNRESET';
      req.on('error', (error: NodeJS.ErrnoException) => (closedEarly(error) ? undefined : reject(error)));
      req.on('socket', (socket) => socket.on('error', () => undefined));
      if (options.body !== undefined) req.write(options.body, () => undefined);
      req.end();
    });
  const tokenOf = async (username: string) => JSON.parse((await http('POST', '/auth/sign-in', { body: JSON.stringify({ username }) })).text).token as string;

  it(
    'item 9: refuses an uploaded 1 KB PDF declaring one 5000 × 5000 pt page as `pdf_page_too_large`, stored with its reason',
    { timeout: 120_000 },
    async () => {
      const poster = makeHandWrittenPdf(5000, 5000);
      expect(poster.byteLength).toBeLessThan(4096);
      await upload('incoming/abuse-poster/poster.pdf', poster);

      const [record] = await settledDocuments('abuse-poster', 1);

      expect(record).toMatchObject({ status: 'rejected', error: { code: 'pdf_page_too_large' } });
    },
  );

  it('item 11: expands an uploaded stored (uncompressed) ZIP of PDFs and reads each entry as `archive.zip/entry`', { timeout: 120_000 }, async () => {
    const zip = await buildZip([
      { name: 'a.pdf', bytes: makeDigitalPdf([[{ text: '职业技能等级证书', x: 72, y: 100 }]]), store: true },
      { name: 'b.pdf', bytes: makeDigitalPdf([[{ text: '劳动合同', x: 72, y: 100 }]]), store: true },
    ]);
    await upload('incoming/abuse-stored-zip/stored.zip', zip);

    const records = await settledDocuments('abuse-stored-zip', 3);

    const byName = Object.fromEntries(records.map((r) => [r.key.split('/').slice(2).join('/'), { status: r.status, code: r.error?.code }]));
    expect(byName['stored.zip']).toEqual({ status: 'processed', code: undefined });
    // Each entry is read as a PDF of its own (a one-line page is no complete certificate, so a clerk may look at it).
    for (const entry of ['stored.zip/a.pdf', 'stored.zip/b.pdf']) {
      expect(['processed', 'needs_review'], entry).toContain(byName[entry]?.status);
      expect(byName[entry]?.code, entry).toBeUndefined();
    }
    expect(Object.keys(byName).sort()).toEqual(['stored.zip', 'stored.zip/a.pdf', 'stored.zip/b.pdf']);
  });

  it(
    "item 7: keeps SES's virus FAIL when the sender wrote its own PASS below it: the message is refused and none of its files is stored",
    { timeout: 120_000 },
    async () => {
      const key = 'incoming/abuse-mail-virus/message.eml';
      const version = await upload(
        key,
        buildMime({
          from: 'zhang@example.cn',
          sesHeaders: sesVerified('example.cn', { virus: 'FAIL' }),
          headers: { 'X-SES-Virus-Verdict': 'PASS', 'X-SES-Spam-Verdict': 'PASS' },
          attachments: [{ fileName: 'payload.pdf', contentType: 'application/pdf', bytes: pdfBytes('virus') }],
        }),
      );

      const record = await emailRecordOf(key, version);

      expect(record).toMatchObject({ status: 'rejected', error: { code: 'email_virus' } });
      expect(record.reply).toBeUndefined();
      expect(await keysUnder(`incoming/${record.emailId}/`)).toEqual([]);
    },
  );

  it(
    "item 8: refuses a forged From: (SPF and DKIM fail) without a reply, and a verified sender's reply quotes none of its text",
    { timeout: 120_000 },
    async () => {
      const forgedKey = 'incoming/abuse-mail-forged/message.eml';
      const forgedVersion = await upload(
        forgedKey,
        buildMime({
          from: 'victim@example.cn',
          sesHeaders: [
            ['X-SES-Spam-Verdict', 'PASS'],
            ['X-SES-Virus-Verdict', 'PASS'],
            [
              'Authentication-Results',
              'amazonses.com; spf=fail smtp.mailfrom=attacker.example; dkim=fail header.i=@example.cn; dmarc=fail header.from=example.cn',
            ],
          ],
          // A sender-written result below SES's own must not count.
          headers: { 'Authentication-Results': 'amazonses.com; spf=pass smtp.mailfrom=example.cn; dkim=pass header.i=@example.cn' },
          subject: '点击 http://evil.example/x 领取补贴',
          attachments: [{ fileName: 'http-evil.example-claim.pdf', contentType: 'application/pdf', bytes: pdfBytes('forged') }],
        }),
      );
      const verifiedKey = 'incoming/abuse-mail-echo/message.eml';
      const verifiedVersion = await upload(
        verifiedKey,
        buildMime({
          from: 'zhang@example.cn',
          sesHeaders: sesVerified('example.cn'),
          subject: '中奖通知 http://evil.example/win',
          attachments: [{ fileName: 'visit-http-evil.example.txt', contentType: 'text/plain', bytes: 'x' }],
        }),
      );

      const forged = await emailRecordOf(forgedKey, forgedVersion);
      const verified = await emailRecordOf(verifiedKey, verifiedVersion);

      expect(forged).toMatchObject({ status: 'rejected', error: { code: 'email_forged_sender' } });
      expect(forged.reply).toBeUndefined();
      expect(await keysUnder(`incoming/${forged.emailId}/`)).toEqual([]);
      expect(verified.reply?.to).toBe('zhang@example.cn');
      expect(`${verified.reply?.subject}\n${verified.reply?.text}`).not.toMatch(/evil|中奖|visit/);
    },
  );

  it('item 10: answers a 60 MB sign-in body over TCP with 413 and echoes none of it; a 3 KB id gets 404, not 500', { timeout: 120_000 }, async () => {
    const marker = 'ECHO-ME-';
    const huge = Buffer.alloc(60 * 1024 * 1024, 'a');
    huge.write(`{"username":"${marker}`, 0);

    const refused = await http('POST', '/auth/sign-in', { body: huge });
    const longId = await http('GET', `/cases/${'c'.repeat(3 * 1024)}`, { token: await tokenOf('clerk1') });

    expect(refused.status).toBe(413);
    expect(refused.text).not.toContain(marker);
    expect(refused.text.length).toBeLessThan(2048);
    expect(longId.status).toBe(404);
  });

  it(
    "items 4–6 over HTTP: another institution's case answers as an unknown id (404), its own view carries no staff internals, a foreign field name gets 422",
    { timeout: 120_000 },
    async () => {
      const ours = await seedClaim(stores, { institutionId: 'inst-a', level: 3, flagged: ['level'] });
      const theirs = await seedClaim(stores, { institutionId: 'inst-b' });
      const [institutionA, clerk] = [await tokenOf('institution-a'), await tokenOf('clerk1')];
      const staff = JSON.parse((await http('GET', `/cases/${ours.caseId}`, { token: clerk })).text);
      const certificate = staff.case.documents.find((d: { type: string }) => d.type === 'vocational_certificate');
      const correction = { documentId: certificate.documentId, indexInFile: 0 };
      const patched = await http('PATCH', `/cases/${ours.caseId}/fields`, {
        token: clerk,
        body: JSON.stringify({ version: staff.case.version, corrections: [{ ...correction, field: 'level', value: 2 }] }),
      });
      await http('POST', `/cases/${ours.caseId}/request-documents`, {
        token: clerk,
        body: JSON.stringify({ version: JSON.parse(patched.text).case.version, documents: ['劳动合同'], note: '内部备注：电话联系过' }),
      });

      const foreign = await http('GET', `/cases/${theirs.caseId}`, { token: institutionA });
      const unknown = await http('GET', '/cases/case-nobody-has', { token: institutionA });
      const ownView = await http('GET', `/cases/${ours.caseId}`, { token: institutionA });
      const current = JSON.parse((await http('GET', `/cases/${theirs.caseId}`, { token: clerk })).text);
      const badFields = await Promise.all(
        ['toString', 'constructor', '__proto__'].map((field) =>
          http('PATCH', `/cases/${theirs.caseId}/fields`, {
            token: clerk,
            body: JSON.stringify({
              version: current.case.version,
              corrections: [
                {
                  documentId: current.case.documents.find((d: { type: string }) => d.type === 'vocational_certificate').documentId,
                  indexInFile: 0,
                  field,
                  value: 'x',
                },
              ],
            }),
          }),
        ),
      );

      // 6: the same answer for another institution's id as for an id nobody has.
      expect([foreign.status, unknown.status]).toEqual([404, 404]);
      expect(JSON.parse(foreign.text).error.code).toBe(JSON.parse(unknown.text).error.code);
      expect(foreign.text).not.toContain('inst-b');
      // 5: the institution's own view.
      expect(ownView.status).toBe(200);
      expect(JSON.parse(ownView.text)).toMatchObject({ view: 'institution', case: { requestedDocuments: ['劳动合同'] } });
      for (const secret of ['clerk1', '内部备注', 'correction', 'audit', 'lease', 'claimKeys']) expect(ownView.text, secret).not.toContain(secret);
      // 4: only the fields of the document's type.
      expect(badFields.map((answer) => answer.status)).toEqual([422, 422, 422]);
      expect((await stores.cases.get(theirs.caseId))!.version).toBe(current.case.version);
    },
  );
  it(
    'item 1: a certificate uploaded to an approved claim leaves the approved case and the payment export as they were, and opens a follow-up',
    { timeout: 180_000 },
    async () => {
      // A claim confirmed by one clerk and approved by a supervisor at 5,000 yuan (level 2), as the review API does it.
      const person = sampleClaim(0); // level 1 (高级技师)
      const seeded = await seedClaim(stores, { submissionId: 'abuse-late', personName: person.personName, idNumber: person.idNumber, level: 2 });
      const [clerk, supervisor] = [await tokenOf('clerk1'), await tokenOf('supervisor1')];
      const confirmed = JSON.parse(
        (await http('POST', `/cases/${seeded.caseId}/confirm`, { token: clerk, body: JSON.stringify({ version: seeded.version }) })).text,
      ).case;
      const approvedAnswer = await http('POST', `/cases/${seeded.caseId}/approve`, { token: supervisor, body: JSON.stringify({ version: confirmed.version }) });
      expect(approvedAnswer.status).toBe(200);
      const approved = (await stores.cases.get(seeded.caseId))!;
      // The export's from/to are the bureau's days (UTC+8): the approval at 00:30 in Hangzhou is still 16:30 UTC.
      const day = new Date(Date.parse(approved.approvedAt!) + 8 * 3600_000).toISOString().slice(0, 10);
      const payments = async () =>
        (
          JSON.parse((await http('GET', `/exports/payments?from=${day}&to=${day}&format=json`, { token: supervisor })).text) as {
            caseId: string;
            amountYuan: number;
          }[]
        )
          .filter((row) => row.caseId.startsWith(seeded.caseId))
          .map((row) => [row.caseId, row.amountYuan]);
      expect(await payments()).toEqual([[seeded.caseId, 5000]]);

      // The attacker (or a careless applicant) uploads a level-1 certificate of the same person to the same submission.
      await upload('incoming/abuse-late/一级证书.pdf', makeCertificatePdf(person));
      await expect.poll(async () => (await stores.cases.listBySubmission('abuse-late')).length, { timeout: 120_000, interval: 500 }).toBe(2);
      await stack.settled();

      const after = (await stores.cases.get(seeded.caseId))!;
      const followUp = (await stores.cases.listBySubmission('abuse-late')).find((c) => c.caseId !== seeded.caseId)!;
      expect(after).toMatchObject({
        status: 'approved',
        version: approved.version,
        decision: { amountYuan: 5000 },
        confirmedBy: 'clerk1',
        approvedBy: 'supervisor1',
      });
      expect(after.documents.map((d) => d.documentId)).toEqual(approved.documents.map((d) => d.documentId));
      expect(followUp).toMatchObject({ caseId: `${seeded.caseId}-f1`, followUpOf: { caseId: seeded.caseId, status: 'approved' } });
      expect(['approved', 'confirmed', 'paid']).not.toContain(followUp.status);
      expect(await payments()).toEqual([[seeded.caseId, 5000]]);
    },
  );
  it(
    "item 2: a certificate an individual uploads stays in the individual's claim when a training body uploaded the same bytes first, linked as a finding",
    { timeout: 180_000 },
    async () => {
      const bytes = makeCertificatePdf(sampleClaim(3));
      await upload('incoming/abuse-body-7/证书.pdf', bytes);
      const [bodyRecord] = await settledDocuments('abuse-body-7', 1);
      await upload('incoming/abuse-wang/我的证书.pdf', bytes);

      const [claimRecord] = await settledDocuments('abuse-wang', 1);
      await expect.poll(async () => (await stores.cases.listBySubmission('abuse-wang')).length, { timeout: 60_000, interval: 250 }).toBe(1);

      expect(claimRecord!.status).not.toBe('duplicate');
      expect(claimRecord).toMatchObject({ sameContentAs: { documentId: bodyRecord!.documentId, submissionId: 'abuse-body-7' } });
      const [claimCase] = await stores.cases.listBySubmission('abuse-wang');
      expect(claimCase!.documents.map((d) => d.documentId)).toContain(claimRecord!.documentId);
    },
  );
});
