/**
 * Rows for `INSERT … SELECT … FROM <rows> AS x(<columns>)`, sent as a few strings whatever the count of rows: each
 * scalar column as one array literal rendered here, and every JSON column together as one JSON document.
 *
 * Why not node-postgres's arrays, or json_to_recordset? Measured on the intake batch: node-postgres escaped every
 * element of every array parameter with two regular expressions, and the JSON inside text arrays twice over (~38 µs
 * of the event loop per report at 32 connections, measured in place); one JSON document for the whole rows
 * (json_to_recordset) cost the event loop little but PostgreSQL a hash table per row — its backend CPU for 20 case
 * rows went from ~530 to ~650-790 µs (`json_to_recordset` against `unnest`, scratch micro-benchmark), on the batch's
 * critical path. Here the application renders array literals quoting only what needs it, and PostgreSQL parses
 * arrays, as before, plus one jsonb document for the JSON columns (docs/BENCHMARKS.md).
 *
 * Each record is an object whose keys are the column names of `columns` (a missing key is null). A Date is written as
 * its ISO string. A value of a json or jsonb column is any JSON value (an object, an array); a json column's comes back
 * through jsonb (its keys in jsonb's order), and JSON null comes back as SQL NULL.
 */
import { sql, type SQL } from 'drizzle-orm';

/**
 * A lone surrogate (a string cut in the middle of a character) is written by JSON.stringify as a `\udXXX` escape,
 * which PostgreSQL rejects. Node writes it as U+FFFD in UTF-8 (as in the array literals); this does the same in JSON.
 * The escape counts only after an even number of backslashes (`\\ud800` is the text `\ud800`, six characters).
 */
const loneSurrogate = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/** The JSON text of values, lone surrogates replaced by U+FFFD. */
export function recordsJson(values: readonly unknown[]): string {
  const text = JSON.stringify(values);
  // Well-formed pairs are written as they are and escapes are lower case, so the replacement (rare) runs only when one is there.
  return text.includes('\\ud') ? text.replace(loneSurrogate, '$1\\ufffd') : text;
}

/**
 * Rewrites a JSON value of each row in SQL, for a caller that runs an INSERT as part of a larger statement: `index[k]`
 * is a number the k-th row carries into SQL as `i` (the intake writer's: the place of the row's case in the batch, whose
 * number the statement counts), and `value(v, i)` gives the jsonb to store from the row's value `v` (jsonb) and `i`.
 */
export interface JsonFill {
  index: readonly number[];
  value: (v: SQL, i: SQL) => SQL;
}

const needsEscape = /["\\]/;

/** One element of a PostgreSQL array literal: NULL, or the value's text in double quotes (escaped only if it must be). */
function element(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return needsEscape.test(v) ? `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `"${v.toISOString()}"`;
  throw new TypeError(`array literal: unsupported value ${typeof v}`);
}

/** The array literal of one column of the records: `{"a",NULL,"b"}`. */
export function arrayLiteral(records: readonly object[], key: string): string {
  let out = '{';
  for (let r = 0; r < records.length; r++) {
    if (r) out += ',';
    out += element((records[r] as Record<string, unknown>)[key]);
  }
  return `${out}}`;
}

/**
 * `(<the records as rows>) as x(<columns>)`, e.g. columns `id uuid, title text, at timestamptz, doc jsonb`: one array
 * literal parameter per scalar column, unnested, and one jsonb document for the json and jsonb columns.
 */
export function recordSet(records: readonly object[], columns: string): SQL {
  const cols = columns.split(',').map((c) => {
    const [name, ...type] = c.trim().split(/\s+/);
    return { name: name!, type: type.join(' ') };
  });
  const json = cols.filter((c) => c.type === 'json' || c.type === 'jsonb');
  const scalar = cols.filter((c) => !json.includes(c));
  if (!scalar.length) throw new Error('recordSet: rows need a column that is not JSON');
  const arrays = sql.join(scalar.map((c) => sql`${arrayLiteral(records, c.name)}::${sql.raw(c.type)}[]`), sql`, `);
  // Each record's JSON values as one array [[v1, v2, …], …], indexed by the row's place.
  const doc = json.length ? recordsJson(records.map((r) => json.map((c) => (r as Record<string, unknown>)[c.name] ?? null))) : null;
  const picks = json.map((c, j) => sql.raw(`, nullif(d.v -> (u.o::int - 1) -> ${j}, 'null'::jsonb)${c.type === 'json' ? '::json' : ''} as ${c.name}`));
  // A materialized CTE, so that the document is parsed once however the join is planned.
  return sql`(${doc === null ? sql`` : sql`with d as materialized (select ${doc}::jsonb as v) `}select ${sql.raw(scalar.map((c) => `u.${c.name}`).join(', '))}${sql.join(picks)}
    from unnest(${arrays}) with ordinality as u(${sql.raw(scalar.map((c) => c.name).join(', '))}, o)${doc === null ? sql`` : sql`, d`}) as x`;
}
