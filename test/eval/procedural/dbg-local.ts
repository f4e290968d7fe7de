import { readFileSync } from 'node:fs';
import { buildPageLayout } from '../../../shared/extraction/page-layout.js';
const [cacheFile, part, needle] = process.argv.slice(2);
const cache = JSON.parse(readFileSync(cacheFile!, 'utf8'));
for (const [file, entry] of Object.entries<any>(cache)) {
  if (!file.includes(part!)) continue;
  for (const p of entry.pages) { const l = buildPageLayout(p); for (const line of l.lines) if (!needle || line.text.includes(needle)) console.log(JSON.stringify({t: line.text, flat: line.flat, leading: line.leading, box: line.box, hits: line.hits, half: line.half})); }
}
