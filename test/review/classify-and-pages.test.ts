/**
 * The review API's classification (未分类) and page grouping routes through `app.request`, on DynamoDB Local and the
 * S3 server: what they refuse, what they write and what the trail says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedSharedPagePhoto, seedTwoPageScan, seedUnclassifiedClaim } from '../web/day-fixtures.js';
import { residentId } from '../extraction/support/documents.js';
import { seedClaim } from './review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

/** A valid ID number that is not the claimant's: what a clerk might wrongly type in. */
const OTHER_ID = residentId('19851212', '330106', '999');

let env: ReviewTestEnv;
beforeEach(async () => {
  env = await reviewTestEnv();
});
afterEach(() => env.drop());

describe('POST /cases/{id}/classify', () => {
  it('judges an unclassified case again under the programme the clerk names, keeps it on later corrections, and records both in the trail (pages not stored: fields left to enter)', async () => {
    const seeded = await seedUnclassifiedClaim(env.stores, { level: 2 });
    const before = await env.call('GET', `/cases/${seeded.caseId}`, { user: 'clerk1' });
    expect(before.json.view.actions.classify).toBe(true);
    const certificate = seeded.documents.find((d) => d.type === 'unknown')!;

    const classified = await env.call('POST', `/cases/${seeded.caseId}/classify`, {
      user: 'clerk1',
      body: {
        version: seeded.version,
        programme: 'XH36-3.2',
        documents: [{ documentId: certificate.documentId, indexInFile: 0, type: 'vocational_certificate' }],
      },
    });
    expect(classified.status).toBe(200);
    expect(classified.json.case).toMatchObject({
      queue: 'XH36-3.2',
      classification: { programme: 'XH36-3.2', by: 'clerk1' },
      decision: { programme: 'XH36-3.2' },
    });
    expect(classified.json.view.actions.classify).toBe(false);
    const retyped = classified.json.case.documents.find((d: { documentId: string }) => d.documentId === certificate.documentId);
    expect(retyped.type).toBe('vocational_certificate');
    expect(retyped.fields.holderName).toMatchObject({ value: null, needsReview: true });
    // Its page was never stored as read (an older document): nothing to read again, and the trail says so.
    expect((await env.stores.cases.audit(seeded.caseId)).find((e) => e.action === 'classify')!.after).toMatchObject({
      notReadAgain: ['职业资格/技能等级证书'],
    });

    // A later correction is judged under the same programme, whatever the documents alone would suggest.
    const corrected = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk1',
      body: { version: classified.json.case.version, corrections: [{ documentId: certificate.documentId, indexInFile: 0, field: 'level', value: 2 }] },
    });
    expect(corrected.json.case.decision.programme).toBe('XH36-3.2');
    const trail = corrected.json.view.audit.map((row: { what: string; change: string }) => `${row.what}|${row.change}`);
    expect(trail.find((row: string) => row.startsWith('人工分类'))).toContain('材料类型：无法识别的材料 → 职业资格/技能等级证书');
  });

  it('reads a retyped certificate again from its stored page: its fields are filled, the case is judged eligible and the trail says it was read again', async () => {
    const seeded = await seedUnclassifiedClaim(env.stores, { level: 2, personName: '孙三', pagesStored: true });
    const certificate = seeded.documents.find((d) => d.type === 'unknown')!;
    const body = {
      version: seeded.version,
      programme: 'XH36-3.7.c',
      documents: [{ documentId: certificate.documentId, indexInFile: 0, type: 'vocational_certificate' }],
    };

    const classified = await env.call('POST', `/cases/${seeded.caseId}/classify`, { user: 'clerk1', body });

    expect(classified.status).toBe(200);
    const retyped = classified.json.case.documents.find((d: { documentId: string }) => d.documentId === certificate.documentId);
    expect(retyped).toMatchObject({ type: 'vocational_certificate', typeConfidence: 1, pages: [1] });
    expect(retyped.fields.holderName).toMatchObject({ value: '孙三' });
    expect(retyped.fields.idNumber).toMatchObject({ value: seeded.personIdNumber });
    expect(retyped.fields.level).toMatchObject({ value: 2 });
    expect(retyped.fields.holderName.source.page).toBe(1);
    expect(classified.json.case.decision).toMatchObject({ programme: 'XH36-3.7.c', outcome: 'eligible', amountYuan: 5000 });
    const audit = await env.stores.cases.audit(seeded.caseId);
    expect(audit.filter((e) => e.action === 'classify')).toHaveLength(1);
    expect(audit.find((e) => e.action === 'classify')!.after).toMatchObject({ readAgainAs: ['职业资格/技能等级证书'] });
    const trail = classified.json.view.audit.map((row: { what: string; change: string }) => `${row.what}|${row.change}`);
    expect(trail.find((row: string) => row.startsWith('人工分类'))).toContain('已按新类型重新识别：职业资格/技能等级证书');

    // The same request again changes nothing: no write, no second event.
    const again = await env.call('POST', `/cases/${seeded.caseId}/classify`, { user: 'clerk1', body: { ...body, version: classified.json.case.version } });
    expect(again.status).toBe(200);
    expect(again.json.case.version).toBe(classified.json.case.version);
    expect((await env.stores.cases.audit(seeded.caseId)).filter((e) => e.action === 'classify')).toHaveLength(1);
  });

  it("drops the clerk's corrections on a document named the wrong type when it is retyped: the new type is read from the page, not carried over", async () => {
    const seeded = await seedUnclassifiedClaim(env.stores, { level: 2, personName: '孙三', pagesStored: true });
    const certificate = seeded.documents.find((d) => d.type === 'unknown')!;
    const asIdCard = await env.call('POST', `/cases/${seeded.caseId}/classify`, {
      user: 'clerk1',
      body: { version: seeded.version, programme: 'XH36-3.7.c', documents: [{ documentId: certificate.documentId, indexInFile: 0, type: 'id_card' }] },
    });
    const corrected = await env.call('PATCH', `/cases/${seeded.caseId}/fields`, {
      user: 'clerk1',
      body: { version: asIdCard.json.case.version, corrections: [{ documentId: certificate.documentId, indexInFile: 0, field: 'idNumber', value: OTHER_ID }] },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.json.case.documents.find((d: { documentId: string }) => d.documentId === certificate.documentId).fields.idNumber.value).toBe(OTHER_ID);

    const asCertificate = await env.call('POST', `/cases/${seeded.caseId}/classify`, {
      user: 'clerk1',
      body: {
        version: corrected.json.case.version,
        programme: 'XH36-3.7.c',
        documents: [{ documentId: certificate.documentId, indexInFile: 0, type: 'vocational_certificate' }],
      },
    });

    expect(asCertificate.status).toBe(200);
    const retyped = asCertificate.json.case.documents.find((d: { documentId: string }) => d.documentId === certificate.documentId);
    expect(Object.keys(retyped.fields)).not.toContain('name');
    expect(retyped.fields.holderName).toMatchObject({ value: '孙三' });
    expect(retyped.fields.idNumber).toMatchObject({ value: seeded.personIdNumber });
    expect(retyped.fields.idNumber.correction).toBeUndefined();
    expect(asCertificate.json.case.decision).toMatchObject({ outcome: 'eligible' });
  });

  it('refuses a document the case does not hold (422), an unknown programme (400) and a stale version (409)', async () => {
    const seeded = await seedUnclassifiedClaim(env.stores);
    const unknownDocument = await env.call('POST', `/cases/${seeded.caseId}/classify`, {
      user: 'clerk1',
      body: { version: seeded.version, programme: 'XH36-3.2', documents: [{ documentId: 'doc-nobody', indexInFile: 0, type: 'id_card' }] },
    });
    expect(unknownDocument.status).toBe(422);
    expect(unknownDocument.json.error.code).toBe('unknown_document');
    expect(
      (await env.call('POST', `/cases/${seeded.caseId}/classify`, { user: 'clerk1', body: { version: seeded.version, programme: 'XH36-99' } })).status,
    ).toBe(400);
    expect(
      (await env.call('POST', `/cases/${seeded.caseId}/classify`, { user: 'clerk1', body: { version: seeded.version + 5, programme: 'XH36-3.2' } })).status,
    ).toBe(409);
    expect(
      (await env.call('POST', `/cases/${seeded.caseId}/classify`, { user: 'institution-a', body: { version: seeded.version, programme: 'XH36-3.2' } })).status,
    ).toBe(403);
  });
});

describe('POST /cases/{id}/pages', () => {
  it('refuses a grouping that leaves out or repeats a page (422 pages_mismatch), and one over pages no longer stored (422 pages_not_stored)', async () => {
    const { reviewCase, fileId } = await seedTwoPageScan(env.stores);
    const missing = await env.call('POST', `/cases/${reviewCase.caseId}/pages`, {
      user: 'clerk1',
      body: { version: reviewCase.version, documentId: fileId, groups: [{ pages: [1] }] },
    });
    expect(missing.status).toBe(422);
    expect(missing.json.error.code).toBe('pages_mismatch');
    const twice = await env.call('POST', `/cases/${reviewCase.caseId}/pages`, {
      user: 'clerk1',
      body: { version: reviewCase.version, documentId: fileId, groups: [{ pages: [1, 2] }, { pages: [2] }] },
    });
    expect(twice.json.error.code).toBe('pages_mismatch');

    // A claim whose pages were never stored as read (the seeded certificate has a page image only).
    const plain = await seedClaim(env.stores, { level: 2 });
    const contract = plain.documents.find((d) => d.type === 'labor_contract')!;
    const gone = await env.call('POST', `/cases/${plain.caseId}/pages`, {
      user: 'clerk1',
      body: { version: plain.version, documentId: contract.documentId, groups: [{ pages: [1], type: 'employment_letter' }] },
    });
    expect(gone.status).toBe(422);
    expect(gone.json.error.code).toBe('pages_not_stored');
    expect((await env.stores.cases.get(plain.caseId))!.version).toBe(plain.version);
  });

  it('splits a page off with one audit event and answers the same grouping again without a write', async () => {
    const { reviewCase, fileId } = await seedTwoPageScan(env.stores);
    const body = { version: reviewCase.version, documentId: fileId, groups: [{ pages: [1] }, { pages: [2] }] };
    const split = await env.call('POST', `/cases/${reviewCase.caseId}/pages`, { user: 'clerk1', body });
    expect(split.status).toBe(200);
    const again = await env.call('POST', `/cases/${reviewCase.caseId}/pages`, { user: 'clerk1', body: { ...body, version: split.json.case.version } });
    expect(again.status).toBe(200);
    expect(again.json.case.version).toBe(split.json.case.version);
    const ofFile = again.json.case.documents.filter((d: { documentId: string }) => d.documentId === fileId);
    expect(ofFile.map((d: { type: string; indexInFile: number }) => `${d.indexInFile}:${d.type}`)).toEqual(['0:vocational_certificate', '1:id_card']);
    const audit = await env.stores.cases.audit(reviewCase.caseId);
    expect(audit.filter((e) => e.action === 'regroup_pages')).toHaveLength(1);
  });
});

describe('POST /cases/{id}/pages on a page holding two documents', () => {
  type Doc = {
    documentId: string;
    indexInFile: number;
    type: string;
    pages: number[];
    regions?: { page: number; box: unknown }[];
    fields: Record<string, { value: unknown }>;
  };
  const ofFile = (documents: Doc[], fileId: string) => documents.filter((d) => d.documentId === fileId);
  const regroup = (caseId: string, version: number, fileId: string, groups: unknown[]) =>
    env.call('POST', `/cases/${caseId}/pages`, { user: 'clerk1', body: { version, documentId: fileId, groups } });

  it('keeps the parts it read when the shared page is listed in both groups: the same grouping changes nothing, no write and no event', async () => {
    const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores);
    const read = ofFile(reviewCase.documents as Doc[], fileId);
    expect(read.map((d) => [d.type, d.pages, d.regions?.length])).toEqual([
      ['vocational_certificate', [1], 1],
      ['id_card', [1], 1],
    ]);

    const again = await regroup(reviewCase.caseId, reviewCase.version, fileId, [{ pages: [1] }, { pages: [1] }]);

    expect(again.status).toBe(200);
    expect(again.json.case.version).toBe(reviewCase.version);
    expect((await env.stores.cases.audit(reviewCase.caseId)).filter((e) => e.action === 'regroup_pages')).toHaveLength(0);
    // Named as they are, the parts change nothing either.
    const named = await regroup(
      reviewCase.caseId,
      reviewCase.version,
      fileId,
      read.map((d) => ({ pages: [1], regions: d.regions })),
    );
    expect(named.json.case.version).toBe(reviewCase.version);
  });

  it('reads the page whole as one document when the clerk lists it once, parts it again by the regions named, and audits each change with the sides in words', async () => {
    const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores);
    const parts = ofFile(reviewCase.documents as Doc[], fileId).map((d) => d.regions!);

    const whole = await regroup(reviewCase.caseId, reviewCase.version, fileId, [{ pages: [1], type: 'vocational_certificate' }]);

    expect(whole.status).toBe(200);
    const one = ofFile(whole.json.case.documents, fileId);
    expect(one.map((d) => [d.type, d.pages, d.regions])).toEqual([['vocational_certificate', [1], undefined]]);
    const parted = await regroup(reviewCase.caseId, whole.json.case.version, fileId, [
      { pages: [1], regions: parts[0] },
      { pages: [1], regions: parts[1] },
    ]);
    expect(parted.status).toBe(200);
    const two = ofFile(parted.json.case.documents, fileId);
    expect(two.map((d) => [d.type, d.pages, d.regions])).toEqual([
      ['vocational_certificate', [1], parts[0]],
      ['id_card', [1], parts[1]],
    ]);
    // Each read from its own side: the card's address, the certificate's number.
    expect(two[0]!.fields.certificateNumber!.value).toBe('2133010600123456');
    expect(two[1]!.fields.address!.value).toBe('浙江省杭州市西湖区文三路100号');
    const events = (await env.stores.cases.audit(reviewCase.caseId)).filter((e) => e.action === 'regroup_pages');
    const types = (side: unknown) => (side as { documentTypes?: string[] } | undefined)?.documentTypes;
    expect(events.map((e) => [types(e.before), types(e.after)])).toEqual([
      [['职业资格/技能等级证书（第1页左侧）', '身份证（第1页右侧）'], ['职业资格/技能等级证书（第1页）']],
      [['职业资格/技能等级证书（第1页）'], ['职业资格/技能等级证书（第1页左侧）', '身份证（第1页右侧）']],
    ]);
  });

  it('moves a part to a document of another page: the ID card’s side joins page 2 and keeps its part, the certificate keeps the other', async () => {
    const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores, { cardBack: true });
    expect(ofFile(reviewCase.documents as Doc[], fileId).map((d) => d.pages)).toEqual([[1], [1], [2]]);

    const moved = await regroup(reviewCase.caseId, reviewCase.version, fileId, [{ pages: [1] }, { pages: [1, 2], type: 'id_card' }]);

    expect(moved.status).toBe(200);
    const docs = ofFile(moved.json.case.documents, fileId);
    expect(docs.map((d) => [d.type, d.pages, d.regions?.map((r) => r.page)])).toEqual([
      ['vocational_certificate', [1], [1]],
      ['id_card', [1, 2], [1]],
    ]);
    expect(docs[1]!.fields.idNumber!.value).toBe(reviewCase.personIdNumber);
    const event = (await env.stores.cases.audit(reviewCase.caseId)).find((e) => e.action === 'regroup_pages')!;
    expect((event.after as { documentTypes?: string[] }).documentTypes).toEqual(['职业资格/技能等级证书（第1页左侧）', '身份证（第1页右侧、第2页）']);
  });

  it('refuses, in Chinese, a part on a page one group holds, parts that overlap, a part off the page and a page in three groups; nothing is written', async () => {
    const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores);
    const [left, right] = ofFile(reviewCase.documents as Doc[], fileId).map((d) => d.regions![0]!);
    const cases = [
      { groups: [{ pages: [1], regions: [left] }], code: 'part_not_shared' },
      {
        groups: [
          { pages: [1], regions: [left] },
          { pages: [1], regions: [left] },
        ],
        code: 'parts_overlap',
      },
      {
        groups: [
          { pages: [1], regions: [{ page: 1, box: { x: 0, y: 0, width: 1400, height: 5000 } }] },
          { pages: [1], regions: [right] },
        ],
        code: 'part_outside_page',
      },
      { groups: [{ pages: [1] }, { pages: [1] }, { pages: [1] }], code: 'pages_mismatch' },
    ];
    for (const { groups, code } of cases) {
      const refused = await regroup(reviewCase.caseId, reviewCase.version, fileId, groups);
      expect(refused.status, code).toBe(422);
      expect(refused.json.error.code).toBe(code);
      expect(refused.json.error.zh).toMatch(/第1页/);
    }
    expect((await env.stores.cases.get(reviewCase.caseId))!.version).toBe(reviewCase.version);
  });
});
