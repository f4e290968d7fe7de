import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCase, selectCases } from '../../cli/commands/cases.js';
import { collectSubmitFiles, newSubmissionId } from '../../cli/commands/submit.js';
import { resolveStackEndpoints, StackNotFoundError } from '../../local/stack-endpoints.js';
import { aReviewCase, anAuditEvent, InMemoryCaseRepository } from '../support/fakes/index.js';

describe('collectSubmitFiles', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-submit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks folders recursively keeping their structure, skips hidden files, and takes files as given', () => {
    mkdirSync(path.join(dir, 'scans', '第二批'), { recursive: true });
    writeFileSync(path.join(dir, 'scans', '证书 1.jpg'), 'a');
    writeFileSync(path.join(dir, 'scans', '第二批', '合同.pdf'), 'b');
    writeFileSync(path.join(dir, 'scans', '.DS_Store'), 'x');
    writeFileSync(path.join(dir, 'single.png'), 'c');
    const files = collectSubmitFiles([path.join(dir, 'scans'), path.join(dir, 'single.png')]);
    expect(files.map((f) => f.name)).toEqual(['第二批/合同.pdf', '证书 1.jpg', 'single.png']);
  });
});

describe('newSubmissionId', () => {
  it('is dated and unique', () => {
    const a = newSubmissionId(new Date('2021-06-18T08:00:00Z'));
    expect(a).toMatch(/^sub-20210618-[0-9a-f]{8}$/);
    expect(newSubmissionId()).not.toBe(newSubmissionId());
  });
});

describe('selectCases', () => {
  it('lists one queue oldest first, or every queue, up to the limit', async () => {
    const repository = new InMemoryCaseRepository();
    const older = aReviewCase({ queue: 'XH36-3.7.c', createdAt: '2021-06-18T08:00:00.000Z' });
    const newer = aReviewCase({ queue: 'XH36-3.7.c', createdAt: '2021-06-19T08:00:00.000Z' });
    const other = aReviewCase({ queue: 'unclassified' });
    for (const c of [newer, other, older]) await repository.create(c, anAuditEvent(c.caseId));

    expect((await selectCases(repository, { queue: 'XH36-3.7.c', limit: 10 })).map((c) => c.caseId)).toEqual([older.caseId, newer.caseId]);
    expect(await selectCases(repository, { limit: 10 })).toHaveLength(3);
    expect(await selectCases(repository, { limit: 2 })).toHaveLength(2);
  });
});

describe('formatCase', () => {
  it('shows status, decision and each field, marking the flagged ones', () => {
    const text = formatCase(
      aReviewCase({
        caseId: 'case-1',
        decision: {
          programme: 'XH36-3.7.c',
          outcome: 'eligible',
          amountYuan: 5000,
          reasons: [{ ruleId: 'XH36-3.7.c', zh: '符合条件', en: 'eligible' }],
          missingDocuments: [],
          trace: [],
          unconfirmedParameters: [],
          claimKeys: [],
          evaluatedOn: '2021-06-18',
        },
      }),
    );
    expect(text).toContain('case-1  [XH36-3.7.c]  needs_review');
    expect(text).toContain('XH36-3.7.c eligible, ¥5000');
    expect(text).toContain('  holderName: 王晓明  (0.98)');
    expect(text).toContain('? level: 2  (0.87)');
  });
});

describe('resolveStackEndpoints', () => {
  it('prefers the environment, then the endpoints.json npm start writes', () => {
    expect(resolveStackEndpoints({ INTAKE_BUCKET: 'b', INTAKE_TABLE_NAME: 't', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1' })).toMatchObject({
      bucket: 'b',
      tableName: 't',
      s3: 'http://127.0.0.1:1',
      region: 'us-east-1',
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-endpoints-'));
    try {
      writeFileSync(
        path.join(dir, 'endpoints.json'),
        JSON.stringify({ s3: 'http://127.0.0.1:2', dynamodb: 'http://127.0.0.1:3', bucket: 'intake', tableName: 'intake', region: 'us-east-1' }),
      );
      expect(resolveStackEndpoints({ INTAKE_DATA_DIR: dir })).toMatchObject({ s3: 'http://127.0.0.1:2', dynamodb: 'http://127.0.0.1:3' });
      expect(() => resolveStackEndpoints({ INTAKE_DATA_DIR: path.join(dir, 'none') })).toThrow(StackNotFoundError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
