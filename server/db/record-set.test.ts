import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-db.js';
import type { Database } from './client.js';
import { arrayLiteral, recordSet, recordsJson } from './record-set.js';
import { rowsOf } from './rows.js';

describe('recordsJson', () => {
  it('writes a lone surrogate as U+FFFD, as the UTF-8 a string was sent as before, and leaves the rest as JSON.stringify writes it', () => {
    const text = `a\ud800b 😀 \\ud800 \\\ud83d`;
    const json = recordsJson([{ text }]);
    expect(JSON.parse(json)).toEqual([{ text: 'a\ufffdb 😀 \\ud800 \\\ufffd' }]);
    expect(recordsJson([{ text: '工单 "引号" \\ 换行\n' }])).toBe(JSON.stringify([{ text: '工单 "引号" \\ 换行\n' }]));
  });
});

describe('recordSet', () => {
  it('renders array literals quoting every text and escaping only quotes and backslashes', () => {
    expect(arrayLiteral([{ a: 'x' }, { a: null }, { a: 'q"\\' }, { a: 1.5 }, { a: true }, {}], 'a')).toBe('{"x",NULL,"q\\"\\\\",1.5,true,NULL}');
  });

  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives the records back as typed columns, with quotes, backslashes, commas, braces, empty and NULL-like text intact, missing keys as null, JSON values as they were', async () => {
    const at = new Date('2026-11-22T08:30:00.123Z');
    const records = [
      { i: 1, id: '0c8b6c52-4c7e-4bd8-9d7b-2f1c7d8f0a11', title: '井盖 "缺失" \\ 路口,{括号}\n第二行 😀', at: at.toISOString(), lng: 115.68171, ok: true, doc: { top: [{ code: 'B0101', confidence: 0.4258 }] }, ev: { id: 'a"b', n: [1, 2] } },
      { i: 2, id: '6f1d0a57-3f6e-4a8b-8d0e-5b2c9e7a4c22', title: 'NULL', at: null, lng: -0.1, ok: false, doc: null, ev: 'text "in" json' },
      { i: 3, id: '9a0e1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b33', title: 'a\ud800b', doc: { note: 'a\ud800b' } },
      { i: 4, id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d55', title: '' },
    ];
    const rows = await rowsOf<Record<string, unknown>>(database.db, sql`
      select i, id, title, at, lng, ok, doc, ev::text as ev
      from ${recordSet(records, 'i int, id uuid, title text, at timestamptz, lng float8, ok boolean, doc jsonb, ev json')}
      order by i`);
    expect(rows.map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at as string).toISOString(), ev: r.ev === null ? null : JSON.parse(r.ev as string) }))).toEqual([
      { i: 1, id: records[0]!.id, title: records[0]!.title, at: at.toISOString(), lng: 115.68171, ok: true, doc: records[0]!.doc, ev: records[0]!.ev },
      { i: 2, id: records[1]!.id, title: 'NULL', at: null, lng: -0.1, ok: false, doc: null, ev: 'text "in" json' },
      { i: 3, id: records[2]!.id, title: 'a\ufffdb', at: null, lng: null, ok: null, doc: { note: 'a\ufffdb' }, ev: null },
      { i: 4, id: records[3]!.id, title: '', at: null, lng: null, ok: null, doc: null, ev: null },
    ]);
    // No rows at all: an empty set, not an error.
    expect(await rowsOf(database.db, sql`select count(*)::int as n from ${recordSet([], 'i int, doc jsonb')}`)).toEqual([{ n: 0 }]);
  });
});
