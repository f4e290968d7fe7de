/**
 * `GET /api/submissions/{id}`: what came in under one submission, through the real e-mail intake and ingest over
 * DynamoDB Local and the S3 server — the sender, subject and body, and every attached file with its state, refused
 * ones with why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionFile } from '../../shared/review/submission-service.js';
import { EMAIL_SUBMISSION, seedEmailSubmission } from './email-submission-fixture.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

let env: ReviewTestEnv;
let emailId: string;

beforeAll(async () => {
  env = await reviewTestEnv();
  emailId = await seedEmailSubmission(env.stores);
});

afterAll(() => env?.drop());

describe('submission detail', () => {
  it('shows a clerk the sender, subject and body, and every attached file with its state, refused ones with why', async () => {
    const { status, json } = await env.call('GET', `/submissions/${emailId}`, { user: 'clerk1' });
    expect(status).toBe(200);
    expect(json.channel).toBe('email');
    const { from, fromName, subject, body, files } = EMAIL_SUBMISSION;
    expect(json.email).toMatchObject({ from, fromName, subject, bodyText: body, senderVerified: true, stateZh: '已受理' });
    const byName = Object.fromEntries((json.files as SubmissionFile[]).map((file) => [file.fileName, file]));
    expect(Object.keys(byName).sort()).toEqual(Object.values(files).sort());
    // Stored, its pages queued for reading.
    expect(byName[files.readable]).toMatchObject({ state: 'processing', stateZh: '识别中', pageCount: 2 });
    // A PNG sent as .pdf: stored, then rejected by ingest, with the reason in Chinese.
    expect(byName[files.pngAsPdf]).toMatchObject({ state: 'rejected', stateZh: '已拒收' });
    expect(byName[files.pngAsPdf].reasonZh).toContain('文件实际内容不符');
    // Refused by the e-mail intake: never stored, but listed with why.
    expect(byName[files.refused]).toMatchObject({ state: 'refused', stateZh: '未受理' });
    expect(byName[files.refused].reasonZh).toMatch(/[\u4e00-\u9fff]/);
    expect(byName[files.refused].documentId).toBeUndefined();
  });

  it('answers 404 to an institution and to an unknown submission, alike', async () => {
    const other = await env.call('GET', `/submissions/${emailId}`, { user: 'institution-a' });
    const unknown = await env.call('GET', '/submissions/email-does-not-exist', { user: 'clerk1' });
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(other.json.error.code).toBe(unknown.json.error.code);
  });
});
