/**
 * Rows for `INSERT … SELECT … FROM json_to_recordset($n::json) AS x(<columns>)`: the driver sends ONE string however
 * many rows and columns a statement writes. The form it replaced — one array parameter per column, unnested — made
 * node-postgres escape every element of every array (and the JSON values inside them twice over) on the batch's
 * critical path: ~38 µs of the event loop per report at 32 connections, measured in place (docs/BENCHMARKS.md).
 *
 * Each record is an object whose keys are the column names of `columns` (PostgreSQL matches them by name; a key the
 * list does not name is ignored, a column without a key is null). Give times as ISO strings (`toISOString()`), which
 * PostgreSQL reads as timestamptz: a Date would do too, but its toJSON takes JSON.stringify off its fast path (a
 * case row took 7.4 µs with Dates, 5.1 µs with strings, micro-benchmark). A nested object or array becomes the
 * value of a json or jsonb column as it is.
 */
import { sql, type SQL } from 'drizzle-orm';

/**
 * A lone surrogate (a string cut in the middle of a character) is written by JSON.stringify as a `\udXXX` escape,
 * which PostgreSQL rejects when it turns the JSON into text. The array form sent it as UTF-8, where Node writes it as
 * U+FFFD; this does the same. The escape counts only after an even number of backslashes (`\\ud800` is the text
 * `\ud800`, six characters, and stays as it is).
 */
const loneSurrogate = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/** The JSON text of the records, lone surrogates replaced by U+FFFD. */
export function recordsJson(records: readonly object[]): string {
  const text = JSON.stringify(records);
  // Well-formed pairs are written as they are and escapes are lower case, so the replacement (rare) runs only when one is there.
  return text.includes('\\ud') ? text.replace(loneSurrogate, '$1\\ufffd') : text;
}

/** `json_to_recordset(<the records>::json) as x(<columns>)`, e.g. columns `id uuid, title text, at timestamptz`. */
export function jsonRecordset(records: readonly object[], columns: string): SQL {
  return sql`json_to_recordset(${recordsJson(records)}::json) as x(${sql.raw(columns)})`;
}
