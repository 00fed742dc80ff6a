import { createHash } from 'node:crypto';
import { entityKind, Param, SQL, StringChunk } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

const dialect = new PgDialect();

/** Runs SQL text as a named prepared statement: PostgreSQL parses and plans it once per connection, not every time. */
export async function runNamed<T>(db: Db, name: string, text: string, params: unknown[]): Promise<T[]> {
  // drizzle's execute() has no statement name; its session's prepareQuery (public, the query builders' .prepare()) has.
  const prepared = db._.session.prepareQuery({ sql: text, params }, undefined, name, false);
  return ((await prepared.execute()) as unknown as { rows: T[] }).rows;
}

/** A statement form compiled once: its text, name and number of parameters. */
interface Compiled {
  name: string;
  text: string;
  params: number;
}

/** The forms compiled, by prefix and form. */
const forms = new Map<string, Compiled>();

class NotCollectable extends Error {}

/**
 * The parameters drizzle would bind for a built statement, in order, without compiling its text: string chunks give
 * none, a parameter gives its driver value, a plain value itself. Anything else (columns, tables, placeholders,
 * subqueries, inlined parameters) throws NotCollectable, and the caller compiles the statement instead.
 */
export function collectParams(chunks: readonly unknown[], out: unknown[] = []): unknown[] {
  for (const chunk of chunks) {
    if (chunk === undefined || chunk instanceof StringChunk) continue;
    if (chunk instanceof SQL) {
      // sql.inline() marks a statement whose values go into its text.
      if ((chunk as unknown as { shouldInlineParams: boolean }).shouldInlineParams) throw new NotCollectable();
      collectParams(chunk.queryChunks, out);
    } else if (chunk instanceof Param) {
      const mapped = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
      if (mapped instanceof SQL) collectParams([mapped], out);
      else if (mapped !== null && typeof mapped === 'object' && entityKind in (mapped.constructor ?? {})) throw new NotCollectable();
      else out.push(mapped);
    } else if (Array.isArray(chunk)) {
      collectParams(chunk, out);
    } else if (chunk !== null && typeof chunk === 'object' && entityKind in (chunk.constructor ?? {})) {
      throw new NotCollectable();
    } else {
      out.push(chunk);
    }
  }
  return out;
}

/**
 * Runs a built statement as a named prepared one, named after its text (`prefix_<hash>`), for a long statement whose
 * text takes a few forms while its values change: each form is parsed once per connection. `form` is a key the caller
 * gives each shape of its statement: the text is compiled once per form and later calls only collect the values
 * (compiling some 20 kB of SQL cost more than the rest of a small batch's work in the application). The embedded
 * database keeps no named statements and simply runs it.
 */
export async function rowsOfNamed<T>(db: Db, prefix: string, query: SQL, form: string): Promise<T[]> {
  const key = `${prefix}:${form}`;
  const compiled = forms.get(key);
  if (compiled) {
    let params: unknown[] | null;
    try {
      params = collectParams(query.queryChunks);
    } catch (e) {
      if (!(e instanceof NotCollectable)) throw e;
      params = null;
    }
    if (params) {
      // A form key given to two shapes would bind values to the wrong text: the count at least must agree.
      if (params.length !== compiled.params) throw new Error(`statement ${key}: ${params.length} values for a text that takes ${compiled.params}`);
      return runNamed<T>(db, compiled.name, compiled.text, params);
    }
  }
  // The first call of a form, or a statement whose values cannot be collected: compiled in full.
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
  if (!compiled) forms.set(key, { name, text, params: params.length });
  return runNamed<T>(db, name, text, params);
}
