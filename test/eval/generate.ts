import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_KINDS, type DocumentKind, documentTypeOf, makeDocumentData, makeSubmissionContext, type SubmissionContext, truthFields } from './factory/documents.js';
import { Rng } from './factory/random.js';
import { SheetRenderer } from './render/browser.js';
import { batchScan, cleanScan, type ImageFile, noisyScan, phonePhoto, turnedPage } from './render/degrade.js';
import { imagesToPdf } from './render/pdf-assembly.js';
import { familiesFor, type Sheet } from './templates/index.js';
import { ALL_CONDITIONS, type ConditionName, type TruthDocument, type TruthFile } from './truth.js';

/** Which documents a multi-document scan holds: certificates of one person, or a contract's pages with a certificate. */
export const MULTI_DOCUMENT_COMBOS: readonly (readonly DocumentKind[])[] = [
  ['skill_level', 'qualification', 'special_ability'],
  ['labor_contract', 'skill_level'],
  ['id_card', 'employment_letter', 'training_completion'],
  ['special_operation', 'social_insurance_record', 'business_license'],
  // A page that belongs to none of the types between two that do: it must stay `unknown` and not join either.
  ['skill_level', 'unrelated', 'employment_letter'],
];

export interface GenerateOptions {
  /** Where files and their `*.truth.json` go (created if missing). */
  dir: string;
  /** Documents per kind and condition (multi-document scans: files per combo). */
  perCell?: number;
  conditions?: readonly ConditionName[];
  kinds?: readonly DocumentKind[];
  seed?: number;
  /** Scanner resolution. */
  dpi?: number;
  log?: (line: string) => void;
}

interface DrawnDocument {
  kind: DocumentKind;
  sheets: Sheet[];
  truth: Omit<TruthDocument, 'pages'>;
}

/** Picks families in turn per kind, so held-out families get their share whatever the set size. */
class FamilyRota {
  private readonly next = new Map<DocumentKind, number>();

  take(kind: DocumentKind, wanted?: string) {
    const families = familiesFor(kind);
    const forced = families.find((f) => f.name === wanted);
    if (forced) return forced;
    const i = this.next.get(kind) ?? 0;
    this.next.set(kind, i + 1);
    return families[i % families.length];
  }
}

function draw(kind: DocumentKind, rng: Rng, rota: FamilyRota, context: SubmissionContext, family?: string): DrawnDocument {
  const data = makeDocumentData(kind, rng, context);
  const chosen = rota.take(kind, family);
  return {
    kind,
    sheets: chosen.render(data, rng),
    truth: { type: documentTypeOf(kind), family: chosen.name, heldOut: chosen.heldOut, fields: truthFields(data) },
  };
}

async function scanPages(
  renderer: SheetRenderer,
  sheets: readonly Sheet[],
  dpi: number,
  scan: (png: Buffer, index: number) => Promise<ImageFile>,
): Promise<{ data: Buffer; ext: string }> {
  const images: ImageFile[] = [];
  for (const [i, sheet] of sheets.entries()) images.push(await scan(await renderer.png(sheet, dpi), i));
  if (images.length === 1) return { data: images[0].data, ext: images[0].ext };
  return { data: imagesToPdf(images), ext: 'pdf' };
}

async function makeFile(
  condition: ConditionName,
  docs: readonly DrawnDocument[],
  renderer: SheetRenderer,
  rng: Rng,
  dpi: number,
): Promise<{ data: Buffer; ext: string }> {
  const sheets = docs.flatMap((d) => d.sheets);
  switch (condition) {
    case 'digital_pdf':
      return { data: await renderer.pdf(sheets), ext: 'pdf' };
    case 'clean_scan':
      return scanPages(renderer, sheets, dpi, (png) => cleanScan(png, rng, dpi));
    case 'noisy_scan':
      return scanPages(renderer, sheets, dpi, (png) => noisyScan(png, rng, dpi));
    case 'phone_photo':
      return scanPages(renderer, sheets, dpi, (png) => phonePhoto(png, renderer, rng));
    case 'rotated_page': {
      // One page of the file turned (for a single page: that page), the rest scanned upright.
      const turned = rng.int(0, sheets.length - 1);
      const degrees = rng.pick([90, 180, 270] as const);
      return scanPages(renderer, sheets, dpi, (png, i) => (i === turned ? turnedPage(png, degrees, dpi, rng.chance(0.5)) : cleanScan(png, rng, dpi)));
    }
    case 'multi_document_scan': {
      const images: ImageFile[] = [];
      for (const sheet of sheets) images.push(await batchScan(await renderer.png(sheet, dpi), rng, dpi));
      return { data: imagesToPdf(images), ext: 'pdf' };
    }
  }
}

function withPages(docs: readonly DrawnDocument[]): TruthDocument[] {
  let page = 1;
  return docs.map((d) => {
    const pages = d.sheets.map(() => page++);
    return { ...d.truth, pages };
  });
}

/** One file to make: its name (without extension), condition, and the kinds of document it holds in order. */
export interface GenerationJob {
  name: string;
  condition: ConditionName;
  kinds: readonly DocumentKind[];
  /** A family to draw the first document from (otherwise families take turns per kind). */
  family?: string;
}

/**
 * The jobs of a set: for each condition, `perCell` files of each kind, and for multi-document scans `perCell` files
 * of each combo that holds a chosen kind.
 *
 * @example
 * planSet({ perCell: 1, conditions: ['digital_pdf'], kinds: ['id_card'] }); // [{ name: 'digital_pdf-id_card-01', ... }]
 */
export function planSet(options: { perCell: number; conditions: readonly ConditionName[]; kinds: readonly DocumentKind[] }): GenerationJob[] {
  const jobs: GenerationJob[] = [];
  for (const condition of options.conditions) {
    if (condition === 'multi_document_scan') {
      MULTI_DOCUMENT_COMBOS.forEach((combo, c) => {
        if (!combo.some((k) => options.kinds.includes(k))) return;
        for (let i = 0; i < options.perCell; i++) jobs.push({ condition, name: `${condition}-${c + 1}-${String(i + 1).padStart(2, '0')}`, kinds: combo });
      });
      continue;
    }
    for (const kind of options.kinds) {
      for (let i = 0; i < options.perCell; i++) jobs.push({ condition, name: `${condition}-${kind}-${String(i + 1).padStart(2, '0')}`, kinds: [kind] });
    }
  }
  return jobs;
}

/**
 * Makes the files of `jobs` with one browser, each with its `*.truth.json` beside it. Reproducible from `seed`.
 *
 * @example
 * await generateFiles('test/fixtures/documents', [{ name: 'id', condition: 'clean_scan', kinds: ['id_card'] }]);
 */
export async function generateFiles(
  dir: string,
  jobs: readonly GenerationJob[],
  options: { seed?: number; dpi?: number; log?: (line: string) => void } = {},
): Promise<TruthFile[]> {
  const { seed = 20201022, dpi = 200, log = () => undefined } = options;
  await mkdir(dir, { recursive: true });
  const rng = new Rng(seed);
  const rota = new FamilyRota();
  const renderer = await SheetRenderer.launch();
  const truths: TruthFile[] = [];
  try {
    for (const [n, job] of jobs.entries()) {
      const fileRng = rng.fork(n + 1);
      const context = makeSubmissionContext(fileRng);
      const docs = job.kinds.map((kind, i) => draw(kind, fileRng, rota, context, i === 0 ? job.family : undefined));
      const { data, ext } = await makeFile(job.condition, docs, renderer, fileRng, dpi);
      const file = `${job.name}.${ext}`;
      const truth: TruthFile = {
        file,
        condition: job.condition,
        pageCount: docs.reduce((p, d) => p + d.sheets.length, 0),
        seed,
        documents: withPages(docs),
      };
      await writeFile(path.join(dir, file), data);
      await writeFile(path.join(dir, `${job.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
      truths.push(truth);
      log(`[${n + 1}/${jobs.length}] ${file} (${truth.pageCount} p, ${docs.map((d) => d.truth.family).join(' + ')})`);
    }
  } finally {
    await renderer.close();
  }
  return truths;
}

/**
 * Generates a labelled set: for each condition, `perCell` documents of each kind (one file each), plus
 * multi-document scans; writes each file with its `*.truth.json` beside it.
 *
 * @example
 * const truths = await generateSet({ dir: 'test/eval/generated/default', perCell: 1 });
 */
export async function generateSet(options: GenerateOptions): Promise<TruthFile[]> {
  const { dir, perCell = 1, conditions = ALL_CONDITIONS, kinds = DOCUMENT_KINDS, ...rest } = options;
  return generateFiles(dir, planSet({ perCell, conditions, kinds }), rest);
}
