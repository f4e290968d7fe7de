import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const KNOWN = path.resolve('.dependency-cruiser-known-violations.json');

/** Cruises `roots` (relative to `baseDir`) with the project's rules, as `npm run lint:deps` does. */
async function violationsOf(roots: string[], baseDir: string, options: { tsConfig?: string; known?: boolean } = {}): Promise<IViolation[]> {
  const ruleSet = await extractDepcruiseConfig(CONFIG);
  const known = options.known ? JSON.parse(readFileSync(KNOWN, 'utf8')) : undefined;
  const result = await cruise(
    roots,
    {
      ...ruleSet.options,
      ruleSet,
      validate: true,
      baseDir,
      ...(known ? { knownViolations: known } : {}),
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
    const violations = await violationsOf(['shared', 'functions', 'local', 'cli', 'infra', 'web', 'bench'], process.cwd(), {
      tsConfig: 'tsconfig.json',
      known: true,
    });
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
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
