/**
 * What recording the cockpit's facts adds to one case action: transactions that update one case the way
 * runCaseAction does (drizzle update … returning), alone (the reference) and followed by recordCaseFacts(), with a
 * change the cockpit counts (a return: −1/+1 deltas) and without one (only updated_at). Cases have facts rows (the
 * rebuild ran after loading them), as in a running deployment. The variants alternate in blocks on one connection.
 * Run: npm run bench:facts [-- transactionsPerVariant=2000 [embedded]]   (on a fresh PostgreSQL database, DATABASE_URL's
 * server or 127.0.0.1:5432; `embedded`: on PGlite in a temporary folder instead)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createDeps } from '../server/boot.js';
import { rebuildRollups } from '../server/cockpit/rebuild.js';
import { loadConfig } from '../server/config.js';
import { ensureInitialData } from '../server/org/initial-data.js';
import type { Deps } from '../server/platform/context.js';
import { recordCaseFacts } from '../server/cockpit/record-facts.js';
import { cases } from '../server/db/schema/cases.js';
import type { Db } from '../server/db/client.js';
import { createBenchDatabase, type BenchDatabase } from './lib/bench-db.js';
import { platformDeps } from './lib/platform.js';
import { startQueryTimer } from './lib/query-timer.js';
import { describeError, machine, median, ms, table } from './lib/stats.js';
import { insertCases, readReference } from './sweep-data.js';

const perVariant = Number(process.argv[2] ?? 2000);
const embedded = process.argv[3] === 'embedded';
const block = 100;
const caseCount = 1000;
const now = new Date('2026-11-20T02:00:00Z');

type Row = typeof cases.$inferSelect;
/** One variant's transaction body: the update, then (unless the reference) recordCaseFacts, timed on its own. */
type Variant = { name: string; update: (tx: Db, id: string) => Promise<Row[]>; facts: boolean };
const touch = (tx: Db, id: string) => tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, id)).returning();
const variants: Variant[] = [
  { name: 'update the case (reference)', update: touch, facts: false },
  { name: 'update + recordCaseFacts, nothing counted changed', update: touch, facts: true },
  {
    name: 'update + recordCaseFacts, a counted change (a return)',
    update: (tx, id) => tx.update(cases).set({ returnCount: sql`${cases.returnCount} + 1`, updatedAt: now }).where(eq(cases.id, id)).returning(),
    facts: true,
  },
];
/** Runs one transaction of a variant; returns the milliseconds recordCaseFacts took in it (0 for the reference). */
async function run(db: Db, v: Variant, id: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await v.update(tx, id);
    if (!v.facts) return 0;
    const start = performance.now();
    await recordCaseFacts(tx, rows);
    return performance.now() - start;
  });
}

const signed = (x: number) => `${x < 0 ? '−' : '+'}${ms(Math.abs(x))}`;
const loadAtStart = os.loadavg();
let bench: BenchDatabase | null = null;
let dataDir: string | null = null;
let failed = false;

/** The platform on PGlite as `serve --demo` without DATABASE_URL builds it, in a temporary folder. */
async function embeddedDeps(): Promise<{ deps: Deps; dataDir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-bench-'));
  const config = loadConfig({ JICENG_BACKGROUND: 'false', JICENG_DATA_DIR: dir, JICENG_DATA_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }, { demo: true });
  const deps = await createDeps(config);
  await ensureInitialData(deps);
  return { deps, dataDir: dir };
}

try {
  if (!embedded) bench = await createBenchDatabase();
  const platform = bench ? await platformDeps(bench.url) : await embeddedDeps();
  const { deps } = platform;
  dataDir = platform.dataDir;
  // The bulk load speaks node-postgres; on PGlite the same calls go to its own query().
  const client = bench ? new pg.Client({ connectionString: bench.url }) : ({ query: async (text: string, params?: unknown[]) => ({ rows: await deps.database.query(text, params) }) } as unknown as pg.Client);
  if (bench) await client.connect();
  await insertCases(client, await readReference(client), now, 1, caseCount);
  const ids = (await client.query<{ id: string }>('select id from cases order by number')).rows.map((r) => r.id);
  if (bench) await client.end();
  await rebuildRollups(deps.db);

  const latencies = variants.map(() => [] as number[]);
  const inFacts = variants.map(() => [] as number[]);
  const cpu = variants.map(() => 0);
  const statements = variants.map(() => 0);
  for (const [v, variant] of variants.entries()) {
    const timer = startQueryTimer();
    await run(deps.db, variant, ids[0]!);
    statements[v] = [...timer.stop().entries()].filter(([k]) => k !== 'begin' && k !== 'commit').reduce((n, [, t]) => n + t.calls, 0);
  }
  let next = 0;
  for (let round = 0; round < perVariant / block; round++) {
    for (const [v, variant] of variants.entries()) {
      const before = process.cpuUsage();
      for (let i = 0; i < block; i++) {
        const id = ids[next++ % ids.length]!;
        const start = performance.now();
        inFacts[v]!.push(await run(deps.db, variant, id));
        latencies[v]!.push(performance.now() - start);
      }
      const used = process.cpuUsage(before);
      cpu[v]! += (used.user + used.system) / 1000;
    }
  }
  await deps.bus.stop();
  await deps.database.close();

  console.log(`\nRecording facts in a case action — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(`database: ${bench ? `PostgreSQL, fresh database ${bench.name}` : 'PGlite (embedded), in a temporary folder'}`);
  console.log(`load average (1, 5, 15 min): ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} at start, ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at end`);
  console.log(`data: ${caseCount.toLocaleString()} open cases with facts rows; ${perVariant.toLocaleString()} transactions per variant in blocks of ${block}, one connection\n`);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ref = { lat: mean(latencies[0]!), cpu: cpu[0]! / perVariant };
  // The commit's WAL flush dominates a transaction and comes in steps of the VM's timer here, so the transaction's
  // median jumps by whole steps; the mean and the time of the recordCaseFacts call itself are the figures to compare.
  console.log(table(
    ['transaction', 'statements (no begin/commit)', 'median ms', 'mean ms', 'recordCaseFacts median ms', 'node CPU ms / tx', 'vs reference: mean ms / CPU ms'],
    variants.map((v, i) => {
      const lat = mean(latencies[i]!);
      const c = cpu[i]! / perVariant;
      return [v.name, bench ? String(statements[i]) : '—', ms(median(latencies[i]!)), ms(lat), v.facts ? ms(median(inFacts[i]!)) : '—', ms(c), i === 0 ? '—' : `${signed(lat - ref.lat)} / ${signed(c - ref.cpu)}`];
    }),
  ));
} catch (e) {
  failed = true;
  console.error(describeError(e));
} finally {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  await bench?.drop();
}
process.exit(failed ? 1 : 0);
