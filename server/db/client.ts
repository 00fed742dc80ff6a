import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

/** The drizzle handle every use case receives; a transaction has the same type. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** An open database: drizzle on PGlite or on a PostgreSQL pool, and the means to close it. */
export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  /** Runs plain SQL with parameters; used by migrations, locks and LISTEN/NOTIFY plumbing. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The PGlite instance when embedded (for in-process LISTEN/NOTIFY and dumps). */
  pglite?: PGlite;
  /** The pool and its connection string when on a server. */
  pool?: pg.Pool;
  url?: string;
  close(): Promise<void>;
}

// Return timestamps and bigints the same way on both drivers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens the embedded database in a folder (created if missing), or in memory when dir is null. */
export async function openEmbedded(dir: string | null, loadDataDir?: Blob): Promise<Database> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite({
    ...(dir ? { dataDir: path.join(dir, 'pgdata') } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    // node's own PGlite uses INT8 as string; keep numbers consistent with the pg driver.
    parsers: { 20: (v: string) => Number(v) },
  });
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'embedded',
    pglite: client,
    async query<T>(text: string, params: unknown[] = []) {
      const r = await client.query(text, params);
      return r.rows as T[];
    },
    close: () => client.close(),
  };
}

/** Opens a pool on a PostgreSQL server. */
export async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // an idle client's error must not crash the process; queries report their own
  const db = drizzlePg({ client: pool }) as unknown as Db;
  await pool.query('select 1');
  return {
    db,
    kind: 'postgres',
    pool,
    url,
    async query<T>(text: string, params: unknown[] = []) {
      const r = await pool.query(text, params);
      return r.rows as T[];
    },
    close: () => pool.end(),
  };
}

/** Opens the database the configuration names. */
export async function openDatabase(cfg: { DATABASE_URL?: string; dataDir: string; DATABASE_POOL_SIZE?: number }): Promise<Database> {
  return cfg.DATABASE_URL ? openPostgres(cfg.DATABASE_URL, cfg.DATABASE_POOL_SIZE) : openEmbedded(cfg.dataDir);
}
