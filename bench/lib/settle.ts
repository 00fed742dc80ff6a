import pg from 'pg';

/**
 * Lets the database settle before a measured run, so that a run does not pay for the writes of the one before it
 * (autovacuum of a table that just took 70,000 rows, a checkpoint falling due): vacuums and analyses the database and
 * forces a checkpoint. Returns how long that took, to print beside the figures.
 */
export async function settle(url: string): Promise<{ ms: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = performance.now();
    await client.query('vacuum (analyze)');
    await client.query('checkpoint');
    return { ms: performance.now() - start };
  } finally {
    await client.end();
  }
}
