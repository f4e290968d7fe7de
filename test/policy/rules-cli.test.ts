import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../cli/commands/rules.js';
import { runCliCommand } from '../support/run-cli-command.js';
import { individualClaim, studioClaim } from './factories.js';
import { scratchDirectory } from '../support/scratch-directory.js';

function factsFile(content: unknown): string {
  const file = path.join(scratchDirectory('rules-cli-'), 'facts.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const run = (...args: string[]) => runCliCommand(register, 'rules', ...args);

describe('intake rules', () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('evaluate prints the decision for a clerk', async () => {
    const { out, exitCode } = await run('evaluate', factsFile(individualClaim()));
    expect(out).toContain('XH36-3.7.c  符合条件 (eligible)  5000 元');
    expect(exitCode).toBeUndefined();
  });

  it("evaluate gives the store's decisions from facts alone: once per person from claimsHeld, the studio quota from studiosNamed", async () => {
    const held = await run(
      'evaluate',
      factsFile({
        ...individualClaim(),
        claimsHeld: [
          {
            caseId: 'case-earlier-1',
            programme: 'XH36-3.7.c',
            date: '2021-03-01',
            outcome: 'eligible',
            personIdNumber: individualClaim().persons![0]!.idNumber,
          },
        ],
      }),
    );
    const quota = await run(
      'evaluate',
      factsFile({ ...studioClaim(), studiosNamed: Array.from({ length: 6 }, (_, i) => ({ studio: `S${i}`, namedOn: '2021-03-01' })) }),
    );

    expect(held.out).toContain('XH36-3.7.c  不符合条件 (ineligible)  0 元');
    expect(held.out).toContain('同一人只能享受一次高技能人才一次性补贴，已在案件case-earlier-1中享受');
    expect(held.out).toContain('duplicate of case case-earlier-1');
    expect(quota.out).toContain('XH36-3.6  不符合条件 (ineligible)  0 元');
    expect(quota.out).toContain('本年度名额（6个）已满（XH36-3.6:named:2021），不予补贴');
    expect(quota.out).not.toContain('duplicate of case');
  });

  it('evaluate --json prints the decision as JSON', async () => {
    const { out } = await run('evaluate', factsFile(individualClaim()), '--json');
    expect(JSON.parse(out)).toMatchObject({ programme: 'XH36-3.7.c', outcome: 'eligible', amountYuan: 5000 });
  });

  it('evaluate exits 1 on invalid facts with the zod message per path', async () => {
    const { err, exitCode } = await run('evaluate', factsFile({ claimDate: '2021-13-01', applicant: { kind: 'robot' } }));
    expect(exitCode).toBe(1);
    expect(err).toContain('claimDate: Invalid ISO date');
    expect(err).toContain('applicant.kind: Invalid option');
  });

  it('evaluate exits 1 on a file that is not JSON', async () => {
    const { err, exitCode } = await run('evaluate', factsFile('{nope'));
    expect(exitCode).toBe(1);
    expect(err).toContain('cannot read');
  });

  it('explain prints every rule with its parameters in force on the date', async () => {
    const { out } = await run('explain', '--date', '2021-06-18');
    expect(out).toContain('XH36-3.7.c  高技能人才一次性补贴（个人）');
    expect(out).toContain('high_skilled_talent.individual_by_level = {"1":10000,"2":5000} yuan');
    expect(out).toContain('entrepreneurship_training.per_person = (figure unknown) yuan [unknown]');
  });

  it('explain shows parameters out of force after the window', async () => {
    const { out } = await run('explain', '--date', '2022-01-01');
    expect(out).toContain('master_studio.one_off: (not in force on 2022-01-01)');
  });
});
