import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { AppError } from '../platform/errors.js';
import { projectRoot } from '../platform/paths.js';
import type { Database } from './client.js';

/** The folder of drizzle-kit's SQL migrations (the same in a checkout and next to the build). */
export const migrationsFolder = path.join(projectRoot, 'server', 'db', 'migrations');

// One fixed key: every instance that migrates takes this lock, so two servers booting together never race.
const MIGRATION_LOCK_KEY = 7_100_202_611;

/** Applies pending migrations under a PostgreSQL advisory lock. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'embedded') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** Counts migrations in the folder that the database has not applied yet. */
export async function pendingMigrations(database: Database): Promise<number> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const files = readMigrationFiles({ migrationsFolder });
  const exists = await database.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists[0]?.t) return files.length;
  const applied = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return Math.max(0, files.length - (applied[0]?.n ?? 0));
}

/** Applies migrations, or with JICENG_MIGRATIONS=refuse fails when any are pending (for controlled rollouts). */
export async function migrateOrRefuse(database: Database, mode: 'apply' | 'refuse'): Promise<void> {
  if (mode === 'apply') return migrate(database);
  const pending = await pendingMigrations(database);
  if (pending > 0) {
    throw new AppError('config_invalid', `数据库有 ${pending} 个待执行的迁移 (${pending} pending migrations); run \`npx jiceng migrate\` first`);
  }
}
