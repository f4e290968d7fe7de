/**
 * Dev-only: CPU ms per page of the engine with and without one page step, on the image files given, alternating which
 * reads first so load on the machine falls on both alike. Files whose name holds the step's mark are totalled apart
 * from the rest (the pages the step is for, and the pages it must leave alone).
 *
 *   nice -n 10 node --openssl-legacy-provider --import tsx bench/ocr-setting-ab.ts bends /work/evalsets/procedural-photo12-curl/*curl-01.jpg …
 *   nice -n 10 node --openssl-legacy-provider --import tsx bench/ocr-setting-ab.ts photo-watermark /tmp/wm-curl-05.jpg …
 *
 * `bends`: following bent lines (`detection.followBends`), files marked by `curl` in their name; `photo-watermark`:
 * looking for a watermark on a photo's flattened page (`photoOverprint`), files marked by a name starting with `wm`;
 * `crop-width`: line crops narrower than 320 px read at their own width plus grey padding (the default
 * `RecognitionSettings`; `OCR_AB_MIN_WIDTH` sets a floor), against every crop padded to 320 (PP-OCR's), files marked by a
 * photo capture in their name (curl, perspective, shadow, small); `hidden-characters`: characters the recogniser half
 * saw and dropped, or whose repeat CTC's collapse swallowed (`hiddenCharacters`: the lines holding one read again),
 * files marked by a phone-photo capture in their name or named `scan-…` (the pipeline bench's certificate scans);
 * `split-lines`: a line the detector cut in two over a glyph read whole (`splitLines`), files marked by a phone-photo
 * capture or `noisy_scan` in their name; `grey-seal-lines`: the rows a grey seal crosses detected again with the seal
 * lifted (`greySealLines`), files marked by `faint_copy`, `noisy_scan`, `scanner_app` or `moire` in their name (greyscale
 * pages, where a seal has lost its colour); `seal-rings`: a round coloured seal's lettering read whole from its ring
 * unrolled (`sealRings`), files marked by `letter`, `seal`, `proc-C-` or `proc-D-` in their name (the packets' 聘书, sealed certificates
 * and contracts); `seal-ring-gate`: the same step behind the reader's gate, as the composition roots build the engine
 * (`sealRings: mayNameEmployerOnlyInSeal`: rings read only on a 聘书 that may name its employer in its seal alone), files
 * marked by `letter` in their name (the packets' 聘书) against the rest (sealed certificates and contracts: the gate
 * must leave them at the step's off cost).
 */
import { readFile } from 'node:fs/promises';
import { mayNameEmployerOnlyInSeal } from '../shared/extraction/index.js';
import { createPaddleOcrEngine, type PaddleOcrEngineOptions } from '../shared/ocr/index.js';
import { PP_OCR_RECOGNITION_SETTINGS } from '../shared/ocr/text-lines.js';

const STEPS: Record<string, { off: PaddleOcrEngineOptions; on?: PaddleOcrEngineOptions; marked: (name: string) => boolean; label: string }> = {
  bends: { off: { detection: { followBends: false } }, marked: (name) => name.includes('curl'), label: 'curled pages' },
  'photo-watermark': { off: { photoOverprint: false }, marked: (name) => name.startsWith('wm'), label: 'watermarked photos' },
  'hidden-characters': {
    off: { hiddenCharacters: false },
    marked: (name) =>
      /-(curl|perspective|shadow|glare|moire|faint_copy|scanner_app|fold|small|large|booklet_spread|exif_orientation|phone_photo)-/.test(name) ||
      name.startsWith('scan-'),
    label: 'phone photos and pipeline scans',
  },
  'split-lines': {
    off: { splitLines: false },
    marked: (name) => /-(glare|perspective|shadow|curl|moire|faint_copy|scanner_app|fold|phone_photo|noisy_scan)-/.test(name),
    label: 'phone photos and noisy scans',
  },
  'grey-seal-lines': {
    off: { greySealLines: false },
    marked: (name) => /-(faint_copy|noisy_scan|scanner_app|moire)-/.test(name),
    label: 'greyscale scans, copies and photos',
  },
  'seal-rings': {
    off: { sealRings: false },
    on: { sealRings: true },
    marked: (name) => /letter|seal|proc-[CD]-/.test(name),
    label: 'pages with a round coloured seal',
  },
  'seal-ring-gate': {
    off: { sealRings: false },
    on: { sealRings: mayNameEmployerOnlyInSeal },
    marked: (name) => name.includes('letter'),
    label: '聘书 pages',
  },
  'crop-width': {
    off: { intraOpNumThreads: 1, recognition: PP_OCR_RECOGNITION_SETTINGS },
    on: { intraOpNumThreads: 1, recognition: { minWidth: Number(process.env.OCR_AB_MIN_WIDTH ?? 8) } },
    marked: (name) => /-(curl|perspective|shadow|small)-/.test(name),
    label: 'photos',
  },
};

const [stepName, ...files] = process.argv.slice(2).filter((a) => a !== '--');
const step = STEPS[stepName ?? ''];
if (!step) throw new Error(`first argument: one of ${Object.keys(STEPS).join(', ')}`);
const engines = { without: createPaddleOcrEngine(step.off), with: createPaddleOcrEngine(step.on) };
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
for (const [label, marked] of [
  [step.label, true],
  ['other pages', false],
] as const) {
  const picked = [...cpu.entries()].filter(([file]) => step.marked(file.split('/').pop()!) === marked).map(([, used]) => used);
  if (picked.length === 0) continue;
  const total = (which: 'with' | 'without') => picked.reduce((sum, used) => sum + used[which], 0);
  console.log(
    `${label} (${picked.length}): ${Math.round(total('without'))} → ${Math.round(total('with'))} CPU ms, ratio ${(total('with') / total('without')).toFixed(3)}`,
  );
}
