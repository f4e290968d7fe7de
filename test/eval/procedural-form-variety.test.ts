import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResidentId } from '../../shared/extraction/resident-id.js';
import { LEVEL_NAMES } from './factory/documents.js';
import { Rng } from './factory/random.js';
import { formatProceduralDate, printedDateForms } from './procedural/dates.js';
import { ALL_PROCEDURAL_FAMILIES, PROCEDURAL_FAMILIES, PROCEDURAL_FORM_FAMILIES } from './procedural/families.js';
import { codeCellsHtml, drawFormVariety, FORM_VARIETY_TAGS, type FormVarietyChances, toFullwidth } from './procedural/form-variety.js';
import { generateProcedural, planProcedural } from './procedural/generate.js';
import { block, type Item, labelHtml } from './procedural/parts.js';
import { pdfPageTexts } from './render/pdf-assembly.js';
import type { TruthFile } from './truth.js';
import { PLAIN_LAYOUT, textOf } from '../support/procedural-layout.js';

const params = PLAIN_LAYOUT;

const items = (): Item[] => [
  { field: 'holderName', label: '姓名', value: '王晓明' },
  { field: 'idNumber', label: '身份证号', value: '330106199001011234' },
  { field: 'issueDate', label: '发证日期', value: '2021-3-5' },
];
const none: FormVarietyChances = { labelDecor: 0, codeCells: 0, fullwidthDigits: 0, distractors: 0, shuffle: 0, otherParties: 0 };

describe('form variety in the procedural generator', () => {
  it('numbers a label before it keeps the colon, and brackets a label without one', () => {
    expect(textOf(labelHtml('姓名', 4, params, undefined, { prefix: '一、' }))).toBe('一、姓名：');
    expect(textOf(labelHtml('姓名', 4, params, undefined, { open: '【', close: '】' }))).toBe('【姓名】');
  });

  it('writes a code one character per box or in groups separated by spaces', () => {
    expect(codeCellsHtml('330106199001011234', { style: 'groups', sizes: [6, 8, 4] })).toBe('330106 19900101 1234');
    expect(codeCellsHtml('91330106MA2ABCDE1X', { style: 'groups', sizes: [6, 6] })).toBe('913301 06MA2A BCDE1X');
    const boxes = codeCellsHtml('33010619900101123X', { style: 'boxes' });
    expect(boxes.match(/border:1px solid/g)).toHaveLength(18);
    expect(textOf(boxes)).toBe('33010619900101123X');
  });

  it('prints digits and Latin letters full width, and dates without leading zeros', () => {
    expect(toFullwidth('2021年3月5日')).toBe('２０２１年３月５日');
    expect(toFullwidth('33010619900101123X')).toBe('３３０１０６１９９００１０１１２３Ｘ');
    const day = { year: 2021, month: 3, day: 5 };
    expect(['dashed_short', 'slashed_short', 'dotted_short'].map((s) => formatProceduralDate(day, s as 'dashed_short'))).toEqual([
      '2021-3-5',
      '2021/3/5',
      '2021.3.5',
    ]);
  });

  it('renders the drawn variety in a block: boxed code across the row, full-width date, numbered labels', () => {
    const [name, id, date] = items();
    const html = block(
      [
        { ...name, layout: { decor: { prefix: '1. ' } } },
        { ...id, wide: true, layout: { decor: { prefix: '2. ' }, cells: { style: 'boxes' } } },
        { ...date, layout: { decor: { prefix: '3. ' }, fullwidth: true } },
      ],
      params,
      new Map(),
      new Rng(1),
    );
    expect(textOf(html)).toBe('1. 姓名：王晓明2. 身份证号：3301061990010112343. 发证日期：２０２１-３-５');
  });

  it('sets a stacked grid: each row of label cells, without colons, over a row of value cells', () => {
    const html = block(items(), { ...params, placement: 'grid_stacked', columns: 1 }, new Map(), new Rng(2));
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => textOf(m[1]));
    expect(rows[0]).toMatch(/^姓名身份证号/);
    expect(rows[1]).toMatch(/^王晓明330106199001011234/);
    expect(html).not.toContain('：');
  });

  it('groups a ruled table under a merged caption cell spanning every row', () => {
    const html = block(items(), { ...params, placement: 'cell', groupCaption: { text: '基本信息', vertical: true } }, new Map(), new Rng(2));
    expect(html).toContain('rowspan="3"');
    expect(html).toContain('writing-mode:vertical-rl');
    expect(textOf(html).startsWith('基本信息姓名：王晓明')).toBe(true);
  });

  it('adds look-alike pairs about someone else, never tied to a truth field, with valid ID numbers', () => {
    const drawn = drawFormVariety(items(), { ...none, distractors: 1 }, 'contract', new Rng(3));
    const extra = drawn.items.filter((i) => !i.field);
    expect(extra.length).toBeGreaterThanOrEqual(1);
    expect(drawn.items.filter((i) => i.field).map((i) => i.field)).toEqual(['holderName', 'idNumber', 'issueDate']);
    expect(drawn.tags).toContain(FORM_VARIETY_TAGS.distractors);
    for (let seed = 0; seed < 40; seed++) {
      for (const i of drawFormVariety(items(), { ...none, distractors: 1 }, 'licence', new Rng(seed)).items.filter((x) => !x.field)) {
        if (/身份证号|证件号码/.test(i.label)) expect(validateResidentId(i.value).valid).toBe(true);
        expect(i.value).not.toBe('王晓明');
      }
    }
  });

  it('tags code layouts and full-width digits on the field they were drawn for', () => {
    const boxed = drawFormVariety(items(), { ...none, codeCells: 1 }, undefined, new Rng(4));
    const id = boxed.items.find((i) => i.field === 'idNumber')!;
    expect(id.layout?.cells).toBeDefined();
    expect(boxed.tags.some((t) => t.endsWith('@idNumber'))).toBe(true);
    const wide = drawFormVariety(items(), { ...none, fullwidthDigits: 1 }, undefined, new Rng(5));
    expect(wide.items.find((i) => i.field === 'issueDate')?.layout?.fullwidth).toBe(true);
    expect(id.wide).toBe(true);
    expect(wide.items.find((i) => i.field === 'holderName')?.layout).toBeUndefined();
    expect(wide.tags).toContain(`${FORM_VARIETY_TAGS.fullwidth}@issueDate`);
  });

  it('draws nothing and takes no draw for a family without form variety, so earlier sets regenerate unchanged', () => {
    const rng = new Rng(11);
    const drawn = drawFormVariety(items(), undefined, 'certificate', rng);
    expect(drawn.tags).toEqual([]);
    expect(drawn.items).toEqual(items());
    expect(rng.next()).toBe(new Rng(11).next());
    for (const f of PROCEDURAL_FAMILIES) expect(f.region.formVariety).toBeUndefined();
  });

  it('keeps the form-variety families seen: off every held-out font, placement and wording, drawable by name', () => {
    const heldOut = ALL_PROCEDURAL_FAMILIES.filter((f) => f.heldOut);
    const heldOutFonts = new Set(heldOut.flatMap((f) => f.region.fonts));
    expect(PROCEDURAL_FORM_FAMILIES.map((f) => f.name)).toEqual(['certificate/proc-E', 'licence/proc-E', 'record/proc-E', 'contract/proc-E']);
    for (const f of PROCEDURAL_FORM_FAMILIES) {
      expect(f.heldOut).toBe(false);
      expect(f.region.fonts.some((font) => heldOutFonts.has(font))).toBe(false);
      for (const p of ['above', 'leader', 'bilingual_cell', 'underline'] as const) expect(f.region.placements).not.toContain(p);
      expect(f.region.lexicon).toBe('common');
      expect(ALL_PROCEDURAL_FAMILIES).toContain(f);
    }
  });
});

describe('the form-variety families rendered (three digital PDFs per family, one chromium)', () => {
  let dir: string;
  let truths: TruthFile[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'form-variety-'));
    truths = await generateProcedural(dir, planProcedural({ rounds: 3, conditions: ['digital_pdf'], families: PROCEDURAL_FORM_FAMILIES }), { seed: 41 });
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints every truth value in the text layer, boxed, grouped or full width (NFKC, spaces removed)', async () => {
    const flat = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
    for (const t of truths) {
      const text = flat(pdfPageTexts(await readFile(path.join(dir, t.file))).join('\n'));
      for (const [field, value] of Object.entries(t.documents[0].fields)) {
        const printed =
          value === null
            ? ['无固定期限']
            : field === 'level'
              ? [LEVEL_NAMES[Number(value)].grade, LEVEL_NAMES[Number(value)].title]
              : field === 'monthsPaid' || field === 'certificateKind' || /^\d{4}-\d{2}$/.test(String(value))
                ? undefined
                : printedDateForms(String(value));
        if (printed)
          expect(
            printed.some((f) => text.includes(flat(f))),
            `${t.file} ${field} = ${JSON.stringify(value)}`,
          ).toBe(true);
      }
    }
  });

  it('draws the new axes somewhere on a dozen pages: numbered or bracketed labels, look-alike pairs, other parties', () => {
    const tags = new Set(truths.flatMap((t) => t.documents[0].variants ?? []));
    expect(tags.has(FORM_VARIETY_TAGS.numbered) || tags.has(FORM_VARIETY_TAGS.bracketed)).toBe(true);
    expect(tags.has(FORM_VARIETY_TAGS.distractors)).toBe(true);
    expect(tags.has(FORM_VARIETY_TAGS.otherParties)).toBe(true);
    expect(truths.every((t) => !t.documents[0].heldOut)).toBe(true);
  });
});
