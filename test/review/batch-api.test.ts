import { HeadObjectCommand } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCaseDocument, aDocumentRecord, aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { people, rosterXlsx, type RosterPerson } from '../batches/roster-factory.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

const MiB = 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let env: ReviewTestEnv;
beforeEach(async () => {
  // Parts of 5 MiB (S3's minimum) and anything above 5 MiB multipart, so a 10 MiB file goes up in two parts.
  env = await reviewTestEnv({ batches: { multipartThreshold: 5 * MiB, partSize: 5 * MiB } });
});
afterEach(() => env.drop());

async function put(url: string, body: Uint8Array, contentType?: string): Promise<string> {
  const response = await fetch(url, { method: 'PUT', body: Buffer.from(body), headers: contentType ? { 'content-type': contentType } : {} });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers.get('etag') ?? '';
}

/** A batch of institution-a: the roster uploaded with its presigned PUT; the certificate file's target returned. */
async function aBatchWithRoster(
  persons: RosterPerson[],
  certificates = { name: '证书.zip', size: 1024, contentType: 'application/zip' },
  user = 'institution-a',
) {
  const roster = await rosterXlsx(persons);
  const created = await env.call('POST', '/batches', {
    user,
    body: {
      files: [
        { name: '名册.xlsx', size: roster.length, contentType: XLSX, role: 'roster' },
        { ...certificates, role: 'certificates' },
      ],
    },
  });
  expect(created.status).toBe(200);
  const [rosterTarget, certificateTarget] = created.json.uploads;
  await put(rosterTarget.url, roster, XLSX);
  return { batchId: created.json.batch.batchId as string, certificateTarget };
}

/** What the pipeline leaves for a ZIP of certificates: the ZIP's record and one record per entry read. */
async function seedReadCertificates(batchId: string, persons: RosterPerson[]) {
  const zipKey = `incoming/${batchId}/证书.zip`;
  await env.stores.documents.register(aDocumentRecord({ submissionId: batchId, key: zipKey, fileName: '证书.zip', status: 'processed', pageCount: 0 }));
  for (const [index, person] of persons.entries()) {
    const record = aDocumentRecord({
      submissionId: batchId,
      key: `${zipKey}/${index + 1}.pdf`,
      fileName: `${index + 1}.pdf`,
      status: 'processed',
      pageCount: 1,
      pagesDone: 1,
      documents: [
        {
          type: 'vocational_certificate',
          pages: [1],
          typeConfidence: 0.99,
          fields: {
            holderName: { value: person.name, confidence: 0.99, needsReview: false },
            idNumber: { value: person.idNumber, confidence: 0.99, needsReview: false },
            certificateNumber: { value: person.certificateNumber, confidence: 0.99, needsReview: false },
          },
        },
      ],
    });
    await env.stores.documents.register(record);
  }
}

describe('batch API: a certificate number listed by two training bodies', () => {
  it("is a finding for the bureau naming both batches, shown to each body without the other's batch id, whoever listed first", async () => {
    const [shared] = people(1);
    const first = await aBatchWithRoster([shared!], undefined, 'institution-a');
    // Another body puts the same certificate number in its own roster (a mistake, or an attempt to block the first).
    const second = await aBatchWithRoster([{ ...shared!, name: '冒用者' }], undefined, 'institution-b');

    expect((await env.call('GET', `/batches/${first.batchId}`, { user: 'institution-a' })).json.matching.crossBatchDuplicates).toEqual([]);
    const seenByB = await env.call('GET', `/batches/${second.batchId}`, { user: 'institution-b' });
    // The first body's page learns of it within a minute too: being first holds nothing.
    env.clock.advance(61);
    const seenByA = await env.call('GET', `/batches/${first.batchId}`, { user: 'institution-a' });
    for (const [view, other] of [
      [seenByA, second.batchId],
      [seenByB, first.batchId],
    ] as const) {
      expect(view.status).toBe(200);
      expect(view.json.matching.crossBatchDuplicates).toEqual([
        { certificateNumber: shared!.certificateNumber, rowNumber: expect.any(Number), otherBatches: [] },
      ]);
      expect(JSON.stringify(view.json)).not.toContain(other);
    }
    const seenByClerk = await env.call('GET', `/batches/${second.batchId}`, { user: 'clerk1' });
    expect(seenByClerk.json.matching.crossBatchDuplicates[0].otherBatches).toEqual([first.batchId]);
  });
});

describe('batch API: an institution creates a batch and uploads to the presigned URLs', () => {
  it("creates the batch for the caller's institution whatever the body says, and completes a two-part upload", async () => {
    const certificates = new Uint8Array(10 * MiB).fill(0x20);
    certificates.set(Buffer.from('%PDF-1.7\n'));
    const roster = await rosterXlsx(people(3));
    const created = await env.call('POST', '/batches', {
      user: 'institution-a',
      body: {
        institutionId: 'inst-b',
        files: [
          { name: '名册.xlsx', size: roster.length, contentType: XLSX, role: 'roster' },
          { name: '扫描件.pdf', size: certificates.length, contentType: 'application/pdf', role: 'certificates' },
        ],
      },
    });
    expect(created.status).toBe(200);
    const { batch, uploads } = created.json;
    expect(batch).toMatchObject({ institutionId: 'inst-a', status: 'created', rosterFileName: '名册.xlsx', certificateFiles: ['扫描件.pdf'] });
    expect(uploads[0]).toMatchObject({ method: 'PUT', key: `batches/${batch.batchId}/名册.xlsx` });
    expect(uploads[1]).toMatchObject({ method: 'MULTIPART', key: `incoming/${batch.batchId}/扫描件.pdf`, partSize: 5 * MiB });
    expect(uploads[1].parts).toHaveLength(2);

    await put(uploads[0].url, roster, XLSX);
    const parts = [];
    for (const part of uploads[1].parts) {
      const chunk = certificates.subarray((part.partNumber - 1) * 5 * MiB, part.partNumber * 5 * MiB);
      parts.push({ partNumber: part.partNumber, eTag: await put(part.url, chunk) });
    }
    const completed = await env.call('POST', `/batches/${batch.batchId}/uploads/complete`, {
      user: 'institution-a',
      body: { key: uploads[1].key, uploadId: uploads[1].uploadId, parts: parts.reverse() },
    });
    expect(completed.status).toBe(200);
    const head = await env.bucket.s3.send(new HeadObjectCommand({ Bucket: env.bucket.bucket, Key: uploads[1].key }));
    expect(head.ContentLength).toBe(10 * MiB);

    const progress = await env.call('GET', `/batches/${batch.batchId}`, { user: 'institution-a' });
    expect(progress.status).toBe(200);
    expect(progress.json).toMatchObject({
      roster: { uploaded: true, rows: 3, fileName: '名册.xlsx' },
      documents: { total: 0, final: 0 },
      allFinal: false,
      matching: { rosterRows: 3, matched: 0 },
      reportUrl: `/api/batches/${batch.batchId}/report.xlsx`,
    });
    expect(progress.json.matching.rowsWithoutCertificate.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([3, 4, 5]);
  });

  it('refuses a roster that is not .xlsx or .csv, a second roster and a batch without certificates with 422 before handing out URLs', async () => {
    const file = (name: string, role: string) => ({ name, size: 100, role });
    const xls = await env.call('POST', '/batches', { user: 'institution-a', body: { files: [file('名册.xls', 'roster'), file('a.zip', 'certificates')] } });
    expect(xls.status).toBe(422);
    expect(xls.json.error).toMatchObject({ code: 'roster_file_type' });
    expect(xls.json.error.zh).toContain('.xlsx');
    const two = await env.call('POST', '/batches', {
      user: 'institution-a',
      body: { files: [file('a.xlsx', 'roster'), file('b.csv', 'roster'), file('a.zip', 'certificates')] },
    });
    expect(two.json.error.code).toBe('roster_count');
    const none = await env.call('POST', '/batches', { user: 'institution-a', body: { files: [file('名册.csv', 'roster')] } });
    expect(none.json.error.code).toBe('no_certificates');
    const malformed = await env.call('POST', '/batches', { user: 'institution-a', body: { files: [{ name: 'x.zip', size: -1, role: 'certificates' }] } });
    expect(malformed.status).toBe(400);
    expect((await env.call('GET', '/batches', { user: 'institution-a' })).json.batches).toEqual([]);
  });

  it("refuses to complete an upload of a key that is not one of the batch's files", async () => {
    const { batchId } = await aBatchWithRoster(people(1));
    const { status, json } = await env.call('POST', `/batches/${batchId}/uploads/complete`, {
      user: 'institution-a',
      body: { key: 'incoming/other/x.pdf', uploadId: 'u', parts: [{ partNumber: 1, eTag: '"e"' }] },
    });
    expect(status).toBe(422);
    expect(json.error.code).toBe('not_a_batch_file');
  });
});

describe('batch API: progress and report', () => {
  it('reports documents and pages by state, roster matching and all-final once every file is read; the report opens as a workbook', async () => {
    const persons = people(3);
    const { batchId } = await aBatchWithRoster(persons);
    // Two of the three roster people have a certificate read; the certificate of a fourth person names no row.
    await seedReadCertificates(batchId, [persons[0]!, persons[2]!, people(9)[8]!]);

    const { json } = await env.call('GET', `/batches/${batchId}`, { user: 'institution-a' });
    expect(json.documents).toMatchObject({ total: 4, final: 4, byStatus: { processed: 4 }, pagesTotal: 3, pagesDone: 3 });
    expect(json.allFinal).toBe(true);
    expect(json.matching).toMatchObject({ rosterRows: 3, matched: 2, rowsWithoutCertificate: [{ rowNumber: 4, holderName: persons[1]!.name }] });
    expect(json.matching.certificatesWithoutRow).toHaveLength(1);
    expect(json.amountsByProgramme).toEqual({ 'XH36-3.7.a': 0, 'XH36-3.7.b': 0 });
    // Field values never leave in the progress: names of the institution's own people, no ID numbers.
    expect(JSON.stringify(json)).not.toContain(persons[0]!.idNumber);

    const report = await env.call('GET', `/batches/${batchId}/report.xlsx`, { user: 'institution-a' });
    expect(report.status).toBe(200);
    expect(report.response.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await report.response.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    const text = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join(' ');
    expect(text).toContain(persons[1]!.name);
  });

  it('is not all-final while an uploaded file has no record yet or a document is still being read', async () => {
    const persons = people(2);
    const { batchId } = await aBatchWithRoster(persons);
    expect((await env.call('GET', `/batches/${batchId}`, { user: 'institution-a' })).json.allFinal).toBe(false);
    await env.stores.documents.register(
      aDocumentRecord({ submissionId: batchId, key: `incoming/${batchId}/证书.zip`, status: 'processing', pageCount: 4, pagesDone: 1 }),
    );
    const { json } = await env.call('GET', `/batches/${batchId}`, { user: 'institution-a' });
    expect(json.allFinal).toBe(false);
    expect(json.documents).toMatchObject({ total: 1, final: 0, pagesTotal: 4, pagesDone: 1 });
  });

  it('is not all-final while a ZIP is done but an entry it stored has no record yet', async () => {
    const persons = people(1);
    const { batchId } = await aBatchWithRoster(persons);
    await seedReadCertificates(batchId, persons);
    // Ingest stores every entry before marking the ZIP processed; the entries' own events register them later.
    const late = `incoming/${batchId}/证书.zip/2.pdf`;
    await env.stores.blobs.put(env.bucket.bucket, late, new TextEncoder().encode('%PDF-1.7'));
    await env.stores.blobs.put(env.bucket.bucket, `incoming/${batchId}/证书.zip/1.pdf`, new TextEncoder().encode('%PDF-1.7'));
    expect((await env.call('GET', `/batches/${batchId}`, { user: 'institution-a' })).json.allFinal).toBe(false);
    await env.stores.documents.register(aDocumentRecord({ submissionId: batchId, key: late, status: 'rejected' }));
    expect((await env.call('GET', `/batches/${batchId}`, { user: 'institution-a' })).json.allFinal).toBe(true);
  });

  it('tells the institution a roster lacks columns instead of failing the progress', async () => {
    const roster = await rosterXlsx(people(2), { omit: ['证书编号', '身份证号'] });
    const created = await env.call('POST', '/batches', {
      user: 'institution-a',
      body: {
        files: [
          { name: '名册.xlsx', size: roster.length, role: 'roster' },
          { name: 'a.zip', size: 10, role: 'certificates' },
        ],
      },
    });
    await put(created.json.uploads[0].url, roster, 'application/octet-stream');
    const { status, json } = await env.call('GET', `/batches/${created.json.batch.batchId}`, { user: 'institution-a' });
    expect(status).toBe(200);
    expect(json.roster).toMatchObject({ uploaded: true, rows: 0, error: { code: 'roster_missing_columns' } });
    expect(json.roster.error.zh).toContain('名册缺少');
  });
});

describe('batch API: who may call', () => {
  it('answers 401 without a token, 404 to another institution as for an unknown batch, and lets clerks read any batch', async () => {
    const { batchId, certificateTarget } = await aBatchWithRoster(people(1));
    for (const [method, path] of [
      ['GET', '/batches'],
      ['POST', '/batches'],
      ['GET', `/batches/${batchId}`],
      ['GET', `/batches/${batchId}/report.xlsx`],
      ['POST', `/batches/${batchId}/uploads/complete`],
    ] as const) {
      expect((await env.call(method, path)).status, `${method} ${path}`).toBe(401);
    }
    const complete = { key: certificateTarget.key, uploadId: 'u', parts: [{ partNumber: 1, eTag: '"e"' }] };
    expect((await env.call('GET', `/batches/${batchId}`, { user: 'institution-b' })).json.error.code).toBe('batch_not_found');
    expect((await env.call('GET', `/batches/${batchId}/report.xlsx`, { user: 'institution-b' })).status).toBe(404);
    expect((await env.call('POST', `/batches/${batchId}/uploads/complete`, { user: 'institution-b', body: complete })).status).toBe(404);
    expect((await env.call('POST', `/batches/${batchId}/uploads/complete`, { user: 'clerk1', body: complete })).status).toBe(403);
    expect((await env.call('POST', '/batches', { user: 'clerk1', body: { files: [{ name: 'a.xlsx', size: 1, role: 'roster' }] } })).status).toBe(403);
    expect((await env.call('GET', '/batches/batch-nope', { user: 'institution-a' })).status).toBe(404);
    const clerk = await env.call('GET', `/batches/${batchId}`, { user: 'clerk1' });
    expect(clerk.status).toBe(200);
    expect(clerk.json.batch.institutionId).toBe('inst-a');
  });

  it("lists only the caller's institution's batches, newest first", async () => {
    const first = await aBatchWithRoster(people(1));
    env.clock.advance(60);
    const second = await aBatchWithRoster(people(1));
    const mine = await env.call('GET', '/batches', { user: 'institution-a' });
    expect(mine.json.batches.map((batch: { batchId: string }) => batch.batchId)).toEqual([second.batchId, first.batchId]);
    expect((await env.call('GET', '/batches', { user: 'institution-b' })).json.batches).toEqual([]);
  });

  it('lets the institution that created a batch open its cases and the batch view, though the cases do not name it', async () => {
    const { batchId } = await aBatchWithRoster(people(1));
    const reviewCase = aReviewCase({ submissionId: batchId, applicant: { kind: 'training_body' }, queue: 'XH36-3.7.a', documents: [aCaseDocument()] });
    await env.stores.cases.create(reviewCase, anAuditEvent(reviewCase.caseId, { action: 'create', actor: 'pipeline' }));
    expect((await env.call('GET', `/cases/${reviewCase.caseId}`, { user: 'institution-a' })).status).toBe(200);
    expect((await env.call('GET', `/submissions/${batchId}/cases`, { user: 'institution-a' })).json.cases).toHaveLength(1);
    expect((await env.call('GET', `/cases/${reviewCase.caseId}`, { user: 'institution-b' })).status).toBe(404);
    expect((await env.call('GET', `/submissions/${batchId}/cases`, { user: 'institution-b' })).status).toBe(404);
  });

  it('lists every batch route in /openapi.json', async () => {
    const { json } = await env.call('GET', '/openapi.json');
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining(['/api/batches', '/api/batches/{batchId}', '/api/batches/{batchId}/uploads/complete', '/api/batches/{batchId}/report.xlsx']),
    );
    expect(json.paths['/api/batches'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateBatchRequest' });
    expect(json.components.schemas.BatchProgress.properties.matching).toBeDefined();
  });
});
