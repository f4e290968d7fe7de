import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, changeText, clerkText } from '../../shared/cases/labels-zh.js';
import { seedClaim } from './review-fixtures.js';
import { NOT_LOCAL, RESIDENCY_UNKNOWN, seedDayClaim } from './review-day-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

let env: ReviewTestEnv;
beforeEach(async () => {
  env = await reviewTestEnv();
});
afterEach(() => env.drop());

/** Internal names that must never reach what a clerk or a training body reads. */
const INTERNAL = /doc-[\w-]+|persons\[|certificates\[|engagementLetter\.|labourContract|certificate_training\.|needs_review|skill_level|unclassified/;

describe('review API: a 待核对 case has no dead end (XH36-2.1)', () => {
  it('refuses to confirm a case whose residency is not established, with a Chinese sentence, and offers no 确认', async () => {
    const pending = await seedDayClaim(env.stores, RESIDENCY_UNKNOWN);
    expect(pending.decision).toMatchObject({ outcome: 'needs_review', programme: 'XH36-3.2' });

    const detail = (await env.call('GET', `/cases/${pending.caseId}`, { user: 'clerk1' })).json;
    const refused = await env.call('POST', `/cases/${pending.caseId}/confirm`, { user: 'clerk1', body: { version: detail.case.version } });

    expect(refused.status).toBe(409);
    expect(refused.json.error.zh).toContain('待核对');
    expect(detail.view.actions).toMatchObject({ confirm: false, recordEvidence: true, decline: true, approve: false });
    expect(detail.view.openPoints[0]).toMatchObject({ ruleId: 'XH36-2.1' });
    expect(detail.view.openPoints[0].evidence.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['household_registration', 'residence_permit', 'local_employment', 'local_social_insurance']),
    );
    expect((await env.stores.cases.get(pending.caseId))!.status).toBe('needs_review');
  });

  it('records the 居住证 seen: the fact joins the claim, the rules judge it again as 符合, and it can then be confirmed', async () => {
    const pending = await seedDayClaim(env.stores, RESIDENCY_UNKNOWN);

    const recorded = await env.call('POST', `/cases/${pending.caseId}/evidence`, {
      user: 'clerk1',
      body: { version: pending.version, kind: 'residence_permit', note: '已核对居住证原件，西湖区，有效期至2027-06-30' },
    });

    expect(recorded.status).toBe(200);
    expect(recorded.json.case.decision).toMatchObject({ outcome: 'eligible', amountYuan: 2000, programme: 'XH36-3.2' });
    expect(recorded.json.case.recordedEvidence).toEqual([expect.objectContaining({ kind: 'residence_permit', by: 'clerk1' })]);
    expect(recorded.json.audit.at(-1)).toMatchObject({
      action: 'record_evidence',
      actor: 'clerk1',
      actorName: '李经办',
      before: { outcome: 'needs_review' },
      after: { evidence: 'residence_permit', outcome: 'eligible', amountYuan: 2000 },
    });
    expect(recorded.json.view.actions.confirm).toBe(true);
    const confirmed = await env.call('POST', `/cases/${pending.caseId}/confirm`, { user: 'clerk1', body: { version: recorded.json.case.version } });
    expect(confirmed.json.case).toMatchObject({ status: 'confirmed', confirmedBy: 'clerk1' });
  });

  it('leaves a 待核对 case out of confirm-clean, naming the outcome', async () => {
    const clean = await seedClaim(env.stores, { level: 2, submissionId: 'sub-day-batch', caseId: 'case-day-clean' });
    const pending = await seedDayClaim(env.stores, { ...RESIDENCY_UNKNOWN, submissionId: 'sub-day-batch', caseId: 'case-day-pending' });

    const result = await env.call('POST', '/submissions/sub-day-batch/confirm-clean', { user: 'clerk1' });

    expect(result.json).toEqual({ confirmed: [clean.caseId], skipped: [{ caseId: pending.caseId, reason: 'outcome_needs_review' }] });
  });

  it('leaves a claim with documents of different persons out of confirm-clean, naming the open finding, and heads it 待核对 until resolved', async () => {
    const mixed = await seedClaim(env.stores, {
      level: 2,
      submissionId: 'sub-day-mixed',
      caseId: 'case-day-mixed',
      otherPerson: { name: '李四', idNumber: '330106198802023456' },
    });

    const result = await env.call('POST', '/submissions/sub-day-mixed/confirm-clean', { user: 'clerk1' });
    const detail = (await env.call('GET', `/cases/${mixed.caseId}`, { user: 'clerk1' })).json;

    expect(result.json).toEqual({ confirmed: [], skipped: [{ caseId: mixed.caseId, reason: 'findings_open' }] });
    expect(detail.case.decision.outcome).toBe('eligible');
    expect(detail.view.outcomeZh).toBe('待核对（疑点未处理）');
    const resolved = await env.call('POST', `/cases/${mixed.caseId}/findings/different_persons/resolve`, {
      user: 'clerk1',
      body: { version: detail.case.version, key: detail.findings[0].key, note: '已核对身份证原件' },
    });
    expect(resolved.json.view.outcomeZh).toBe('符合');
  });

  it('refuses evidence for a point the decision does not have (409) and an unknown kind (400)', async () => {
    const clean = await seedClaim(env.stores, { level: 2 });
    expect(
      (
        await env.call('POST', `/cases/${clean.caseId}/evidence`, {
          user: 'clerk1',
          body: { version: clean.version, kind: 'residence_permit', note: '居住证' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await env.call('POST', `/cases/${clean.caseId}/evidence`, { user: 'clerk1', body: { version: clean.version, kind: 'passport', note: '护照' } })).status,
    ).toBe(400);
  });
});

describe('review API: 不予补贴 (declined)', () => {
  it('closes an ineligible case as 不予补贴 with a reason, audited, and shows the reason to the training body', async () => {
    const refused = await seedDayClaim(env.stores, { ...NOT_LOCAL, institutionId: 'inst-a' });
    expect(refused.decision?.outcome).toBe('ineligible');
    expect((await env.call('POST', `/cases/${refused.caseId}/confirm`, { user: 'clerk1', body: { version: refused.version } })).status).toBe(409);
    expect((await env.call('POST', `/cases/${refused.caseId}/decline`, { user: 'clerk1', body: { version: refused.version } })).status).toBe(400);

    const declined = await env.call('POST', `/cases/${refused.caseId}/decline`, {
      user: 'clerk1',
      body: { version: refused.version, reason: '户籍在宁波市，未在本地就业，不在政策范围内' },
    });

    expect(declined.status).toBe(200);
    expect(declined.json.case).toMatchObject({ status: 'declined', declination: { reason: '户籍在宁波市，未在本地就业，不在政策范围内', by: 'clerk1' } });
    expect(declined.json.audit.at(-1)).toMatchObject({ action: 'decline', actor: 'clerk1', after: { status: 'declined' } });
    expect(declined.json.view.statusZh).toBe('不予补贴');
    const shown = (await env.call('GET', `/cases/${refused.caseId}`, { user: 'institution-a' })).json;
    expect(shown.case).toMatchObject({ status: 'declined', statusZh: '不予补贴', declineReason: '户籍在宁波市，未在本地就业，不在政策范围内' });
    expect(JSON.stringify(shown)).not.toContain('clerk1');
  });

  it('refuses to decline a payable case (409): it is confirmed, or rejected with a reason', async () => {
    const payable = await seedClaim(env.stores, { level: 2 });
    const refused = await env.call('POST', `/cases/${payable.caseId}/decline`, { user: 'clerk1', body: { version: payable.version, reason: '不想付' } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.zh).toContain('符合条件');
  });

  it('refuses a decline on a case another clerk holds (409 leased_to_other)', async () => {
    const refused = await seedDayClaim(env.stores, NOT_LOCAL);
    const claimed = await env.call('POST', `/queues/${encodeURIComponent(refused.queue)}/claim`, { user: 'clerk2' });
    const declined = await env.call('POST', `/cases/${refused.caseId}/decline`, {
      user: 'clerk1',
      body: { version: claimed.json.case.version, reason: '不在政策范围内' },
    });
    expect(declined.status).toBe(409);
    expect(declined.json.error.code).toBe('leased_to_other');
    expect(claimed.json.view.actions.decline).toBe(true);
    expect((await env.call('GET', `/cases/${refused.caseId}`, { user: 'clerk1' })).json.view.actions).toMatchObject({
      decline: false,
      confirm: false,
      recordEvidence: false,
    });
  });
});

describe('review API: request documents from the programme checklist', () => {
  it("lists the programme's standard documents with the missing ones marked, and stores what is asked as titles", async () => {
    const short = await seedDayClaim(env.stores, { level: 2, without: ['id_card'], institutionId: 'inst-a' });
    const detail = (await env.call('GET', `/cases/${short.caseId}`, { user: 'clerk1' })).json;
    expect(detail.view.checklist).toEqual(
      expect.arrayContaining([
        { code: 'id_card', zh: '身份证', missing: true },
        { code: 'labour_contract', zh: '劳动合同', missing: false },
      ]),
    );
    expect(detail.view.missingDocuments).toEqual(['身份证']);

    const asked = await env.call('POST', `/cases/${short.caseId}/request-documents`, {
      user: 'clerk1',
      body: { version: detail.case.version, documents: ['id_card', 'engagement_letter', '户口簿首页'], note: '申请人电话已告知' },
    });

    expect(asked.json.case).toMatchObject({
      status: 'awaiting_documents',
      requestedDocuments: ['身份证', '单位聘书原件及复印件', '户口簿首页'],
      requestNote: '申请人电话已告知',
    });
    const shown = (await env.call('GET', `/cases/${short.caseId}`, { user: 'institution-a' })).json;
    expect(shown.case.requestedDocuments).toEqual(['身份证', '单位聘书原件及复印件', '户口簿首页']);
    expect(JSON.stringify(shown)).not.toContain('申请人电话已告知');
  });
});

describe('review API: Chinese everywhere a clerk reads', () => {
  it('gives reasons, findings and the trail without field paths, document ids or codes; the trail by name in Beijing time', async () => {
    const flagged = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const detail = (await env.call('GET', `/cases/${flagged.caseId}`, { user: 'clerk1' })).json;
    const certificate = detail.case.documents.find((d: { type: string }) => d.type === 'vocational_certificate');
    const corrected = (
      await env.call('PATCH', `/cases/${flagged.caseId}/fields`, {
        user: 'clerk1',
        body: { version: detail.case.version, corrections: [{ documentId: certificate.documentId, field: 'level', value: 2 }] },
      })
    ).json;

    expect(detail.case.decision.reasons.map((r: { zh: string }) => r.zh).join()).toMatch(INTERNAL);
    for (const reason of detail.view.reasons) expect(reason.zh).not.toMatch(INTERNAL);
    expect(detail.view.reasons.map((r: { zh: string }) => r.zh).join()).toContain('证书的「等级」');
    const rows = corrected.view.audit;
    expect(rows.at(-1)).toEqual({
      at: '2026-11-27 09:00',
      who: '李经办',
      what: '更正字段',
      change: expect.stringContaining('职业资格/技能等级证书「等级」：3 → 2'),
    });
    expect(rows[0].who).toBe('系统');
    for (const row of rows) for (const text of Object.values(row)) expect(text).not.toMatch(/[{}"]|doc-|clerk1/);
  });

  it('maps rules paths, document ids and parameter names to Chinese labels', () => {
    const documents = [{ documentId: 'doc-9350ab', type: 'employment_letter' }];
    expect(clerkText('识别结果待核对：engagementLetter.endDate（材料doc-9350ab，字段endDate）', documents)).toBe('识别结果待核对：聘书的「终止日期」（聘书）');
    expect(clerkText('persons[p1].residencePermit 未能确认', documents)).toBe('申领人的「居住证」 未能确认');
    expect(clerkText('所依据的标准certificate_training.per_level尚未经确认')).toBe('所依据的标准职业资格证书培训补贴标准（按等级）尚未经确认');
    expect(changeText({ status: 'claimed' }, { status: 'confirmed', outcome: 'eligible', amountYuan: 5000 }, [])).toBe(
      '状态：审核中 → 待审批；判定：符合；金额：5,000 元',
    );
    expect(auditRows([{ at: '2026-11-27T16:30:00.000Z', actor: 'supervisor1', action: 'approve' }], [])[0]).toEqual({
      at: '2026-11-28 00:30',
      who: 'supervisor1',
      what: '审批通过',
      change: '',
    });
  });
});

describe('review API: amounts on an unconfirmed standard (待确认标准)', () => {
  it('names the parameter and its source document for an amount resting on an unconfirmed delegated figure', async () => {
    const resting = await seedClaim(env.stores, { level: 3, institutionId: 'inst-a' });
    expect(resting.decision).toMatchObject({ programme: 'XH36-3.2', amountStatus: 'awaiting_confirmation' });

    const detail = (await env.call('GET', `/cases/${resting.caseId}`, { user: 'clerk1' })).json;

    expect(detail.view.unconfirmedFigures).toEqual([
      {
        parameter: 'certificate_training.per_level',
        titleZh: '职业资格证书培训补贴标准（按等级）',
        document: '杭人社发〔2016〕27号',
        clause: '职业资格证书培训补贴标准',
      },
    ]);
    const shown = (await env.call('GET', `/cases/${resting.caseId}`, { user: 'institution-a' })).json;
    expect(shown.case.unconfirmedFigures).toEqual([{ titleZh: '职业资格证书培训补贴标准（按等级）', document: '杭人社发〔2016〕27号' }]);
    expect(JSON.stringify(shown.case.reasons)).not.toContain('certificate_training');
  });
});

describe('review API: recovery of money paid (XH36-4.2 追回已拨付资金)', () => {
  it('lets a supervisor record a recovery on a paid case (who, why, amount, audit); a clerk gets 403', async () => {
    const paid = await seedClaim(env.stores, { level: 2, queueStatus: 'paid' });
    const body = { version: paid.version, amountYuan: 5000, reason: '聘书系伪造，经核查属实', findingRef: '西人社稽〔2026〕12号' };
    expect((await env.call('POST', `/cases/${paid.caseId}/recovery`, { user: 'clerk1', body })).status).toBe(403);
    expect((await env.call('GET', `/cases/${paid.caseId}`, { user: 'supervisor1' })).json.view.actions.recover).toBe(true);

    const recovered = await env.call('POST', `/cases/${paid.caseId}/recovery`, { user: 'supervisor1', body });

    expect(recovered.status).toBe(200);
    expect(recovered.json.case).toMatchObject({
      status: 'paid',
      recoveries: [{ amountYuan: 5000, reason: '聘书系伪造，经核查属实', findingRef: '西人社稽〔2026〕12号', by: 'supervisor1' }],
    });
    expect(recovered.json.audit.at(-1)).toMatchObject({
      action: 'recover_funds',
      actor: 'supervisor1',
      actorName: '张科长',
      after: { amountYuan: 5000, recoveredYuan: 5000, ruleId: 'XH36-4.2' },
    });
    expect(recovered.json.view.actions.recover).toBe(false);
    expect(recovered.json.view.audit.at(-1)).toMatchObject({ who: '张科长', what: '追回已拨付资金' });
    const again = await env.call('POST', `/cases/${paid.caseId}/recovery`, {
      user: 'supervisor1',
      body: { ...body, version: recovered.json.case.version, amountYuan: 1 },
    });
    expect(again.status).toBe(422);
    expect(again.json.error.zh).toContain('超过');
  });

  it('refuses a recovery on a case not paid (409)', async () => {
    const open = await seedClaim(env.stores, { level: 2 });
    const refused = await env.call('POST', `/cases/${open.caseId}/recovery`, {
      user: 'supervisor1',
      body: { version: open.version, amountYuan: 100, reason: '虚假材料' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.zh).toContain('已支付');
  });
});
