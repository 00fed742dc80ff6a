import type { Kpis, KpiName } from './kpis.js';

/**
 * Below this many cases a rate, mean or median is not ranked: one case resolved on time is a rate of 100 %, and a
 * league table sorted by raw rates is topped by the units that had least to do. Monthly reports' slowest units use it
 * too. docs/KPIS.md explains the rule.
 */
export const MIN_RANKED_CASES = 5;

/** A group of a breakdown before ranking: its KPIs, and how many cases the sort KPI rests on (null for counts). */
export interface Rankable {
  name: string;
  kpis: Kpis;
  base: number | null;
}

/**
 * Orders groups by a KPI and numbers them. A group is ranked when its value is defined and rests on at least
 * minCases cases; ranked groups come first, best first (ties: more cases first, then by name), each with its rank;
 * the others follow in the same order with rank null, undefined values last.
 */
export function rankGroups<G extends Rankable>(groups: G[], sort: KpiName, order: 'asc' | 'desc', minCases: number): (G & { rank: number | null })[] {
  const sign = order === 'asc' ? 1 : -1;
  const ranked = (g: G) => g.kpis[sort] !== null && (g.base === null || g.base >= minCases);
  const sorted = [...groups].sort((a, b) => {
    const ra = ranked(a);
    if (ra !== ranked(b)) return ra ? -1 : 1;
    const x = a.kpis[sort];
    const y = b.kpis[sort];
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    return sign * (x - y) || (b.base ?? 0) - (a.base ?? 0) || a.name.localeCompare(b.name);
  });
  let rank = 0;
  return sorted.map((g) => ({ ...g, rank: ranked(g) ? ++rank : null }));
}
