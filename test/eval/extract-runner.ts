import { spawn } from 'node:child_process';
import path from 'node:path';
import { type FileExtraction, fileExtractionSchema } from '../../shared/documents/index.js';

/** The outcome of one `intake extract` subprocess over a chunk of files. */
export interface ChunkResult {
  extractions: FileExtraction[];
  seconds: number;
  exitCode: number | null;
  /** Set when stdout was not the JSON the contract promises (the whole chunk then counts as unread). */
  failure?: string;
}

/**
 * Parses `intake extract --json` output: a JSON array of per-file results. Entries that do not fit the contract are
 * kept as read errors (`invalid_output`) rather than dropped, so a schema slip shows in the report.
 *
 * @example
 * parseExtractOutput('[{"file":"a.pdf","documents":[]}]', ['a.pdf']);
 */
export function parseExtractOutput(stdout: string, files: readonly string[]): FileExtraction[] {
  const start = stdout.indexOf('[');
  if (start < 0) throw new Error('no JSON array on stdout');
  const raw: unknown = JSON.parse(stdout.slice(start));
  if (!Array.isArray(raw)) throw new Error('stdout JSON is not an array');
  return raw.map((entry, i): FileExtraction => {
    const parsed = fileExtractionSchema.safeParse(entry);
    if (parsed.success) return parsed.data;
    const file = typeof (entry as { file?: unknown })?.file === 'string' ? (entry as { file: string }).file : (files[i] ?? `#${i}`);
    return {
      file,
      documents: [],
      error: {
        code: 'invalid_output',
        message: parsed.error.issues
          .slice(0, 3)
          .map((x) => `${x.path.join('.')}: ${x.message}`)
          .join('; '),
      },
    };
  });
}

/**
 * Runs `node --import tsx cli/intake.ts extract FILE... --json` as a subprocess, as a clerk's machine would, so the
 * models load once per chunk and nothing of the reader leaks into the evaluator's process.
 *
 * @example
 * const { extractions, seconds } = await runExtract(['set/a.pdf', 'set/b.png']);
 */
export async function runExtract(files: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<ChunkResult> {
  const cwd = options.cwd ?? process.cwd();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', path.join(cwd, 'cli', 'intake.ts'), 'extract', ...files, '--json'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30 * 60_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    return { extractions: parseExtractOutput(stdout, files), seconds, exitCode };
  } catch (error) {
    const tail = stderr.trim().split('\n').slice(-3).join(' | ');
    return { extractions: [], seconds, exitCode, failure: `${(error as Error).message}; exit ${exitCode}; stderr: ${tail}` };
  }
}
