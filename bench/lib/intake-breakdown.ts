import { performance } from 'node:perf_hooks';
import { startQueryTimer } from './query-timer.js';
import { median } from './stats.js';

/** Where one intake's time goes, from requests sent one at a time. */
export interface IntakeBreakdown {
  requests: number;
  latencyP50: number;
  queriesPerRequest: number;
  /** Per statement kind: calls per request and mean milliseconds per request. */
  kinds: { kind: string; perRequest: number; msPerRequest: number }[];
  /** Node CPU milliseconds per request in this process (server and the fetch client together). */
  cpuPerRequest: number;
}

/**
 * Sends `requests` intake requests one after another (no concurrency, so nothing queues) while timing every
 * statement the server sends to PostgreSQL: how many round trips an intake makes and which ones cost.
 */
export async function intakeBreakdown(url: string, token: string, bodies: string[], requests = 300): Promise<IntakeBreakdown> {
  const post = async (body: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`intake breakdown: status ${res.status}`);
  };
  const latencies: number[] = [];
  const timer = startQueryTimer();
  const cpu = process.cpuUsage();
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await post(bodies[i % bodies.length]!);
    latencies.push(performance.now() - start);
  }
  // The live-update query and notify run after the reply; let the last ones finish.
  await new Promise((r) => setTimeout(r, 100));
  const used = process.cpuUsage(cpu);
  const times = timer.stop();
  const kinds = [...times].map(([kind, t]) => ({ kind, perRequest: t.calls / requests, msPerRequest: t.ms / requests })).sort((a, b) => b.msPerRequest - a.msPerRequest);
  return {
    requests,
    latencyP50: median(latencies),
    queriesPerRequest: kinds.reduce((s, k) => s + k.perRequest, 0),
    kinds,
    cpuPerRequest: (used.user + used.system) / 1000 / requests,
  };
}
