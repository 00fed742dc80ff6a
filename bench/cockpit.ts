/**
 * The data cockpit at scale: N synthetic cases (default 10,000,000) on PostgreSQL, then the cockpit's questions —
 * summary, trend, map, league table of units — each asked `requests` times with varied periods and filters through the
 * use-case functions, next to the same figures computed by a direct GROUP BY over the case table in the same run.
 * Run: npm run bench:cockpit [-- cases=10000000 requests=50 reference=10]
 * A fresh database is created and dropped; with COCKPIT_BENCH_DB=<name> that database is kept and reused (loaded only
 * when it holds fewer cases), to save the load time between runs. DATABASE_URL picks the server.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { cockpitBreakdown } from '../server/cockpit/breakdown.js';
import { addDays } from '../server/sla/china-time.js';
import { cockpitMap } from '../server/cockpit/map.js';
import { MIN_RANKED_CASES } from '../server/cockpit/ranking.js';
import { cockpitSummary } from '../server/cockpit/summary.js';
import { seedSynthetic } from '../server/cockpit/synthetic.js';
import { cockpitTrend } from '../server/cockpit/trend.js';
import { chinaDate } from '../server/sla/china-time.js';
import { adminUrl, createBenchDatabase } from './lib/bench-db.js';
import { platformDeps } from './lib/platform.js';
import { machine, table } from './lib/stats.js';
import { referenceLeague, referenceMap, referenceSummary, referenceTrend, type Question } from './cockpit-reference.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const total = Number(args.cases ?? 10_000_000);
const requests = Number(args.requests ?? 50);
const referenceRuns = Number(args.reference ?? 10);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? NaN;
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

/** The benchmark's database: kept and reused when COCKPIT_BENCH_DB names it, else a fresh one dropped at the end. */
async function database(): Promise<{ url: string; drop(): Promise<void> }> {
  const keep = process.env.COCKPIT_BENCH_DB;
  if (!keep) return createBenchDatabase();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [keep]);
  if (!exists.rowCount) await admin.query(`create database ${keep}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${keep}`;
  return { url: url.toString(), drop: async () => undefined };
}

const bench = await database();
const { deps } = await platformDeps(bench.url);
const pool = new pg.Pool({ connectionString: bench.url, max: 2 });
try {
  const [{ n: existing }] = (await pool.query<{ n: number }>('select count(*)::int as n from cases')).rows as [{ n: number }];
  let load = 'reused';
  if (existing < total) {
    const loaded = await seedSynthetic(deps, total - existing, (line) => console.log(line));
    load = `${(loaded.ms / 1000).toFixed(1)} s for ${(total - existing).toLocaleString('en')} cases (cases, indexes, facts and rollups)`;
  }
  const pgVersion = (await pool.query('show server_version')).rows[0].server_version;
  const settings = (await pool.query(`select name, setting from pg_settings where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather')`)).rows.map((r) => `${r.name}=${r.setting}`).join(', ');
  const size = (await pool.query(`select pg_size_pretty(pg_total_relation_size('cases')) as cases, pg_size_pretty((select sum(pg_total_relation_size(c.oid)) from pg_class c where c.relname like 'cockpit_%' and c.relkind = 'r')::int8) as cockpit`)).rows[0];
  const [{ n: count }] = (await pool.query<{ n: number }>('select count(*)::int as n from cases')).rows as [{ n: number }];

  // Varied questions: six periods × five filters (none, a township, a first-level category, a channel, a department).
  const leader = (await pool.query(`select u.id, u.username, u.display_name, u.unit_id, n.path from users u join units n on n.id = u.unit_id where u.username = 'leader'`)).rows[0];
  const actor = { id: leader.id, username: leader.username, displayName: leader.display_name, role: 'leader' as const, unitId: leader.unit_id, unitPath: leader.path, scopePath: '/' };
  const ctx = { ...deps, actor };
  const townships = (await pool.query(`select id, path from units where kind = 'township' order by code`)).rows;
  const classes = (await pool.query(`select c.id, array_agg(d.id) as ids from categories c join categories d on d.id = c.id or d.parent_id = c.id or d.parent_id in (select id from categories where parent_id = c.id) where c.level = 1 group by c.id order by c.id`)).rows;
  const depts = (await pool.query(`select id from units where kind = 'department' order by code`)).rows;
  const today = chinaDate(deps.clock.now());
  const periods = [7, 30, 90, 365, 30, 180].map((days, i) => (i === 4 ? { from: `${addDays(today, -60).slice(0, 7)}-01`, to: addDays(`${addDays(today, -30).slice(0, 7)}-01`, -1) } : { from: addDays(today, 1 - days), to: today }));
  const questions = Array.from({ length: requests }, (_, i) => {
    const period = periods[i % periods.length]!;
    const f = Math.floor(i / periods.length) % 5;
    const t = townships[i % townships.length];
    const c = classes[i % classes.length];
    const filters = f === 1 ? { townshipId: t.id } : f === 2 ? { categoryId: c.id } : f === 3 ? { channel: (['hotline', 'web', 'patrol'] as const)[i % 3] } : f === 4 ? { unitId: depts[i % depts.length].id } : {};
    const ref: Question = { ...period, ...(f === 1 ? { townshipPath: t.path } : f === 2 ? { categoryIds: c.ids } : f === 3 ? { channel: filters.channel } : f === 4 ? { unitId: filters.unitId } : {}) };
    return { period, filters, ref, previousFrom: addDays(period.from, -(Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 - 1) };
  });

  type Q = (typeof questions)[number];
  const kinds: Record<string, { cockpit: (q: Q, i: number) => Promise<unknown>; reference: (q: Q, i: number) => Promise<unknown> }> = {
    summary: { cockpit: (q: Q) => cockpitSummary(ctx, { ...q.period, ...q.filters }), reference: (q: Q) => referenceSummary(pool, q.ref, q.previousFrom) },
    trend: {
      cockpit: (q: Q, i: number) => cockpitTrend(ctx, { ...q.period, ...q.filters, interval: i % 2 ? 'month' : 'day', by: 'channel' }),
      reference: (q: Q, i: number) => referenceTrend(pool, q.ref, i % 2 ? 'month' : 'day'),
    },
    map: { cockpit: (q: Q) => cockpitMap(ctx, { ...q.period, ...q.filters, metric: 'resolution_rate' }), reference: (q: Q) => referenceMap(pool, q.ref) },
    'league table (by=unit)': {
      cockpit: (q: Q) => cockpitBreakdown(ctx, { ...q.period, ...q.filters, by: 'unit', sort: 'resolvedOnTimeRate', order: 'desc', medians: true, minCases: MIN_RANKED_CASES }),
      reference: (q: Q) => referenceLeague(pool, q.ref),
    },
  };
  const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  // Warm both paths once (caches of the units and categories, plans).
  await kinds.summary!.cockpit(questions[0]!, 0);
  await kinds.summary!.reference(questions[0]!, 0);

  const rows: string[][] = [];
  for (const [name, kind] of Object.entries(kinds)) {
    const mine: number[] = [];
    for (const [i, q] of questions.entries()) mine.push((await timed(() => kind.cockpit(q, i))).ms);
    const theirs: number[] = [];
    for (const [i, q] of questions.slice(0, referenceRuns).entries()) theirs.push((await timed(() => kind.reference(q, i))).ms);
    const [p50, p95, r50, r95] = [quantile(mine, 0.5), quantile(mine, 0.95), quantile(theirs, 0.5), quantile(theirs, 0.95)];
    rows.push([name, String(mine.length), p50.toFixed(1), p95.toFixed(1), String(theirs.length), r50.toFixed(0), r95.toFixed(0), `${(r50 / p50).toFixed(0)}×`, `${(r95 / p95).toFixed(0)}×`]);
    console.log(`${name}: cockpit p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; GROUP BY p50 ${r50.toFixed(0)} ms`);
  }

  // The figures agree: received per period, cockpit against the case table.
  for (const q of questions.slice(0, 6)) {
    const mine = await cockpitSummary(ctx, { ...q.period, ...q.filters });
    const theirs = (await referenceSummary(pool, q.ref, q.previousFrom)).find((r) => r.current)?.received ?? 0;
    if (mine.kpis.received !== theirs) throw new Error(`received differs for ${JSON.stringify(q.ref)}: cockpit ${mine.kpis.received}, GROUP BY ${theirs}`);
  }

  console.log(`\nCockpit benchmark, ${new Date().toISOString()}\n${machine()}, PostgreSQL ${pgVersion} (${settings}), load average before the questions ${loadBefore}, after ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`cases: ${count.toLocaleString('en')} (table ${size.cases}, cockpit tables ${size.cockpit}); load: ${load}`);
  console.log(table(['question', 'n', 'cockpit p50 ms', 'cockpit p95 ms', 'n', 'GROUP BY p50 ms', 'GROUP BY p95 ms', 'ratio of p50', 'ratio of p95'], rows));
} finally {
  await pool.end();
  await deps.database.close();
  await bench.drop();
}
