import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/test-db.js';
import { rowsOf } from '../db/rows.js';
import { skipReferenceChecks } from './table-indexes.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.query('create table parents (id int primary key)');
  await database.query('create table children (id int primary key, parent int references parents (id))');
  // A role that is no superuser: a predefined one, because a role created here would outlive the test database.
  await database.query('grant all on parents, children to pg_read_all_data');
});
afterAll(() => database.close());

/** Runs a transaction that is always rolled back, returning what `run` returned. */
async function rolledBack<T>(run: (tx: Database['db']) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await database.db
    .transaction(async (tx) => {
      out = await run(tx);
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return out as T;
}

describe('skipping reference checks in a bulk load', () => {
  it('a superuser’s load skips foreign-key checks until the transaction ends; the key stays', async () => {
    const inserted = await rolledBack(async (tx) => {
      expect(await skipReferenceChecks(tx)).toBe(true);
      await tx.execute(sql`insert into children values (1, 42)`);
      return (await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from children`))[0]!.n;
    });
    expect(inserted).toBe(1);
    const keys = await database.query<{ n: number }>(`select count(*)::int as n from pg_constraint where conrelid = 'children'::regclass and contype = 'f' and convalidated`);
    expect(keys[0]!.n).toBe(1);
    await expect(database.query('insert into children values (2, 43)')).rejects.toThrow(/foreign key/);
  });

  it('any other role gets false, keeps its transaction usable, and still has its references checked', async () => {
    const outcome = await rolledBack(async (tx) => {
      await tx.execute(sql`set local role pg_read_all_data`);
      const skipped = await skipReferenceChecks(tx);
      const error = await tx.transaction((sp) => sp.execute(sql`insert into children values (3, 44)`)).then(() => null, (e: Error) => String(e.cause ?? e.message));
      return { skipped, error };
    });
    expect(outcome.skipped).toBe(false);
    expect(outcome.error).toMatch(/foreign key/);
  });
});
