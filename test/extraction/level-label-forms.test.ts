import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { findHits } from '../../shared/extraction/page-layout.js';
import { person } from './support/documents.js';
import { textLayerPage } from './support/text-lines.js';

// `职业等级` (an occupation's level, as many certificates print it) was no label: 职业 and 等级 are each too short to
// count glued to other text, so the line under an occupation was read as the occupation's wrap (`…职业等级`).
// Built on constructed OCR lines: no eval file is read here.

describe('a certificate level printed under 职业等级 or 认定等级', () => {
  it('is a label of the level', () => {
    expect(findHits('职业等级 四级/中级工')[0]?.form).toBe('职业等级');
    expect(findHits('认定等级:三级')[0]?.form).toBe('认定等级');
  });

  it('ends the occupation above it and gives the level', () => {
    const page = textLayerPage([
      ['职业技能等级证书', 500, 200, 600, 70],
      [`姓名 ${person.name}`, 200, 340, 300, 40],
      [`身份证号 ${person.id}`, 200, 400, 600, 40],
      ['职业名称 育婴员', 200, 460, 300, 40],
      ['职业等级 四级/中级工', 200, 520, 400, 40],
      ['发证日期 2021年03月12日', 200, 580, 500, 40],
    ]);
    const doc = extractDocuments([page], { today: '2026-12-05' })[0];
    expect(doc.fields.occupation.value).toBe('育婴员');
    expect(doc.fields.level.value).toBe(4);
  });
});
