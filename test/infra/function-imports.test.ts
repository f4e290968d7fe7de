import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES, FUNCTION_NAMES, NATIVE_MODULES, PROJECT_ROOT, type FunctionName } from '../../infra/function-entries.js';

const analysed = new Map<FunctionName, Promise<string[]>>();
/** The native modules a function's bundle imports, as esbuild sees them (externals are kept, used or not). */
function nativeImportsOf(name: FunctionName): Promise<string[]> {
  if (!analysed.has(name)) analysed.set(name, analyse(name));
  return analysed.get(name)!;
}

async function analyse(name: FunctionName): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(PROJECT_ROOT, FUNCTION_ENTRIES[name].entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: [...NATIVE_MODULES, '@img/*', 'onnxruntime-common'],
  });
  const found = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) if ((NATIVE_MODULES as readonly string[]).includes(imported.path)) found.add(imported.path);
  }
  return [...found].sort();
}

describe('what each function bundle imports', () => {
  it.each(FUNCTION_NAMES)('%s imports no native module it does not ship', async (name) => {
    const imported = await nativeImportsOf(name);

    expect(imported.filter((module) => !FUNCTION_ENTRIES[name].nodeModules.includes(module as never))).toEqual([]);
  });

  it('keeps the OCR runtime in process alone, and the API, e-mail and dead-letter functions free of native code', async () => {
    const [api, email, deadLetter, ingest, completion, process] = await Promise.all(
      (['api', 'email', 'deadLetter', 'ingest', 'textractCompletion', 'process'] as const).map(nativeImportsOf),
    );

    expect({ api, email, deadLetter }).toEqual({ api: [], email: [], deadLetter: [] });
    expect(ingest).not.toContain('onnxruntime-node');
    expect(completion).not.toContain('onnxruntime-node');
    expect(process).toEqual(expect.arrayContaining(['mupdf', 'onnxruntime-node', 'sharp']));
  });
});
