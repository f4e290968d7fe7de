/**
 * `intake extract FILE... [--json] [--engine paddle|textract]` — reads documents without touching any store and
 * prints what was found. The OCR model is loaded once, on the first page that needs it, and serves every file.
 */
import { readFile as readFileBytes } from 'node:fs/promises';
import { TextractClient } from '@aws-sdk/client-textract';
import type { Command } from 'commander';
import { ArchiveError, DEFAULT_ARCHIVE_LIMITS, expandZip } from '../../shared/archives/index.js';
import { TextractOcrEngine } from '../../shared/adapters/textract-ocr-engine.js';
import type { FileExtraction } from '../../shared/documents/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { maskIdNumber, maskName } from '../../shared/logging/index.js';
import { describeFailure, reasonText } from '../../shared/intake/failure.js';
import { sniffType } from '../../shared/intake/sniff.js';
import { createOcrEngine, OCR_ENGINE_NAMES, type OcrEngineName } from '../../shared/ocr/create-ocr-engine.js';
import type { OcrEngine } from '../../shared/ocr/index.js';
import { createReadingPaddleEngine, readFile, type ReadFileDeps } from '../../shared/reading/index.js';

/** The `--json` shape of one file: exactly what the issue specifies (per field: value, confidence, needsReview). */
export interface ExtractJsonEntry {
  file: string;
  documents: { type: string; pages: number[]; fields: Record<string, { value: string | number | null; confidence: number; needsReview: boolean }> }[];
  error?: { code: string; message: string };
}

/**
 * Narrows a file's extraction to the printed contract.
 *
 * @example
 * toJsonEntry({ file: 'a.pdf', documents: [] }); // { file: 'a.pdf', documents: [] }
 */
export function toJsonEntry(extraction: FileExtraction): ExtractJsonEntry {
  return {
    file: extraction.file,
    documents: extraction.documents.map((document) => ({
      type: document.type,
      pages: document.pages,
      fields: Object.fromEntries(
        Object.entries(document.fields).map(([name, field]) => [name, { value: field.value, confidence: field.confidence, needsReview: field.needsReview }]),
      ),
    })),
    ...(extraction.error ? { error: { code: extraction.error.code, message: extraction.error.message } } : {}),
  };
}

/** An engine built on first use: a run over digital PDFs never loads a model. */
function lazyEngine(name: OcrEngineName): OcrEngine {
  let engine: OcrEngine | undefined;
  const built = () =>
    (engine ??= createOcrEngine(name, {
      paddle: () => createReadingPaddleEngine(),
      textract: () => new TextractOcrEngine({ client: new TextractClient({}) }),
    }));
  return {
    name,
    recognize: (image) => built().recognize(image),
    // Paddle reads a region again for the reader's second look, as the process function's engine does.
    ...(name === 'paddle'
      ? { recognizeRegion: (raster, region, pageNumber) => built().recognizeRegion?.(raster, region, pageNumber) ?? Promise.resolve([]) }
      : {}),
  };
}

/**
 * A ZIP's entries read as the pipeline reads them after ingest expands the archive (same limits, same refusals), each
 * named `archive.zip/entry`: a training body can check a ZIP before sending it.
 */
async function extractArchive(bytes: Uint8Array, file: string, deps: ReadFileDeps): Promise<FileExtraction[]> {
  try {
    const expansion = await expandZip(bytes, DEFAULT_ARCHIVE_LIMITS);
    const results: FileExtraction[] = [];
    for (const entry of expansion.entries) results.push((await readFile(entry.bytes, `${file}/${entry.path}`, deps)).extraction);
    for (const refused of expansion.refused) {
      results.push({ file: `${file}/${refused.path}`, documents: [], error: { code: refused.code, message: reasonText(refused.code).zh } });
    }
    return results;
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    return [{ file, documents: [], error: describeFailure(error).error }];
  }
}

/**
 * Reads each file (as given on the command line) into its extraction; unreadable files carry `error`. A ZIP gives one
 * result per entry, named `archive.zip/entry`.
 *
 * @example
 * const entries = await extractFiles(['证书.png', '批量.zip'], { ocr, extract: extractDocuments });
 */
export async function extractFiles(files: string[], deps: ReadFileDeps): Promise<FileExtraction[]> {
  const results: FileExtraction[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFileBytes(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file_not_found' : 'file_unreadable';
      results.push({ file, documents: [], error: { code, message: code === 'file_not_found' ? '找不到该文件。' : '无法读取该文件。' } });
      continue;
    }
    if (sniffType(bytes) === 'zip') results.push(...(await extractArchive(bytes, file, deps)));
    else results.push((await readFile(bytes, file, deps)).extraction);
  }
  return results;
}

const NAME_FIELDS = new Set(['holderName', 'employeeName', 'personName', 'studentName', 'name', 'legalRepresentative']);
const ID_FIELDS = new Set(['idNumber', 'employeeIdNumber', 'studentIdNumber']);

/**
 * The human-readable table (names and ID numbers masked unless `reveal`, since terminals get screenshotted).
 *
 * @example
 * console.log(formatTable(results, { reveal: false }));
 */
export function formatTable(results: FileExtraction[], options: { reveal: boolean }): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.file}`);
    if (result.error) {
      lines.push(`  ✗ ${result.error.code}: ${result.error.message}`);
      continue;
    }
    if (result.documents.length === 0) lines.push('  (no documents found)');
    for (const document of result.documents) {
      lines.push(`  ${document.type}  pages ${document.pages.join(',')}`);
      for (const [name, field] of Object.entries(document.fields)) {
        let value = field.value === null ? '—' : String(field.value);
        if (!options.reveal && field.value !== null && NAME_FIELDS.has(name)) value = maskName(value);
        if (!options.reveal && field.value !== null && ID_FIELDS.has(name)) value = maskIdNumber(value);
        const flag = field.needsReview ? '  ⚑ review' : '';
        lines.push(`    ${name.padEnd(20)} ${value.padEnd(30)} ${field.confidence.toFixed(2)}${flag}`);
      }
    }
  }
  return lines.join('\n');
}

/**
 * Adds `intake extract` to the command line.
 *
 * @example
 * register(program); // intake extract 证书.png 合同.pdf --json
 */
export function register(program: Command): void {
  program
    .command('extract')
    .description('读取文件中的证件与材料（不写入任何存储） — read documents without touching any store')
    .argument('<files...>', 'PDF, JPEG, PNG or TIFF files, or ZIP archives of them')
    .option('--json', 'print the machine-readable result')
    .option('--engine <engine>', `OCR engine: ${OCR_ENGINE_NAMES.join(' | ')}`, process.env.OCR_ENGINE || 'paddle')
    .option('--reveal', 'show names and ID numbers unmasked in the table')
    .action(async (files: string[], options: { json?: boolean; engine: string; reveal?: boolean }) => {
      if (!(OCR_ENGINE_NAMES as readonly string[]).includes(options.engine)) {
        program.error(`unknown engine "${options.engine}" (use ${OCR_ENGINE_NAMES.join(' or ')})`);
      }
      const results = await extractFiles(files, { ocr: lazyEngine(options.engine as OcrEngineName), extract: (pages) => extractDocuments(pages) });
      process.stdout.write(
        options.json ? `${JSON.stringify(results.map(toJsonEntry), null, 2)}\n` : `${formatTable(results, { reveal: Boolean(options.reveal) })}\n`,
      );
      if (results.some((result) => result.error)) process.exitCode = 1;
    });
}
