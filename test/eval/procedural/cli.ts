/**
 * Makes a procedural set:
 *
 *   node --import tsx test/eval/procedural/cli.ts --dir /work/evalsets/procedural-v1 --rounds 1 --seed 12
 *   node --import tsx test/eval/procedural/cli.ts --dir /work/evalsets/procedural-v3 --rounds 3 --seed 32 \
 *     --conditions digital_pdf,clean_scan,noisy_scan --families certificate/proc-H2,licence/proc-H2,record/proc-H2,contract/proc-H2
 *   node --import tsx test/eval/procedural/cli.ts --dir /tmp/p --captures all --captures-per-family 6   # photo and copy captures too
 */
import { Command } from 'commander';
import { PHOTO_CAPTURES, type PhotoCapture } from '../render/degrade.js';
import { conditionSchema } from '../truth.js';
import { ALL_PROCEDURAL_FAMILIES, PROCEDURAL_FAMILIES } from './families.js';
import { generateProcedural, planProcedural, V1_CONDITIONS } from './generate.js';

const opts = new Command('procedural')
  .requiredOption('--dir <dir>', 'output folder')
  .option('--rounds <n>', 'rounds over the conditions per family', '1')
  .option('--seed <n>', 'seed', '12')
  .option('--conditions <list>', 'comma-separated conditions', V1_CONDITIONS.join(','))
  .option('--captures <list>', `photo/copy captures for phone_photo files: all or a list of ${PHOTO_CAPTURES.join(', ')}`)
  .option('--captures-per-family <n>', 'files per family made under the captures', '0')
  .option('--families <list>', 'only these families')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')))
  .opts<{ dir: string; rounds: string; seed: string; conditions: string; captures?: string; capturesPerFamily: string; families?: string }>();

const conditions = opts.conditions
  .split(',')
  .filter((c) => c.trim())
  .map((c) => conditionSchema.parse(c.trim()));
const captures = opts.captures === 'all' ? PHOTO_CAPTURES : (opts.captures?.split(',').map((c) => c.trim()) as PhotoCapture[] | undefined);
const families = opts.families ? ALL_PROCEDURAL_FAMILIES.filter((f) => opts.families!.split(',').includes(f.name)) : PROCEDURAL_FAMILIES;
const jobs = planProcedural({
  rounds: Number(opts.rounds),
  conditions: conditions.filter(Boolean),
  captures,
  capturesPerFamily: Number(opts.capturesPerFamily),
  families,
});
const started = Date.now();
await generateProcedural(opts.dir, jobs, { seed: Number(opts.seed), log: (l) => console.log(l) });
console.log(`${jobs.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s`);
