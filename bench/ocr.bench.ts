/**
 * OCR and PDF reading figures: PaddleOCR ms per scanned A4 page (upright, turned 90°, turned 180°; by stage; at two
 * detector input sizes), CPU ms per page (less sensitive to other load on the machine than wall time), mupdf
 * text-layer pages per minute on a generated digital PDF, and peak RSS. Inputs are generated here.
 */
import { cpus, loadavg } from 'node:os';
import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { PdfFile } from '../shared/pdf/index.js';
import { Tensor } from 'onnxruntime-node';
import { PaddleOcrWorkerPool, createPaddleOcrEngine, type PaddleOcrEngineOptions, type PaddleStageTimings } from '../shared/ocr/index.js';
import { createReadingPaddleEngine } from '../shared/reading/index.js';
import { loadPaddleModels } from '../shared/ocr/paddle-models.js';
import { PP_OCR_RECOGNITION_SETTINGS } from '../shared/ocr/text-lines.js';
import { renderSealedPage, shadowed } from '../test/ocr/page-factory.js';

const A4_200DPI = { width: 1654, height: 2339 };

export const clauses = [
  '劳动合同书',
  '甲方（用人单位）：杭州西湖智能制造有限公司',
  '统一社会信用代码：91330106MA2H3K8X1Q',
  '乙方（劳动者）：王晓明　性别：男',
  '公民身份号码：330106199001011234',
  '第一条　合同期限：自2021年06月18日起至2024年06月17日止。',
  '第二条　乙方同意根据甲方工作需要，担任电工岗位工作。',
  '第三条　甲方依法为乙方缴纳养老、医疗、失业、工伤、生育保险。',
  '第四条　乙方月工资为人民币陆仟伍佰元整（6500元）。',
  '第五条　甲方安排乙方执行标准工时制度，每日工作8小时。',
  '第六条　乙方应遵守甲方依法制定的规章制度和劳动纪律。',
  '第七条　合同期满或者法定终止条件出现时，本合同即行终止。',
  '第八条　本合同一式两份，甲乙双方各执一份，具有同等法律效力。',
  '职业技能等级证书编号：S000033010600213000123',
  '职业（工种）：电工　等级：三级/高级工',
  '发证日期：2021年06月18日　发证机构：杭州市西湖区职业技能鉴定中心',
  '甲方（盖章）：　　　　　　乙方（签字）：王晓明',
  '签订日期：二〇二一年六月十八日',
];

export async function scannedPage(seed: number): Promise<Buffer> {
  const lines = clauses.map((text, i) => {
    const size = i === 0 ? 56 : 32;
    const x = i === 0 ? 640 : 150;
    return `<text x="${x}" y="${220 + i * 105 + (seed % 3) * 7}" font-family="Noto Sans CJK SC" font-size="${size}" fill="#222">${text}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${A4_200DPI.width}" height="${A4_200DPI.height}">
    <rect width="100%" height="100%" fill="#fbfbf8"/>${lines.join('')}</svg>`;
  // Grey, slightly blurred JPEG: closer to a scanner's output than a crisp PNG.
  return sharp(Buffer.from(svg)).blur(0.6).jpeg({ quality: 80 }).toBuffer();
}

function digitalPdf(pages: number): Uint8Array {
  const document = new mupdf.PDFDocument();
  const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
  const resources = document.addObject({ Font: { F1: font } });
  const hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');
  for (let p = 0; p < pages; p++) {
    const content = clauses.map((text, i) => `BT /F1 ${i === 0 ? 20 : 11} Tf 60 ${780 - i * 38} Td <${hex(text)}> Tj ET`).join('\n');
    document.insertPage(-1, document.addPage([0, 0, 595, 842], 0, resources, content));
  }
  const bytes = document.saveToBuffer('compress').asUint8Array().slice();
  document.destroy();
  return bytes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function measurePaddle(label: string, pages: Buffer[], limitSide: number): Promise<void> {
  const timings: PaddleStageTimings[] = [];
  const engine = createPaddleOcrEngine({ detection: { limitSide }, onTimings: (t) => timings.push(t) });
  await engine.warmUp();
  const wall: number[] = [];
  const cpu: number[] = [];
  let lines = 0;
  let clausesRead = 0;
  const rotations = new Set<number>();
  for (const [index, bytes] of pages.entries()) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const page = await engine.recognize({ bytes, pageNumber: index + 1 });
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    lines += page.lines.length;
    rotations.add(page.rotation);
    const text = page.lines
      .map((line) => line.text)
      .join('')
      .replace(/[\s　]/g, '');
    clausesRead += clauses.filter((clause) => text.includes(clause.replace(/[\s　]/g, ''))).length;
  }
  const stage = (key: keyof PaddleStageTimings) => Math.round(median(timings.map((t) => t[key])));
  console.log(
    `paddle ${label.padEnd(22)} det ${limitSide}: ${Math.round(median(wall))} ms/page wall, ${Math.round(median(cpu))} ms/page CPU ` +
      `(decode ${stage('decodeMs')}, condition ${stage('conditionMs')}, detect ${stage('detectMs')}, direction ${stage('directionMs')}, recognise ${stage('recogniseMs')} of which ${stage('secondReadingMs')} in ${stage('secondReadings')} second readings); ` +
      `${(lines / pages.length).toFixed(1)} lines/page; rotation ${[...rotations].join('/')}; ` +
      `${clausesRead}/${clauses.length * pages.length} lines read exactly`,
  );
}

/** The engine as it read before page conditioning and second readings (issue 12): the bench's "before". */
export const BEFORE_CONDITIONING: PaddleOcrEngineOptions = {
  pageConditioning: false,
  secondReadings: false,
  detection: { minLongSide: 0, followBends: false, firstPassSide: 0 },
  // Every crop narrower than 320 px padded to 320, as PP-OCR (and the engine before cost12) reads them.
  recognition: PP_OCR_RECOGNITION_SETTINGS,
};

function cpuMs(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Median CPU ms of each stage, as the engine reports them with `stageClock: 'cpu'`. */
function stageLine(timings: PaddleStageTimings[]): string {
  const stage = (key: keyof PaddleStageTimings) => Math.round(median(timings.map((t) => t[key])));
  return (
    `decode ${stage('decodeMs')}, condition ${stage('conditionMs')}, detect ${stage('detectMs')} (${stage('detectionPasses')} passes), ` +
    `direction ${stage('directionMs')}, recognise ${stage('recogniseMs')} of which ${stage('secondReadingMs')} in ${stage('secondReadings')} second readings ` +
    `(${stage('stretchReadings')} of a stretch), ${stage('thirdReadings')} third readings under a seal`
  );
}

/**
 * Before and after in one run: the same pages read by the engine without and with page conditioning and second
 * readings, alternating which goes first on each page and round so that load on the machine falls on both alike.
 * Each engine first reads the first page once, untimed (`OCR_BENCH_WARM=0` skips it): a process reads many pages, and
 * its first page pays once for V8 compiling the page steps and for ONNX Runtime's first run at a new input size.
 * Prints CPU ms per page (median), the ratio of the totals, and the CPU ms of each stage (median) before and after.
 */
async function compareBeforeAfter(label: string, pages: Buffer[], rounds: number): Promise<void> {
  const timings = { before: [] as PaddleStageTimings[], after: [] as PaddleStageTimings[] };
  let timing = false;
  const record = (which: 'before' | 'after') => (t: PaddleStageTimings) => {
    if (timing) timings[which].push(t);
  };
  const engines = {
    before: createPaddleOcrEngine({ ...BEFORE_CONDITIONING, stageClock: 'cpu', onTimings: record('before') }),
    // The engine as the pipeline composes it: seal rings read only on a 聘书 that may name its employer in its seal.
    after: createReadingPaddleEngine({ stageClock: 'cpu', onTimings: record('after') }),
  };
  await engines.after.warmUp();
  const warm = process.env.OCR_BENCH_WARM !== '0';
  if (warm) for (const which of ['before', 'after'] as const) await engines[which].recognize({ bytes: pages[0], pageNumber: 1 });
  timing = true;
  const cpu = { before: [] as number[], after: [] as number[] };
  const wall = { before: [] as number[], after: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const [k, bytes] of pages.entries()) {
      const order = (round + k) % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const which of order) {
        const started = performance.now();
        const usage = process.cpuUsage();
        await engines[which].recognize({ bytes, pageNumber: k + 1 });
        cpu[which].push(cpuMs(usage));
        wall[which].push(performance.now() - started);
      }
    }
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  console.log(
    `paddle before/after ${label.padEnd(20)} ${pages.length} pages × ${rounds} rounds${warm ? '' : ' (cold)'}: CPU ms/page median ` +
      `${Math.round(median(cpu.before))} → ${Math.round(median(cpu.after))}, total ratio ${(sum(cpu.after) / sum(cpu.before)).toFixed(3)}; ` +
      `wall ratio ${(sum(wall.after) / sum(wall.before)).toFixed(3)} (goal: CPU ratio ≤ 1.15)`,
  );
  console.log(`  CPU ms/stage before: ${stageLine(timings.before)}`);
  console.log(`  CPU ms/stage after:  ${stageLine(timings.after)}`);
}

/**
 * More pages with a seal over print: the certificate at three sizes, with and without a red title, each also as a
 * shadowed phone photo (12 pages; the bench's first sealed pair alone makes a noisy ratio).
 */
async function sealedVariety(): Promise<Buffer[]> {
  const pages: Buffer[] = [];
  for (const scale of [1.2, 1.6, 2]) {
    for (const redTitle of [false, true]) {
      const page = await sharp(await renderSealedPage({ seal: true, signature: !redTitle, redTitle, scale }))
        .jpeg({ quality: 85 })
        .toBuffer();
      pages.push(page, await shadowed(page));
    }
  }
  return pages;
}

/**
 * CPU ms per line crop when the recogniser reads 1 … 8 crops of one width in one run (one intra-op thread, as the
 * workers and the process Lambda run it; median of `reps` runs after two warm-up runs of each shape). PP-OCR batches
 * crops sorted by width (6 a run); on CPU each crop in a batch costs as much as alone or more, so the engine reads one
 * line per run (`RECOGNITION_BATCH`, docs/ocr.md "perf14").
 */
export async function recognitionBatches(widths: number[], reps: number): Promise<void> {
  const { recognition } = await loadPaddleModels({ intraOpNumThreads: 1 });
  const crops = (batch: number, width: number) => {
    const input = new Float32Array(batch * 3 * 48 * width);
    // Grey noise: the recogniser's cost does not depend on what the pixels show.
    for (let k = 0; k < input.length; k++) input[k] = Math.sin(k * 0.7) * 0.8;
    return { [recognition.inputNames[0]]: new Tensor('float32', input, [batch, 3, 48, width]) };
  };
  const batches = [1, 2, 3, 4, 6, 8];
  for (const width of widths) for (const batch of batches) for (let k = 0; k < 2; k++) await recognition.run(crops(batch, width));
  for (const width of widths) {
    const perCrop = [];
    for (const batch of batches) {
      const feeds = crops(batch, width);
      const cpu: number[] = [];
      for (let k = 0; k < reps; k++) {
        const usage = process.cpuUsage();
        await recognition.run(feeds);
        cpu.push(cpuMs(usage) / batch);
      }
      perCrop.push(`${batch}: ${median(cpu).toFixed(1)}`);
    }
    console.log(`paddle recognition, one thread, ${width} px crops: CPU ms per crop by crops per run ${perCrop.join(', ')}`);
  }
  await recognition.release();
}

export async function run(): Promise<void> {
  console.log(
    `machine: ${cpus().length} cores; CPU ms/page counts all threads; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const upright = await Promise.all([0, 1, 2, 3].map((seed) => scannedPage(seed)));
  const turned90 = await Promise.all(upright.slice(0, 2).map((page) => sharp(page).rotate(90).jpeg({ quality: 80 }).toBuffer()));
  const turned180 = await Promise.all(upright.slice(0, 2).map((page) => sharp(page).rotate(180).jpeg({ quality: 80 }).toBuffer()));

  const rounds = Number(process.env.OCR_BENCH_ROUNDS ?? 2);
  await compareBeforeAfter('A4 200 dpi upright', upright, rounds);
  const sealed = await sharp(await renderSealedPage({ seal: true, signature: true, scale: 1.6 }))
    .jpeg({ quality: 85 })
    .toBuffer();
  await compareBeforeAfter('sealed, shadowed', [sealed, await shadowed(sealed)], rounds);
  await compareBeforeAfter('sealed variety', await sealedVariety(), Math.max(1, rounds - 1));
  if (process.env.OCR_BENCH_COMPARE_ONLY) return;
  await recognitionBatches([320, 640], 7);

  await measurePaddle('A4 200 dpi upright', upright, 1280);
  await measurePaddle('A4 200 dpi upright', upright, 960);
  await measurePaddle('A4 200 dpi turned 90°', turned90, 1280);
  await measurePaddle('A4 200 dpi turned 180°', turned180, 1280);

  // Sequential pages/min with the default threads (all cores): what one process can do. onnxruntime-node runs each
  // inference on the JS thread, so overlapping pages in one process would not add throughput.
  const engine = createPaddleOcrEngine();
  const started = performance.now();
  for (const [k, bytes] of upright.entries()) await engine.recognize({ bytes, pageNumber: k + 1 });
  const perMinute = (upright.length / (performance.now() - started)) * 60_000;
  console.log(`paddle one process, all cores: ${perMinute.toFixed(1)} scanned pages/min wall (goal ≥ 60)`);

  const pool = new PaddleOcrWorkerPool({ workers: cpus().length });
  await Promise.all([0, 1].map((k) => pool.recognize({ bytes: upright[k], pageNumber: k + 1 }))); // load the models
  const poolStarted = performance.now();
  await Promise.all(upright.map((bytes, k) => pool.recognize({ bytes, pageNumber: k + 1 })));
  const poolPerMinute = (upright.length / (performance.now() - poolStarted)) * 60_000;
  await pool.close();
  console.log(`paddle worker pool, ${cpus().length} workers × 1 thread: ${poolPerMinute.toFixed(1)} scanned pages/min wall (goal ≥ 60)`);

  const pageCount = 300;
  const pdf = digitalPdf(pageCount);
  const pdfStarted = performance.now();
  const file = PdfFile.open(pdf);
  let characters = 0;
  for (let n = 1; n <= file.pageCount; n++) {
    const page = file.readTextLayer(n, 200);
    characters += page?.lines.reduce((sum, line) => sum + line.text.length, 0) ?? 0;
  }
  file.close();
  const textMs = performance.now() - pdfStarted;
  console.log(
    `mupdf text layer: ${pageCount} pages in ${Math.round(textMs)} ms = ${Math.round((pageCount / textMs) * 60_000)} pages/min ` +
      `(goal ≥ 1,000); ${Math.round(characters / pageCount)} characters/page`,
  );
  const renderStarted = performance.now();
  const small = PdfFile.open(pdf);
  for (let n = 1; n <= 10; n++) small.renderPage(n, 200);
  small.close();
  console.log(`mupdf render at 200 dpi: ${Math.round((performance.now() - renderStarted) / 10)} ms/page (PNG, the fallback for engines without raw pixels)`);
  // What the reading path does for a scanned PDF page with paddle: raw RGB pixels, no PNG encode and decode.
  const rasterStarted = performance.now();
  const rasterCpu = process.cpuUsage();
  const raw = PdfFile.open(pdf);
  for (let n = 1; n <= 10; n++) raw.renderPageRaster(n, 200);
  raw.close();
  const rasterUsed = process.cpuUsage(rasterCpu);
  console.log(
    `mupdf render at 200 dpi to raw pixels: ${Math.round((performance.now() - rasterStarted) / 10)} ms/page wall, ` +
      `${Math.round((rasterUsed.user + rasterUsed.system) / 10_000)} ms/page CPU`,
  );
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}
