import { describe, expect, it } from 'vitest';
import { parseExtractOutput } from './extract-runner.js';

describe('parseExtractOutput', () => {
  it('reads the JSON array intake extract prints, even after log lines', () => {
    const stdout = `loading model\n${JSON.stringify([{ file: 'a.pdf', documents: [{ type: 'id_card', pages: [1], fields: { name: { value: '王芳', confidence: 0.99, needsReview: false } } }] }])}`;
    const [entry] = parseExtractOutput(stdout, ['a.pdf']);
    expect(entry.documents[0].fields.name.value).toBe('王芳');
  });

  it('keeps an entry that breaks the contract as an `invalid_output` read error', () => {
    const stdout = JSON.stringify([{ file: 'b.png', documents: [{ type: 'certificate', pages: [1], fields: {} }] }]);
    const [entry] = parseExtractOutput(stdout, ['b.png']);
    expect(entry).toMatchObject({ file: 'b.png', documents: [], error: { code: 'invalid_output' } });
  });

  it('throws when stdout holds no JSON array', () => {
    expect(() => parseExtractOutput('error: unknown command extract', ['a.pdf'])).toThrow(/no JSON array/);
  });
});
