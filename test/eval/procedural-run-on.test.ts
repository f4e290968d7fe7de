import { describe, expect, it } from 'vitest';
import { Rng } from './factory/random.js';
import type { Item, LayoutParams } from './procedural/parts.js';
import { runOnBlock } from './procedural/run-on.js';

const params: LayoutParams = {
  font: 'Noto Sans CJK SC',
  valueFont: 'Noto Sans CJK SC',
  sizePt: 12,
  labelStyle: 'plain',
  placement: 'run_on',
  columns: 1,
  colon: '',
  valueShiftMm: 0,
  wrapLines: 1,
  rowGapMm: 2,
  labelColor: '#111',
};

const items: Item[] = [
  { field: 'personName', label: '参保人', value: '余涵丽' },
  { field: 'idNumber', label: '公民身份号码', value: '330106199001011234' },
  { label: '参保状态', value: '正常参保' },
  { field: 'startDate', label: '参保日期', value: '2024年3月1日' },
];

/** The text of the row the drawn wrap ends (the cut pair's head) and of the row after it, tags stripped. */
function cutRows(html: string): { first: string; rest: string } | undefined {
  const m = /<div style="white-space:nowrap">(.*?)<\/div><div style="width:0;min-width:100%">(.*?)<\/div><\/div>/s.exec(html);
  const text = (h: string) => h.replace(/<[^>]*>/g, '').replace(/&[a-z]+;/g, '');
  return m ? { first: text(m[1]), rest: text(m[2]) } : undefined;
}

describe('run-on prose cut by the wrap (proc-R)', () => {
  it('cuts a person’s name with its last one or two characters opening the next row', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 400; seed++) {
      const { html, tags } = runOnBlock(items, params, new Map(), new Rng(seed));
      if (!tags.includes('run-on:value-cut-by-wrap:personName')) continue;
      const rows = cutRows(html)!;
      const head = /余涵?$/.exec(rows.first)?.[0];
      expect(head).toBeDefined();
      expect(rows.rest.startsWith('余涵丽'.slice(head!.length))).toBe(true);
      seen.add(head!);
    }
    expect([...seen].sort()).toEqual(['余', '余涵']);
  });

  it('cuts a date inside its year or after its year or month, never inside its day', () => {
    const heads = new Set<string>();
    for (let seed = 1; seed <= 600; seed++) {
      const { html, tags } = runOnBlock(items, params, new Map(), new Rng(seed));
      if (!tags.includes('run-on:value-cut-by-wrap:startDate')) continue;
      heads.add(/(2024年3月|2024年|202|20)$/.exec(cutRows(html)!.first)?.[0] ?? 'other');
    }
    expect(heads.has('other')).toBe(false);
    expect(heads.size).toBeGreaterThan(1);
  });
});
