/**
 * Makes a procedural set:
 *
 *   node --import tsx test/eval/procedural/cli.ts --dir /work/evalsets/procedural-v1 --rounds 1 --seed 12
 *   node --import tsx test/eval/procedural/cli.ts --dir /work/evalsets/procedural-v3 --rounds 3 --seed 32 \
 *     --conditions digital_pdf,clean_scan,noisy_scan --families certificate/proc-H2,licence/proc-H2,record/proc-H2,contract/proc-H2
 *   node --import tsx test/eval/procedural/cli.ts --dir /tmp/p --captures all --captures-per-family 6   # photo and copy captures too
 *   node --import tsx test/eval/procedural/cli.ts --dir /tmp/h3 --rounds 1 --seed 10531 --conditions digital_pdf,clean_scan,noisy_scan \
 *     --captures h3 --captures-per-family 5 --families certificate/proc-H3,licence/proc-H3,record/proc-H3,contract/proc-H3,id-card/proc-H3
 *
 * `--captures all` is the thirteen captures every earlier set drew; `h3` the five drawn since 2026-12-07 (motion blur,
 * low light, chat re-save, thumb, small on a patterned table), kept out of `all` so earlier seeds make the same files.
 */
import { Command } from 'commander';
import { H3_CAPTURES, PHOTO_CAPTURES, type PhotoCapture } from '../render/degrade.js';
import { conditionSchema } from '../truth.js';
import { ALL_PROCEDURAL_FAMILIES, PROCEDURAL_FAMILIES } from './families.js';
import { generateProcedural, planProcedural, trimPlan, V1_CONDITIONS } from './generate.js';

const opts = new Command('procedural')
  .requiredOption('--dir <dir>', 'output folder')
  .option('--rounds <n>', 'rounds over the conditions per family', '1')
  .option('--seed <n>', 'seed', '12')
  .option('--conditions <list>', 'comma-separated conditions', V1_CONDITIONS.join(','))
  .option('--captures <list>', `photo/copy captures for phone_photo files: all, h3, or a list of ${[...PHOTO_CAPTURES, ...H3_CAPTURES].join(', ')}`)
  .option('--captures-per-family <n>', 'files per family made under the captures', '0')
  .option('--families <list>', 'only these families')
  .option('--files <n>', 'cut the plan to this many files, one at a time from the family with the most')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')))
  .opts<{ dir: string; rounds: string; seed: string; conditions: string; captures?: string; capturesPerFamily: string; families?: string; files?: string }>();

const conditions = opts.conditions
  .split(',')
  .filter((c) => c.trim())
  .map((c) => conditionSchema.parse(c.trim()));
const known: readonly string[] = [...PHOTO_CAPTURES, ...H3_CAPTURES];
const named = (list: string): PhotoCapture[] =>
  list.split(',').flatMap((c) => {
    const name = c.trim();
    if (name === 'all') return [...PHOTO_CAPTURES];
    if (name === 'h3') return [...H3_CAPTURES];
    if (!known.includes(name)) throw new Error(`unknown capture ${name}: ${known.join(', ')}`);
    return [name as PhotoCapture];
  });
const captures = opts.captures === undefined ? undefined : named(opts.captures);
const families = opts.families ? ALL_PROCEDURAL_FAMILIES.filter((f) => opts.families!.split(',').includes(f.name)) : PROCEDURAL_FAMILIES;
const planned = planProcedural({
  rounds: Number(opts.rounds),
  conditions: conditions.filter(Boolean),
  captures,
  capturesPerFamily: Number(opts.capturesPerFamily),
  families,
});
const jobs = opts.files === undefined ? planned : trimPlan(planned, Number(opts.files));
const started = Date.now();
await generateProcedural(opts.dir, jobs, { seed: Number(opts.seed), log: (l) => console.log(l) });
console.log(`${jobs.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s`);
