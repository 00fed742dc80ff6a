import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { cases } from './schema/cases.js';
import { collectParams } from './named-statement.js';

const dialect = new PgDialect();

describe('collectParams', () => {
  it('gives the values drizzle binds, in its order, for nested statements, arrays, plain values and nulls', () => {
    const inner = (xs: number[]) => sql`select * from unnest(${sql.param(xs)}::int[]) as x(n) where n > ${1} and ${null}::int is null`;
    const q = sql`with a as (${inner([1, 2, 3])}), b as (${inner([])}) select ${'text'}::text, ${sql.raw('1')}, ${[sql.param('x'), 'y']}, ${sql.param({ k: [1] })}::jsonb, ${undefined}`;
    expect(collectParams(q.queryChunks)).toEqual(dialect.sqlToQuery(q).params);
  });

  it('refuses what it cannot read without compiling (columns, inlined values)', () => {
    expect(() => collectParams(sql`select ${cases.id} from cases`.queryChunks)).toThrow();
    expect(() => collectParams(sql`select ${sql`${1}`.inlineParams()}`.queryChunks)).toThrow();
  });
});
