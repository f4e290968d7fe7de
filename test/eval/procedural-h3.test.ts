import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocumentData, makeSubmissionContext } from './factory/documents.js';
import { Rng } from './factory/random.js';
import { composeDocument, H3_TAGS } from './procedural/documents.js';
import { ALL_PROCEDURAL_FAMILIES, drawLayout, PROCEDURAL_H3_FAMILIES } from './procedural/families.js';
import { generateProcedural, planProcedural, trimPlan } from './procedural/generate.js';
import { H3_WORDS, LEXICON } from './procedural/lexicon.js';
import { block, H3_PLACEMENTS, handwrittenHtml, type Item, securityHtml } from './procedural/parts.js';
import { SheetRenderer } from './render/browser.js';
import { addThumb, chatResave, H3_CAPTURES, lowLight, motionBlur, onPatternedTable, PHOTO_CAPTURES, THUMB_REACH_MM } from './render/degrade.js';
import type { TruthFile } from './truth.js';
import { PLAIN_LAYOUT, textOf } from '../support/procedural-layout.js';

const H3 = new Set(PROCEDURAL_H3_FAMILIES);
const others = ALL_PROCEDURAL_FAMILIES.filter((f) => !H3.has(f));

const items = (): Item[] => [
  { field: 'holderName', label: '姓名', value: '阿不都·热合曼' },
  { field: 'idNumber', label: '身份证号', value: '330106199001011234' },
  { field: 'issueDate', label: '发证日期', value: '2021年03月05日' },
  { label: '经营范围', value: '技术服务、技术开发', wide: true },
];

/** Grey levels of an image, one channel. */
async function grey(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).flatten({ background: '#fff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A white page with one black vertical bar (x 98–101) and one black horizontal bar (y 148–151). */
async function barsPage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/><rect x="98" y="10" width="4" height="100" fill="#000"/><rect x="120" y="148" width="70" height="4" fill="#000"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('the proc-H3 region’s axes, drawn by no other family', () => {
  it('lists the five held-out families apart from every earlier list, after them in ALL_PROCEDURAL_FAMILIES', () => {
    expect(PROCEDURAL_H3_FAMILIES.map((f) => f.name)).toEqual([
      'certificate/proc-H3',
      'licence/proc-H3',
      'record/proc-H3',
      'contract/proc-H3',
      'id-card/proc-H3',
    ]);
    expect(PROCEDURAL_H3_FAMILIES.every((f) => f.heldOut && f.region.h3 !== undefined && f.region.lexicon === 'h3')).toBe(true);
    expect(ALL_PROCEDURAL_FAMILIES.slice(-5)).toEqual([...PROCEDURAL_H3_FAMILIES]);
  });

  it('keeps its placements, fonts, wording and own draws off every other family', () => {
    const h3Fonts = new Set(PROCEDURAL_H3_FAMILIES.flatMap((f) => [...f.region.fonts, ...f.region.fillInFonts]));
    for (const f of others) {
      for (const p of H3_PLACEMENTS) expect(f.region.placements, f.name).not.toContain(p);
      for (const font of [...f.region.fonts, ...f.region.fillInFonts]) expect(h3Fonts.has(font), `${f.name} ${font}`).toBe(false);
      expect(f.region.lexicon, f.name).not.toBe('h3');
      expect(f.region.h3, f.name).toBeUndefined();
    }
    for (const f of PROCEDURAL_H3_FAMILIES) for (const p of f.region.placements) expect(H3_PLACEMENTS as readonly string[]).toContain(p);
  });

  it('draws label words no other family prints', () => {
    const earlier = new Set<string>(Object.values(LEXICON).flatMap((w) => [...w.common, ...w.rare]));
    const words = Object.values(H3_WORDS).flat();
    expect(words.length).toBeGreaterThan(40);
    for (const w of words) expect(earlier.has(w), w).toBe(false);
  });

  it('sets values in another font, larger, sometimes by hand, and takes no such draw for any other family', () => {
    const drawn = Array.from({ length: 40 }, (_, s) => drawLayout(PROCEDURAL_H3_FAMILIES[0].region, new Rng(s)));
    expect(drawn.every((p) => p.valueFont !== p.font && (p.valueScale ?? 0) >= 1.1)).toBe(true);
    expect(drawn.some((p) => p.handwritten)).toBe(true);
    expect(drawn.some((p) => !p.handwritten)).toBe(true);
    for (const f of others)
      for (let s = 0; s < 5; s++) {
        const p = drawLayout(f.region, new Rng(s));
        expect(p.valueScale, f.name).toBeUndefined();
        expect(p.handwritten, f.name).toBeUndefined();
      }
  });

  it('writes a value by hand character by character, in order, so its text reads as the value', () => {
    const html = handwrittenHtml('阿不都·热合曼', new Rng(3));
    expect(textOf(html)).toBe('阿不都·热合曼');
    expect(html.match(/position:relative;top:/g)).toHaveLength(7);
    expect(html).toContain('skewX(');
  });

  it('puts each value on a fill-in line over its small caption, with no colon (caption_under)', () => {
    const html = block(items(), { ...PLAIN_LAYOUT, placement: 'caption_under' }, new Map(), new Rng(1));
    const text = textOf(html);
    expect(text).toContain('阿不都·热合曼姓名');
    expect(text).toContain('330106199001011234身份证号');
    expect(text).not.toContain('：');
    expect(html).toContain('border-bottom:1px solid #222');
    expect(html).toContain('grid-column:1/-1');
  });

  it('right-aligns the labels in their column and sets the values after a gap (right_label)', () => {
    const html = block(items(), { ...PLAIN_LAYOUT, placement: 'right_label' }, new Map(), new Rng(1));
    expect(html.match(/class="l" style="text-align:right/g)).toHaveLength(4);
    expect(textOf(html)).toBe('姓名：阿不都·热合曼身份证号：330106199001011234发证日期：2021年03月05日经营范围：技术服务、技术开发');
  });

  it('sets each label top to bottom in its own ruled cell beside the value (vertical_cell)', () => {
    const html = block(items(), { ...PLAIN_LAYOUT, placement: 'vertical_cell', columns: 2 }, new Map(), new Rng(1));
    expect(html.match(/writing-mode:vertical-rl;text-orientation:upright/g)).toHaveLength(4);
    expect(html).toContain('colspan="3"');
    expect(textOf(html)).not.toContain('：');
  });

  it('prints the labels as one header row and the values as the row under it (header_row)', () => {
    const html = block(items(), { ...PLAIN_LAYOUT, placement: 'header_row' }, new Map(), new Rng(1));
    const rows = html.split('</tr>').map(textOf);
    expect(rows[0]).toBe('姓名身份证号发证日期');
    expect(rows[1]).toBe('阿不都·热合曼3301061990010112342021年03月05日');
    expect(rows[2]).toBe('经营范围技术服务、技术开发');
  });

  it('lays security paper under the page: a tint, a rosette and wave bands, the page’s size', () => {
    const svg = securityHtml(210, 297, new Rng(4));
    expect(svg).toMatch(/^<svg class="security" style="position:absolute;left:0;top:0;width:210mm;height:297mm;background:#/);
    expect(svg.match(/<polyline/g)!.length).toBeGreaterThanOrEqual(15);
    expect(svg.match(/<ellipse/g)!.length).toBeGreaterThanOrEqual(14);
  });

  it('draws middle-dot and four-character names, bracketed companies and 弄/单元 addresses, tagged, and no other family does', () => {
    const seen = { dot: 0, four: 0, brackets: 0, lane: 0, security: 0 };
    const kinds = ['skill_level', 'business_license', 'social_insurance_record', 'labor_contract', 'id_card'] as const;
    for (let s = 1; s <= 30; s++)
      for (const [k, kind] of kinds.entries()) {
        const r = new Rng(s * 10 + k);
        const data = makeDocumentData(kind, r, makeSubmissionContext(r));
        const doc = composeDocument(data, PROCEDURAL_H3_FAMILIES[k], r);
        const values = Object.values(doc.fields).map(String);
        if (doc.variants.includes(H3_TAGS.dotName)) {
          seen.dot++;
          expect(values.some((v) => /^\p{Script=Han}+·\p{Script=Han}+$/u.test(v)) || doc.masked.length > 0, doc.variants.join()).toBe(true);
        }
        if (doc.variants.includes(H3_TAGS.fourChar)) seen.four++;
        if (doc.variants.includes(H3_TAGS.brackets)) {
          seen.brackets++;
          expect(
            values.some((v) => /（(集团|杭州|中国|有限合伙|普通合伙)）/.test(v)),
            doc.variants.join(),
          ).toBe(true);
        }
        if (doc.variants.includes(H3_TAGS.lane)) {
          seen.lane++;
          if (kind !== 'labor_contract')
            expect(values.some((v) => /\d+弄\d+号|单元\d+室|\d+-\d+-\d+室/.test(v)) || doc.masked.length > 0, doc.variants.join()).toBe(true);
        }
        if (doc.variants.includes(H3_TAGS.security)) seen.security++;
      }
    expect(
      Object.values(seen).every((n) => n > 3),
      JSON.stringify(seen),
    ).toBe(true);
    for (const f of others)
      for (let s = 1; s <= 6; s++) {
        const r = new Rng(s);
        const doc = composeDocument(makeDocumentData(f.kinds[s % f.kinds.length], r, makeSubmissionContext(r)), f, r);
        const field = (names: string[]) => names.map((n) => String(doc.fields[n] ?? ''));
        expect(
          field(['holderName', 'personName', 'employeeName', 'legalRepresentative', 'name']).some((v) => v.includes('·')),
          f.name,
        ).toBe(false);
        expect(
          field(['companyName', 'employerName']).some((v) => v.includes('（')),
          f.name,
        ).toBe(false);
        expect(
          field(['address']).some((v) => /弄|单元/.test(v)),
          f.name,
        ).toBe(false);
        expect(
          doc.variants.some((v) => (Object.values(H3_TAGS) as string[]).includes(v)),
          f.name,
        ).toBe(false);
      }
  });
});

describe('a plan cut to a sample size the families do not divide', () => {
  it('cuts 75 planned H3 files to 72: families differ by one file at most, every capture kept five times', () => {
    const planned = planProcedural({
      rounds: 2,
      conditions: ['digital_pdf', 'clean_scan', 'noisy_scan', 'phone_photo', 'rotated_page'],
      captures: H3_CAPTURES,
      capturesPerFamily: 5,
      families: PROCEDURAL_H3_FAMILIES,
    });
    expect(planned).toHaveLength(75);
    const jobs = trimPlan(planned, 72);
    expect(jobs).toHaveLength(72);
    const per = (key: (j: (typeof jobs)[number]) => string) => jobs.reduce((m, j) => m.set(key(j), (m.get(key(j)) ?? 0) + 1), new Map<string, number>());
    expect([...per((j) => j.family.name).values()]).toEqual([15, 15, 14, 14, 14]);
    for (const c of H3_CAPTURES) expect(per((j) => j.capture ?? j.condition).get(c), c).toBe(5);
    expect(trimPlan(planned, 80)).toEqual(planned);
  });
});

describe('the captures drawn since proc-H3', () => {
  it('keeps them out of `--captures all`, so earlier seeds draw the captures they drew', () => {
    expect(PHOTO_CAPTURES).toHaveLength(13);
    for (const c of H3_CAPTURES) expect(PHOTO_CAPTURES as readonly string[]).not.toContain(c);
  });

  it('smears a vertical bar sideways and leaves a horizontal bar as thick (motion blur at 0°)', async () => {
    const page = await barsPage();
    const out = await grey(await motionBlur(page, 0, 9));
    const at = (x: number, y: number) => out.data[y * out.width + x];
    // The 4 px bar now darkens 4 px to either side of it, and is lighter at its heart.
    expect(at(95, 60)).toBeLessThan(230);
    expect(at(104, 60)).toBeLessThan(230);
    expect(at(100, 60)).toBeGreaterThan(60);
    // The horizontal bar is not smeared across its rows.
    expect(at(150, 146)).toBeGreaterThan(245);
    expect(at(150, 150)).toBeLessThan(20);
  });

  it('darkens the photo and leaves grain on its flat paper, the same for the same seed (low light)', async () => {
    const page = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#f4f4f4' } })
      .png()
      .toBuffer();
    const a = await lowLight(page, new Rng(7));
    expect(a.equals(await lowLight(page, new Rng(7)))).toBe(true);
    const g = await grey(a);
    const mean = g.data.reduce((s, v) => s + v, 0) / g.data.length;
    const sd = Math.sqrt(g.data.reduce((s, v) => s + (v - mean) ** 2, 0) / g.data.length);
    expect(mean).toBeLessThan(170);
    expect(sd).toBeGreaterThan(6);
  });

  it('scales a photo to 1,280 px or less and saves it twice at low quality (chat re-save)', async () => {
    const photo = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#ddd' } })
      .composite([{ input: await barsPage(), left: 400, top: 400 }])
      .jpeg({ quality: 90 })
      .toBuffer();
    const saved = await chatResave(photo, new Rng(2));
    const meta = await sharp(saved.data).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBe(saved.long);
    expect(saved.long).toBeLessThanOrEqual(1280);
    expect(saved.quality[0]).toBeLessThanOrEqual(50);
    expect(saved.quality[1]).toBeLessThanOrEqual(38);
  });

  it('lays a thumb over a side margin only, never further in than THUMB_REACH_MM', async () => {
    const dpi = 100;
    const page = await sharp({ create: { width: 827, height: 1169, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const reach = Math.ceil((THUMB_REACH_MM * dpi) / 25.4) + 2;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const held = await addThumb(page, dpi, new Rng(seed));
      const g = await grey(held.image);
      let inside = 0;
      let margin = 0;
      for (let y = 0; y < g.height; y++)
        for (let x = 0; x < g.width; x++) {
          if (g.data[y * g.width + x] > 250) continue;
          const fromEdge = held.side === 'left' ? x : g.width - 1 - x;
          if (fromEdge >= reach) inside++;
          else margin++;
        }
      expect(inside, `seed ${seed}`).toBe(0);
      expect(margin, `seed ${seed}`).toBeGreaterThan(1000);
    }
  });
});

describe('the proc-H3 families and captures rendered (one chromium)', () => {
  let dir: string;
  let truths: TruthFile[];
  let renderer: SheetRenderer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'procedural-h3-'));
    truths = await generateProcedural(
      dir,
      planProcedural({ rounds: 1, conditions: [], captures: H3_CAPTURES, capturesPerFamily: 1, families: PROCEDURAL_H3_FAMILIES }),
      { seed: 33 },
    );
    renderer = await SheetRenderer.launch();
  }, 300_000);

  afterAll(async () => {
    await renderer?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('makes one file per capture, reported as a phone photo and tagged with what was drawn', async () => {
    expect(truths.map((t) => t.capture?.[0]).sort()).toEqual(H3_CAPTURES.map((c) => `photo:${c}`).sort());
    for (const t of truths) {
      expect(t.condition).toBe('phone_photo');
      const meta = await sharp(await readFile(path.join(dir, t.file))).metadata();
      expect(meta.format, t.file).toBe('jpeg');
    }
    const tags = truths.flatMap((t) => t.capture ?? []);
    expect(tags.some((c) => /^blur:\d+px@\d+$/.test(c))).toBe(true);
    expect(tags.some((c) => /^thumb:(left|right)$/.test(c))).toBe(true);
    expect(tags.some((c) => /^jpeg:\d+>\d+$/.test(c))).toBe(true);
    expect(tags.some((c) => /^page-share:0\.\d+$/.test(c))).toBe(true);
  });

  it('photographs the page small on a patterned table: patterned all round, the page under a third of the frame', async () => {
    const page = await sharp({ create: { width: 1654, height: 2339, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const laid = await onPatternedTable(page, renderer, new Rng(8));
    const g = await grey(laid.data);
    let white = 0;
    for (const v of g.data) if (v > 225) white++;
    expect(white / g.data.length).toBeLessThan(0.33);
    // The border rows vary (a pattern, not a flat desk).
    const row = [...g.data.subarray(0, g.width)];
    expect(Math.max(...row) - Math.min(...row)).toBeGreaterThan(25);
  });
});
