import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, makeDocumentData } from './factory/documents.js';
import { Rng } from './factory/random.js';
import { PACKETS_WIDE_FAMILIES, planPackets } from './generate.js';
import { CONTRACT_WIDE_FAMILIES } from './templates/agreements.js';
import { familiesFor } from './templates/index.js';
import { LETTER_WIDE_FAMILIES } from './templates/letters.js';
import { metaOf, nearBlankBack, pageNumberText, WIDE_PAGE_NUMBER_STYLES } from './templates/pages.js';

// The wide packets (issue 19, letters19c): what the packet generator did not draw before, from seen families only.

const draws = (family: (typeof CONTRACT_WIDE_FAMILIES)[number], kind: 'labor_contract' | 'employment_letter', n: number) =>
  Array.from({ length: n }, (_, i) => {
    const rng = new Rng(1900 + i);
    const data = makeDocumentData(kind, rng);
    return { data, sheets: family.render(data, rng) };
  });

describe('the wide packet plan', () => {
  const jobs = planPackets({ count: 40, seed: 1903, families: PACKETS_WIDE_FAMILIES });

  it('draws seen families only, the wide ones among them', () => {
    const named = new Set(jobs.flatMap((j) => j.families ?? []).filter((f): f is string => Boolean(f)));
    for (const f of [...CONTRACT_WIDE_FAMILIES, ...LETTER_WIDE_FAMILIES]) expect(named.has(f.name), f.name).toBe(true);
    const heldOut = new Set(
      DOCUMENT_KINDS.flatMap((k) => familiesFor(k))
        .filter((f) => f.heldOut)
        .map((f) => f.name),
    );
    expect([...named].filter((f) => heldOut.has(f))).toEqual([]);
    // Every document of every job is named, certificates included: none is left to the rota's turn over all families.
    for (const j of jobs) expect(j.families?.every(Boolean), j.name).toBe(true);
  });

  it('photographs whole packets and gives some duplex scans near-blank back sides', () => {
    expect(jobs.some((j) => j.kinds.length > 1 && j.condition === 'phone_photo')).toBe(true);
    expect(jobs.some((j) => j.nearBlankBacks)).toBe(true);
    expect(jobs.filter((j) => j.nearBlankBacks).every((j) => j.blankBacks)).toBe(true);
  });
});

describe('the wide families', () => {
  it('print page numbers in every style of issue 19', () => {
    expect(WIDE_PAGE_NUMBER_STYLES.map((s) => pageNumberText(s, 2, 4))).toEqual(['第 2 页 共 4 页', '— 2 —', '-2-', '2', '', '2/4', '- 2 -', '第 2 页']);
    const styles = new Set(CONTRACT_WIDE_FAMILIES.flatMap((f) => draws(f, 'labor_contract', 30)).flatMap(({ sheets }) => metaOf(sheets).structure ?? []));
    for (const s of WIDE_PAGE_NUMBER_STYLES) expect(styles.has(`page_numbers_${s}`), s).toBe(true);
    expect(styles.has('running_header') && styles.has('page_number_in_header')).toBe(true);
  });

  it('make contracts of two to six pages and more, with and without covers', () => {
    const lengths = CONTRACT_WIDE_FAMILIES.flatMap((f) => draws(f, 'labor_contract', 30)).map(({ sheets }) => sheets.length);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(6);
    const covers = new Set(CONTRACT_WIDE_FAMILIES.flatMap((f) => draws(f, 'labor_contract', 30)).flatMap(({ sheets }) => metaOf(sheets).structure ?? []));
    expect(covers.has('cover') && covers.has('no_cover')).toBe(true);
  });

  it('write letters with names spread (`张　伟`, `王 晓 明`) and with name and post filled in by hand, the truth name whole', () => {
    const letters = draws(LETTER_WIDE_FAMILIES[0], 'employment_letter', 40);
    const spread = letters.find(({ sheets }) => metaOf(sheets).structure?.includes('name_spread'));
    const filled = letters.find(({ sheets }) => metaOf(sheets).structure?.includes('filled_by_hand'));
    if (spread?.data.kind !== 'employment_letter' || filled?.data.kind !== 'employment_letter') throw new Error('no spread or hand-filled letter drawn');
    const chars = [...spread.data.person.name];
    expect(spread.sheets[0].body).toContain(chars.join(chars.length === 2 ? '　' : ' '));
    expect(filled.sheets[0].body).toMatch(new RegExp(`class="hand"[^>]*>${filled.data.person.name}<`));
    const forms = new Set(letters.map(({ sheets }) => metaOf(sheets).letterForm));
    for (const f of ['appoint/years', 'decision/years_span', 'salutation/range']) expect(forms.has(f), f).toBe(true);
  });

  it('compose varied letters from parts: every order of the sentence and form of the term, Chinese-numeral dates with 廿 and 卅', () => {
    const varied = LETTER_WIDE_FAMILIES.find((f) => f.name === 'letter/prose-varied')!;
    const letters = draws(varied, 'employment_letter', 120);
    const forms = new Set(letters.map(({ sheets }) => metaOf(sheets).letterForm?.split('/')[0]));
    expect([...forms].sort()).toEqual(['appoint', 'post_first', 'salutation', 'subject', 'term_first']);
    const terms = new Set(letters.map(({ sheets }) => metaOf(sheets).letterForm?.split('/')[1]));
    expect([...terms].sort()).toEqual(['labelled_range', 'months', 'range', 'years', 'years_span']);
    const bodies = letters.map(({ sheets }) => sheets[0].body);
    for (const part of [
      '受聘担任',
      '被聘为',
      '一职由',
      '聘为',
      '聘用期限',
      '任期',
      '尊敬的',
      '月廿',
      '卅',
      '兹有',
      '受聘于',
      '身份证号',
      '诚聘您为',
      '为期',
      '起生效',
    ])
      expect(
        bodies.some((b) => b.includes(part)),
        part,
      ).toBe(true);
    // The employer is named in the signature and the seal only, never in the sentences.
    for (const { data, sheets } of letters) {
      if (data.kind !== 'employment_letter') continue;
      const prose = [...sheets[0].body.matchAll(/<p[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]).join('');
      expect(prose).not.toContain(data.enterprise.name);
    }
  });

  it('draw a near-blank back side as the front mirrored and faint, never as readable text', () => {
    const front = draws(CONTRACT_WIDE_FAMILIES[0], 'labor_contract', 1)[0].sheets[1];
    const back = nearBlankBack(new Rng(5), front);
    expect(back.body).toMatch(/transform:scaleX\(-1\);opacity:0\.0\d/);
    expect(back.body).toContain(front.body);
  });
});
