/**
 * Dev-only: CPU ms per page of the engine with and without looking for a watermark on a photo's flattened page
 * (`photoOverprint`), on the image files given, alternating which reads first so load on the machine falls on both
 * alike. Files whose name starts with `wm` (link them under such names) are totalled apart from the rest
 * (the pages the step is for, and the pages it must leave alone).
 *
 *   nice -n 10 node --openssl-legacy-provider --import tsx bench/ocr-photo-watermark.ts /tmp/wm-curl-05.jpg …
 */
import { readFile } from 'node:fs/promises';
import { createPaddleOcrEngine } from '../shared/ocr/index.js';

const files = process.argv.slice(2).filter((a) => a !== '--');
const engines = { without: createPaddleOcrEngine({ photoOverprint: false }), with: createPaddleOcrEngine() };
await engines.with.warmUp();
const cpu = new Map<string, { with: number; without: number }>();
for (const [k, file] of files.entries()) {
  const bytes = new Uint8Array(await readFile(file));
  const order = k % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
  const used = { with: 0, without: 0 };
  for (const which of order) {
    const usage = process.cpuUsage();
    await engines[which].recognize({ bytes, pageNumber: 1 });
    const spent = process.cpuUsage(usage);
    used[which] = (spent.user + spent.system) / 1000;
  }
  cpu.set(file, used);
  console.log(`${file.split('/').pop()}: ${Math.round(used.without)} → ${Math.round(used.with)} CPU ms`);
}
for (const [label, curled] of [
  ['watermarked photos', true],
  ['other pages', false],
] as const) {
  const picked = [...cpu.entries()].filter(([file]) => file.split('/').pop()!.startsWith('wm') === curled).map(([, used]) => used);
  if (picked.length === 0) continue;
  const total = (which: 'with' | 'without') => picked.reduce((sum, used) => sum + used[which], 0);
  console.log(
    `${label} (${picked.length}): ${Math.round(total('without'))} → ${Math.round(total('with'))} CPU ms, ratio ${(total('with') / total('without')).toFixed(3)}`,
  );
}
