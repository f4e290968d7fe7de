import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const CONFIG = path.resolve('.dependency-cruiser.cjs');
/** The run-time pass: imports of types erased, no native module reachable from the domain. */
const RUNTIME_CONFIG = path.resolve('.dependency-cruiser-runtime.cjs');

/** Cruises `roots` (relative to `baseDir`) with the project's rules (or `config`'s), as `npm run lint:deps` does. */
async function violationsOf(roots: string[], baseDir: string, options: { tsConfig?: string; config?: string } = {}): Promise<IViolation[]> {
  const ruleSet = await extractDepcruiseConfig(options.config ?? CONFIG);
  const result = await cruise(
    roots,
    {
      ...ruleSet.options,
      ruleSet,
      validate: true,
      baseDir,
      ...(options.tsConfig ? { tsConfig: { fileName: options.tsConfig } } : { tsConfig: undefined }),
    },
    undefined,
    options.tsConfig ? { tsConfig: extractTSConfig(options.tsConfig) } : undefined,
  );
  const output = result.output as ICruiseResult;
  return output.summary.violations.filter((violation) => violation.rule.severity !== 'ignore');
}

describe('module boundaries (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('holds across the source tree: no folder cycles, a domain without I/O or adapters, the AWS SDK in adapters only', { timeout: 120_000 }, async () => {
    const violations = await violationsOf(['shared', 'functions', 'local', 'cli', 'infra', 'web', 'bench'], process.cwd(), { tsConfig: 'tsconfig.json' });
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('loads no native module from the domain, through any chain of run-time imports', { timeout: 120_000 }, async () => {
    const violations = await violationsOf(['shared'], process.cwd(), { tsConfig: 'tsconfig.json', config: RUNTIME_CONFIG });
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('catches a domain module that imports an npm package or reaches a native module, and the AWS SDK outside adapters', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
    try {
      const packages = ['sharp', 'exceljs', '@aws-sdk/client-s3'];
      for (const folder of ['shared/pipeline', 'shared/review', 'shared/batches', ...packages.map((name) => `node_modules/${name}`)]) {
        mkdirSync(path.join(dir, folder), { recursive: true });
      }
      for (const name of packages) {
        writeFileSync(path.join(dir, `node_modules/${name}/package.json`), JSON.stringify({ name, main: 'index.js' }));
        writeFileSync(path.join(dir, `node_modules/${name}/index.js`), 'module.exports = {};\n');
      }
      // A use case bound to a library (batches) that a review module imports, and that loads sharp in turn.
      writeFileSync(path.join(dir, 'shared/batches/sheet.js'), "import sharp from 'sharp';\nexport const sheet = sharp;\n");
      writeFileSync(
        path.join(dir, 'shared/review/export.js'),
        "import ExcelJS from 'exceljs';\nimport { sheet } from '../batches/sheet.js';\nexport const x = [ExcelJS, sheet];\n",
      );
      writeFileSync(path.join(dir, 'shared/pipeline/step.js'), "import { x } from '../review/export.js';\nexport const step = x;\n");
      writeFileSync(path.join(dir, 'shared/batches/upload.js'), "import { S3Client } from '@aws-sdk/client-s3';\nexport const upload = S3Client;\n");
      const rules = new Set((await violationsOf(['shared'], dir)).map((v) => `${v.rule.name}: ${v.from}`));
      expect(rules).toEqual(
        new Set([
          'domain-does-no-io: shared/review/export.js',
          'domain-imports-no-adapter: shared/review/export.js',
          'aws-sdk-only-in-adapters: shared/batches/upload.js',
        ]),
      );
      const runtime = (await violationsOf(['shared'], dir, { config: RUNTIME_CONFIG })).map((v) => `${v.rule.name}: ${v.from}`);
      expect(new Set(runtime)).toEqual(
        new Set(['domain-loads-no-native-module: shared/review/export.js', 'domain-loads-no-native-module: shared/pipeline/step.js']),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('catches a domain module that reads a file or imports an adapter, and a cycle between two folders', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
    try {
      for (const folder of ['shared/policy', 'shared/adapters', 'shared/cases']) mkdirSync(path.join(dir, folder), { recursive: true });
      writeFileSync(path.join(dir, 'shared/adapters/store.js'), 'export const store = {};\n');
      writeFileSync(
        path.join(dir, 'shared/policy/leak.js'),
        "import { readFileSync } from 'node:fs';\nimport { store } from '../adapters/store.js';\nimport { a } from '../cases/a.js';\nexport const leak = [readFileSync, store, a];\n",
      );
      writeFileSync(path.join(dir, 'shared/cases/a.js'), "import { leak } from '../policy/leak.js';\nexport const a = () => leak;\n");
      const rules = new Set((await violationsOf(['shared'], dir)).map((v) => v.rule.name));
      expect(rules).toEqual(new Set(['domain-does-no-io', 'domain-imports-no-adapter', 'no-folder-cycles', 'no-module-cycles']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses kebab-case file names', () => {
    const badNames = ['shared', 'functions', 'infra', 'local', 'cli']
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => !/^[a-z0-9.-]+\.ts$/.test(path.basename(file)));
    expect(badNames).toEqual([]);
  });
});
