import { describe, expect, it } from 'vitest';
import { makeDocumentData } from './factory/documents.js';
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
    const heldOut = new Set([...familiesFor('labor_contract'), ...familiesFor('employment_letter')].filter((f) => f.heldOut).map((f) => f.name));
    expect([...named].filter((f) => heldOut.has(f))).toEqual([]);
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

  it('draw a near-blank back side as the front mirrored and faint, never as readable text', () => {
    const front = draws(CONTRACT_WIDE_FAMILIES[0], 'labor_contract', 1)[0].sheets[1];
    const back = nearBlankBack(new Rng(5), front);
    expect(back.body).toMatch(/transform:scaleX\(-1\);opacity:0\.0\d/);
    expect(back.body).toContain(front.body);
  });
});
