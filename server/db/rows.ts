import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** Runs SQL and returns its rows, the same way on PGlite and node-postgres. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return (res as unknown as { rows: T[] }).rows;
}
