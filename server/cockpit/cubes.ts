import type { CockpitDim } from '../db/schema/cockpit.js';

/**
 * The rollups of db/schema/cockpit.ts as the planner sees them. `place` is the deepest place a cube can tell apart
 * (0 none, 1 township, 3 area — area cubes also store township and village); `topic` the deepest category level
 * (0 none, 1 first level, 3 the case's own category — those cubes also store levels 1 and 2). Cubes are listed from
 * the smallest to the largest, and the planner takes the first that can answer.
 */
export interface Cube {
  table: string;
  /** Columns of the primary key after (level, block). */
  key: CockpitDim[];
  /** Columns implied by the key and stored beside it. */
  stored: CockpitDim[];
  place: 0 | 1 | 3;
  topic: 0 | 1 | 3;
  channel: boolean;
  unit: boolean;
  hist: boolean;
}

function cube(table: string, key: CockpitDim[], stored: CockpitDim[], hist: boolean): Cube {
  const has = (d: CockpitDim) => key.includes(d);
  return {
    table,
    key,
    stored,
    place: has('area') ? 3 : has('township') ? 1 : 0,
    topic: has('category') ? 3 : has('cat1') ? 1 : 0,
    channel: has('channel'),
    unit: has('unit'),
    hist,
  };
}

/** Every rollup, smallest first (keep in step with the tables in db/schema/cockpit.ts). */
export const cubes: Cube[] = [
  cube('cockpit_r_all', [], [], true),
  cube('cockpit_r_township', ['township'], [], true),
  cube('cockpit_r_channel', ['channel'], [], true),
  cube('cockpit_r_cat1', ['cat1'], [], true),
  cube('cockpit_r_unit', ['unit'], [], true),
  cube('cockpit_r_area', ['area'], ['township', 'village'], false),
  cube('cockpit_r_category', ['category'], ['cat1', 'cat2'], false),
  cube('cockpit_r_tcc', ['township', 'cat1', 'channel'], [], false),
  cube('cockpit_r_uch', ['unit', 'channel'], [], true),
  cube('cockpit_r_ach', ['area', 'channel'], ['township', 'village'], false),
  cube('cockpit_r_ac1', ['area', 'cat1'], ['township', 'village'], false),
  cube('cockpit_r_tc', ['township', 'category'], ['cat1', 'cat2'], false),
  // The league table of units within a township or a category (and with cockpit_r_uch, a channel), with medians.
  cube('cockpit_r_utc', ['unit', 'township', 'cat1'], [], true),
  cube('cockpit_r_au', ['area', 'unit'], ['township', 'village'], false),
  cube('cockpit_r_utcc', ['unit', 'township', 'cat1', 'channel'], [], false),
];

/** All dimension columns a cube row carries (stored first, then the key), in table order. */
export function columnsOf(c: Cube): CockpitDim[] {
  return [...c.stored, ...c.key];
}
