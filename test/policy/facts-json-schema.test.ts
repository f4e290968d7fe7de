import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsJsonSchemaText } from '../../shared/policy/index.js';

describe('docs/facts.schema.json', () => {
  it('matches the zod facts schema (regenerate with `npm run intake -- rules schema --write`)', () => {
    expect(readFileSync('docs/facts.schema.json', 'utf8')).toBe(factsJsonSchemaText());
  });

  it('describes the applicant kinds and the newer certificate levels', () => {
    const text = factsJsonSchemaText();
    expect(text).toContain('"competition_host"');
    expect(text).toContain('"principal_technician"');
  });
});
