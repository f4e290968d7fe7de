/**
 * After `npm run synth`: imports every built function bundle of the cloud assembly in a fresh Node process, as Lambda
 * would load it (native modules from the bundle's own node_modules, the policy parameters beside it), and in the
 * OCR function loads the PP-OCRv4 models and reads a page (`checkOcrRuntime`). Prints each function's unzipped size
 * against its budget; exits 1 when a bundle does not load or a function is over its budget.
 *
 * Runs on Linux x64: the x86_64 functions carry linux-x64 binaries; the arm64 ones carry no native code.
 *
 * `npx tsx infra/check-bundles.ts [cdk.out]`
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatAssetSizes, functionAssetSizes, overBudget, type FunctionAssetSize } from './asset-sizes.js';
import { FUNCTION_ENTRIES } from './function-entries.js';
import { POLICY_PARAMETERS_BUNDLE_DIR } from './constructs/intake-function.js';

export interface BundleCheck {
  readonly size: FunctionAssetSize;
  readonly ok: boolean;
  readonly detail: string;
}

// What the child does: import the bundle, require a `handler`, and run the OCR self-check where the bundle has one.
const LOADER = `
const bundle = await import(process.argv[1]);
if (typeof bundle.handler !== 'function') throw new Error('the bundle exports no handler');
const ocr = typeof bundle.checkOcrRuntime === 'function' ? await bundle.checkOcrRuntime() : undefined;
// S3-triggered functions answer S3's test event without touching AWS: the handler runs, not only the import.
const s3TestEvent = process.argv[2] === 's3' ? await bundle.handler({ Service: 'Amazon S3', Event: 's3:TestEvent' }, {}) : undefined;
if (s3TestEvent && JSON.stringify(s3TestEvent) !== '{"outcomes":[]}') throw new Error('unexpected answer to the S3 test event');
console.log(JSON.stringify({ exports: Object.keys(bundle).sort(), ocr, s3TestEvent }));
`;

/**
 * Loads one bundle in a child process with Lambda's relevant environment and none of the developer's AWS settings.
 *
 * @example
 * checkBundle(functionAssetSizes('cdk.out')[0]); // { ok: true, detail: '{"exports":["checkOcrRuntime","handler"],…}' }
 */
export function checkBundle(size: FunctionAssetSize): BundleCheck {
  // Loaded from a copy outside the repository, as from /var/task: inside it, Node would find whatever the bundle
  // lacks in the repository's node_modules, and a missing native module would pass unnoticed.
  const taskRoot = mkdtempSync(path.join(tmpdir(), `intake-bundle-${size.name ?? 'function'}-`));
  cpSync(size.assetDirectory, taskRoot, { recursive: true });
  const entry = pathToFileURL(path.join(taskRoot, 'index.mjs')).href;
  try {
    const s3Triggered = size.name === 'ingest' || size.name === 'email';
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', LOADER, entry, s3Triggered ? 's3' : ''], {
      cwd: taskRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LAMBDA_TASK_ROOT: taskRoot,
        INTAKE_POLICY_PARAMETERS_DIR: path.join(taskRoot, POLICY_PARAMETERS_BUNDLE_DIR),
        POWERTOOLS_LOG_LEVEL: 'ERROR',
        AWS_REGION: 'ap-southeast-1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const detail = output.toString().trim().split('\n').pop() ?? '';
    const isOcr = size.name !== undefined && FUNCTION_ENTRIES[size.name].nodeModules.includes('onnxruntime-node' as never);
    if (isOcr && !detail.includes('"alphabet"')) return { size, ok: false, detail: `no OCR self-check ran: ${detail}` };
    return { size, ok: true, detail };
  } catch (error) {
    const failed = error as { stderr?: Buffer; message: string };
    return { size, ok: false, detail: (failed.stderr?.toString() || failed.message).trim().split('\n').slice(-6).join('\n') };
  } finally {
    rmSync(taskRoot, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const assembly = process.argv[2] ?? 'cdk.out';
  const sizes = functionAssetSizes(assembly);
  console.log(formatAssetSizes(sizes));
  const missing = Object.keys(FUNCTION_ENTRIES).filter((name) => !sizes.some((size) => size.name === name));
  let failed = missing.length > 0;
  if (missing.length > 0) console.error(`no bundle for: ${missing.join(', ')}`);
  for (const over of overBudget(sizes)) console.error(`${over.name ?? over.functionPath}: over its budget`);
  failed ||= overBudget(sizes).length > 0;
  // Our functions only: CDK's own providers (bucket deployment, notifications) are not ours to load.
  for (const size of sizes.filter((candidate) => candidate.name !== undefined)) {
    const check = checkBundle(size);
    console.log(`${check.ok ? 'loads ' : 'FAILS '} ${size.name ?? size.functionPath}  ${check.detail}`);
    failed ||= !check.ok;
  }
  if (failed) process.exitCode = 1;
}
