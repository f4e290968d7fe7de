import { beforeEach, describe, expect, it } from 'vitest';
import { paymentRows } from '../../shared/exports/payments.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { ingestObject } from '../../shared/pipeline/ingest.js';
import type { ClaimJudge } from '../../shared/pipeline/judge.js';
import { processDocument, type ProcessDeps } from '../../shared/pipeline/process.js';
import type { Decision } from '../../shared/policy/decision.js';
import { inspectFile, pageReading } from '../../shared/reading/index.js';
import { FixedClock, InMemoryBlobStore, InMemoryCaseRepository, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';
import { blankPng, lineExtractor, oncePerPersonJudge, scriptedOcr } from './pipeline-factories.js';

const bucket = 'intake';
const ID = '330106199001011234';

/** XH36-3.7.c as far as the amount goes: the best level among the case's certificates decides it (1 → 10,000, 2 → 5,000). */
function levelJudge(): ClaimJudge {
  const base = oncePerPersonJudge();
  return {
    ...base,
    judge(documents, context): Decision {
      const decision = base.judge(documents, context) as Decision;
      const best = Math.min(...documents.map((d) => Number(d.fields.level?.value ?? 9)));
      return { ...decision, amountYuan: best === 1 ? 10_000 : 5_000 };
    },
  };
}

describe('documents arriving after a person decided the case', () => {
  let lines: string[];
  let cases: InMemoryCaseRepository;
  let deps: ProcessDeps;
  let upload: (key: string, bytes?: Uint8Array) => Promise<string>;

  beforeEach(() => {
    lines = ['姓名：王晓明', `idNumber：${ID}`, 'level：2'];
    const blobs = new InMemoryBlobStore();
    const documents = new InMemoryDocumentRepository();
    cases = new InMemoryCaseRepository({ documents });
    const queue = new InMemoryWorkQueue();
    const clock = new FixedClock('2026-11-20T08:00:00Z');
    deps = {
      blobs,
      documents,
      cases,
      clock,
      ocr: scriptedOcr(lines),
      reading: pageReading,
      extract: lineExtractor,
      judge: levelJudge(),
      limits: DEFAULT_INTAKE_LIMITS,
      derivedPrefix: 'derived/',
      previewDpi: 48,
    };
    let uploads = 0;
    upload = async (key, bytes?: Uint8Array) => {
      // Each upload distinct bytes unless given (the same bytes twice in one submission would be one document).
      await blobs.put(bucket, key, bytes ?? (await blankPng(64, 48 + ++uploads)));
      const head = await blobs.head(bucket, key);
      const outcome = await ingestObject(
        { bucket, key, size: head!.size, eTag: head!.eTag },
        { blobs, documents, queue, clock, limits: DEFAULT_INTAKE_LIMITS, inspect: inspectFile },
      );
      const [message] = queue.drain();
      if (!message) throw new Error(`ingest queued nothing: ${JSON.stringify(outcome)}`);
      return message.documentId;
    };
  });

  /** A clerk confirms and a supervisor (another person) approves, as the review service would write it. */
  const approve = async (caseId: string) => {
    const current = (await cases.get(caseId))!;
    await cases.update(
      { ...current, status: 'approved', confirmedBy: 'clerk1', approvedBy: 'supervisor1', approvedAt: '2026-11-21T02:00:00.000Z' },
      current.version,
      {
        caseId,
        at: '2026-11-21T02:00:00.000Z',
        actor: 'supervisor1',
        action: 'approve',
      },
    );
  };

  it('leaves an approved case as approved and opens a follow-up that pays only the difference', async () => {
    await processDocument(await upload('incoming/sub-1/二级证书.png'), deps);
    await approve('case-sub-1');
    const approved = (await cases.get('case-sub-1'))!;
    expect(approved.decision?.amountYuan).toBe(5_000);

    lines[2] = 'level：1';
    const outcome = await processDocument(await upload('incoming/sub-1/一级证书.png'), deps);

    expect(outcome).toMatchObject({ kind: 'done', cases: [{ caseId: 'case-sub-1-f1', action: 'created', followUpOf: 'case-sub-1' }] });
    // What was approved stays as approved: same version, same decision, same documents.
    expect(await cases.get('case-sub-1')).toEqual(approved);
    const followUp = (await cases.get('case-sub-1-f1'))!;
    expect(followUp).toMatchObject({ status: 'needs_review', followUpOf: { caseId: 'case-sub-1', status: 'approved', decidedAmountYuan: 5_000 } });
    expect(followUp.documents).toHaveLength(2);
    expect(followUp.decision).toMatchObject({ outcome: 'eligible', amountYuan: 10_000 });

    // Before the follow-up is approved the export pays what was approved; after, the difference and no more.
    expect(paymentRows([approved, followUp], { from: '2026-11-01', to: '2026-11-30' }).map((row) => [row.caseId, row.amountYuan])).toEqual([
      ['case-sub-1', 5_000],
    ]);
    await approve('case-sub-1-f1');
    const rows = paymentRows([(await cases.get('case-sub-1'))!, (await cases.get('case-sub-1-f1'))!], { from: '2026-11-01', to: '2026-11-30' });
    expect(rows.map((row) => [row.caseId, row.amountYuan])).toEqual([
      ['case-sub-1', 5_000],
      ['case-sub-1-f1', 5_000],
    ]);
  });

  it("does not treat the follow-up's once-per-person key, held by the case it follows, as a duplicate claim", async () => {
    await processDocument(await upload('incoming/sub-2/证书.png'), deps);
    await approve('case-sub-2');
    lines[2] = 'level：1';
    await processDocument(await upload('incoming/sub-2/补充.png'), deps);

    expect((await cases.get('case-sub-2-f1'))!.decision).toMatchObject({ outcome: 'eligible' });
  });

  it('creates nothing new when the message of the late document is delivered again', async () => {
    await processDocument(await upload('incoming/sub-3/证书.png'), deps);
    await approve('case-sub-3');
    const late = await upload('incoming/sub-3/补充.png');
    await processDocument(late, deps);
    const followUp = await cases.get('case-sub-3-f1');

    const again = await processDocument(late, deps);

    expect(again.kind === 'done' ? again.cases.map((c) => c.caseId) : again).not.toContain('case-sub-3-f2');
    expect(await cases.get('case-sub-3-f1')).toEqual(followUp);
    expect(await cases.get('case-sub-3-f2')).toBeUndefined();
  });

  it("keeps a certificate in an individual's claim when a training body uploaded the same bytes first, with the link for the clerk", async () => {
    const scan = await blankPng(64, 40);
    const batchCopy = await upload('incoming/batch-7/证书.png', scan);
    await processDocument(batchCopy, deps);
    const own = await upload('incoming/sub-wang/我的证书.png', scan);

    await processDocument(own, deps);

    const claim = (await cases.get('case-sub-wang'))!;
    expect(claim.documents).toHaveLength(1);
    expect(claim.documents[0]).toMatchObject({ documentId: own, sameContentAs: { documentId: batchCopy, submissionId: 'batch-7' } });
    expect(claim.decision).toBeDefined();
  });

  it('updates a case still waiting for a clerk in place, as before', async () => {
    await processDocument(await upload('incoming/sub-4/a.png'), deps);
    await processDocument(await upload('incoming/sub-4/b.png'), deps);

    expect((await cases.get('case-sub-4'))!.documents).toHaveLength(2);
    expect(await cases.get('case-sub-4-f1')).toBeUndefined();
  });
});
