import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { columnsOf, cubes } from './cubes.js';
import { rowsOf } from '../db/rows.js';

/**
 * Every rollup row and every facts row, in a canonical order and form (jsonb histograms with sorted keys): two
 * snapshots are equal exactly when the cockpit counts the same. Tests compare the state the incremental path left with
 * the one `rebuildRollups` recomputes from the cases.
 */
export async function cockpitSnapshot(db: Db): Promise<string[]> {
  const out: string[] = [];
  const canonical = (_k: string, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v);
  for (const c of cubes) {
    const rows = await rowsOf<Record<string, unknown>>(db, sql.raw(`select * from ${c.table} order by level, block${columnsOf(c).map((k) => `, ${k}`).join('')}`));
    for (const r of rows) out.push(`${c.table} ${JSON.stringify(r, canonical)}`);
  }
  for (const r of await rowsOf(db, sql`select * from cockpit_case_facts order by case_id`)) out.push(`facts ${JSON.stringify(r)}`);
  return out;
}
