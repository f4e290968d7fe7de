/**
 * Generates a procedural set: every file composed by the layout engine (documents.ts) from a family's region of the
 * parameter space, then printed or photographed under a condition (render/degrade.ts). Truth files have the same
 * format as test/eval/generate.ts's, plus `masked`, `variants` and `capture`, so `npm run eval` and ocr-cache.ts
 * score them unchanged.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { documentTypeOf, type DocumentKind, makeDocumentData, makeSubmissionContext } from '../factory/documents.js';
import { Rng } from '../factory/random.js';
import { SheetRenderer } from '../render/browser.js';
import { capturePhoto, cleanScan, type ImageFile, noisyScan, phonePhoto, type PhotoCapture, turnedPage } from '../render/degrade.js';
import { imagesToPdf } from '../render/pdf-assembly.js';
import type { Sheet } from '../templates/kit.js';
import type { ConditionName, TruthFile } from '../truth.js';
import { composeDocument } from './documents.js';
import { CERTIFICATE_KINDS, PROCEDURAL_FAMILIES, type ProceduralFamily } from './families.js';

/** One file of a procedural set. `capture` (photo/copy conditions) refines `condition`. */
export interface ProceduralJob {
  name: string;
  family: ProceduralFamily;
  kind: DocumentKind;
  condition: ConditionName;
  capture?: PhotoCapture;
}

export const V1_CONDITIONS: readonly ConditionName[] = ['digital_pdf', 'clean_scan', 'noisy_scan', 'phone_photo', 'rotated_page'];

/** The condition a photo/copy capture is reported under (all of them also name the capture in the truth). */
export const CAPTURE_CONDITION: Record<PhotoCapture, ConditionName> = {
  perspective: 'phone_photo',
  glare: 'phone_photo',
  fold: 'phone_photo',
  shadow: 'phone_photo',
  curl: 'phone_photo',
  moire: 'phone_photo',
  scanner_app: 'phone_photo',
  exif_orientation: 'phone_photo',
  large: 'phone_photo',
  small: 'phone_photo',
  turned_no_flag: 'rotated_page',
  faint_copy: 'noisy_scan',
  booklet_spread: 'clean_scan',
  motion_blur: 'phone_photo',
  low_light: 'phone_photo',
  chat_resave: 'phone_photo',
  thumb: 'phone_photo',
  small_on_table: 'phone_photo',
};

/**
 * `rounds` rounds over `conditions` for every family, then `capturesPerFamily` files per family made under the photo
 * and copy captures, which take turns over the whole set. Certificate families take the certificate kinds in turn.
 *
 * @example
 * planProcedural({ rounds: 1, conditions: ['digital_pdf'] }).length; // one file per family
 */
export function planProcedural(options: {
  rounds: number;
  conditions: readonly ConditionName[];
  captures?: readonly PhotoCapture[];
  capturesPerFamily?: number;
  families?: readonly ProceduralFamily[];
}): ProceduralJob[] {
  const families = options.families ?? PROCEDURAL_FAMILIES;
  const captures = options.captures ?? [];
  const jobs: ProceduralJob[] = [];
  let captureTurn = 0;
  for (const family of families) {
    let kindTurn = 0;
    const nextKind = () => family.kinds[kindTurn++ % family.kinds.length];
    for (let round = 0; round < options.rounds; round++) {
      for (const condition of options.conditions) {
        const kind = nextKind();
        jobs.push({ name: `${family.name.replace('/', '_')}-${kind}-${condition}-${String(round + 1).padStart(2, '0')}`, family, kind, condition });
      }
    }
    if (captures.length === 0) continue;
    for (let i = 0; i < (options.capturesPerFamily ?? 0); i++) {
      const capture = captures[captureTurn++ % captures.length];
      const kind = nextKind();
      jobs.push({
        name: `${family.name.replace('/', '_')}-${kind}-${capture}-${String(i + 1).padStart(2, '0')}`,
        family,
        kind,
        condition: CAPTURE_CONDITION[capture],
        capture,
      });
    }
  }
  return jobs;
}

/**
 * A plan cut to `files` jobs, for a sample size the families do not divide (72 files of five families): one job at a
 * time goes from the family with the most jobs (the later one on a tie), the last of its jobs made under the
 * condition or capture the plan holds most of, so families differ by one file at most and captures stay even. A plan
 * already that short is returned as it is.
 *
 * @example
 * trimPlan(planProcedural({ rounds: 3, conditions: ['digital_pdf'] }), 20).length; // 20
 */
export function trimPlan(jobs: readonly ProceduralJob[], files: number): ProceduralJob[] {
  const out = [...jobs];
  const made = (j: ProceduralJob) => j.capture ?? j.condition;
  const count = <K>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  while (out.length > files) {
    const perFamily = count(out.map((j) => j.family.name));
    const most = Math.max(...perFamily.values());
    const family = [...perFamily.keys()].filter((f) => perFamily.get(f) === most).at(-1);
    const perMade = count(out.map(made));
    let at = -1;
    for (let i = out.length - 1; i >= 0; i--) if (out[i].family.name === family && (at < 0 || perMade.get(made(out[i]))! > perMade.get(made(out[at]))!)) at = i;
    out.splice(at, 1);
  }
  return out;
}

async function scanPages(
  renderer: SheetRenderer,
  sheets: readonly Sheet[],
  dpi: number,
  scan: (png: Buffer, i: number) => Promise<ImageFile>,
): Promise<{ data: Buffer; ext: string }> {
  const images: ImageFile[] = [];
  for (const [i, sheet] of sheets.entries()) images.push(await scan(await renderer.png(sheet, dpi), i));
  if (images.length === 1) return { data: images[0].data, ext: images[0].ext };
  return { data: imagesToPdf(images), ext: 'pdf' };
}

/**
 * Makes the files of `jobs` with one browser, each with its `*.truth.json`. Reproducible from `seed`.
 *
 * @example
 * await generateProcedural('/tmp/set', planProcedural({ rounds: 1, conditions: ['digital_pdf'] }), { seed: 1 });
 */
export async function generateProcedural(
  dir: string,
  jobs: readonly ProceduralJob[],
  options: { seed?: number; dpi?: number; log?: (line: string) => void } = {},
): Promise<TruthFile[]> {
  const { seed = 12, dpi = 200, log = () => undefined } = options;
  await mkdir(dir, { recursive: true });
  const rng = new Rng(seed);
  const renderer = await SheetRenderer.launch();
  const truths: TruthFile[] = [];
  try {
    for (const [n, job] of jobs.entries()) {
      const r = rng.fork(n + 1);
      const context = makeSubmissionContext(r);
      const data = makeDocumentData(job.kind, r, context);
      const doc = composeDocument(data, job.family, r);
      const capture: string[] = [];
      let out: { data: Buffer; ext: string };
      switch (job.capture ? 'capture' : job.condition) {
        case 'capture':
          out = await scanPages(renderer, doc.sheets, dpi, async (png) => {
            const c = await capturePhoto(png, job.capture!, renderer, r, dpi);
            capture.push(...c.capture);
            return c.image;
          });
          break;
        case 'digital_pdf':
          out = { data: await renderer.pdf(doc.sheets), ext: 'pdf' };
          break;
        case 'clean_scan':
          out = await scanPages(renderer, doc.sheets, dpi, (png) => cleanScan(png, r, dpi));
          break;
        case 'noisy_scan':
          out = await scanPages(renderer, doc.sheets, dpi, (png) => noisyScan(png, r, dpi));
          break;
        case 'phone_photo':
          out = await scanPages(renderer, doc.sheets, dpi, (png) => phonePhoto(png, renderer, r));
          break;
        case 'rotated_page': {
          const degrees = r.pick([90, 180, 270] as const);
          capture.push(`turned:${degrees}`);
          out = await scanPages(renderer, doc.sheets, dpi, (png) => turnedPage(png, degrees, dpi, r.chance(0.5)));
          break;
        }
        default:
          throw new Error(`condition ${job.condition} is not made by the procedural generator`);
      }
      const file = `${job.name}.${out.ext}`;
      const truth: TruthFile = {
        file,
        condition: job.condition,
        pageCount: doc.sheets.length,
        seed,
        ...(capture.length ? { capture: [...new Set(capture)] } : {}),
        documents: [
          {
            type: documentTypeOf(job.kind),
            pages: doc.sheets.map((_, i) => i + 1),
            family: job.family.name,
            heldOut: job.family.heldOut,
            fields: doc.fields,
            ...(doc.masked.length ? { masked: doc.masked } : {}),
            variants: doc.variants,
          },
        ],
      };
      await writeFile(path.join(dir, file), out.data);
      await writeFile(path.join(dir, `${job.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
      truths.push(truth);
      log(`[${n + 1}/${jobs.length}] ${file}${doc.masked.length ? ` masked ${doc.masked.join(',')}` : ''}`);
    }
  } finally {
    await renderer.close();
  }
  return truths;
}

export { CERTIFICATE_KINDS };
