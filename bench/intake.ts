/**
 * Case intake under load: POST /api/cases on the real platform against a bare Fastify + node-postgres endpoint doing
 * one INSERT, both in the same fresh database and the same run, at 32 and at 4 connections. The two endpoints take
 * turns over several rounds (the first of a pair alternating), so that the machine's drift — these shared machines
 * change speed by a third within minutes — falls on both alike; the targets are judged on the median of the rounds'
 * ratios. An even number of rounds puts each endpoint first equally often: whichever runs second may meet what the
 * first left behind (bare right after platform ran 10–25 % slower in two of the three runs of 2026-12-07).
 * Run: npm run bench:intake [-- seconds=20 rounds=4]   (DATABASE_URL picks the PostgreSQL server; default 127.0.0.1:5432)
 */
import os from 'node:os';
import { authenticate } from '../server/auth/authenticate.js';
import type { Polygon } from '../common/geo.js';
import { intakeBodies } from './intake-bodies.js';
import { measureAuditCost } from './lib/audit-cost.js';
import { intakeBreakdown } from './lib/intake-breakdown.js';
import { startBareServer } from './lib/bare-server.js';
import { createBenchDatabase } from './lib/bench-db.js';
import { watchCpu, type CpuUse } from './lib/cpu.js';
import { startWaitSampler, summariseWaits } from './lib/wait-sampler.js';
import { startQueryTimer } from './lib/query-timer.js';
import { isClean, runLoad, type LoadFigures } from './lib/load.js';
import { startPlatform } from './lib/platform.js';
import { settle } from './lib/settle.js';
import { describeError, machine, median, ms, table } from './lib/stats.js';

const seconds = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 4);
if (!(seconds > 0) || !(Number.isInteger(rounds) && rounds > 0)) {
  console.error(`usage: bench/intake.ts [seconds > 0] [rounds ≥ 1] (got ${process.argv.slice(2).join(' ') || 'nothing'})`);
  process.exit(2);
}
const warmUpSeconds = Math.min(5, seconds);

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json().catch(() => null) };
}

const loadAtStart = os.loadavg();
const bench = await createBenchDatabase();
let failed = false;
// Closed in `finally` too, so a failed run still ends its servers before the database is dropped.
const open: { close(): Promise<void> }[] = [];
try {
  const platform = await startPlatform(bench.url);
  open.push(platform);
  const { deps } = platform;
  const login = await post(`${platform.baseUrl}/api/auth/login`, { username: 'gridworker', password: 'demo123456' });
  if (login.status !== 200) throw new Error(`login as gridworker failed: ${login.status} ${JSON.stringify(login.json)}`);
  const token = (login.json as { token: string }).token;
  const actor = (await authenticate(deps, token))!.actor;
  const [own] = await deps.database.query<{ name: string; boundary: Polygon }>(
    'select u.name, g.boundary from grids g join units u on u.id = g.unit_id where g.unit_id = $1', [actor.unitId]);
  if (!own) throw new Error('gridworker is not the worker of a grid');
  const bodies = intakeBodies(own).map((b) => JSON.stringify(b));
  const poolSize = deps.config.DATABASE_POOL_SIZE;
  const bare = await startBareServer(bench.url, poolSize);
  open.push(bare);

  // Every body once on each endpoint: a body the platform refuses would make the load figures meaningless.
  for (const [i, body] of bodies.entries()) {
    const p = await post(`${platform.baseUrl}/api/cases`, JSON.parse(body), token);
    const b = await post(`${bare.baseUrl}${bare.path}`, JSON.parse(body));
    if (p.status !== 201 || b.status !== 201) throw new Error(`body ${i} refused: platform ${p.status} ${JSON.stringify(p.json)}, bare ${b.status}`);
  }

  const targets = {
    platform: { url: `${platform.baseUrl}/api/cases`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
    bare: { url: `${bare.baseUrl}${bare.path}`, headers: { 'content-type': 'application/json' } },
  };
  const load = (which: keyof typeof targets, connections: number, duration: number) =>
    runLoad(`${which}@${connections}`, { url: targets[which].url, connections, duration, timeout: 10, method: 'POST', headers: targets[which].headers, requests: bodies.map((body) => ({ method: 'POST', body })) });

  console.error(`warming up (${warmUpSeconds} s each)…`);
  await load('bare', 32, warmUpSeconds);
  await load('platform', 32, warmUpSeconds);
  const runs: { f: LoadFigures; cpu: CpuUse; waits: string; statements: number | null }[] = [];
  const settles: string[] = [];
  // Round r runs bare then platform at each load when r is odd, platform then bare when it is even.
  const order = (round: number) =>
    ([32, 4] as const).flatMap((connections) => (round % 2 ? (['bare', 'platform'] as const) : (['platform', 'bare'] as const)).map((which) => [which, connections] as const));
  for (let round = 1; round <= rounds; round++) for (const [which, connections] of order(round)) {
    // Each run starts from a settled database: vacuumed, analysed and checkpointed (see settle.ts).
    const settled = await settle(bench.url);
    settles.push(`${which}@${connections}#${round} ${(settled.ms / 1000).toFixed(1)} s`);
    console.error(`round ${round}/${rounds}: ${which} at ${connections} connections, ${seconds} s…`);
    const sampler = await startWaitSampler(bench.url, bench.name);
    // The platform's statements are counted (this process's pg clients; the bare server runs in this process too,
    // so only while the platform is loaded): group commit shows as fewer statements per intake under load.
    const timer = which === 'platform' ? startQueryTimer() : null;
    const cpu = watchCpu();
    const f = { ...(await load(which, connections, seconds)), label: `${which}@${connections}#${round}` };
    const used = cpu();
    const calls = timer ? [...timer.stop()].filter(([kind]) => !kind.includes('pg_stat_activity')).reduce((n, [, t]) => n + t.calls, 0) : null;
    runs.push({ f, cpu: used, waits: summariseWaits(await sampler.stop()), statements: calls === null ? null : calls / Math.max(1, f.ok) });
  }
  console.error('sequential intake with statement timing…');
  const breakdown = await intakeBreakdown(targets.platform.url, token, bodies);
  const [cases] = await deps.database.query<{ n: number }>('select count(*)::int as n from cases');
  console.error('audit entry cost: 4 × 2,000 transactions…');
  const cost = await measureAuditCost(deps, actor);
  for (const server of open.splice(0)) await server.close();

  // Robust on a busy machine: what one request costs the server process, whatever share of the CPUs it got.
  const cpuPerRequest = (r: { f: LoadFigures; cpu: CpuUse }) => (r.cpu.server * r.f.seconds * 1000) / Math.max(1, r.f.ok);
  // What one request costs the whole machine (server, PostgreSQL, load generator — and anyone else on it).
  const machinePerRequest = (r: { f: LoadFigures; cpu: CpuUse }) => (r.cpu.machine * r.f.seconds * 1000) / Math.max(1, r.f.ok);
  const run = (label: string) => runs.find((r) => r.f.label === label)!;
  const by = (label: string) => run(label).f;
  const roundNumbers = Array.from({ length: rounds }, (_, i) => i + 1);
  /** One figure per round, platform against bare at a load, and their median. */
  const perRound = (connections: 32 | 4, figure: (platform: (typeof runs)[number], bare: (typeof runs)[number]) => number) => {
    const values = roundNumbers.map((r) => figure(run(`platform@${connections}#${r}`), run(`bare@${connections}#${r}`)));
    return { values, median: median(values) };
  };
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const list = (values: number[], show: (x: number) => string) => values.map(show).join(', ');
  console.log(`\nCase intake — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(`database: PostgreSQL on ${new URL(bench.url).host}, fresh database ${bench.name}; pool size ${poolSize} for both servers`);
  console.log('load: autocannon 8 in a child process (the server keeps its own event loop; on 2 cores the load generator,');
  console.log('      the server and PostgreSQL still share the CPUs — compare ratios, not absolute figures; "server cores" is the');
  console.log('      share of the CPUs the server process got, "machine cores" all processes of the machine, other users\' included)');
  console.log(`load average (1, 5, 15 min): ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} at start, ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at end`);
  console.log(`bodies: ${bodies.length} generated reports (category, location, 1/3 with contact), signed in as gridworker\n`);
  console.log(table(
    ['round', 'endpoint', 'conns', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', 'errors', 'timeouts', 'server cores', 'machine cores', 'server CPU ms/req', 'machine CPU ms/req', 'statements/req'],
    runs.map(({ f, cpu, statements }) => [f.label.split('#')[1]!, f.label.split('@')[0]!, String(f.connections), f.rps.toFixed(0), ms(f.p50), ms(f.p99), String(f.ok), String(f.non2xx), String(f.errors), String(f.timeouts), cpu.server.toFixed(2), cpu.machine.toFixed(2), ms(cpuPerRequest({ f, cpu })), ms(machinePerRequest({ f, cpu })), statements === null ? '1' : statements.toFixed(2)]),
  ));
  console.log(`\nbefore each run, vacuum (analyze) and checkpoint (bench/lib/settle.ts): ${settles.join(', ')}`);
  console.log(`\nwhat the database sessions were doing (pg_stat_activity sampled every 100 ms; "idle" = waiting for the app):`);
  for (const r of runs) console.log(`  ${r.f.label.padEnd(15)} ${r.waits}`);
  const ratio32 = perRound(32, (p, b) => p.f.rps / b.f.rps);
  const ratio4 = perRound(4, (p, b) => p.f.rps / b.f.rps);
  const cpu32 = perRound(32, (p, b) => cpuPerRequest(p) / cpuPerRequest(b));
  const cpu4 = perRound(4, (p, b) => cpuPerRequest(p) / cpuPerRequest(b));
  const p99At4 = roundNumbers.map((r) => by(`platform@4#${r}`).p99);
  console.log(`\nratio platform/bare req/s, round by round: ${list(ratio32.values, pct)} at 32 connections (median ${pct(ratio32.median)}); ${list(ratio4.values, pct)} at 4 (median ${pct(ratio4.median)})`);
  console.log(`ratio platform/bare server CPU per request: median ${cpu32.median.toFixed(1)}× at 32 (${list(cpu32.values, (x) => `${x.toFixed(1)}×`)}), ${cpu4.median.toFixed(1)}× at 4`);
  console.log(`target ≥ 50 % of bare throughput at 32 connections: ${ratio32.median >= 0.5 ? 'MET' : 'MISSED'} on the median of ${rounds} round(s) (${ratio32.values.filter((x) => x >= 0.5).length} of ${rounds} rounds at or above 50 %)`);
  // The ceiling the CPUs set: half the bare rate times what one platform request costs the machine, in cores.
  const coresForTarget = perRound(32, (p, b) => (0.5 * b.f.rps * machinePerRequest(p)) / 1000);
  console.log(`  half the bare rate at the platform's machine CPU per request would need ${list(coresForTarget.values, (x) => x.toFixed(1))} cores; this machine has ${os.cpus().length}`);
  console.log(`target p99 < 25 ms at 4 connections: ${p99At4.every((x) => x < 25) ? 'MET' : 'MISSED'} in every round (${list(p99At4, ms)} ms)`);
  console.log(`cases in the database: ${cases?.n} (≥ the 2xx the platform answered, warm-up and checks included)`);
  console.log(`\naudit entry cost per case (median of ${cost.iterations} transactions each, one connection, interleaved):`);
  console.log(`  empty transaction ${ms(cost.empty)} ms, with one audit entry ${ms(cost.auditOnly)} ms → audit entry cost per case ${ms(cost.auditOnly - cost.empty)} ms`);
  console.log(`  one-row insert ${ms(cost.rowOnly)} ms, with the audit entry too ${ms(cost.rowAndAudit)} ms → marginal cost when the transaction writes anyway ${ms(cost.rowAndAudit - cost.rowOnly)} ms`);
  console.log(`\nwhere one intake's time goes (${breakdown.requests} requests sent one at a time; p50 ${ms(breakdown.latencyP50)} ms;`);
  console.log(`${breakdown.queriesPerRequest.toFixed(1)} statements per intake; node CPU ${ms(breakdown.cpuPerRequest)} ms per request, server and client together):`);
  console.log(table(['statement', 'per intake', 'ms per intake'], breakdown.kinds.map((k) => [k.kind, k.perRequest.toFixed(1), ms(k.msPerRequest)])));
  const invalid = runs.filter((r) => !isClean(r.f));
  if (invalid.length) {
    failed = true;
    for (const r of invalid) console.log(`INVALID: ${r.f.label} had failed requests (${r.f.statusCodes}; errors ${r.f.errors}, timeouts ${r.f.timeouts})`);
  }
} catch (e) {
  failed = true;
  console.error(describeError(e));
} finally {
  for (const server of open) await server.close().catch(() => undefined);
  await bench.drop();
}
process.exit(failed ? 1 : 0);
