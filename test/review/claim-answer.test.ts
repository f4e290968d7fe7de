import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedClaim } from './review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

let env: ReviewTestEnv;
beforeEach(async () => {
  env = await reviewTestEnv();
});
afterEach(() => env.drop());

// POST /queues/{queue}/claim answers with the case and its trail read beside the claim's write, not after it
// (docs/capacity.md, 2026-12-05: the claim's tail).
describe('review API: the claim answer', () => {
  it('carries the audit trail as the claim left it, the claim last, exactly as a read of the case then shows it', { timeout: 60_000 }, async () => {
    const seeded = await seedClaim(env.stores);

    const claimed = await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk1' });
    const read = await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' });

    expect(claimed.status).toBe(200);
    expect(claimed.json.audit).toEqual(read.json.audit);
    expect(claimed.json.audit.at(-1)).toMatchObject({ action: 'claim', actor: 'clerk1' });
    expect(claimed.json.case).toEqual(read.json.case);
    expect(claimed.json.view).toEqual(read.json.view);
  });

  it('says in Server-Timing how long the store claim, the trail and the answer took, and only the claim when none waits', { timeout: 60_000 }, async () => {
    await seedClaim(env.stores);

    const claimed = await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk1' });
    const none = await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk2' });

    expect(claimed.response.headers.get('server-timing')).toMatch(/^claim;dur=[0-9.]+, trail;dur=[0-9.]+, answer;dur=[0-9.]+$/);
    expect(none.status).toBe(204);
    expect(none.response.headers.get('server-timing')).toMatch(/^claim;dur=[0-9.]+$/);
  });
});
