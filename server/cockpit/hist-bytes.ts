import type { Histogram } from './buckets.js';

/**
 * How rollups store a histogram: 6 bytes per bucket that holds anything — the bucket number as a big-endian int2 and
 * its count as a big-endian int4 (what PostgreSQL's int2send and int4send write) — in ascending bucket order, no zero
 * counts; the empty histogram is zero bytes. A league table reads thousands of these per request: jsonb cost about
 * 25 ms to print in PostgreSQL and as much again to parse in Node for 2.6 MB of text; bytes are copied and decoded
 * in a loop (docs/BENCHMARKS.md, Cockpit).
 */
export const HIST_ENTRY_BYTES = 6;

/** Adds a stored histogram (bytes as node-postgres or PGlite return them) into a histogram. */
export function addBytes(target: Histogram, bytes: Uint8Array | null | undefined): void {
  if (!bytes || bytes.length === 0) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + HIST_ENTRY_BYTES <= bytes.length; i += HIST_ENTRY_BYTES) target.add(view.getInt16(i), view.getInt32(i + 2));
}

/** Encodes (bucket, count) pairs the way rollups store them (for tests and tools). */
export function histBytes(pairs: [number, number][]): Uint8Array {
  const kept = pairs.filter(([, n]) => n !== 0).sort((a, b) => a[0] - b[0]);
  const out = new Uint8Array(kept.length * HIST_ENTRY_BYTES);
  const view = new DataView(out.buffer);
  kept.forEach(([b, n], k) => {
    view.setInt16(k * HIST_ENTRY_BYTES, b);
    view.setInt32(k * HIST_ENTRY_BYTES + 2, n);
  });
  return out;
}

/** SQL: the stored form of (bucket, count) rows, aggregated over a group (`b`, `n`: expressions of the rows). */
export function histAggSql(b: string, n: string): string {
  return `string_agg(int2send((${b})::int2) || int4send((${n})::int4), ''::bytea order by ${b})`;
}

/** SQL: the (k, v) rows of a stored histogram expression (a FROM item aliased `alias`). */
export function histRowsSql(h: string, alias: string): string {
  return `(select (get_byte(${h}, i) << 8) | get_byte(${h}, i + 1) as k,
    (get_byte(${h}, i + 2) << 24) | (get_byte(${h}, i + 3) << 16) | (get_byte(${h}, i + 4) << 8) | get_byte(${h}, i + 5) as v
    from generate_series(0, length(${h}) - ${HIST_ENTRY_BYTES}, ${HIST_ENTRY_BYTES}) i) ${alias}`;
}

/** SQL: two stored histograms merged, buckets that come to zero dropped. */
export function histMergeSql(a: string, b: string): string {
  return `(select coalesce(${histAggSql('k', 's')}, ''::bytea) from (select k, sum(v) as s from (
    select * from ${histRowsSql(a, 'x')} union all select * from ${histRowsSql(b, 'y')}) u group by k having sum(v) <> 0) w)`;
}
