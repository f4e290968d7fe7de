import { describe, expect, it } from 'vitest';
import { OcrEngineUnknownError, createOcrEngine, ocrEngineNameFrom, type OcrEngine } from '../../shared/ocr/index.js';

function fakeEngine(name: OcrEngine['name']): OcrEngine {
  return {
    name,
    recognize: async (image) => ({ pageNumber: image.pageNumber, width: 1, height: 1, rotation: 0, source: name, lines: [] }),
  };
}

describe('createOcrEngine', () => {
  it('builds the Textract engine from the factory the composition root passes', () => {
    const engine = createOcrEngine('textract', { textract: () => fakeEngine('textract') });

    expect(engine.name).toBe('textract');
  });

  it('builds the paddle engine by default without loading its models yet', () => {
    const engine = createOcrEngine('paddle');

    expect(engine.name).toBe('paddle');
  });

  it('refuses textract when no factory was wired, with code `ocr_engine_unknown`', () => {
    expect(() => createOcrEngine('textract')).toThrow(OcrEngineUnknownError);
  });
});

describe('ocrEngineNameFrom', () => {
  it('defaults to paddle when OCR_ENGINE is unset or blank', () => {
    expect(ocrEngineNameFrom({})).toBe('paddle');
    expect(ocrEngineNameFrom({ OCR_ENGINE: ' ' })).toBe('paddle');
  });

  it('reads textract case-insensitively', () => {
    expect(ocrEngineNameFrom({ OCR_ENGINE: 'Textract' })).toBe('textract');
  });

  it('refuses an unknown engine name', () => {
    expect(() => ocrEngineNameFrom({ OCR_ENGINE: 'tesseract' })).toThrow(expect.objectContaining({ code: 'ocr_engine_unknown' }));
  });
});
