import pg from 'pg';

/** A throw-away PostgreSQL database for one benchmark run. */
export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database (closing other sessions on it); safe to call twice. */
  drop(): Promise<void>;
}

/** The server benchmarks run on: DATABASE_URL's server when set, else the local one. */
export function adminUrl(env: Record<string, string | undefined> = process.env): string {
  const url = new URL(env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
}

/**
 * Creates jiceng_bench_<timestamp> on the benchmark server. The database is dropped by drop(), and also when the
 * process is interrupted (Ctrl-C), so an aborted run leaves nothing behind.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const admin = adminUrl();
  const name = `jiceng_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(`drop database if exists ${name} with (force)`);
    } finally {
      await c.end();
    }
  };
  const onSignal = () => {
    console.error(`\ninterrupted: dropping ${name}`);
    drop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { name, url: url.toString(), drop };
}
