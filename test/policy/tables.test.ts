import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicyTestTable, runPolicyTestTable } from '../../shared/policy/index.js';
import { shippedParameters } from '../support/shipped-policy.js';

// Every YAML table a policy officer writes (docs/policy-tests.md) runs here, one test per case, named by its sentence.
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'tables');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('policy test tables (test/policy/tables/*.yaml)', () => {
  it('finds the tables', () => {
    expect(files.length).toBeGreaterThan(0);
  });
});

for (const file of files) {
  const table = parsePolicyTestTable(readFileSync(path.join(dir, file), 'utf8'), file);
  const results = runPolicyTestTable(table, { parameters: shippedParameters() });
  describe(`${file}: ${table.clause} ${table.title}`, () => {
    it.each(results.map((result) => ({ ...result, label: result.name })))('$label', (result) => {
      expect(result.failures, `${result.text}\n${JSON.stringify(result.decision?.reasons ?? [], null, 1)}`).toEqual([]);
    });
  });
}
