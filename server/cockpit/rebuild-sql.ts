import { cockpitMeasures } from '../db/schema/cockpit.js';
import { lineageSelect, measureSums } from './cube-sql.js';
import { columnsOf, cubes, type Cube } from './cubes.js';
import { LEVELS } from './days.js';
import { histAggSql } from './hist-bytes.js';

/**
 * SQL of the rebuild. Counts: each rollup's day level is summed from a finer rollup when one has every column it
 * needs (else from the facts), each level above from the level below. Histograms likewise, in staging tables of
 * (block, key, measure, bucket, count) rows: the two finest from the facts, the others from them, each level from the
 * level below; the stored histograms (hist-bytes.ts) are built only when a level is written.
 */

/** Where each rollup's day-level counts come from: a finer rollup when one has every column, else null (the facts). */
export const parentOf: Record<string, string | null> = {
  cockpit_r_utcc: null,
  cockpit_r_ach: null,
  cockpit_r_ac1: null,
  cockpit_r_tc: null,
  cockpit_r_utc: 'cockpit_r_utcc',
  cockpit_r_uch: 'cockpit_r_utcc',
  cockpit_r_au: null,
  cockpit_r_tcc: 'cockpit_r_utcc',
  cockpit_r_unit: 'cockpit_r_utcc',
  cockpit_r_all: 'cockpit_r_tcc',
  cockpit_r_township: 'cockpit_r_tcc',
  cockpit_r_channel: 'cockpit_r_tcc',
  cockpit_r_cat1: 'cockpit_r_tcc',
  cockpit_r_area: 'cockpit_r_ach',
  cockpit_r_category: 'cockpit_r_tc',
};

const lineage = lineageSelect('f');
/** The facts with their categories' first and second levels. */
export const factsSource = `(select f.*, ${lineage.columns} from cockpit_case_facts f ${lineage.joins})`;

const list = (cols: string[], p = '') => cols.map((c) => `, ${p}${c}`).join('');

/** The histogram rollups, each with its number (naming its staging tables hist_<level>_<n>) and its key columns. */
export const histCubes = cubes.filter((c) => c.hist).map((c, gs) => ({ cube: c, gs, keys: c.key }));

/** Where each histogram rollup's day level comes from: the facts, or a finer histogram holding its key columns. */
const histParent: Record<string, string | null> = {
  cockpit_r_utc: null,
  cockpit_r_uch: null,
  cockpit_r_unit: 'cockpit_r_uch',
  cockpit_r_channel: 'cockpit_r_uch',
  cockpit_r_township: 'cockpit_r_utc',
  cockpit_r_cat1: 'cockpit_r_utc',
  cockpit_r_all: 'cockpit_r_township',
};

const depth = (table: string): number => (histParent[table] ? 1 + depth(histParent[table]!) : 0);
/** The histogram rollups in the order their day-level staging tables are made (parents first). */
export const histOrder = [...histCubes].sort((a, b) => depth(a.cube.table) - depth(b.cube.table));

/** Staging table hist_0_<n>: one histogram rollup's count per day, key, measure (1 accept, 2 resolve) and bucket. */
export function histDaySql(h: (typeof histCubes)[number]): string {
  const keys = list(h.keys);
  const parent = histParent[h.cube.table];
  if (parent) {
    const p = histCubes.find((x) => x.cube.table === parent)!;
    return `create temp table hist_0_${h.gs} on commit drop as
      select block${keys}, w, b, sum(n)::int as n from hist_0_${p.gs} group by block${keys}, w, b`;
  }
  return `create temp table hist_0_${h.gs} on commit drop as
    select day as block${keys}, v.w, v.b, count(*)::int as n
    from ${factsSource} f cross join lateral (values (1, f.accept_bucket), (2, f.resolve_bucket)) v(w, b)
    where v.b is not null group by day${keys}, v.w, v.b`;
}

/** The kept level below a level. */
export const below = (level: number) => LEVELS[LEVELS.indexOf(level as (typeof LEVELS)[number]) - 1]!;

/** Staging table of one histogram rollup at a level, from the one below (the blocks it is made of summed). */
export function histUpSql(level: number, gs: number): string {
  const keys = list(histCubes[gs]!.keys);
  const shift = level - below(level);
  return `create temp table hist_${level}_${gs} on commit drop as
    select block >> ${shift} as block${keys}, w, b, sum(n)::int as n from hist_${below(level)}_${gs} group by block >> ${shift}${keys}, w, b`;
}

/** Counts of one rollup's rows at a level: from its parent's day level or the facts (level 0), else its level below. */
function countsSql(cube: Cube, level: number): string {
  const cols = columnsOf(cube);
  if (level > 0) {
    const shift = level - below(level);
    return `select ${level} as level, block >> ${shift} as block${list(cols)}, ${measureSums('s')} from ${cube.table} s where level = ${below(level)} group by block >> ${shift}${list(cols)}`;
  }
  const from = parentOf[cube.table];
  return from
    ? `select 0 as level, block${list(cols)}, ${measureSums('s')} from ${from} s where level = 0 group by block${list(cols)}`
    : `select 0 as level, day as block${list(cols)}, ${measureSums('s')} from ${factsSource} s group by day${list(cols)}`;
}

/** Writes one level of one rollup; histogram rollups join their histograms from the staging table of that level. */
export function levelSql(cube: Cube, level: number): string {
  const cols = columnsOf(cube);
  const counts = countsSql(cube, level);
  const h = histCubes.find((x) => x.cube === cube);
  if (!h) return `insert into ${cube.table} (level, block${list(cols)}, ${cockpitMeasures.join(', ')}) ${counts}`;
  const hist = `select block${list(h.keys)}, ${histAggSql('b', 'n')} filter (where w = 1) as ah, ${histAggSql('b', 'n')} filter (where w = 2) as rh
    from hist_${level}_${h.gs} group by block${list(h.keys)}`;
  return `insert into ${cube.table} (level, block${list(cols)}, ${cockpitMeasures.join(', ')}, accept_hist, resolve_hist)
    select c.level, c.block${list(cols, 'c.')}, ${cockpitMeasures.map((m) => `c.${m}`).join(', ')}, coalesce(h.ah, ''::bytea), coalesce(h.rh, ''::bytea)
    from (${counts}) c left join (${hist}) h on ${['block', ...h.keys].map((k) => `h.${k} = c.${k}`).join(' and ')}`;
}
