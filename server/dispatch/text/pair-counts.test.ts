import { describe, expect, it } from 'vitest';
import { mulberry32 } from './hash.js';
import { PairCounts } from './pair-counts.js';

describe('PairCounts', () => {
  it('adds weights of unordered pairs exactly as a map would, across table growth', () => {
    const n = 3000;
    const random = mulberry32(9);
    const pairs = new PairCounts(n, 16);
    const expected = new Map<string, number>();
    for (let t = 0; t < 20_000; t++) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * 40);
      if (a === b) continue;
      const w = 1 / (1 + (t % 5));
      pairs.add(a, b, w);
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      expected.set(key, Math.fround((expected.get(key) ?? 0) + w));
    }
    expect(pairs.size).toBe(expected.size);
    let seen = 0;
    pairs.forEach((a, b, w) => {
      expect(a).toBeLessThan(b);
      expect(w).toBe(expected.get(`${a},${b}`));
      seen++;
    });
    expect(seen).toBe(expected.size);
  });

  it('refuses a vocabulary whose pair keys would not fit in 32 bits', () => {
    expect(() => new PairCounts(70_000)).toThrow(RangeError);
  });
});
