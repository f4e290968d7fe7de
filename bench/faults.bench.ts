/**
 * `npm run bench -- faults [--documents N]` (default 60): fault injection on the embedded stack with counts
 * (bench/fault-run.ts). Kills the process worker, DynamoDB Local and the S3 server mid-batch and prints uploaded objects
 * vs document records vs cases, duplicates and anything not in a visible state.
 */
import { formatFaultCounts, runFaultInjection } from './fault-run.js';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

export async function run(): Promise<void> {
  const documents = argument('documents', 60);
  console.log(`fault injection: ${documents} documents, killing the process worker, DynamoDB Local and the S3 server mid-batch`);
  const counts = await runFaultInjection({ documents, log: (line) => console.log(`  ${line}`) });
  for (const line of formatFaultCounts(counts)) console.log(line);
  if (counts.notVisible.length > 0) console.log(`not visible: ${counts.notVisible.slice(0, 20).join('; ')}`);
  if (!counts.ok) process.exitCode = 1;
}
