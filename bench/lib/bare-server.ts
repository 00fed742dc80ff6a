import Fastify from 'fastify';
import pg from 'pg';

/** The reference endpoint: what any HTTP + PostgreSQL service pays for one insert, without the platform's work. */
export interface BareServer {
  baseUrl: string;
  path: string;
  close(): Promise<void>;
}

type Body = { title?: string; description: string; category?: string; location?: { lng: number; lat: number } };

/**
 * A bare Fastify app with a node-postgres pool of the given size and one endpoint doing one INSERT into a simple
 * table, in the same database as the platform, listening on 127.0.0.1 on a free port.
 */
export async function startBareServer(databaseUrl: string, poolSize: number): Promise<BareServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(`create table if not exists bench_bare (
    id uuid primary key default gen_random_uuid(), title text, description text not null, category text,
    lng double precision, lat double precision, created_at timestamptz not null default now())`);
  const app = Fastify({ logger: false });
  app.post('/bare', async (req, reply) => {
    const b = req.body as Body;
    const { rows } = await pool.query<{ id: string }>(
      'insert into bench_bare (title, description, category, lng, lat) values ($1, $2, $3, $4, $5) returning id',
      [b.title ?? null, b.description, b.category ?? null, b.location?.lng ?? null, b.location?.lat ?? null],
    );
    return reply.status(201).send({ id: rows[0]!.id });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('bare server: no listening address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    path: '/bare',
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
