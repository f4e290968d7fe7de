import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewCase } from '../../shared/cases/index.js';
import { caseSearchResponseSchema } from '../../shared/review/index.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';
import { seedClaim } from './review-fixtures.js';

/** `GET /api/cases` (issue 16 item 3): lists by state, my cases and search, for staff only. */
describe('GET /cases', () => {
  let env: ReviewTestEnv;
  let confirmed: ReviewCase;
  let waiting: ReviewCase;
  let rejected: ReviewCase;

  beforeAll(async () => {
    env = await reviewTestEnv();
    confirmed = await seedClaim(env.stores, {
      personName: '陈思远',
      idNumber: '330106199203034321',
      createdAt: '2022-11-20T01:00:00.000Z',
      withPageImage: false,
    });
    waiting = await seedClaim(env.stores, {
      personName: '林小雨',
      idNumber: '330106199505056789',
      createdAt: '2022-11-20T02:00:00.000Z',
      withPageImage: false,
      withEnterprise: false,
    });
    rejected = await seedClaim(env.stores, {
      personName: '周海',
      idNumber: '330106198808082468',
      createdAt: '2022-11-20T03:00:00.000Z',
      withPageImage: false,
      withEnterprise: false,
    });
    // clerk1 claims the oldest and confirms it; clerk2 claims the next and rejects it.
    const first = await env.call('POST', `/queues/${encodeURIComponent(confirmed.queue)}/claim`, { user: 'clerk1' });
    await env.call('POST', `/cases/${confirmed.caseId}/confirm`, { user: 'clerk1', body: { version: first.json.case.version } });
    const second = await env.call('POST', `/queues/${encodeURIComponent(waiting.queue)}/claim`, { user: 'clerk2' });
    expect(second.json.case.caseId).toBe(waiting.caseId);
    const third = await env.call('POST', `/queues/${encodeURIComponent(rejected.queue)}/claim`, { user: 'clerk2' });
    await env.call('POST', `/cases/${rejected.caseId}/reject`, { user: 'clerk2', body: { version: third.json.case.version, reason: '证书信息与本人不符' } });
  }, 120_000);
  afterAll(() => env?.drop());

  const ids = (json: { items: { caseId: string }[] }) => json.items.map((item) => item.caseId);

  it('lists the cases waiting for approval (待审批) for a supervisor, with the count of every state', async () => {
    const { status, json } = await env.call('GET', '/cases?status=confirmed', { user: 'supervisor1' });

    expect(status).toBe(200);
    expect(caseSearchResponseSchema.parse(json)).toBeTruthy();
    expect(ids(json)).toEqual([confirmed.caseId]);
    expect(json.counts).toEqual({ needs_review: 1, awaiting_documents: 0, confirmed: 1, rejected: 1, approved: 0, paid: 0, declined: 0 });
  });

  it('lists 待审核 with claimed cases included when no state is asked, and 已驳回 on its own', async () => {
    const [open, refused] = await Promise.all([env.call('GET', '/cases', { user: 'clerk1' }), env.call('GET', '/cases?status=rejected', { user: 'clerk1' })]);

    expect(open.json.items).toEqual([expect.objectContaining({ caseId: waiting.caseId, status: 'claimed' })]);
    expect(ids(refused.json)).toEqual([rejected.caseId]);
  });

  it("lists my cases: the ones I confirmed or hold, not another clerk's", async () => {
    const [mine, theirs, theirsRejected] = await Promise.all([
      env.call('GET', '/cases?mine=1', { user: 'clerk1' }),
      env.call('GET', '/cases?mine=1', { user: 'clerk2' }),
      env.call('GET', '/cases?mine=1&status=rejected', { user: 'clerk2' }),
    ]);

    expect(ids(mine.json)).toEqual([confirmed.caseId]);
    // clerk2 holds the waiting case; rejecting released the other (a rejection is not "mine").
    expect(ids(theirs.json)).toEqual([waiting.caseId]);
    expect(ids(theirsRejected.json)).toEqual([]);
  });

  it('finds a case by name, ID number, certificate number and case id', async () => {
    const certificateNumber = String(waiting.documents.find((d) => d.type === 'vocational_certificate')!.fields.certificateNumber!.value);
    const terms = ['林小雨', '330106199505056789', certificateNumber, waiting.caseId];

    const found = await Promise.all(terms.map((q) => env.call('GET', `/cases?q=${encodeURIComponent(q)}`, { user: 'supervisor1' })));
    const nothing = await env.call('GET', `/cases?q=${encodeURIComponent('不存在的人')}`, { user: 'supervisor1' });

    expect(found.map((r) => ids(r.json))).toEqual(terms.map(() => [waiting.caseId]));
    expect(ids(nothing.json)).toEqual([]);
  });

  it('narrows a search by state', async () => {
    const { json } = await env.call('GET', `/cases?q=${encodeURIComponent('陈思远')}&status=rejected`, { user: 'supervisor1' });

    expect(ids(json)).toEqual([]);
  });

  it('pages a state with a cursor', async () => {
    const first = await env.call('GET', '/cases?status=confirmed&limit=1', { user: 'supervisor1' });
    const next = first.json.cursor ? await env.call('GET', `/cases?status=confirmed&limit=1&cursor=${first.json.cursor}`, { user: 'supervisor1' }) : undefined;

    expect(ids(first.json)).toEqual([confirmed.caseId]);
    expect(next === undefined || ids(next.json).length === 0).toBe(true);
  });

  it('refuses institutions (403) and callers without a token (401)', async () => {
    const [institution, anonymous] = await Promise.all([env.call('GET', '/cases?q=林小雨', { user: 'institution-a' }), env.call('GET', '/cases')]);

    expect([institution.status, anonymous.status]).toEqual([403, 401]);
  });

  it('answers 400 to an unknown state or a cursor of another list', async () => {
    const page = await env.call('GET', '/cases?status=confirmed&limit=1', { user: 'supervisor1' });
    const cursor = page.json.cursor ?? Buffer.from(JSON.stringify({ GSI4PK: 'STATE#confirmed', GSI4SK: 'x', PK: 'x', SK: 'CASE' })).toString('base64url');

    const [unknown, foreign] = await Promise.all([
      env.call('GET', '/cases?status=closed', { user: 'clerk1' }),
      env.call('GET', `/cases?status=rejected&cursor=${cursor}`, { user: 'clerk1' }),
    ]);

    expect([unknown.status, foreign.status]).toEqual([400, 400]);
  });
});
