import { cockpitMeasures, minuteMeasures } from '../db/schema/cockpit.js';
import { columnsOf, type Cube } from './cubes.js';
import { LEVELS } from './days.js';
import { NONE } from './facts.js';
import { histAggSql, histMergeSql } from './hist-bytes.js';

/**
 * SQL shared by the fold job and the rebuild: how a row keyed by the case's own category gets its first- and
 * second-level categories, and how rows of facts or deltas are summed into a cube at every level.
 */

/** Joins categories to a relation aliased `alias` with a `category` column, adding cat1 and cat2 (the deepest
 *  available when the case's category is itself higher up; NONE without a category). */
export function lineageSelect(alias: string): { columns: string; joins: string } {
  return {
    columns: `coalesce(case k.level when 1 then k.id when 2 then k.parent_id else kp.parent_id end, '${NONE}'::uuid) as cat1,
      coalesce(case k.level when 1 then k.id when 2 then k.id else k.parent_id end, '${NONE}'::uuid) as cat2`,
    joins: `left join categories k on k.id = ${alias}.category left join categories kp on kp.id = k.parent_id`,
  };
}

const sumType = (m: string) => (minuteMeasures.includes(m as never) ? 'int8' : 'int4');

/** `sum(m)::type as m` for every measure, read from alias. */
export function measureSums(alias: string): string {
  return cockpitMeasures.map((m) => `sum(${alias}.${m})::${sumType(m)} as ${m}`).join(', ');
}


/**
 * CTEs that add signed rows of `src` (columns day, the dimension columns, the measures, sign, accept_bucket,
 * resolve_bucket) into one cube at every kept level, with an upsert. `n` names the CTEs uniquely.
 */
export function cubeUpsertCtes(cube: Cube, src: string, n: string): string {
  const cols = columnsOf(cube);
  const colList = cols.map((c) => `${c}`).join(', ');
  const keyList = cube.key.join(', ');
  const lead = (p: string) => (cols.length ? `, ${cols.map((c) => `${p}.${c}`).join(', ')}` : '');
  const levels = `(select unnest(array[${LEVELS.join(', ')}]) as level)`;
  const parts: string[] = [];
  parts.push(`s_${n} as (select lv.level, x.day >> lv.level as block${lead('x')}, ${measureSums('x')}
    from ${src} x cross join ${levels} lv group by lv.level, 2${lead('x')})`);
  const hist = (which: 'accept' | 'resolve') =>
    `h${which[0]}_${n} as (select level, block${cube.key.length ? `, ${keyList}` : ''}, ${histAggSql('b', 'c')} as h from (
      select lv.level, x.day >> lv.level as block${cube.key.map((k) => `, x.${k}`).join('')}, x.${which}_bucket as b, sum(x.sign)::int as c
      from ${src} x cross join ${levels} lv where x.${which}_bucket is not null
      group by lv.level, 2${cube.key.map((k) => `, x.${k}`).join('')}, x.${which}_bucket having sum(x.sign) <> 0) q
      group by level, block${cube.key.length ? `, ${keyList}` : ''})`;
  if (cube.hist) parts.push(hist('accept'), hist('resolve'));
  const using = `using (level, block${cube.key.length ? `, ${keyList}` : ''})`;
  const histCols = cube.hist ? ', accept_hist, resolve_hist' : '';
  const histVals = cube.hist ? `, coalesce(ha.h, ''::bytea), coalesce(hr.h, ''::bytea)` : '';
  const histJoins = cube.hist ? `left join ha_${n} ha ${using} left join hr_${n} hr ${using}` : '';
  const sets = [
    ...cockpitMeasures.map((m) => `${m} = t.${m} + excluded.${m}`),
    ...(cube.hist ? ['accept_hist', 'resolve_hist'].map((h) => `${h} = ${histMergeSql(`t.${h}`, `excluded.${h}`)}`) : []),
  ];
  parts.push(`i_${n} as (insert into ${cube.table} as t (level, block${colList ? `, ${colList}` : ''}, ${cockpitMeasures.join(', ')}${histCols})
    select s.level, s.block${lead('s')}, ${cockpitMeasures.map((m) => `s.${m}`).join(', ')}${histVals}
    from s_${n} s ${histJoins}
    on conflict (level, block${cube.key.length ? `, ${keyList}` : ''}) do update set ${sets.join(', ')})`);
  return parts.join(',\n');
}

/** Deletes a cube's rows that came to zero cases in the given days' blocks (after a case moved to another key). */
export function zeroRowsSql(cube: Cube, days: number[]): string {
  const byLevel: string[] = [];
  for (const level of LEVELS) {
    const blocks = [...new Set(days.map((d) => d >> level))];
    byLevel.push(`(level = ${level} and block in (${blocks.join(', ')}))`);
  }
  return `delete from ${cube.table} where received = 0 and (${byLevel.join(' or ')})`;
}
