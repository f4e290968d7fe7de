import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchSubmitOptions } from '../../cli/commands/batch.js';
import { chooseSubmitMode, register, type SubmitOptions } from '../../cli/commands/submit.js';

function program() {
  const calls: { plain: Array<[string[], SubmitOptions]>; batch: Array<[string[], BatchSubmitOptions]> } = { plain: [], batch: [] };
  const intake = new Command('intake').exitOverride();
  register(intake, {
    plain: async (paths, options) => void calls.plain.push([paths, options]),
    batch: async (files, options) => void calls.batch.push([files, options]),
  });
  const run = (...args: string[]) => intake.parseAsync(['node', 'intake', 'submit', ...args]);
  return { calls, run };
}

describe('intake submit option routing', () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it("runs the batch submit for `--institution ID --roster roster.xlsx certificates.zip`, the issue's exact form", async () => {
    const { calls, run } = program();
    await run('--institution', 'inst-7', '--roster', 'roster.xlsx', 'certificates.zip');
    expect(calls.batch).toEqual([[['certificates.zip'], { institution: 'inst-7', roster: 'roster.xlsx', partSizeMb: '16' }]]);
    expect(calls.plain).toEqual([]);
    expect(process.exitCode).toBeUndefined();
  });

  it('passes several certificate files and a part size through to the batch', async () => {
    const { calls, run } = program();
    await run('a.pdf', 'b.pdf', '--roster', '名册.csv', '--institution', 'inst-7', '--part-size-mb', '8');
    expect(calls.batch).toEqual([[['a.pdf', 'b.pdf'], { institution: 'inst-7', roster: '名册.csv', partSizeMb: '8' }]]);
  });

  it('keeps the plain submission when neither --institution nor --roster is given', async () => {
    const { calls, run } = program();
    await run('scans/', '--submitter', '张三', '--wait');
    expect(calls.batch).toEqual([]);
    expect(calls.plain).toHaveLength(1);
    expect(calls.plain[0]![0]).toEqual(['scans/']);
    expect(calls.plain[0]![1]).toMatchObject({ submitter: '张三', wait: true, timeout: '300' });
  });

  it('refuses --institution without --roster, running nothing and saying which is missing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { calls, run } = program();
    await run('--institution', 'inst-7', 'certificates.zip');
    expect(calls.batch).toEqual([]);
    expect(calls.plain).toEqual([]);
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveBeenCalledWith('intake submit: a batch needs both --institution and --roster (got only --institution)');
  });

  it('refuses options of a plain submission on a batch', () => {
    expect(() => chooseSubmitMode({ institution: 'i', roster: 'r.xlsx', wait: true, timeout: '300', partSizeMb: '16' })).toThrow(
      /--wait apply to a plain submission, not to a batch/,
    );
  });
});
