/**
 * The cost of the evidence trail, on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * a fresh database is created and dropped).
 * Run: npm run bench:audit [-- queued=100000]
 *
 * 1. Append: a transaction inserting one row in a plain table (the reference) against the same transaction plus one
 *    audit() call, at 1 and 32 concurrent clients; the two alternate round by round so that drift of a noisy machine
 *    hits both. Median and p99 per transaction, and throughput.
 * 2. Integration: the sequencer's throughput (entries/s) integrating `queued` waiting entries, at batch sizes 1000
 *    (the default) and 5000; then a full `audit verify` over the whole log for comparison.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { openPostgres, type Database } from '../server/db/client.js';
import { migrate } from '../server/db/migrate.js';
import { auditEntries } from '../server/db/schema/audit.js';
import { generateSigningKey } from '../server/audit/checkpoint.js';
import { checkpoint } from '../server/audit/checkpointer.js';
import { sequenceAll } from '../server/audit/sequencer.js';
import { verifyLog } from '../server/audit/verify-log.js';
import type { Actor } from '../server/platform/actor.js';
import { audit } from '../server/platform/audit.js';
import { systemClock } from '../server/platform/clock.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const queuedCount = Number(args.queued ?? 100_000);
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `jiceng_bench_${Date.now().toString(36)}`;
const withDb = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

const actor: Actor = { id: randomUUID(), username: 'bench', displayName: '压测', role: 'handler', unitId: randomUUID(), unitPath: '/', scopePath: '/' };
const input = (i: number) => ({
  action: 'case.accept',
  subjectType: 'case',
  subjectId: randomUUID(),
  changes: { status: { before: 'dispatched', after: 'accepted' } },
  reason: i % 3 === 0 ? '已签收，安排人员现场核实' : null,
});

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (ns: bigint) => Number(ns) / 1e6;

async function main(): Promise<void> {
  const admin = await openPostgres(baseUrl, 1);
  await admin.query(`create database ${name}`);
  let database: Database | null = null;
  try {
    database = await openPostgres(withDb(baseUrl, name), 40);
    await migrate(database);
    const [{ version }] = (await database.query<{ version: string }>('select version()')) as [{ version: string }];
    const key = generateSigningKey();
    const config = loadConfig({ DATABASE_URL: withDb(baseUrl, name), JICENG_AUDIT_SIGNING_KEY: key.privateKeyPem, JICENG_AUDIT_HASH: 'sm3', JICENG_DATA_KEY: '0'.repeat(64) });
    const deps = { db: database.db, config, clock: systemClock };
    await database.query('create table bench_plain (id bigserial primary key, at timestamptz not null, subject text not null, payload jsonb)');

    const plain = (i: number) =>
      deps.db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_plain (at, subject, payload) values (now(), ${randomUUID()}, ${JSON.stringify({ i })}::jsonb)`);
      });
    const plainTwice = (i: number) =>
      deps.db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_plain (at, subject, payload) values (now(), ${randomUUID()}, ${JSON.stringify({ i })}::jsonb)`);
        await tx.execute(sql`insert into bench_plain (at, subject, payload) values (now(), ${randomUUID()}, ${JSON.stringify({ i })}::jsonb)`);
      });
    const audited = (i: number) =>
      deps.db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_plain (at, subject, payload) values (now(), ${randomUUID()}, ${JSON.stringify({ i })}::jsonb)`);
        await audit({ db: tx, clock: systemClock, actor, meta: { requestId: randomUUID(), clientAddress: '10.1.2.3' } }, input(i));
      });

    /** Runs `perClient` transactions on each of `clients` workers; returns latencies (ms) and wall time (s). */
    async function load(run: (i: number) => Promise<void>, clients: number, perClient: number) {
      const latencies: number[] = [];
      const start = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let k = 0; k < perClient; k++) {
            const t0 = process.hrtime.bigint();
            await run(c * perClient + k);
            latencies.push(ms(process.hrtime.bigint() - t0));
          }
        }),
      );
      return { latencies, seconds: ms(process.hrtime.bigint() - start) / 1000 };
    }

    const lines: string[] = [];
    const out = (l: string) => {
      lines.push(l);
      console.log(l);
    };
    out(`audit-append on ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, ${new Date().toISOString()}`);
    out(`${version.split(' on ')[0]} (local, synchronous_commit on), hash sm3`);
    out('');
    out('| clients | transaction | median ms | p99 ms | tx/s | cost vs reference: median latency / capacity (1/tx/s) |');
    out('| --- | --- | --- | --- | --- | --- |');
    const variants = [
      ['plain', 'insert 1 row (reference)', plain],
      ['twice', 'insert 2 rows (one more statement)', plainTwice],
      ['audited', 'insert 1 row + audit()', audited],
    ] as const;
    for (const [, , fn] of variants) await load(fn, 8, 100); // warm-up: connections, plans, JIT of every path
    /** Keeps the sequencer integrating while the clients write, as the background job does (every 100 ms). */
    const sequencerAlongside = () => {
      let on = true;
      const done = (async () => {
        while (on) {
          await sequenceAll(deps);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      return async () => {
        on = false;
        await done;
      };
    };
    for (const [clients, perClient, rounds, withSequencer] of [[1, 100, 20, false], [32, 25, 12, false], [32, 25, 12, true]] as const) {
      const stop = withSequencer ? sequencerAlongside() : null;
      const results = new Map(variants.map(([key]) => [key, { lat: [] as number[], s: 0, n: 0 }]));
      for (let r = 0; r < rounds; r++) {
        for (const [key, , fn] of variants) {
          const { latencies, seconds } = await load(fn, clients, perClient);
          const acc = results.get(key)!;
          acc.lat.push(...latencies);
          acc.s += seconds;
          acc.n += latencies.length;
        }
      }
      await stop?.();
      const base = results.get('plain')!;
      const baseMedian = quantile(base.lat.sort((a, b) => a - b), 0.5);
      const baseRate = base.n / base.s;
      for (const [key, what] of variants) {
        const acc = results.get(key)!;
        const sorted = acc.lat.sort((a, b) => a - b);
        const rate = acc.n / acc.s;
        // Per-transaction cost at load: the capacity one more transaction of this kind uses beyond the reference.
        const cost = key === 'plain' ? '—' : `+${(quantile(sorted, 0.5) - baseMedian).toFixed(3)} ms / +${(1000 / rate - 1000 / baseRate).toFixed(3)} ms`;
        out(`| ${clients}${withSequencer ? ' (sequencer running)' : ''} | ${what} | ${quantile(sorted, 0.5).toFixed(3)} | ${quantile(sorted, 0.99).toFixed(3)} | ${Math.round(rate)} | ${cost} |`);
      }
    }
    out('');
    out(`| sequencer batch | entries integrated | seconds | entries/s |`);
    out('| --- | --- | --- | --- |');
    await sequenceAll(deps); // the append runs above queued entries too; integrate them first
    for (const max of [1000, 5000]) {
      for (let i = 0; i < queuedCount; i += 5000) {
        await deps.db.insert(auditEntries).values(
          Array.from({ length: Math.min(5000, queuedCount - i) }, (_, k) => ({ at: new Date(), actorId: actor.id, actorRole: actor.role, unitId: actor.unitId, requestId: randomUUID(), clientAddress: '10.1.2.3', ...input(i + k) })),
        );
      }
      const t0 = process.hrtime.bigint();
      const r = await sequenceAll(deps, { max });
      const seconds = ms(process.hrtime.bigint() - t0) / 1000;
      out(`| ${max} | ${r.sequenced.toLocaleString('en')} | ${seconds.toFixed(2)} | ${Math.round(r.sequenced / seconds).toLocaleString('en')} |`);
    }
    const c0 = process.hrtime.bigint();
    const cp = await checkpoint(deps);
    out('');
    out(`checkpoint of ${cp?.treeSize.toLocaleString('en')} entries: ${ms(process.hrtime.bigint() - c0).toFixed(1)} ms`);
    const v0 = process.hrtime.bigint();
    const v = await verifyLog(deps, { trustedKeyIds: [key.keyId] });
    const vs = ms(process.hrtime.bigint() - v0) / 1000;
    out(`audit verify of ${v.treeSize.toLocaleString('en')} entries: ${vs.toFixed(1)} s (${Math.round(v.treeSize / vs).toLocaleString('en')} entries/s), ${v.ok ? 'intact' : `${v.problems.length} problems`}`);
  } finally {
    await database?.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

await main();
