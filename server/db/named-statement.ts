import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

const dialect = new PgDialect();

/** Runs SQL text as a named prepared statement: PostgreSQL parses and plans it once per connection, not every time. */
export async function runNamed<T>(db: Db, name: string, text: string, params: unknown[]): Promise<T[]> {
  // drizzle's execute() has no statement name; its session's prepareQuery (public, the query builders' .prepare()) has.
  const prepared = db._.session.prepareQuery({ sql: text, params }, undefined, name, false);
  return ((await prepared.execute()) as unknown as { rows: T[] }).rows;
}

/**
 * Runs a built statement as a named prepared one, named after its text (`prefix_<hash>`), for a long statement whose
 * text takes a few forms while its values change: each form is parsed once per connection. The embedded database
 * keeps no named statements and simply runs it.
 */
export async function rowsOfNamed<T>(db: Db, prefix: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (!name) names.set(text, (name = `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`));
  return runNamed<T>(db, name, text, params);
}

/** The names given to statement texts (a few per caller). */
const names = new Map<string, string>();
