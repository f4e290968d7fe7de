import { describe, expect, it } from 'vitest';
import { Rng } from './factory/random.js';
import { ALL_PROCEDURAL_FAMILIES, PROCEDURAL_FAMILIES, PROCEDURAL_FLOW_FAMILIES, PROCEDURAL_H3_FAMILIES } from './procedural/families.js';
import { FLOW_TAGS, flowBlock, type Item } from './procedural/parts.js';
import { PLAIN_LAYOUT, textOf } from '../support/procedural-layout.js';

const items = (): Item[] => [
  { field: 'companyName', label: '名称', value: '杭州市西湖区云栖茶饮经营部', long: true },
  { label: '类型', value: '个体工商户' },
  { field: 'legalRepresentative', label: '经营者', value: '蒋文华' },
  { field: 'establishedDate', label: '注册日期', value: '2005年11月03日' },
  { field: 'address', label: '经营场所', value: '浙江省杭州市西湖区紫霞街212号3幢802室', long: true },
  { label: '经营范围', value: '一般项目：技术服务、技术开发。', long: true, wide: true },
];

/** The text of each row of a flowing block, spaces dropped. */
const rowsOf = (html: string): string[] =>
  html
    .split('<div style="display:flex')
    .slice(1)
    .map((row) => textOf(`<div${row}`).replace(/\s+/g, ''));

describe('licences that flow each value into the next row (licence/proc-F)', () => {
  it('ends each row with the next label and opens the next row with its value', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { html, tags } = flowBlock(items(), PLAIN_LAYOUT, new Map(), new Rng(seed));
      const rows = rowsOf(html);
      expect(tags).toContain(FLOW_TAGS.flow);
      expect(rows[0].startsWith('名称杭州市西湖区云栖茶饮经营部')).toBe(true);
      expect(rows[0].endsWith('类型')).toBe(true);
      expect(rows[1]).toBe('个体工商户经营者');
      expect(rows[2].startsWith('蒋文华注册日期')).toBe(true);
      // The address's row ends with 经营范围 or with nothing, its prose then opening a row of its own.
      expect(rows[4].startsWith('浙江省杭州市西湖区紫霞街212号3幢802室')).toBe(true);
      expect(rows[5]).toContain('一般项目');
    }
  });

  it('prints a date’s year after its label at a row’s end and the rest at the next row’s start, tagged', () => {
    const drawn = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => flowBlock(items(), PLAIN_LAYOUT, new Map(), new Rng(seed)));
    const split = drawn.find((d) => d.tags.includes(FLOW_TAGS.dateHead));
    expect(split).toBeDefined();
    const rows = rowsOf(split!.html);
    expect(rows[2]).toBe('蒋文华注册日期2005');
    expect(rows[3].startsWith('年11月03日经营场所')).toBe(true);
  });

  it('is drawn by a seen family listed last, so every other family’s files stay as they were', () => {
    expect(PROCEDURAL_FLOW_FAMILIES.map((f) => f.name)).toEqual(['licence/proc-F']);
    expect(PROCEDURAL_FLOW_FAMILIES.every((f) => !f.heldOut && f.region.placements.join() === 'flow')).toBe(true);
    // Only the held-out proc-H3 families (2026-12-07) come after it, drawn by name alone.
    expect(ALL_PROCEDURAL_FAMILIES.filter((f) => !PROCEDURAL_H3_FAMILIES.includes(f)).at(-1)?.name).toBe('licence/proc-F');
    expect(PROCEDURAL_FAMILIES.some((f) => f.name === 'licence/proc-F')).toBe(false);
  });
});
