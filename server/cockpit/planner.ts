import { cubes, type Cube } from './cubes.js';

/** What a question may group by: a place level, a category level, the channel or the lead unit. */
export type GroupDim = 'township' | 'village' | 'area' | 'cat1' | 'cat2' | 'category' | 'channel' | 'unit';

/** Levels of the place tree (1 township, 2 village, 3 grid or other area) and of the taxonomy (1, 2, 3). */
export type Level = 1 | 2 | 3;

/** The conditions of a question, all of which hold (the actor's scope is one more place or unit condition). */
export interface DimFilter {
  places: { level: Level; id: string }[];
  topic: { level: Level; id: string } | null;
  channel: string | null;
  units: string[];
}

/** An empty filter: the whole county. */
export const noFilter = (): DimFilter => ({ places: [], topic: null, channel: null, units: [] });

const placeLevel: Partial<Record<GroupDim, Level>> = { township: 1, village: 2, area: 3 };
const topicLevel: Partial<Record<GroupDim, Level>> = { cat1: 1, cat2: 2, category: 3 };

/** The deepest place and category level, and whether channel or unit, a question needs. */
export function needsOf(filter: DimFilter, groups: readonly GroupDim[] = []) {
  return {
    place: Math.max(0, ...filter.places.map((p) => p.level), ...groups.map((g) => placeLevel[g] ?? 0)),
    topic: Math.max(0, filter.topic?.level ?? 0, ...groups.map((g) => topicLevel[g] ?? 0)),
    channel: filter.channel !== null || groups.includes('channel'),
    unit: filter.units.length > 0 || groups.includes('unit'),
  };
}

function covers(cube: Cube, need: ReturnType<typeof needsOf>, hist: boolean): boolean {
  // A cube keyed by township cannot tell villages or grids apart; one keyed by cat1 cannot tell cat2 or leaves apart.
  const placeOk = need.place === 0 || (need.place === 1 ? cube.place >= 1 : cube.place === 3);
  const topicOk = need.topic === 0 || (need.topic === 1 ? cube.topic >= 1 : cube.topic === 3);
  return placeOk && topicOk && (!need.channel || cube.channel) && (!need.unit || cube.unit) && (!hist || cube.hist);
}

/**
 * The smallest rollup that can answer (cubes are listed smallest first), or 'facts' — the per-case facts table, read
 * through its indexes — when none can. With hist, only rollups that keep minute histograms qualify.
 */
export function pickSource(filter: DimFilter, groups: readonly GroupDim[], hist: boolean): Cube | 'facts' {
  const need = needsOf(filter, groups);
  return cubes.find((c) => covers(c, need, hist)) ?? 'facts';
}

/** The column of a cube (or of the facts and delta tables when cube is null) that holds a place or category level. */
export function placeColumn(level: Level): 'township' | 'village' | 'area' {
  return level === 1 ? 'township' : level === 2 ? 'village' : 'area';
}

/** The category column of a level in cubes that store it. */
export function topicColumn(level: Level): 'cat1' | 'cat2' | 'category' {
  return level === 1 ? 'cat1' : level === 2 ? 'cat2' : 'category';
}
