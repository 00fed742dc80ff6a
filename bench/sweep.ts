/**
 * The deadline sweep at scale: 1,000,000 open cases of which exactly 10,000 are overdue; times sweepDeadlines()
 * finding and escalating them, against a naive query that finds the same cases by scanning the table.
 * Run: npm run bench:sweep [-- cases=1000000 [batchSize]]   (batchSize: the sweeper's own default unless given;
 * DATABASE_URL picks the PostgreSQL server; default 127.0.0.1:5432)
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sweepDeadlines } from '../server/sla/sweep.js';
import { createBenchDatabase } from './lib/bench-db.js';
import { platformDeps } from './lib/platform.js';
import { describeError, machine, median, ms, table } from './lib/stats.js';
import { startQueryTimer, type QueryTimes } from './lib/query-timer.js';
import { insertCases, makeOverdue, readReference, withoutSecondaryIndexes } from './sweep-data.js';

const total = Number(process.argv[2] ?? 1_000_000);
const batchSize = process.argv[3] ? Number(process.argv[3]) : undefined;
const overdue = total / 100;
const rounds = 3;
// Friday 20 November 2026, 10:00 in China: a working day, so the supervision orders get a working-day deadline.
const now = new Date('2026-11-20T02:00:00Z');
const chunk = 200_000;

const naiveSql = `select id from cases where status in ('dispatched', 'accepted', 'in_progress') and card <> 'red'
  and (case when status = 'dispatched' then accept_due else resolve_due end) <= $1`;
const indexedSql = `select id from cases where next_sweep_at <= $1 order by next_sweep_at`;

/**
 * Brings what the platform derives from cases up to date after the bulk load, as an operator does after one: when the
 * platform has a cockpit (per-case facts and rollups), its rebuild. The module is looked up at run time, so this
 * benchmark also runs on trees without it. Returns what ran and how long it took, or null.
 */
async function rebuildDerived(deps: Awaited<ReturnType<typeof platformDeps>>['deps']): Promise<{ what: string; ms: number } | null> {
  const modulePath = '../server/cockpit/rebuild.js';
  const mod = (await import(modulePath).catch(() => null)) as { rebuildRollups?: (db: unknown) => Promise<unknown> } | null;
  if (!mod?.rebuildRollups) return null;
  const start = performance.now();
  await mod.rebuildRollups(deps.db);
  return { what: 'cockpit rebuildRollups (case facts and rollups)', ms: performance.now() - start };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const loadAtStart = os.loadavg();
const bench = await createBenchDatabase();
let failed = false;
let openClient: pg.Client | null = null;
let dataDir: string | null = null;
const check = (ok: boolean, what: string) => {
  if (!ok) throw new Error(`check failed: ${what}`);
};
try {
  const platform = await platformDeps(bench.url);
  const { deps } = platform;
  dataDir = platform.dataDir;
  const client = new pg.Client({ connectionString: bench.url });
  client.on('error', () => undefined); // dropping the database ends this session; its query reports any real error
  openClient = client;
  await client.connect();
  const count = async (text: string, params: unknown[] = []) => Number((await client.query(text, params)).rows[0].n);
  const plan = async (text: string) => {
    const rows = (await client.query(`explain ${text.replace('$1', `'${now.toISOString()}'::timestamptz`)}`)).rows as { 'QUERY PLAN': string }[];
    return rows.map((r) => r['QUERY PLAN']).find((l) => /Scan/.test(l))!.replace(/^\s*(->)?\s*/, '').replace(/\s+\(cost.*$/, '');
  };
  await client.query('select setseed(0.42)');
  const ref = await readReference(client);

  console.error(`loading ${total.toLocaleString()} cases…`);
  let indexes = { count: 0, ms: 0 };
  const load = await timed(async () => {
    // Every reference comes from a real row, so foreign-key checks (five lookups per row) are skipped while loading.
    await client.query(`set session_replication_role = replica`);
    indexes = await withoutSecondaryIndexes(client, 'cases', async () => {
      for (let from = 1; from <= total; from += chunk) await insertCases(client, ref, now, from, Math.min(total, from + chunk - 1));
    });
    await client.query(`reset session_replication_role`);
  });
  const facts = await rebuildDerived(deps);
  const vacuum = await timed(async () => {
    await client.query('vacuum analyze cases');
    await client.query('checkpoint');
  });
  const [size] = (await client.query(`select pg_size_pretty(pg_total_relation_size('cases')) as total, pg_size_pretty(pg_relation_size('cases')) as heap`)).rows;
  check((await count(`select count(*) as n from cases`)) === total, `${total} cases loaded`);

  const results: { round: number; naive: number; indexed: number; sweep: number; second: number; escalated: number; queries: QueryTimes; nodeCpu: number }[] = [];
  const plans = { naive: await plan(naiveSql), indexed: await plan(indexedSql) };
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) {
      check((await makeOverdue(client, now, round - 1)) === overdue, `round ${round}: ${overdue} cases made overdue`);
      await client.query('vacuum analyze cases');
      await client.query('checkpoint');
    }
    console.error(`round ${round}: naive scan, indexed find, sweep…`);
    const naive = await timed(() => client.query(naiveSql, [now]));
    const indexed = await timed(() => client.query(indexedSql, [now]));
    check(naive.value.rowCount === overdue && indexed.value.rowCount === overdue, `round ${round}: both queries find ${overdue} (naive ${naive.value.rowCount}, indexed ${indexed.value.rowCount})`);
    const ordersBefore = await count(`select count(*) as n from supervision_orders`);
    const auditBefore = await count(`select count(*) as n from audit_entries where action = 'escalated'`);
    // With a cockpit, every escalated case had facts (the rebuild made them): one −1 and one +1 delta row each.
    const deltasSql = `select case when to_regclass('cockpit_deltas') is null then -1 else (select count(*) from cockpit_deltas) end as n`;
    const deltasBefore = await count(deltasSql);
    const timer = startQueryTimer();
    const cpuBefore = process.cpuUsage();
    const sweep = await timed(() => sweepDeadlines(deps, { now, ...(batchSize ? { batchSize } : {}) }));
    const cpu = process.cpuUsage(cpuBefore);
    const queries = timer.stop();
    const second = await timed(() => sweepDeadlines(deps, { now, ...(batchSize ? { batchSize } : {}) }));
    check(sweep.value.escalated === overdue && sweep.value.warned === 0 && sweep.value.examined === overdue, `round ${round}: sweep escalated ${JSON.stringify(sweep.value)}`);
    check((await count(`select count(*) as n from supervision_orders`)) - ordersBefore === overdue, `round ${round}: ${overdue} supervision orders`);
    check((await count(`select count(*) as n from audit_entries where action = 'escalated'`)) - auditBefore === overdue, `round ${round}: ${overdue} 'escalated' audit entries`);
    check((await count(`select count(*) as n from cases where card = 'red' and escalation_level = 1`)) === overdue * round, `round ${round}: ${overdue * round} red cases in all`);
    if (deltasBefore >= 0) check((await count(deltasSql)) - deltasBefore === 2 * overdue, `round ${round}: cockpit deltas +${2 * overdue}`);
    check(second.value.examined === 0 && second.value.escalated === 0, `round ${round}: a second sweep does nothing (${JSON.stringify(second.value)})`);
    results.push({ round, naive: naive.ms, indexed: indexed.ms, sweep: sweep.ms, second: second.ms, escalated: sweep.value.escalated, queries, nodeCpu: (cpu.user + cpu.system) / 1000 });
  }
  await client.end();
  openClient = null;
  await deps.bus.stop();
  await deps.database.close();

  const med = (pick: (r: (typeof results)[number]) => number) => median(results.map(pick));
  console.log(`\nDeadline sweep — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(`database: PostgreSQL on ${new URL(bench.url).host}, fresh database ${bench.name}, platform schema, demo county seeded`);
  console.log(`data: ${total.toLocaleString()} open cases (30 % dispatched, 70 % accepted/in progress), ${overdue.toLocaleString()} overdue as of ${now.toISOString()}; table with indexes ${size.total} (heap ${size.heap})`);
  console.log(`load average (1, 5, 15 min): ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} at start, ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at end`);
  console.log(`loading: ${(load.ms / 1000).toFixed(1)} s (${Math.round(total / (load.ms / 1000)).toLocaleString()} rows/s): INSERT … SELECT generate_series in chunks of ${chunk.toLocaleString()} with the ${indexes.count} secondary indexes dropped and foreign-key triggers off, rebuilding the indexes ${(indexes.ms / 1000).toFixed(1)} s of that; VACUUM ANALYZE + CHECKPOINT ${(vacuum.ms / 1000).toFixed(1)} s`);
  console.log(`derived data: ${facts ? `${facts.what} ${(facts.ms / 1000).toFixed(1)} s` : 'none (this tree has no cockpit)'}`);
  console.log(`plans: naive → ${plans.naive}; indexed → ${plans.indexed}\n`);
  console.log(table(
    ['round', 'naive scan ms', 'indexed find ms', 'sweep ms', 'escalated', 'second sweep ms'],
    [...results.map((r) => [String(r.round), ms(r.naive), ms(r.indexed), ms(r.sweep), String(r.escalated), ms(r.second)]),
      ['median', ms(med((r) => r.naive)), ms(med((r) => r.indexed)), ms(med((r) => r.sweep)), '', ms(med((r) => r.second))]],
  ));
  console.log(`\nfinding the overdue cases: naive scan / partial index = ${(med((r) => r.naive) / med((r) => r.indexed)).toFixed(0)}×`);
  console.log(`sweep (find + escalate ${overdue.toLocaleString()}, batches of ${batchSize?.toLocaleString() ?? "the sweeper's default size"}): median ${(med((r) => r.sweep) / 1000).toFixed(2)} s — target < 5 s: ${med((r) => r.sweep) < 5000 ? 'MET' : 'MISSED'}`);
  const kinds = [...new Set(results.flatMap((r) => [...r.queries.keys()]))];
  const inQueries = (r: (typeof results)[number]) => [...r.queries.values()].reduce((sum, q) => sum + q.ms, 0);
  console.log(`\nwhere the sweep's time goes (median over rounds; time from sending a statement to its result):`);
  console.log(table(
    ['statement', 'calls', 'ms'],
    [...kinds.map((k) => [k, String(med((r) => r.queries.get(k)?.calls ?? 0)), ms(med((r) => r.queries.get(k)?.ms ?? 0))]).sort((a, b) => Number(b[2]) - Number(a[2])),
      ['in the database, all statements', '', ms(med(inQueries))], ['between statements (node work, or waiting for a CPU)', '', ms(med((r) => r.sweep - inQueries(r)))],
      ['node CPU time during the sweep (all of it)', '', ms(med((r) => r.nodeCpu))]],
  ));
  console.log(`checked each round: ${overdue.toLocaleString()} escalated, supervision orders +${overdue.toLocaleString()}, audit 'escalated' +${overdue.toLocaleString()}${facts ? `, cockpit deltas +${(2 * overdue).toLocaleString()}` : ''}, second sweep examined 0`);
} catch (e) {
  failed = true;
  console.error(describeError(e));
} finally {
  await openClient?.end().catch(() => undefined);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  await bench.drop();
}
process.exit(failed ? 1 : 0);
