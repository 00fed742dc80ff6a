import { sql, type SQL } from 'drizzle-orm';

/**
 * Several independent writes as one statement — `with w0 as (insert …), w1 as (insert …) select …` — so a busy
 * transaction pays one round trip for them. Every part sees the database as it was before the statement, so no part
 * may read what another writes; PostgreSQL runs each data-modifying part exactly once.
 */
export function oneStatement(writes: readonly SQL[], final: SQL = sql`select 1`): SQL {
  if (!writes.length) return final;
  return sql`with ${sql.join(writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`), sql`, `)} ${final}`;
}
