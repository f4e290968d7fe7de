import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Issue 19: on a skewed scan the engine boxes a long body line about two body lines tall (its right end sits a line
// lower than its left). The diagonal-watermark filter took such a line for a watermark and dropped it, so a 聘书's
// post and term (all in that line) were lost. Constructed OCR lines; proportions of a noisy landscape scan.

const TERM_START = '鉴于您的专业能力和工作业绩，特聘请您为本公司首席技师，聘期为2018年8月';

/** A landscape 聘书 whose first body line is boxed 1.9 body lines tall (skewed by about 2°). */
function skewedLetter(): OcrPage {
  return new PageBuilder({ width: 2400, height: 1757, lineHeight: 72 })
    .at(965, 272, '聘任书', { height: 129, width: 382 })
    .at(294, 636, `尊敬的${person.name}先生：`, { height: 74, width: 437 })
    .at(395, 682, TERM_START, { height: 139, width: 1655 })
    .at(305, 848, '18日至2020-08-17。', { height: 75, width: 462 })
    .at(401, 971, '此致', { height: 65, width: 108 })
    .at(312, 1088, '敬礼！', { height: 66, width: 133 })
    .at(1542, 1317, company.name, { height: 79, width: 560 })
    .at(1702, 1389, '2018-08-13', { height: 62, width: 246 })
    .build();
}

describe('long body lines boxed tall on a skewed scan', () => {
  it('keeps a long line that climbs a few degrees across its width in the page layout', () => {
    const layout = buildPageLayout(skewedLetter());
    expect(layout.lines.map((l) => l.flat).some((t) => t.includes('聘期为2018年8月'))).toBe(true);
  });

  it("reads a 聘书's post and term from its skewed body line", () => {
    const doc = extractDocuments([skewedLetter()], { today: '2026-11-27' })[0];
    expect(doc.fields.title.value).toBe('首席技师');
    expect(doc.fields.startDate.value).toBe('2018-08-18');
    expect(doc.fields.endDate.value).toBe('2020-08-17');
  });

  it('still drops a watermark set at 30° across the same page', () => {
    // Twelve 50-pixel characters at 30°: the box is 545 wide and 343 tall (a site watermark, no stamp wording).
    const page = new PageBuilder({ width: 2400, height: 1757, lineHeight: 72 })
      .line(`姓名：${person.name}`, 300)
      .line(`公民身份号码：${person.id}`, 300)
      .at(900, 500, '杭州人社局网上办事大厅平台', { width: 545, height: 343 })
      .line('此致', 300)
      .build();
    const texts = buildPageLayout(page).lines.map((l) => l.flat);
    expect(texts.some((t) => t.includes('网上办事大厅'))).toBe(false);
  });

  it('still drops watermarks on a page they cover, where the median line is a watermark piece', () => {
    // Four body lines, a broken watermark piece and four whole watermarks: the median line (170) is no line of text.
    const b = new PageBuilder({ width: 1654, height: 2340, lineHeight: 40 })
      .line(`姓名：${person.name}`, 130)
      .line('职业（工种）：电工', 130)
      .line('技能等级：国家职业资格四级', 130)
      .line('浙江省人力资源和社会保障厅', 1100)
      .at(0, 1500, '审核使用', { width: 300, height: 170 });
    for (const y of [200, 900]) {
      b.at(0, y, '仅供杭州市西湖区人力社保局审核使用', { width: 749, height: 390 });
      b.at(1083, y + 80, '仅供杭州市西湖区人力社保局', { width: 571, height: 311 });
    }
    const texts = buildPageLayout(b.build()).lines.map((l) => l.flat);
    expect(texts.some((t) => t.includes('人力社保局'))).toBe(false);
    expect(texts).toContain('浙江省人力资源和社会保障厅');
  });
});
