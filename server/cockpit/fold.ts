import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { cubeUpsertCtes, lineageSelect, zeroRowsSql } from './cube-sql.js';
import { cubes } from './cubes.js';

// One folder at a time: two concurrent upserts into the same rollup rows could deadlock.
const FOLD_LOCK = 7_100_202_612;

function foldSql(batch: number): string {
  const lineage = lineageSelect('m');
  return `with moved as (
    delete from cockpit_deltas where id in (select id from cockpit_deltas order by id limit ${batch}) returning *),
  x as (select m.*, ${lineage.columns} from moved m ${lineage.joins}),
  ${cubes.map((c, i) => cubeUpsertCtes(c, 'x', String(i))).join(',\n')}
  select count(*)::int as n, coalesce(array_agg(distinct day), '{}') as days from moved`;
}

/**
 * Moves appended fact changes into the rollups, a batch at a time, each batch in one transaction (so a reader sees a
 * change either in the deltas or in the rollups, never both or neither). Returns how many delta rows were folded;
 * returns 0 at once when another instance is folding.
 */
export async function foldDeltas(db: Db, options: { batch?: number } = {}): Promise<number> {
  const batch = options.batch ?? 5000;
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [lock] = await rowsOf<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${FOLD_LOCK}) as ok`);
      if (!lock?.ok) return -1;
      const [res] = await rowsOf<{ n: number; days: number[] }>(tx, sql.raw(foldSql(batch)));
      const days = (res?.days ?? []).map(Number);
      if (days.length) for (const c of cubes) await tx.execute(sql.raw(zeroRowsSql(c, days)));
      return res?.n ?? 0;
    });
    if (n <= 0) return total;
    total += n;
    if (n < batch) return total;
  }
}
