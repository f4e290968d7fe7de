/**
 * `npm run bench`: runs every benchmark module in bench/ (each exports `run(): Promise<void>` and prints its own
 * figures), one after another so they do not compete for the two cores. `npm run bench -- rules` runs one.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)))
  .sort()
  .concat(only.includes('ocr-peers') ? ['ocr-peers.ts'] : []); // opt-in benches run only when named
if (modules.length === 0) {
  console.error(`no benchmark matches ${only.join(' ')}`);
  process.exit(1);
}
for (const name of modules) {
  console.log(`\n=== ${name.replace(/(\.bench)?\.ts$/, '')}`);
  const module = (await import(pathToFileURL(path.join(dir, name)).href)) as { run: () => Promise<void> };
  await module.run();
}
