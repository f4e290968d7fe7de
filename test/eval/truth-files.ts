import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type TruthFile, truthFileSchema } from './truth.js';

/**
 * Reads and validates every `*.truth.json` of a folder, sorted by name.
 *
 * @example
 * const truths = await loadTruths('test/fixtures/documents');
 */
export async function loadTruths(dir: string): Promise<TruthFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.truth.json')).sort();
  return Promise.all(names.map(async (n) => truthFileSchema.parse(JSON.parse(await readFile(path.join(dir, n), 'utf8')))));
}
