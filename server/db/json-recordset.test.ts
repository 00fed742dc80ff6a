import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-db.js';
import type { Database } from './client.js';
import { jsonRecordset, recordsJson } from './json-recordset.js';
import { rowsOf } from './rows.js';

describe('recordsJson', () => {
  it('writes a lone surrogate as U+FFFD, as the UTF-8 a string was sent as before, and leaves the rest as JSON.stringify writes it', () => {
    const text = `a\ud800b 😀 \\ud800 \\\ud83d`;
    const json = recordsJson([{ text }]);
    expect(JSON.parse(json)).toEqual([{ text: 'a\ufffdb 😀 \\ud800 \\\ufffd' }]);
    expect(recordsJson([{ text: '工单 "引号" \\ 换行\n' }])).toBe(JSON.stringify([{ text: '工单 "引号" \\ 换行\n' }]));
  });
});

describe('jsonRecordset', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives the records back as typed columns, nulls and missing keys as null, nested values as jsonb and arrays', async () => {
    const at = new Date('2026-11-22T08:30:00.123Z');
    const records = [
      { i: 1, id: '0c8b6c52-4c7e-4bd8-9d7b-2f1c7d8f0a11', title: '井盖 "缺失" \\ 路口\n第二行 😀', at, lng: 115.68171, ok: true, roles: ['dispatcher', 'handler'], doc: { top: [{ code: 'B0101', confidence: 0.4258 }] } },
      { i: 2, id: '6f1d0a57-3f6e-4a8b-8d0e-5b2c9e7a4c22', title: null, at: null, lng: -0.1, ok: false, roles: [], doc: null },
      { i: 3, id: '9a0e1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b33', title: 'a\ud800b' },
    ];
    const rows = await rowsOf<Record<string, unknown>>(database.db, sql`
      select i, id, title, at, lng, ok, roles, doc
      from ${jsonRecordset(records, 'i int, id uuid, title text, at timestamptz, lng float8, ok boolean, roles text[], doc jsonb')}
      order by i`);
    expect(rows.map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at as string).toISOString() }))).toEqual([
      { i: 1, id: records[0]!.id, title: records[0]!.title, at: at.toISOString(), lng: 115.68171, ok: true, roles: ['dispatcher', 'handler'], doc: records[0]!.doc },
      { i: 2, id: records[1]!.id, title: null, at: null, lng: -0.1, ok: false, roles: [], doc: null },
      { i: 3, id: records[2]!.id, title: 'a\ufffdb', at: null, lng: null, ok: null, roles: null, doc: null },
    ]);
  });
});
