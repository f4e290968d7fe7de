import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { VALUE_STAMP_CHARACTERS_ONLY } from '../../shared/extraction/extract-documents.js';
import { isStampCharactersOnly } from '../../shared/extraction/page-layout.js';
import { person } from './support/documents.js';
import { textLayerPage } from './support/text-lines.js';

// A watermark's letters read where a short value was looked for (`限办` of `仅限办理…使用` for an occupation at 0.96,
// held-out v10; `印无`, `核使` for names on photos of the pool, flagged for other reasons). Over 20,000 fields of the
// seen pool and the held-out samples, the three values spelled only from stamp characters were all wrong.
// Built on constructed OCR lines: no eval file is read here.

describe('a value spelled only from stamp and watermark characters', () => {
  it('is told from values that merely share a character with a stamp', () => {
    expect(isStampCharactersOnly('限办')).toBe(true);
    expect(isStampCharactersOnly('印无')).toBe(true);
    expect(isStampCharactersOnly('育婴员')).toBe(false);
    expect(isStampCharactersOnly('审核员')).toBe(false);
    expect(isStampCharactersOnly('办')).toBe(false);
  });

  it('is sent to the clerk whatever its score', () => {
    const page = textLayerPage([
      ['职业技能等级证书', 500, 200, 600, 70],
      [`姓名 ${person.name}`, 200, 340, 300, 40],
      [`身份证号 ${person.id}`, 200, 400, 600, 40],
      ['职业名称 限办', 200, 460, 300, 40],
      ['等级 四级', 900, 460, 200, 40],
      ['发证日期 2021年03月12日', 200, 580, 500, 40],
    ]);
    const doc = extractDocuments([{ ...page, source: 'paddle', lines: page.lines.map((l) => ({ ...l, confidence: 0.99 })) }], {
      today: '2026-12-05',
    })[0];
    expect(doc.fields.occupation.value).toBe('限办');
    expect(doc.fields.occupation.issues).toContain(VALUE_STAMP_CHARACTERS_ONLY);
    expect(doc.fields.occupation.needsReview).toBe(true);
  });
});
