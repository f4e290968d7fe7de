/**
 * Issue 15, *Done when*: a batch goes through the embedded stack while its parts are killed mid-batch — the process
 * worker threads, DynamoDB Local's JVM and the s3rver child, each SIGKILLed or terminated as an out-of-memory kill
 * would — and afterwards every uploaded object has exactly one document record in a state a person can see, every
 * claim exactly one case listing its documents once. `npm run bench -- faults --documents N` runs the same with a
 * larger batch and prints the counts.
 */
import { describe, expect, it } from 'vitest';
import { formatFaultCounts, runFaultInjection } from '../../bench/fault-run.js';

describe('fault injection on the embedded stack', () => {
  it('loses nothing and duplicates nothing when the process worker, DynamoDB Local and the S3 server are killed mid-batch', { timeout: 600_000 }, async () => {
    process.env.INTAKE_LOCAL_LOG_LEVEL = 'error';
    process.env.POWERTOOLS_LOG_LEVEL = 'CRITICAL';

    const counts = await runFaultInjection({ documents: 12, timeoutMs: 420_000 });
    console.log(formatFaultCounts(counts).join('\n'));

    // Each part was really killed, and the supervised ones came back.
    expect(counts.killed['process-worker']).toBeGreaterThan(0);
    expect(counts.killed.dynamodb).toBe(1);
    expect(counts.killed.s3).toBe(1);
    expect(counts.crashesSeen).toEqual({ dynamodb: 1, s3: 1 });
    // Uploaded objects vs document records vs cases.
    expect(counts.uploaded).toBe(12);
    expect(counts.records).toBe(counts.uploaded);
    expect(counts.cases).toBe(counts.submissions);
    expect(counts.submissions).toBe(8);
    // No duplicate, nothing invisible, nothing read but left out of its case.
    expect({
      duplicateRecords: counts.duplicateRecords,
      duplicateCases: counts.duplicateCases,
      duplicateCaseDocuments: counts.duplicateCaseDocuments,
      notVisible: counts.notVisible,
      documentsWithoutCase: counts.documentsWithoutCase,
    }).toEqual({ duplicateRecords: 0, duplicateCases: 0, duplicateCaseDocuments: 0, notVisible: [], documentsWithoutCase: 0 });
    // What failed for a transient reason (a part away) was resumed: every digital document ends read.
    expect(counts.byStatus).toEqual({ processed: 12 });
    expect(counts.ok).toBe(true);
  });
});
