import ExcelJS from 'exceljs';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedClaim } from './review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

let env: ReviewTestEnv;
beforeEach(async () => {
  env = await reviewTestEnv();
});
afterEach(() => env.drop());

/** The certificate document of a seeded claim and a field of it, as a correction names them. */
function certificateOf(detail: { case: { documents: { documentId: string; type: string }[] } }) {
  const certificate = detail.case.documents.find((d) => d.type === 'vocational_certificate')!;
  return { documentId: certificate.documentId, indexInFile: 0 };
}

describe('review API: who may call', () => {
  it('answers 401 without a token, with a malformed header and with a token signed by another key', async () => {
    expect((await env.call('GET', '/queues')).status).toBe(401);
    expect((await env.call('GET', '/queues', { token: 'not-a-jwt' })).json.error.code).toBe('not_authenticated');
    const forged = await new SignJWT({ 'cognito:username': 'supervisor1', 'cognito:groups': ['supervisor'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('skill-subsidy-intake/local')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('someone-elses-secret-0123456789abcdef'));
    const { status, json } = await env.call('GET', '/exports/payments?from=2026-01-01&to=2026-12-31', { token: forged });
    expect(status).toBe(401);
    expect(json.error.zh).toBe('请先登录。');
  });

  it('signs in seeded users only and tells the caller who they are', async () => {
    const signIn = await env.call('POST', '/auth/sign-in', { body: { username: 'institution-a' } });
    expect(signIn.status).toBe(200);
    const me = await env.call('GET', '/me', { token: signIn.json.token });
    expect(me.json).toEqual({ userId: 'institution-a', displayName: '西湖职业培训学校', roles: ['institution'], institutionId: 'inst-a' });
    expect((await env.call('POST', '/auth/sign-in', { body: { username: 'mallory' } })).status).toBe(401);
  });

  it("keeps institution users to their own cases, pages and uploads, answering another institution's ids exactly as unknown ones (404)", async () => {
    const ours = await seedClaim(env.stores, { institutionId: 'inst-a' });
    const theirs = await seedClaim(env.stores, { institutionId: 'inst-b' });
    expect((await env.call('GET', `/cases/${ours.caseId}`, { user: 'institution-a' })).status).toBe(200);
    const refused = await env.call('GET', `/cases/${theirs.caseId}`, { user: 'institution-a' });
    const unknown = await env.call('GET', '/cases/case-nobody-has', { user: 'institution-a' });
    expect(refused.status).toBe(404);
    expect(refused.json.error.code).toBe(unknown.json.error.code);
    expect(refused.json.error.zh.replace(theirs.caseId, 'ID')).toBe(unknown.json.error.zh.replace('case-nobody-has', 'ID'));
    const theirPage = (await env.call('GET', `/cases/${theirs.caseId}`, { user: 'clerk1' })).json.pages[0].url.replace('/api', '');
    const refusedPage = await env.call('GET', theirPage, { user: 'institution-a' });
    expect(refusedPage.status).toBe(404);
    expect(refusedPage.json.error.code).toBe((await env.call('GET', '/documents/doc-nobody-has/pages/1', { user: 'institution-a' })).json.error.code);
    expect((await env.call('GET', `/submissions/${theirs.submissionId}/cases`, { user: 'institution-a' })).status).toBe(404);
    expect((await env.call('GET', `/submissions/${ours.submissionId}/cases`, { user: 'institution-a' })).json.cases).toHaveLength(1);
    // Institutions see states, they do not work the queues or change cases.
    expect(
      (
        await env.call('PATCH', `/cases/${ours.caseId}/fields`, {
          user: 'institution-a',
          body: { version: ours.version, corrections: [{ documentId: 'd', field: 'level', value: 1 }] },
        })
      ).status,
    ).toBe(403);
    expect((await env.call('GET', '/queues', { user: 'institution-a' })).status).toBe(403);
    expect((await env.call('POST', `/cases/${ours.caseId}/confirm`, { user: 'institution-a', body: { version: ours.version } })).status).toBe(403);
  });
});

describe('review API: what a training body sees of its case', () => {
  it("gives an institution its own view: state, outcome, reasons and documents asked for, never clerks' notes, user ids or corrections", async () => {
    const ours = await seedClaim(env.stores, { institutionId: 'inst-a', level: 3, flagged: ['level'] });
    const staff = (await env.call('GET', `/cases/${ours.caseId}`, { user: 'clerk1' })).json;
    const corrected = await env.call('PATCH', `/cases/${ours.caseId}/fields`, {
      user: 'clerk1',
      body: { version: staff.case.version, corrections: [{ ...certificateOf(staff), field: 'level', value: 2 }] },
    });
    await env.call('POST', `/cases/${ours.caseId}/request-documents`, {
      user: 'clerk1',
      body: { version: corrected.json.case.version, documents: ['劳动合同'], note: '内部备注：电话联系过' },
    });

    const shown = await env.call('GET', `/cases/${ours.caseId}`, { user: 'institution-a' });

    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({
      view: 'institution',
      case: { caseId: ours.caseId, status: 'awaiting_documents', statusZh: '待补材料', requestedDocuments: ['劳动合同'] },
    });
    expect(shown.json.case.reasons.length).toBeGreaterThan(0);
    expect(shown.json.pages[0].url).toContain('/pages/1');
    const text = JSON.stringify(shown.json);
    for (const secret of ['clerk1', '内部备注', 'correction', 'audit', 'lease', 'confirmedBy', 'trace', 'claimKeys'])
      expect(text, secret).not.toContain(secret);
    // Staff still get the whole case with its trail.
    expect(JSON.stringify((await env.call('GET', `/cases/${ours.caseId}`, { user: 'clerk2' })).json)).toContain('clerk1');
  });
});

describe('review API: queues and claims', () => {
  it('lists every programme queue with what waits in it, unclassified included', async () => {
    await seedClaim(env.stores, { level: 2 });
    await seedClaim(env.stores, { level: 2 });
    await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const { status, json } = await env.call('GET', '/queues', { user: 'clerk1' });
    expect(status).toBe(200);
    const waiting = Object.fromEntries(json.queues.map((q: { queue: string; waiting: number }) => [q.queue, q.waiting]));
    expect(waiting).toMatchObject({ 'XH36-3.7.c': 2, 'XH36-3.2': 1, unclassified: 0 });
    expect(json.queues.find((q: { queue: string }) => q.queue === 'XH36-3.7.c').title).toBe('高技能人才一次性补贴（个人）');
  });

  it('lists a queue oldest first, a page at a time with a cursor', async () => {
    const newest = await seedClaim(env.stores, { createdAt: '2022-11-20T03:00:00.000Z' });
    const oldest = await seedClaim(env.stores, { createdAt: '2022-11-20T01:00:00.000Z' });
    const middle = await seedClaim(env.stores, { createdAt: '2022-11-20T02:00:00.000Z' });
    const first = await env.call('GET', '/queues/XH36-3.7.c/cases?limit=2', { user: 'clerk1' });
    expect(first.json.items.map((c: { caseId: string }) => c.caseId)).toEqual([oldest.caseId, middle.caseId]);
    const second = await env.call('GET', `/queues/XH36-3.7.c/cases?limit=2&cursor=${encodeURIComponent(first.json.cursor)}`, { user: 'clerk1' });
    expect(second.json.items.map((c: { caseId: string }) => c.caseId)).toEqual([newest.caseId]);
    expect((await env.call('GET', `/queues/XH36-3.2/cases?cursor=${encodeURIComponent(first.json.cursor)}`, { user: 'clerk1' })).status).toBe(400);
  });

  it('never gives two concurrent claimers the same case, and answers 204 when none is left', async () => {
    await seedClaim(env.stores);
    await seedClaim(env.stores);
    const claims = await Promise.all(['clerk1', 'clerk2', 'supervisor1'].map((user) => env.call('POST', '/queues/XH36-3.7.c/claim', { user })));
    const got = claims.filter((c) => c.status === 200).map((c) => c.json.case);
    expect(got).toHaveLength(2);
    expect(new Set(got.map((c) => c.caseId)).size).toBe(2);
    expect(claims.filter((c) => c.status === 204)).toHaveLength(1);
    const winners = claims.filter((c) => c.status === 200);
    for (const claimed of got) expect(claimed.status).toBe('claimed');
    expect(new Set(got.map((c) => c.lease.holder)).size).toBe(2);
    expect(winners).toHaveLength(2);
    expect((await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk1' })).status).toBe(204);
  });

  it('lets a lease expire by itself so another clerk can claim the case', async () => {
    const seeded = await seedClaim(env.stores);
    expect((await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk1' })).json.case.caseId).toBe(seeded.caseId);
    expect((await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk2' })).status).toBe(204);
    env.clock.advance(901);
    const again = await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk2' });
    expect(again.json.case).toMatchObject({ caseId: seeded.caseId, lease: { holder: 'clerk2' } });
  });

  it('releases a claimed case back to its queue, by its holder only', async () => {
    const seeded = await seedClaim(env.stores);
    const claimed = (await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk1' })).json.case;
    const foreign = await env.call('POST', `/cases/${seeded.caseId}/release`, { user: 'clerk2', body: { version: claimed.version } });
    expect(foreign.status).toBe(403);
    const released = await env.call('POST', `/cases/${seeded.caseId}/release`, { user: 'clerk1', body: { version: claimed.version } });
    expect(released.json.case.status).toBe('needs_review');
    expect(released.json.case.lease).toBeUndefined();
    expect((await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk2' })).json.case.caseId).toBe(seeded.caseId);
  });
});

describe('review API: reading and correcting a case', () => {
  it('returns documents, fields with confidence, flags, page and box, the decision with clause ids, the audit trail and the version', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const { status, json } = await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' });
    expect(status).toBe(200);
    const level = json.case.documents.find((d: { type: string }) => d.type === 'vocational_certificate').fields.level;
    expect(level).toMatchObject({ value: 3, needsReview: true, confidence: 0.62, source: { page: 1, box: { x: 260, width: 340, height: 36 } } });
    expect(json.case.decision).toMatchObject({ programme: 'XH36-3.2', outcome: 'needs_review', amountYuan: 2000 });
    expect(json.case.decision.reasons.map((r: { ruleId: string }) => r.ruleId)).toContain('XH36-3.2');
    expect(json.case.version).toBe(1);
    expect(json.audit).toEqual([expect.objectContaining({ action: 'create', actor: 'system:process' })]);
    expect(json.pages).toContainEqual({
      documentId: certificateOf(json).documentId,
      pageNumber: 1,
      url: `/api/documents/${certificateOf(json).documentId}/pages/1`,
    });
    expect((await env.call('GET', '/cases/case-nope', { user: 'clerk1' })).status).toBe(404);
  });

  it('serves the page image a field was read from, and 404 for a page the document does not have', async () => {
    const seeded = await seedClaim(env.stores);
    const detail = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    const { documentId } = certificateOf(detail);
    const { status, response } = await env.call('GET', `/documents/${documentId}/pages/1`, { user: 'clerk1' });
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect((await env.call('GET', `/documents/${documentId}/pages/2`, { user: 'clerk1' })).status).toBe(404);
    expect((await env.call('GET', `/documents/doc-none/pages/1`, { user: 'clerk1' })).status).toBe(404);
  });

  it('applies a correction, runs the rules again and records before and after', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const detail = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    const { status, json } = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk1',
      body: { version: detail.case.version, corrections: [{ ...certificateOf(detail), field: 'level', value: 2 }] },
    });
    expect(status).toBe(200);
    expect(json.case.decision).toMatchObject({ programme: 'XH36-3.7.c', outcome: 'eligible', amountYuan: 5000 });
    expect(json.case.queue).toBe('XH36-3.7.c');
    expect(json.case.flaggedFieldCount).toBe(0);
    expect(json.case.version).toBe(detail.case.version + 1);
    const level = json.case.documents.find((d: { type: string }) => d.type === 'vocational_certificate').fields.level;
    expect(level).toMatchObject({ value: 2, needsReview: false, confidence: 1, correction: { from: '3', reason: 'clerk:clerk1' } });
    const event = json.audit.at(-1);
    expect(event).toMatchObject({ action: 'correct_fields', actor: 'clerk1', at: '2026-11-27T01:00:00.000Z' });
    expect(event.before).toMatchObject({ outcome: 'needs_review', amountYuan: 2000, queue: 'XH36-3.2' });
    expect(event.after).toMatchObject({ outcome: 'eligible', amountYuan: 5000, queue: 'XH36-3.7.c' });
    expect(Object.values(event.before.fields)).toEqual([{ value: 3, needsReview: true }]);
  });

  it('refuses a stale version with 409 and overwrites nothing', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const read = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    const target = { ...certificateOf(read), field: 'level' };
    const first = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk1',
      body: { version: read.case.version, corrections: [{ ...target, value: 2 }] },
    });
    expect(first.status).toBe(200);
    const second = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk2',
      body: { version: read.case.version, corrections: [{ ...target, value: 4 }] },
    });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({
      code: 'version_conflict',
      details: { expectedVersion: read.case.version, currentVersion: read.case.version + 1 },
    });
    expect(second.json.error.zh).toContain('您的修改没有保存');
    const after = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    expect(after.case.documents.find((d: { type: string }) => d.type === 'vocational_certificate').fields.level.value).toBe(2);
    expect(after.audit.filter((e: { action: string }) => e.action === 'correct_fields')).toHaveLength(1);
  });

  it('writes only one of two concurrent corrections made on the same version', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const read = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    const target = { ...certificateOf(read), field: 'level' };
    const results = await Promise.all(
      [2, 4].map((value, i) =>
        env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
          user: i === 0 ? 'clerk1' : 'clerk2',
          body: { version: read.case.version, corrections: [{ ...target, value }] },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    expect(after.case.version).toBe(read.case.version + 1);
  });

  it('refuses changes to a case another clerk holds under a running lease', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const claimed = (await env.call('POST', '/queues/XH36-3.2/claim', { user: 'clerk1' })).json;
    const { status, json } = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk2',
      body: { version: claimed.case.version, corrections: [{ ...certificateOf(claimed), field: 'level', value: 2 }] },
    });
    expect(status).toBe(409);
    expect(json.error.code).toBe('leased_to_other');
    expect(json.error.zh).toContain('clerk1');
  });

  it('answers 400 for a malformed body and 422 for a field the case does not have', async () => {
    const seeded = await seedClaim(env.stores);
    expect((await env.call('PATCH', `/cases/${seeded.caseId}/fields`, { user: 'clerk1', body: { corrections: [] } })).status).toBe(400);
    const unknown = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk1',
      body: { version: seeded.version, corrections: [{ documentId: 'doc-x', field: 'level', value: 2 }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.code).toBe('unknown_field');
  });

  it("accepts only the fields of the document's type: toString, constructor, __proto__ and another type's field get 422 and nothing is stored", async () => {
    const seeded = await seedClaim(env.stores);
    const detail = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    for (const field of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'employeeName']) {
      const refused = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
        user: 'clerk1',
        body: { version: detail.case.version, corrections: [{ ...certificateOf(detail), field, value: 'x' }] },
      });
      expect(refused.status, field).toBe(422);
      expect(refused.json.error.code, field).toBe('unknown_field');
    }
    const stored = await env.stores.cases.get(seeded.caseId);
    expect(stored!.version).toBe(detail.case.version);
    expect(Object.keys(stored!.documents[0]!.fields)).toEqual(Object.keys(detail.case.documents[0].fields));
    // A field of the certificate's type may be entered (or re-entered) by the clerk.
    const entered = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk1',
      body: { version: detail.case.version, corrections: [{ ...certificateOf(detail), field: 'issuer', value: '杭州市西湖区人力资源和社会保障局' }] },
    });
    expect(entered.status).toBe(200);
    expect(entered.json.case.documents[0].fields.issuer).toMatchObject({ value: '杭州市西湖区人力资源和社会保障局', needsReview: false });
  });
});

describe('review API: documents of different persons', () => {
  it('gives a different_persons finding naming the documents and the names and ID numbers that differ, and refuses to confirm until a clerk resolves it', async () => {
    const seeded = await seedClaim(env.stores, {
      level: 2,
      personName: '王晓明',
      idNumber: '330106199001011234',
      otherPerson: { name: '李四', idNumber: '330106198802023456' },
    });
    const detail = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    expect(detail.findings).toHaveLength(1);
    const [finding] = detail.findings;
    expect(finding).toMatchObject({
      code: 'different_persons',
      names: expect.arrayContaining(['王晓明', '李四']),
      idNumbers: expect.arrayContaining(['330106199001011234', '330106198802023456']),
    });
    expect(finding.documents.map((d: { type: string }) => d.type).sort()).toEqual([
      'employment_letter',
      'id_card',
      'labor_contract',
      'social_insurance_record',
      'vocational_certificate',
    ]);
    expect(finding.zh).toContain('李四');
    // Its sentence masks ID numbers.
    expect(finding.zh).not.toContain('330106198802023456');

    const refused = await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: detail.case.version } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('findings_open');
    // A resolution must answer the finding as it is.
    const stale = await env.call('POST', `/cases/${seeded.caseId}/findings/different_persons/resolve`, {
      user: 'clerk1',
      body: { version: detail.case.version, key: 'other', note: '已核对' },
    });
    expect(stale.status).toBe(409);
    const resolved = await env.call('POST', `/cases/${seeded.caseId}/findings/different_persons/resolve`, {
      user: 'clerk1',
      body: { version: detail.case.version, key: finding.key, note: '已核对身份证原件：合同与社保为申请人曾用名' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json.findings[0].resolution).toMatchObject({ by: 'clerk1', note: '已核对身份证原件：合同与社保为申请人曾用名' });
    expect(resolved.json.audit.at(-1)).toMatchObject({ action: 'resolve_finding', actor: 'clerk1' });
    const confirmed = await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: resolved.json.case.version } });
    expect(confirmed.status).toBe(200);
  });

  it('gives no finding when every document names the same person', async () => {
    const seeded = await seedClaim(env.stores, { level: 2 });
    expect((await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json.findings).toEqual([]);
  });
});

describe('review API: decisions on a case', () => {
  it('refuses to confirm while something is flagged, and confirms once the clerk accepted it', async () => {
    const seeded = await seedClaim(env.stores, { level: 2, flagged: ['level'] });
    const refused = await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: seeded.version } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('fields_flagged');
    const detail = (await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' })).json;
    const accepted = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk1',
      body: { version: detail.case.version, corrections: [{ ...certificateOf(detail), field: 'level', value: 2 }] },
    });
    expect(accepted.json.case.documents[0].fields.level.correction).toBeUndefined();
    const confirmed = await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: accepted.json.case.version } });
    expect(confirmed.json.case).toMatchObject({ status: 'confirmed', confirmedBy: 'clerk1' });
    expect(confirmed.json.audit.at(-1)).toMatchObject({
      action: 'confirm',
      before: { status: 'needs_review' },
      after: { status: 'confirmed', amountYuan: 5000 },
    });
    const queues = (await env.call('GET', '/queues', { user: 'clerk1' })).json.queues;
    expect(queues.find((q: { queue: string }) => q.queue === 'XH36-3.7.c').waiting).toBe(0);
  });

  it('rejects with a reason (400 without one) and records it', async () => {
    const seeded = await seedClaim(env.stores);
    expect((await env.call('POST', `/cases/${seeded.caseId}/reject`, { user: 'clerk1', body: { version: seeded.version, reason: ' ' } })).status).toBe(400);
    const { json } = await env.call('POST', `/cases/${seeded.caseId}/reject`, {
      user: 'clerk1',
      body: { version: seeded.version, reason: '证书为复印件，无法核验' },
    });
    expect(json.case).toMatchObject({ status: 'rejected', rejection: { reason: '证书为复印件，无法核验', by: 'clerk1' } });
    expect(json.audit.at(-1)).toMatchObject({ action: 'reject', actor: 'clerk1', after: { reason: '证书为复印件，无法核验' } });
    const again = await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: json.case.version } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('invalid_state');
  });

  it('asks for documents, which takes the case out of its queue', async () => {
    const seeded = await seedClaim(env.stores);
    const { json } = await env.call('POST', `/cases/${seeded.caseId}/request-documents`, {
      user: 'clerk2',
      body: { version: seeded.version, documents: ['身份证原件', '社保缴费证明'] },
    });
    expect(json.case).toMatchObject({ status: 'awaiting_documents', requestedDocuments: ['身份证原件', '社保缴费证明'] });
    expect((await env.call('POST', '/queues/XH36-3.7.c/claim', { user: 'clerk1' })).status).toBe(204);
  });

  it('lets a supervisor approve, never the person who confirmed, and not a clerk', async () => {
    const byClerk = await seedClaim(env.stores);
    const bySupervisor = await seedClaim(env.stores);
    const confirmed = (await env.call('POST', `/cases/${byClerk.caseId}/confirm`, { user: 'clerk1', body: { version: byClerk.version } })).json.case;
    const selfConfirmed = (await env.call('POST', `/cases/${bySupervisor.caseId}/confirm`, { user: 'supervisor1', body: { version: bySupervisor.version } }))
      .json.case;
    expect((await env.call('POST', `/cases/${byClerk.caseId}/approve`, { user: 'clerk2', body: { version: confirmed.version } })).status).toBe(403);
    const own = await env.call('POST', `/cases/${bySupervisor.caseId}/approve`, { user: 'supervisor1', body: { version: selfConfirmed.version } });
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('four_eyes');
    const approved = await env.call('POST', `/cases/${byClerk.caseId}/approve`, { user: 'supervisor1', body: { version: confirmed.version } });
    expect(approved.json.case).toMatchObject({ status: 'approved', approvedBy: 'supervisor1', confirmedBy: 'clerk1', approvedAt: '2026-11-27T01:00:00.000Z' });
    expect(approved.json.audit.at(-1)).toMatchObject({ action: 'approve', actor: 'supervisor1', after: { amountYuan: 5000, programme: 'XH36-3.7.c' } });
  });

  it('refuses to approve a case that is not confirmed or not payable', async () => {
    const open = await seedClaim(env.stores);
    expect((await env.call('POST', `/cases/${open.caseId}/approve`, { user: 'supervisor1', body: { version: open.version } })).status).toBe(409);
  });
});

describe('review API: batches and the payments export', () => {
  it("shows an upload's cases with their states and confirms all clean ones", async () => {
    const submissionId = 'batch-inst-a-7';
    const clean1 = await seedClaim(env.stores, { submissionId, caseId: `${submissionId}-1`, institutionId: 'inst-a' });
    const clean2 = await seedClaim(env.stores, { submissionId, caseId: `${submissionId}-2`, institutionId: 'inst-a' });
    const flagged = await seedClaim(env.stores, { submissionId, caseId: `${submissionId}-3`, institutionId: 'inst-a', level: 3, flagged: ['level'] });
    const result = await env.call('POST', `/submissions/${submissionId}/confirm-clean`, { user: 'clerk1' });
    expect(result.json.confirmed.sort()).toEqual([clean1.caseId, clean2.caseId].sort());
    expect(result.json.skipped).toEqual([{ caseId: flagged.caseId, reason: 'fields_flagged' }]);
    const batch = await env.call('GET', `/submissions/${submissionId}/cases`, { user: 'institution-a' });
    expect(batch.json.counts).toEqual({ confirmed: 2, needs_review: 1 });
    expect((await env.call('POST', `/submissions/${submissionId}/confirm-clean`, { user: 'institution-a' })).status).toBe(403);
  });

  it('exports the approved payment with payee, ID, programme, clause, amount and case id as XLSX, CSV and JSON', async () => {
    const seeded = await seedClaim(env.stores, { personName: '陈静', idNumber: '330106198805052345' });
    const notApproved = await seedClaim(env.stores);
    const confirmed = (await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: seeded.version } })).json.case;
    await env.call('POST', `/cases/${seeded.caseId}/approve`, { user: 'supervisor1', body: { version: confirmed.version } });
    await env.call('POST', `/cases/${notApproved.caseId}/confirm`, { user: 'clerk1', body: { version: notApproved.version } });

    const rows = (await env.call('GET', '/exports/payments?from=2026-11-27&to=2026-11-27&format=json', { user: 'supervisor1' })).json;
    expect(rows).toEqual([
      expect.objectContaining({
        payeeName: '陈静',
        payeeId: '330106198805052345',
        programme: 'XH36-3.7.c',
        clause: 'XH36-3.7.c',
        amountYuan: 5000,
        caseId: seeded.caseId,
      }),
    ]);

    const xlsx = await env.call('GET', '/exports/payments?from=2026-11-01&to=2026-11-30', { user: 'supervisor1' });
    expect(xlsx.response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.response.arrayBuffer());
    const sheet = workbook.getWorksheet('支付清单')!;
    expect(sheet.getRow(1).values).toContain('金额（元）');
    const row = sheet.getRow(2);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(4).value, row.getCell(5).value, row.getCell(8).value]).toEqual([
      '陈静',
      '330106198805052345',
      'XH36-3.7.c',
      5000,
      seeded.caseId,
    ]);
    expect((sheet.getRow(3).getCell(5).value as { result: number }).result).toBe(5000);

    const csv = await (await env.call('GET', '/exports/payments?from=2026-11-01&to=2026-11-30&format=csv', { user: 'supervisor1' })).response.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`陈静,="330106198805052345",高技能人才一次性补贴（个人）,XH36-3.7.c,5000,`);
    expect(lines[1]).toContain(`,已审批,${seeded.caseId},`);

    const outside = (await env.call('GET', '/exports/payments?from=2026-10-01&to=2026-10-31&format=json', { user: 'supervisor1' })).json;
    expect(outside).toEqual([]);
    expect((await env.call('GET', '/exports/payments?from=2026-11-01&to=2026-11-30', { user: 'clerk1' })).status).toBe(403);
    expect((await env.call('GET', '/exports/payments?from=2026-12-01&to=2026-11-30', { user: 'supervisor1' })).status).toBe(400);
  });
});

describe('review API: OpenAPI', () => {
  it('documents every route with schemas generated from the zod schemas', async () => {
    const { status, json } = await env.call('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining([
        '/api/queues',
        '/api/queues/{queue}/cases',
        '/api/queues/{queue}/claim',
        '/api/cases/{caseId}',
        '/api/cases/{caseId}/fields',
        '/api/cases/{caseId}/confirm',
        '/api/cases/{caseId}/reject',
        '/api/cases/{caseId}/request-documents',
        '/api/cases/{caseId}/release',
        '/api/cases/{caseId}/approve',
        '/api/cases/{caseId}/findings/{code}/resolve',
        '/api/documents/{documentId}/pages/{pageNumber}',
        '/api/exports/payments',
      ]),
    );
    expect(json.paths['/api/cases/{caseId}/fields'].patch.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CorrectFieldsRequest',
    });
    expect(json.components.schemas.CorrectFieldsRequest.required).toEqual(expect.arrayContaining(['version', 'corrections']));
    expect(json.components.schemas.CaseDetail.properties.case.properties.version.type).toBe('integer');
    expect(json.paths['/api/exports/payments'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'format']);
  });
});
