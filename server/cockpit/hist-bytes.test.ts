import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/test-db.js';
import { BUCKET_COUNT, Histogram } from './buckets.js';
import { addBytes, histAggSql, histBytes, histMergeSql, histRowsSql } from './hist-bytes.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A bytea value as SQL text, so the tests do not depend on how a driver binds bytes. */
const lit = (bytes: Uint8Array) => `'\\x${Buffer.from(bytes).toString('hex')}'::bytea`;
const bytesOf = async (query: string) => {
  const [row] = await database.query<{ h: Uint8Array }>(query);
  return Buffer.from(row!.h);
};
const counts = (bytes: Uint8Array) => {
  const h = new Histogram();
  addBytes(h, bytes);
  return h.counts ? [...h.counts.entries()].filter(([, n]) => n !== 0) : [];
};

describe('stored histograms (6 bytes per bucket)', () => {
  const pairs: [number, number][] = [[0, 3], [127, 1], [BUCKET_COUNT - 1, 70_000], [300, 2]];

  it('SQL aggregates (bucket, count) rows into exactly the bytes the TypeScript encoder writes, in bucket order', async () => {
    const rows = pairs.map(([b, n]) => `(${b}, ${n})`).join(', ');
    const sqlBytes = await bytesOf(`select ${histAggSql('b', 'n')} as h from (values ${rows}) v(b, n)`);
    expect(sqlBytes).toEqual(Buffer.from(histBytes(pairs)));
    expect(sqlBytes.length).toBe(4 * 6);
    expect(counts(sqlBytes)).toEqual([[0, 3], [127, 1], [300, 2], [BUCKET_COUNT - 1, 70_000]]);
  });

  it('SQL reads the bytes back as rows, negative counts (changes taking cases out) included', async () => {
    const withNegative = histBytes([[5, -2], [800, -70_000], [6, 1]]);
    const rows = await database.query<{ k: number; v: number }>(`select k, v from ${histRowsSql(lit(withNegative), 'r')} order by k`);
    expect(rows.map((r) => [Number(r.k), Number(r.v)])).toEqual([[5, -2], [6, 1], [800, -70_000]]);
    expect(counts(withNegative)).toEqual([[5, -2], [6, 1], [800, -70_000]]);
    expect(await database.query(`select * from ${histRowsSql(`''::bytea`, 'r')}`)).toEqual([]);
  });

  it('merging adds counts bucket by bucket and drops buckets that come to zero, down to the empty histogram', async () => {
    const a = histBytes([[1, 2], [200, 5], [400, 1]]);
    const b = histBytes([[1, -2], [200, 1], [250, 7]]);
    expect(await bytesOf(`select ${histMergeSql(lit(a), lit(b))} as h`)).toEqual(Buffer.from(histBytes([[200, 6], [250, 7], [400, 1]])));
    const gone = histBytes([[200, -5], [400, -1], [1, -2]]);
    expect((await bytesOf(`select ${histMergeSql(lit(a), lit(gone))} as h`)).length).toBe(0);
    expect(await bytesOf(`select ${histMergeSql(`''::bytea`, lit(b))} as h`)).toEqual(Buffer.from(b));
  });
});
