import pg from 'pg';

/**
 * Samples what the sessions of one database are doing (pg_stat_activity: running on a CPU, waiting for a row lock,
 * for the WAL flush, for the client…) every `everyMs`, on its own connection, until stop(). Shows whether a load is
 * held up inside PostgreSQL — a hot row, commit flushes — or outside it.
 */
export async function startWaitSampler(url: string, database: string, everyMs = 100): Promise<{ stop(): Promise<Map<string, number>> }> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const counts = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ what: string; n: number }>(
        `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'on CPU') else coalesce(state, '?') end as what,
                count(*)::int as n
         from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() group by 1`,
        [database],
      );
      for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return counts;
    },
  };
}

/** The sampled states as shares of all session samples, largest first, e.g. "Lock:transactionid 41 %". */
export function summariseWaits(counts: Map<string, number>, top = 6): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, n]) => `${k} ${Math.round((n / total) * 100)} %`).join(', ');
}
