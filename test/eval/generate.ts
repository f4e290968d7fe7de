import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  documentTypeOf,
  makeDocumentData,
  makeSubmissionContext,
  type SubmissionContext,
  truthFields,
  withAddressLikeName,
} from './factory/documents.js';
import { Rng } from './factory/random.js';
import { SheetRenderer } from './render/browser.js';
import { batchScan, cleanScan, type ImageFile, noisyScan, phonePhoto, sideBySide, turnedPage, type TwoDocumentLayout, twoDocuments } from './render/degrade.js';
import { imagesToPdf } from './render/pdf-assembly.js';
import { CONTRACT_PACKET_FAMILIES, CONTRACT_V3_FAMILIES, CONTRACT_WIDE_FAMILIES } from './templates/agreements.js';
import { familiesFor, type Sheet } from './templates/index.js';
import { LETTER_FORM_OF_FAMILY, LETTER_PROSE_FAMILIES, LETTER_V3_FAMILIES, LETTER_WIDE_FAMILIES } from './templates/letters.js';
import { blankBack, metaOf, nearBlankBack } from './templates/pages.js';
import { ALL_CONDITIONS, type ConditionName, type PageSide, type TruthDocument, type TruthFile } from './truth.js';

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
  /** Packet files (planPackets) to add: multi-page contracts, 聘书 letters, certificate + contract + 聘书. */
  packets?: number;
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
    // Families made for one set only (packets-v3, the wide packets) are drawn when named, never in turn.
    const forced = [...families, ...CONTRACT_V3_FAMILIES, ...LETTER_V3_FAMILIES, ...CONTRACT_WIDE_FAMILIES, ...LETTER_WIDE_FAMILIES].find(
      (f) => f.name === wanted && f.kinds.includes(kind),
    );
    if (forced) return forced;
    const i = this.next.get(kind) ?? 0;
    this.next.set(kind, i + 1);
    return families[i % families.length];
  }
}

function draw(kind: DocumentKind, rng: Rng, rota: FamilyRota, context: SubmissionContext, family?: string, variation?: PacketVariation): DrawnDocument {
  const drawn = makeDocumentData(kind, rng, context);
  const sealOnly = variation === 'seal_only_employer' && drawn.kind === 'employment_letter';
  const data = sealOnly ? { ...drawn, sealOnly } : drawn;
  const chosen = rota.take(kind, family);
  const sheets = chosen.render(data, rng);
  const meta = metaOf(sheets);
  // A letter sealed only carries the variation as a structure (pages turned or laid two up: `withPages`), so the
  // report breaks fields and splits down by it.
  const structure = [...(meta.structure ?? []), ...(sealOnly ? ['seal_only_employer'] : [])];
  const letterForm = kind === 'employment_letter' ? (meta.letterForm ?? LETTER_FORM_OF_FAMILY[chosen.name]) : undefined;
  return {
    kind,
    sheets,
    truth: {
      type: documentTypeOf(kind),
      family: chosen.name,
      heldOut: chosen.heldOut,
      fields: truthFields(data),
      ...(letterForm ? { letterForm } : {}),
      ...(meta.multiline?.length ? { multiline: meta.multiline } : {}),
      ...(structure.length ? { structure } : {}),
    },
  };
}

/**
 * The file's pages in order: each a sheet of a document, or a blank back side (`doc` undefined); `beside`, the next
 * sheet of the same document in the same image (two pages to a photo), `turned`, a clockwise turn with no flag.
 */
interface FilePage {
  sheet: Sheet;
  doc?: number;
  beside?: Sheet;
  turned?: 90 | 180 | 270;
  /** Another document in the same image (`two_documents`): its sheet, its index, how the two lie, and whether it comes first. */
  pair?: { sheet: Sheet; doc: number; layout: TwoDocumentLayout; first: boolean };
}

/**
 * Lays the documents' sheets out as the file's pages, with a blank back side after each sheet for duplex scans
 * (`nearBlank`: the front showing through, punch holes, a staple's shadow).
 */
function layOut(docs: readonly DrawnDocument[], blankBacks: boolean, rng: Rng, nearBlank = false, variation?: PacketVariation): FilePage[] {
  const pages: FilePage[] = [];
  // Two documents in one image: the file's last two (drawn for it), when both are of one sheet.
  const partner = variation === 'two_documents' ? docs.length - 1 : undefined;
  const host = partner !== undefined && docs[partner - 1]?.sheets.length === 1 && docs[partner].sheets.length === 1 ? partner - 1 : -1;
  docs.forEach((d, di) => {
    if (di === partner && host >= 0) return;
    if (di === host) {
      pages.push({
        sheet: d.sheets[0],
        doc: di,
        pair: { sheet: docs[partner!].sheets[0], doc: partner!, layout: twoDocumentLayout(rng), first: rng.chance(0.5) },
      });
      return;
    }
    if (variation === 'two_up' && d.sheets.length > 1) {
      pages.push(...twoUp(d.sheets, rng).map((pair) => ({ sheet: pair[0], doc: di, ...(pair[1] ? { beside: pair[1] } : {}) })));
      return;
    }
    for (const sheet of d.sheets) {
      pages.push({ sheet, doc: di });
      if (blankBacks) pages.push({ sheet: nearBlank && rng.chance(0.6) ? nearBlankBack(rng, sheet) : blankBack(rng, sheet) });
    }
  });
  // The last back side is often left out by the scanning app (nothing follows it).
  if (blankBacks && rng.chance(0.5)) pages.pop();
  if (variation === 'turned_pages') turnSome(pages, rng);
  return pages;
}

/**
 * How two documents lie in one image: side by side (60 %) or one above the other, one of them 55–90 % of the other's
 * size, each turned up to 4°, a gap of 3–12 %; on a desk (a phone photo) or a flatbed, as the condition says later.
 */
function twoDocumentLayout(rng: Rng): TwoDocumentLayout {
  const smaller = rng.float(0.55, 0.9);
  const scales: [number, number] = rng.chance(0.5) ? [1, smaller] : [smaller, 1];
  return { stacked: !rng.chance(0.6), scales, turns: [rng.float(-4, 4), rng.float(-4, 4)], gap: rng.float(0.03, 0.12), on: 'desk' };
}

/** Which part of a two-document image a document lies in. */
function sideOf(pair: NonNullable<FilePage['pair']>, partner: boolean): PageSide {
  const first = pair.first === partner;
  return pair.layout.stacked ? (first ? 'top' : 'bottom') : first ? 'left' : 'right';
}

/**
 * A document's sheets two to an image: a contract lying open (the first page alone, then facing pages 2–3, 4–5 …) or
 * sheets laid side by side in order (1–2, 3–4 …); a last sheet without a partner stays alone.
 */
function twoUp(sheets: readonly Sheet[], rng: Rng): [Sheet, Sheet?][] {
  const open = rng.chance(0.5);
  const pairs: [Sheet, Sheet?][] = open ? [[sheets[0]]] : [];
  for (let i = open ? 1 : 0; i < sheets.length; i += 2) pairs.push(sheets[i + 1] ? [sheets[i], sheets[i + 1]] : [sheets[i]]);
  return pairs;
}

/** One or two printed pages put in the feeder the other way: turned 90°, 180° or 270°, no flag in the file. */
function turnSome(pages: FilePage[], rng: Rng): void {
  const printed = pages.flatMap((p, i) => (p.doc === undefined ? [] : [i]));
  const count = Math.min(printed.length, rng.pick([1, 2, 2]));
  for (let k = 0; k < count; k++) {
    const at = printed.splice(rng.int(0, printed.length - 1), 1)[0];
    pages[at].turned = rng.pick([90, 180, 180, 270] as const);
  }
}

async function scanPages(
  renderer: SheetRenderer,
  pages: readonly FilePage[],
  dpi: number,
  scan: (png: Buffer, index: number) => Promise<ImageFile>,
  on: TwoDocumentLayout['on'] = 'flatbed',
): Promise<{ data: Buffer; ext: string }> {
  const images: ImageFile[] = [];
  for (const [i, page] of pages.entries()) images.push(await scan(await pagePng(renderer, page, dpi, on), i));
  if (images.length === 1) return { data: images[0].data, ext: images[0].ext };
  return { data: imagesToPdf(images), ext: 'pdf' };
}

/** The page as it lies on the glass or the desk: one sheet, or two side by side; turned when put in the other way. */
async function pagePng(renderer: SheetRenderer, page: FilePage, dpi: number, on: TwoDocumentLayout['on'] = 'flatbed'): Promise<Buffer> {
  const png = await renderer.png(page.sheet, dpi);
  const paired = async (pair: NonNullable<FilePage['pair']>) => {
    const other = await renderer.png(pair.sheet, dpi);
    return pair.first ? twoDocuments(other, png, { ...pair.layout, on }) : twoDocuments(png, other, { ...pair.layout, on });
  };
  const laid = page.beside ? await sideBySide(png, await renderer.png(page.beside, dpi)) : page.pair ? await paired(page.pair) : png;
  return page.turned ? sharp(laid).flatten({ background: '#fff' }).rotate(page.turned).png().toBuffer() : laid;
}

async function makeFile(
  condition: ConditionName,
  pages: readonly FilePage[],
  renderer: SheetRenderer,
  rng: Rng,
  dpi: number,
): Promise<{ data: Buffer; ext: string }> {
  const sheets = pages.map((p) => p.sheet);
  const drawnAsIs = pages.every((p) => !p.beside && !p.turned && !p.pair);
  const blank = new Set(pages.flatMap((p, i) => (p.doc === undefined ? [i] : [])));
  switch (condition) {
    case 'digital_pdf':
      if (drawnAsIs) return { data: await renderer.pdf(sheets), ext: 'pdf' };
      // Pages laid two to an image or turned are images, even in a PDF: a clean scan of them.
      return scanPages(renderer, pages, dpi, (png) => cleanScan(png, rng, dpi));
    case 'clean_scan':
      return scanPages(renderer, pages, dpi, (png) => cleanScan(png, rng, dpi));
    case 'noisy_scan':
      // A blank back side gets the scanner's faults but no stamped seal: it must stay blank.
      return scanPages(renderer, pages, dpi, (png, i) => (blank.has(i) ? batchScan(png, rng, dpi) : noisyScan(png, rng, dpi)));
    case 'phone_photo':
      return scanPages(
        renderer,
        pages,
        dpi,
        (png, i) => phonePhoto(png, renderer, rng, pages[i].beside || pages[i].pair ? rng.int(2600, 3200) : undefined),
        'desk',
      );
    case 'rotated_page': {
      // One page of the file turned (for a single page: that page), the rest scanned upright.
      const printed = sheets.map((_, i) => i).filter((i) => !blank.has(i));
      const turned = rng.pick(printed);
      const degrees = rng.pick([90, 180, 270] as const);
      return scanPages(renderer, pages, dpi, (png, i) => (i === turned ? turnedPage(png, degrees, dpi, rng.chance(0.5)) : cleanScan(png, rng, dpi)));
    }
    case 'multi_document_scan': {
      const images: ImageFile[] = [];
      for (const page of pages) images.push(await batchScan(await pagePng(renderer, page, dpi), rng, dpi));
      return { data: imagesToPdf(images), ext: 'pdf' };
    }
  }
}

function withPages(docs: readonly DrawnDocument[], pages: readonly FilePage[]): TruthDocument[] {
  return docs.map((d, di) => {
    const holds = (p: FilePage) => p.doc === di || p.pair?.doc === di;
    const own = pages.filter(holds);
    // A document with a page turned, two of its pages in one image, or an image shared with another document, carries
    // that as a structure of its own.
    const laid = [
      ...(own.some((p) => p.turned) ? ['turned_pages'] : []),
      ...(own.some((p) => p.beside) ? ['two_up'] : []),
      ...(own.some((p) => p.pair) ? ['two_documents'] : []),
    ];
    const structure = [...(d.truth.structure ?? []), ...laid];
    const parts = pages.flatMap((p, i) => (p.pair && holds(p) ? [{ page: i + 1, side: sideOf(p.pair, p.pair.doc === di) }] : []));
    return {
      ...d.truth,
      ...(structure.length ? { structure } : {}),
      pages: pages.flatMap((p, i) => (holds(p) ? [i + 1] : [])),
      ...(parts.length ? { parts } : {}),
    };
  });
}

/** One file to make: its name (without extension), condition, and the kinds of document it holds in order. */
export interface GenerationJob {
  name: string;
  condition: ConditionName;
  kinds: readonly DocumentKind[];
  /** A family to draw the first document from (otherwise families take turns per kind). */
  family?: string;
  /** A family per document (by index), overriding `family`; undefined entries take turns. */
  families?: readonly (string | undefined)[];
  /** A blank back side after every printed page (a duplex scan of single-sided pages). */
  blankBacks?: boolean;
  /** Some back sides near-blank rather than blank (show-through, punch holes, a staple). */
  nearBlankBacks?: boolean;
  /** The person's name ends in a character that looks like a form of address (君, 生 …). */
  addressLikeName?: boolean;
  /** How people scanned or photographed the packet (packet24): see {@link PACKET_VARIATIONS}. */
  variation?: PacketVariation;
}

/**
 * What real packets do that the plain plans do not draw (issue 19, packet24), each a structure tag of the documents
 * it touches: pages of a scan turned 90° or 180° among upright ones with no flag (`turned_pages`), two pages of a
 * document in one image — a contract lying open, sheets side by side (`two_up`) — and a 聘书 whose employer is named
 * only in its seal (`seal_only_employer`); two documents in one image — a certificate beside an ID card, two
 * certificates, a 聘书 beside a certificate, on a desk or a flatbed (`two_documents`, pair25).
 */
export const PACKET_VARIATIONS = ['turned_pages', 'two_up', 'seal_only_employer', 'two_documents'] as const;
export type PacketVariation = (typeof PACKET_VARIATIONS)[number];

/** What one packet file holds, in order. */
const PACKET_RECIPES: readonly (readonly DocumentKind[])[] = [
  ['labor_contract'],
  ['employment_letter'],
  ['labor_contract'],
  ['skill_level', 'labor_contract', 'employment_letter'],
  ['employment_letter'],
  ['labor_contract', 'employment_letter'],
];

/** The contract and letter families a packet set takes turns over (default: the packet families of v1/v2). */
export interface PacketFamilies {
  contracts: readonly string[];
  letters: readonly string[];
  /** The wide plan: phone photos of whole packets too, near-blank back sides. */
  wide?: boolean;
  /** Each file takes the next of {@link PACKET_VARIATIONS} that fits what it holds. */
  variations?: boolean;
}

/** packets-v3: only the families made for it, held out from every reader change (issue 19, "never tuned"). */
export const PACKETS_V3_FAMILIES: PacketFamilies = {
  contracts: CONTRACT_V3_FAMILIES.map((f) => f.name),
  letters: LETTER_V3_FAMILIES.map((f) => f.name),
};

/**
 * The wide packets (issue 19, letters19c): the seen contract families with every page-number style, running headers
 * and hand-written dates, the 人社局 model and an employer's own in turn with the older seen ones, letters in the
 * wide prose family and the seen prose family, phone photos of whole packets and near-blank back sides.
 */
export const PACKETS_WIDE_FAMILIES: PacketFamilies = {
  contracts: [...CONTRACT_WIDE_FAMILIES.map((f) => f.name), 'contract/model', 'contract/employer'],
  letters: [...LETTER_WIDE_FAMILIES.map((f) => f.name), 'letter/prose', ...LETTER_WIDE_FAMILIES.map((f) => f.name)],
  wide: true,
};

/** The wide packets as people scan and photograph them: each file with one of {@link PACKET_VARIATIONS} in turn. */
export const PACKETS_CAPTURED_FAMILIES: PacketFamilies = { ...PACKETS_WIDE_FAMILIES, variations: true };

/** The conditions a variation is drawn under: turned pages come from a feeder, two pages to an image from a glass or a phone. */
const VARIATION_CONDITIONS: Readonly<Record<PacketVariation, readonly ConditionName[] | undefined>> = {
  turned_pages: ['clean_scan', 'noisy_scan', 'clean_scan'],
  two_up: ['phone_photo', 'clean_scan', 'phone_photo'],
  seal_only_employer: undefined,
  two_documents: ['phone_photo', 'clean_scan', 'phone_photo', 'clean_scan'],
};

const PAIRED_CERTIFICATES: readonly DocumentKind[] = ['skill_level', 'qualification', 'special_ability', 'training_completion'];

/**
 * The two documents of a `two_documents` image, in turn: a certificate beside an ID card, a 聘书 beside a certificate,
 * two certificates, an ID card beside a certificate (the order they are drawn in; the image puts either first).
 */
function pairFor(turn: number, rng: Rng): [DocumentKind, DocumentKind] {
  const certificate = rng.pick(PAIRED_CERTIFICATES);
  const other = rng.pick(PAIRED_CERTIFICATES.filter((k) => k !== certificate));
  const pairs: [DocumentKind, DocumentKind][] = [
    [certificate, 'id_card'],
    ['employment_letter', certificate],
    [certificate, other],
    ['id_card', certificate],
  ];
  return pairs[turn % pairs.length];
}

/** The next variation (from `turn`) that fits the kinds of a file: pages to turn or pair need a multi-page document, a second document in an image a one-sheet one to lie beside. */
function variationFor(kinds: readonly DocumentKind[], turn: number): PacketVariation | undefined {
  for (let k = 0; k < PACKET_VARIATIONS.length; k++) {
    const v = PACKET_VARIATIONS[(turn + k) % PACKET_VARIATIONS.length];
    // Two documents in one image are drawn for it and join a packet with a letter (so the contract's variations keep their turns).
    const fits = v === 'seal_only_employer' || v === 'two_documents' ? kinds.includes('employment_letter') : kinds.includes('labor_contract');
    if (fits) return v;
  }
  return undefined;
}

/**
 * The jobs of a packet set (issue 19): multi-page labour contracts alone, 聘书 letters alone, and packets of a
 * certificate, a contract and a 聘书 for one person, as digital PDFs and scans, some with blank back sides. Contract
 * and letter families take turns over the packet families (held-out ones included); the other choices are seeded.
 *
 * @example
 * planPackets({ count: 40, seed: 19 }).filter((j) => j.blankBacks).length;
 */
export function planPackets(options: { count: number; seed: number; families?: PacketFamilies }): GenerationJob[] {
  const rng = new Rng(options.seed ^ 0x19);
  const contracts = options.families?.contracts ?? CONTRACT_PACKET_FAMILIES.map((f) => f.name);
  // Seen and held-out letters in equal shares: the seen family prints every form, each held-out family one.
  const seenLetters = LETTER_PROSE_FAMILIES.filter((f) => !f.heldOut).map((f) => f.name);
  const letters = options.families?.letters ?? LETTER_PROSE_FAMILIES.filter((f) => f.heldOut).flatMap((f, i) => [seenLetters[i % seenLetters.length], f.name]);
  let c = 0;
  let l = 0;
  // The wide plan is of seen families only: its certificates too are drawn in turn from the seen ones.
  let o = 0;
  const seenFamily = (kind: DocumentKind) => {
    const seen = familiesFor(kind).filter((f) => !f.heldOut);
    return seen[o++ % seen.length]?.name;
  };
  const jobs: GenerationJob[] = [];
  // Partners of two-document images come from a stream of their own: the other draws stay as they were.
  const partners = new Rng(options.seed ^ 0x25);
  let pairs = 0;
  let v = 0;
  for (let n = 0; n < options.count; n++) {
    const recipe = PACKET_RECIPES[n % PACKET_RECIPES.length];
    const fitting0 = options.families?.variations ? variationFor(recipe, v) : undefined;
    const pair = fitting0 === 'two_documents' ? pairFor(pairs++, partners) : undefined;
    // The pair comes last (the image holds the file's last two documents); a kind of the pair's is not drawn twice.
    const kinds = pair ? [...recipe.filter((k) => !pair.includes(k)), ...pair] : recipe;
    const multiPage = kinds.includes('labor_contract');
    const variation = fitting0;
    if (variation) v = PACKET_VARIATIONS.indexOf(variation) + 1;
    // Recipes and variations repeat in step: a contract family skipped once a round gives each variation every family.
    if (variation && n > 0 && n % PACKET_RECIPES.length === 0) c++;
    const conditions: ConditionName[] =
      kinds.length > 1
        ? ['digital_pdf', 'clean_scan', 'multi_document_scan', 'noisy_scan', ...(options.families?.wide ? (['phone_photo'] as const) : [])]
        : multiPage
          ? ['digital_pdf', 'clean_scan', 'noisy_scan', 'digital_pdf', 'clean_scan', 'phone_photo']
          : ['digital_pdf', 'clean_scan', 'noisy_scan', 'phone_photo'];
    const drawnCondition = rng.pick(conditions);
    const fitting = variation ? VARIATION_CONDITIONS[variation] : undefined;
    const condition = fitting ? rng.pick(fitting) : drawnCondition;
    const families = kinds.map((k) =>
      k === 'labor_contract'
        ? contracts[c++ % contracts.length]
        : k === 'employment_letter'
          ? letters[l++ % letters.length]
          : options.families?.wide
            ? seenFamily(k)
            : undefined,
    );
    // Back sides come from a scanner's duplex mode, not from a PDF export or a phone.
    const blankBacks =
      multiPage && condition !== 'digital_pdf' && condition !== 'phone_photo' && rng.chance(0.45) && variation !== 'two_up' && variation !== 'two_documents';
    const nearBlankBacks = blankBacks && options.families?.wide === true;
    const label = kinds.length > 1 ? 'packet' : kinds[0] === 'labor_contract' ? 'contract' : 'letter';
    jobs.push({
      name: `${label}-${condition}-${String(n + 1).padStart(2, '0')}`,
      condition,
      kinds,
      families,
      blankBacks,
      ...(nearBlankBacks ? { nearBlankBacks } : {}),
      addressLikeName: rng.chance(0.3),
      ...(variation ? { variation } : {}),
    });
  }
  return jobs;
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
      const drawn = makeSubmissionContext(fileRng);
      const context = job.addressLikeName ? { ...drawn, person: withAddressLikeName(drawn.person, fileRng) } : drawn;
      const docs = job.kinds.map((kind, i) => draw(kind, fileRng, rota, context, job.families?.[i] ?? (i === 0 ? job.family : undefined), job.variation));
      const pages = layOut(docs, job.blankBacks ?? false, fileRng, job.nearBlankBacks, job.variation);
      const { data, ext } = await makeFile(job.condition, pages, renderer, fileRng, dpi);
      const file = `${job.name}.${ext}`;
      const blankPages = pages.flatMap((p, i) => (p.doc === undefined ? [i + 1] : []));
      const truth: TruthFile = {
        file,
        condition: job.condition,
        pageCount: pages.length,
        seed,
        documents: withPages(docs, pages),
        ...(blankPages.length > 0 ? { blankPages } : {}),
      };
      await writeFile(path.join(dir, file), data);
      await writeFile(path.join(dir, `${job.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
      truths.push(truth);
      log(
        `[${n + 1}/${jobs.length}] ${file} (${truth.pageCount} p${blankPages.length ? `, ${blankPages.length} blank` : ''}, ${docs.map((d) => d.truth.family).join(' + ')})`,
      );
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
  const { dir, perCell = 1, conditions = ALL_CONDITIONS, kinds = DOCUMENT_KINDS, packets = 0, ...rest } = options;
  // Packet files whose condition was chosen and that hold a chosen kind (numbered on after the packet plan).
  const packetJobs = planPackets({ count: packets, seed: rest.seed ?? 20201022 }).filter(
    (j) => conditions.includes(j.condition) && j.kinds.some((k) => kinds.includes(k)),
  );
  return generateFiles(dir, [...planSet({ perCell, conditions, kinds }), ...packetJobs], rest);
}
