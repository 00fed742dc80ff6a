/**
 * Profiling aid for intake: the platform under a fixed autocannon load, nothing else, so that a CPU profile of this
 * process (node --cpu-prof) shows the server's intake path alone, with the heap flag npm start gives it. Run:
 * node --max-semi-space-size=64 --cpu-prof --import tsx bench/profile-intake.ts [seconds] [connections]
 */
import { authenticate } from '../server/auth/authenticate.js';
import type { Polygon } from '../common/geo.js';
import { intakeBodies } from './intake-bodies.js';
import { createBenchDatabase } from './lib/bench-db.js';
import { runLoad } from './lib/load.js';
import { startPlatform } from './lib/platform.js';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const bench = await createBenchDatabase();
const platform = await startPlatform(bench.url);
try {
  const res = await fetch(`${platform.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gridworker', password: 'demo123456' }) });
  const { token } = (await res.json()) as { token: string };
  const actor = (await authenticate(platform.deps, token))!.actor;
  const [own] = await platform.deps.database.query<{ name: string; boundary: Polygon }>('select u.name, g.boundary from grids g join units u on u.id = g.unit_id where g.unit_id = $1', [actor.unitId]);
  const bodies = intakeBodies(own!).map((b) => JSON.stringify(b));
  const elu = performance.eventLoopUtilization();
  const f = await runLoad('platform', { url: `${platform.baseUrl}/api/cases`, connections, duration: seconds, timeout: 10, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, requests: bodies.map((body) => ({ method: 'POST', body })) });
  const used = performance.eventLoopUtilization(elu);
  console.log(`${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, ok ${f.ok}, non-2xx ${f.non2xx}; event loop busy ${(used.utilization * 100).toFixed(0)} %`);
} finally {
  await platform.close();
  await bench.drop();
}
