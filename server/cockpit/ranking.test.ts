import { describe, expect, it } from 'vitest';
import type { Kpis } from './kpis.js';
import { rankGroups } from './ranking.js';

const group = (name: string, rate: number | null, base: number) => ({ name, kpis: { resolvedOnTimeRate: rate, received: base } as Kpis, base });

describe('league-table ranks', () => {
  it('a unit with one case resolved on time does not top units with many', () => {
    const out = rankGroups([group('一件单位', 1, 1), group('大单位', 0.93, 400), group('中单位', 0.95, 40), group('四件单位', 1, 4)], 'resolvedOnTimeRate', 'desc', 5);
    expect(out.map((g) => [g.name, g.rank])).toEqual([['中单位', 1], ['大单位', 2], ['四件单位', null], ['一件单位', null]]);
  });

  it('ties go to the unit with more cases; undefined values come last; ascending works the same way', () => {
    const groups = [group('甲', 0.9, 10), group('乙', 0.9, 50), group('丙', null, 0), group('丁', 0.5, 6)];
    expect(rankGroups(groups, 'resolvedOnTimeRate', 'desc', 5).map((g) => [g.name, g.rank])).toEqual([['乙', 1], ['甲', 2], ['丁', 3], ['丙', null]]);
    expect(rankGroups(groups, 'resolvedOnTimeRate', 'asc', 5).map((g) => [g.name, g.rank])).toEqual([['丁', 1], ['乙', 2], ['甲', 3], ['丙', null]]);
  });

  it('counts rest on no sample, so every group with cases is ranked; minCases 0 ranks every defined value', () => {
    const counts = [{ name: 'a', kpis: { received: 1 } as Kpis, base: null }, { name: 'b', kpis: { received: 3 } as Kpis, base: null }];
    expect(rankGroups(counts, 'received', 'desc', 5).map((g) => [g.name, g.rank])).toEqual([['b', 1], ['a', 2]]);
    expect(rankGroups([group('x', 1, 1), group('y', 0.5, 2)], 'resolvedOnTimeRate', 'desc', 0).map((g) => g.rank)).toEqual([1, 2]);
  });
});
