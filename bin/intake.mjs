#!/usr/bin/env node
// Entry for `npx intake`: runs the TypeScript CLI through tsx so there is no build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = spawnSync(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', path.join(root, 'cli', 'intake.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(result.status ?? 1);
