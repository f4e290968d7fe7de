import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where a run's scratch directories go: one folder the global setup makes and removes at the run's end. */
export const SCRATCH_ROOT_VARIABLE = 'INTAKE_TEST_SCRATCH';

/**
 * A fresh directory for a test's files (parameter sets, mail, rosters), inside the run's scratch folder, so a run of
 * the suite leaves nothing behind in the system's temporary folder.
 */
export function scratchDirectory(prefix: string): string {
  return mkdtempSync(path.join(process.env[SCRATCH_ROOT_VARIABLE] ?? tmpdir(), prefix));
}
