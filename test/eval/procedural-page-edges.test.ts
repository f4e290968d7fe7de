import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextLayer } from '../../shared/pdf/index.js';
import { Rng } from './factory/random.js';
import { FIT_SCRIPT } from './procedural/documents.js';
import { block, type Item, partsCss } from './procedural/parts.js';
import { SheetRenderer } from './render/browser.js';
import { PLAIN_LAYOUT } from '../support/procedural-layout.js';

// A printer prints nothing past the paper's edge: a value the generator drew past it is cut on every capture (the
// text layer keeps only the glyphs on the page), so its truth could not be read from the page at all. Seen on digital
// contracts (digital24, seeds 9690 and 9861): a two-column table whose bracketed labels and credit code cannot wrap
// grew wider than its block, and the code in its right column was cut after `91330106MA2`.

const A4 = { widthMm: 210, heightMm: 297 };
const CODE = '91330106MA2K7QWX5T';

/** A contract's two-column table of the kind that ran off the page, inside the block the generator shrinks to fit. */
function contractTableSheet(): { widthMm: number; heightMm: number; body: string; css: string } {
  const p = { ...PLAIN_LAYOUT, sizePt: 16, placement: 'cell' as const, columns: 2 as const, colon: '', groupCaption: { text: '基本情况', vertical: true } };
  const items: Item[] = [
    { field: 'employerName', label: '〔用人单位〕', value: '浙江新锐餐饮管理人力资源服务有限公司', long: true },
    { field: 'employerCreditCode', label: '〔统一社会信用代码〕', value: CODE },
    { label: '〔法定代表人〕', value: '贺国' },
    { field: 'employeeName', label: '〔劳动者姓名〕', value: '郑梅华' },
    { field: 'employeeIdNumber', label: '〔居民身份证号码〕', value: '330102197003033454' },
    { label: '〔联系电话〕', value: '18150955370' },
  ];
  const body = `<div class="fit" style="position:absolute;left:18mm;right:18mm;top:20mm">${block(items, p, new Map(), new Rng(7))}</div>${FIT_SCRIPT}`;
  return { ...A4, body, css: partsCss(p) };
}

describe('the procedural generator’s page edges', () => {
  let renderer: SheetRenderer;

  beforeAll(async () => {
    renderer = await SheetRenderer.launch();
  }, 60_000);

  afterAll(async () => {
    await renderer?.close();
  });

  it('shrinks a table whose codes cannot wrap until its print ends inside the page, so every value is printed whole', async () => {
    const pdf = await renderer.pdf([contractTableSheet()]);
    const page = readTextLayer(pdf, 1, 200);
    expect(page).toBeDefined();
    const lines = page!.lines;
    for (const l of lines) expect(l.box.x + l.box.width, l.text).toBeLessThanOrEqual(page!.width);
    expect(lines.map((l) => l.text.replace(/\s/g, '')).join('\n')).toContain(CODE);
  }, 60_000);
});
