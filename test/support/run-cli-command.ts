import { Command } from 'commander';
import { vi } from 'vitest';

/** What a CLI command printed and the exit code it set. */
export interface CliRun {
  out: string;
  err: string;
  exitCode: number | undefined;
}

/**
 * Runs one `intake` command in process, as the command line would (`register` adds it to a fresh program), capturing
 * what it prints to the console and the exit code it sets.
 *
 * @example
 * const { out, exitCode } = await runCliCommand(register, 'rules', 'evaluate', 'facts.json');
 */
export async function runCliCommand(register: (program: Command) => void, command: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command('intake').exitOverride();
  register(program);
  try {
    await program.parseAsync(['node', 'intake', command, ...args]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return { out: out.join('\n'), err: err.join('\n'), exitCode: process.exitCode === undefined ? undefined : Number(process.exitCode) };
}
