import { describe, expect, it } from 'vitest';
import { BROWSER_KEYS, CASE_KEYS } from '../../web/src/key-map.js';

describe("the case view's keys", () => {
  it('binds no key the browser keeps for itself (Alt+D address bar, Alt+E/Alt+F menu, Ctrl+W/T/L/R…)', () => {
    const reserved = new Set(BROWSER_KEYS.map((k) => k.toLowerCase()));
    const clashes = CASE_KEYS.filter((k) => reserved.has(k.keys.toLowerCase()));
    expect(clashes).toEqual([]);
  });

  it('binds each key once', () => {
    const keys = CASE_KEYS.map((k) => k.keys.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
