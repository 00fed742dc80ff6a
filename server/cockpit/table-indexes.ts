import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

/** What a bulk load may drop for speed (and rebuilds afterwards). */
export interface DropOptions {
  /** Keep primary keys and unique constraints (needed when other tables' foreign keys point at them). */
  keepKeys?: boolean;
  /** Also drop the tables' own foreign keys; re-adding one checks every row in one join instead of one lookup per row. */
  foreignKeys?: boolean;
}

/**
 * Runs a bulk load into tables with their indexes (and, as asked, keys and foreign keys) dropped, then builds them
 * again from their own definitions (pg_get_indexdef / pg_get_constraintdef): one sort per index instead of millions
 * of random inserts. Run inside a transaction, so a failure leaves everything in place.
 */
export async function withoutIndexes<T>(tx: Db, tables: string[], load: () => Promise<T>, options: DropOptions = {}): Promise<T> {
  const names = sql.join(tables.map((t) => sql`${t}`), sql`, `);
  const kinds = [...(options.keepKeys ? [] : ['p', 'u']), ...(options.foreignKeys ? ['f'] : [])];
  const constraints = kinds.length
    ? await rowsOf<{ tbl: string; name: string; def: string }>(tx, sql`
        select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
        from pg_constraint c where c.conrelid::regclass::text in (${names}) and c.contype in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
        order by (c.contype = 'f') desc`)
    : [];
  const indexes = await rowsOf<{ name: string; def: string }>(tx, sql`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i where i.indrelid::regclass::text in (${names})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`);
  for (const c of constraints) await tx.execute(sql.raw(`alter table ${c.tbl} drop constraint "${c.name}"`));
  for (const i of indexes) await tx.execute(sql.raw(`drop index ${i.name}`));
  const result = await load();
  // Keys first (foreign keys may need them), then foreign keys, then the other indexes.
  for (const c of [...constraints].reverse()) await tx.execute(sql.raw(`alter table ${c.tbl} add constraint "${c.name}" ${c.def}`));
  for (const i of indexes) await tx.execute(sql.raw(i.def));
  return result;
}

/**
 * Turns off foreign-key checks for the rest of the transaction (session_replication_role = replica, what pg_restore
 * --disable-triggers does) if the role may — only superusers may — and says whether it did. For bulk loads whose
 * every reference was just read from the referenced table: the keys stay declared and valid, and nothing re-checks
 * ten million rows. A role that may not gets false and nothing changes (a failed SET is rolled back to a savepoint).
 */
export async function skipReferenceChecks(tx: Db): Promise<boolean> {
  try {
    await tx.transaction((sp) => sp.execute(sql`set local session_replication_role = replica`));
    return true;
  } catch {
    return false;
  }
}
