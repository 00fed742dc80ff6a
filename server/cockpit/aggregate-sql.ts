import { sql, type SQL } from 'drizzle-orm';
import { cockpitMeasures } from '../db/schema/cockpit.js';
import type { Cube } from './cubes.js';
import type { Block } from './days.js';
import type { Dims } from './dims.js';
import { placeColumn, topicColumn, type DimFilter, type GroupDim } from './planner.js';

/** SQL pieces of the cockpit's reads: conditions and group expressions for rollups and for the per-case tables. */

const sums = sql.raw(cockpitMeasures.map((m) => `sum(${m})::float8 as ${m}`).join(', '));

/** The conditions of a filter on a rollup the planner chose for it (so every column it needs is there). */
export function cubeConditions(cube: Cube, filter: DimFilter): SQL[] {
  const out: SQL[] = [];
  for (const p of filter.places) out.push(sql`${sql.raw(cube.place === 1 ? 'township' : placeColumn(p.level))} = ${p.id}`);
  if (filter.topic) out.push(sql`${sql.raw(cube.topic === 1 ? 'cat1' : topicColumn(filter.topic.level))} = ${filter.topic.id}`);
  if (filter.channel) out.push(sql`channel = ${filter.channel}`);
  for (const u of filter.units) out.push(sql`unit = ${u}`);
  return out;
}

/** The same conditions on cockpit_case_facts or cockpit_deltas, which hold only the case's own category. */
export function fineConditions(filter: DimFilter, dims: Dims): SQL[] {
  const out: SQL[] = [];
  for (const p of filter.places) out.push(sql`${sql.raw(placeColumn(p.level))} = ${p.id}`);
  if (filter.topic) {
    const ids = dims.descendants(filter.topic.id);
    out.push(sql`category in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  }
  if (filter.channel) out.push(sql`channel = ${filter.channel}`);
  for (const u of filter.units) out.push(sql`unit = ${u}`);
  return out;
}

const joinKey = (cols: string[]) => sql.raw(cols.length ? cols.map((c) => `${c}::text`).join(` || '|' || `) : `''`);

/** The group key of a rollup: the group columns joined by '|' ('' when not grouping). The planner chose a cube that
 *  has every one, so each group names its own column. */
export function cubeGroup(groups: readonly GroupDim[]): SQL {
  return joinKey([...groups]);
}

/** The group key of the per-case tables: categories group by the case's own category, mapped up afterwards. */
export function fineGroup(groups: readonly GroupDim[]): SQL {
  return joinKey(groups.map((g) => (g === 'cat1' || g === 'cat2' ? 'category' : g)));
}

/** Blocks as `(level = ℓ and block in (…)) or …` (the primary key serves each). */
export function blockCondition(blocks: Block[]): SQL {
  const byLevel = new Map<number, Set<number>>();
  for (const b of blocks) byLevel.set(b.level, (byLevel.get(b.level) ?? new Set()).add(b.block));
  const parts = [...byLevel].map(([level, set]) => `(level = ${level} and block in (${[...set].join(', ')}))`);
  return sql.raw(`(${parts.join(' or ') || 'false'})`);
}

const and = (conds: SQL[]) => (conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``);

/**
 * Sums of a rollup over blocks, per block and group. With hist, the rows themselves with their histograms (the
 * caller sums them): merging histograms in SQL costs more than reading them, and histogram rollups are the small ones.
 */
export function cubeQuery(cube: Cube, blocks: Block[], filter: DimFilter, groups: readonly GroupDim[], counts: boolean, hist: boolean): SQL {
  const where = sql`${blockCondition(blocks)}${and(cubeConditions(cube, filter))}`;
  if (hist) {
    const cols = [counts ? sql.raw(cockpitMeasures.join(', ')) : null, sql.raw('accept_hist as ah, resolve_hist as rh')].filter((x): x is SQL => x !== null);
    return sql`select level, block, ${cubeGroup(groups)} as g, ${sql.join(cols, sql`, `)} from ${sql.raw(cube.table)} where ${where}`;
  }
  return sql`select level, block, ${cubeGroup(groups)} as g, ${sums} from ${sql.raw(cube.table)} where ${where} group by level, block, g`;
}

/** Sums of the per-case facts (table cockpit_case_facts) or of the unfolded changes (cockpit_deltas) per day and group. */
export function fineQuery(table: 'cockpit_case_facts' | 'cockpit_deltas', from: number, to: number, filter: DimFilter, dims: Dims, groups: readonly GroupDim[]): SQL {
  return sql`select day, ${fineGroup(groups)} as g, ${sums} from ${sql.raw(table)}
    where day between ${from} and ${to}${and(fineConditions(filter, dims))} group by day, g`;
}

/** Histogram entries of the per-case tables per day and group: (which, bucket, count). */
export function fineHistQuery(table: 'cockpit_case_facts' | 'cockpit_deltas', from: number, to: number, filter: DimFilter, dims: Dims, groups: readonly GroupDim[]): SQL {
  const n = sql.raw(table === 'cockpit_deltas' ? 'sum(sign)' : 'count(*)');
  const where = sql`day between ${from} and ${to}${and(fineConditions(filter, dims))}`;
  const g = fineGroup(groups);
  return sql`select day, ${g} as g, 'a' as w, accept_bucket as b, ${n}::int as n from ${sql.raw(table)} where ${where} and accept_bucket is not null group by day, g, accept_bucket
    union all
    select day, ${g} as g, 'r' as w, resolve_bucket as b, ${n}::int as n from ${sql.raw(table)} where ${where} and resolve_bucket is not null group by day, g, resolve_bucket`;
}
