import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../cli/commands/rules.js';
import { runCliCommand } from '../support/run-cli-command.js';
import { scratchDirectory } from '../support/scratch-directory.js';

const run = (...args: string[]) => runCliCommand(register, 'rules', ...args);

function tempFile(name: string, text: string): string {
  const file = path.join(scratchDirectory('rules-test-'), name);
  writeFileSync(file, text);
  return file;
}

const shipped = path.join('test', 'policy', 'tables', 'high-skilled-individual.yaml');

describe('intake rules test', () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('runs a shipped table and closes with the counts', async () => {
    const { out, exitCode } = await run('test', shipped);
    expect(out).toMatch(/^14 passed, 0 failed$/m);
    expect(exitCode).toBeUndefined();
  });

  it('names a failing case, the sentence it pins and what differs, and exits 1', async () => {
    const broken = readFileSync(shipped, 'utf8').replace('expect: { outcome: eligible, amount: 10000 }', 'expect: { outcome: eligible, amount: 9000 }');
    const { out, exitCode } = await run('test', tempFile('broken.yaml', broken));
    expect(out).toContain('FAIL 一级（高级技师）证书：10000元');
    expect(out).toContain('- amount: expected 9000, got 10000');
    expect(out).toMatch(/^13 passed, 1 failed$/m);
    expect(exitCode).toBe(1);
  });

  it('reports a table that does not fit the format with the path of the problem', async () => {
    const { err, exitCode } = await run(
      'test',
      tempFile('bad.yaml', 'title: x\nclause: XH36-3.2\ntext: y\ncases:\n  - name: a\n    expect: { outcome: maybe }\n'),
    );
    expect(err).toContain('cases.0.expect.outcome');
    expect(exitCode).toBe(1);
  });

  it('reports facts that do not fit the facts schema as a failed case', async () => {
    const table =
      'title: x\nclause: XH36-3.2\ntext: y\nbase: { claimDate: "2021-13-01", applicant: { kind: individual } }\ncases:\n  - name: bad date\n    expect: { outcome: ineligible }\n';
    const { out, exitCode } = await run('test', tempFile('facts.yaml', table));
    expect(out).toContain('facts claimDate: Invalid ISO date');
    expect(exitCode).toBe(1);
  });
});

describe('intake rules evaluate', () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });

  it('shows an amount resting on an unconfirmed figure as awaiting the bureau, with the document', async () => {
    const facts = {
      programme: 'XH36-3.2',
      claimDate: '2021-05-01',
      applicant: { kind: 'individual' },
      persons: [{ ref: 'p1', residencePermit: { city: '杭州市' } }],
      certificates: [{ kind: 'qualification', level: 4, number: 'Q1', issueDate: '2021-04-01' }],
      materials: ['certificate'],
    };
    const { out } = await run('evaluate', tempFile('facts.json', JSON.stringify(facts)));
    expect(out).toContain('XH36-3.2  符合条件 (eligible)  1500 元（金额待区人社局确认 / awaiting confirmation）');
    expect(out).toContain('awaiting confirmation: certificate_training.per_level');
    expect(out).toContain('杭人社发〔2016〕27号');
  });

  it("gives the store's duplicate decision from claims held in the facts alone", async () => {
    const facts = {
      programme: 'XH36-3.2',
      claimDate: '2021-05-01',
      applicant: { kind: 'individual' },
      persons: [{ ref: 'p1', residencePermit: { city: '杭州市' } }],
      certificates: [{ kind: 'qualification', level: 4, number: 'Q1', issueDate: '2021-04-01' }],
      materials: ['certificate'],
      claimsHeld: [{ caseId: 'case-7', programme: 'XH36-3.2', outcome: 'eligible', certificateNumbers: ['Q1'] }],
    };
    const { out } = await run('evaluate', tempFile('facts.json', JSON.stringify(facts)));
    expect(out).toContain('XH36-3.2  不符合条件 (ineligible)  0 元');
    expect(out).toContain('duplicate of case case-7');
    expect(out).not.toContain('1500元');
  });
});
