import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where a page test saves a screenshot: `docs/screenshots/` when `INTAKE_SCREENSHOTS=1` (refreshing the documented
 * pictures is a deliberate act), otherwise a temporary folder, so a test run leaves the work tree as it was.
 *
 * @example
 * await page.screenshot({ path: screenshotPath('case-view.png') });
 */
export function screenshotPath(name: string): string {
  const dir = process.env.INTAKE_SCREENSHOTS === '1' ? path.join('docs', 'screenshots') : path.join(os.tmpdir(), 'intake-screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
