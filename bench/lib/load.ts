import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options, Result } from 'autocannon';

/** What one load run measured; a run with any failed request is invalid. */
export interface LoadFigures {
  label: string;
  connections: number;
  seconds: number;
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: string;
}

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-worker.ts');

/** Runs autocannon in a child process (tsx loader) against a URL and summarises the result. */
export function runLoad(label: string, options: Options & { connections: number; duration: number }): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (m: { ok: boolean; result?: Result; error?: string }) => {
      settled = true;
      if (!m.ok || !m.result) return reject(new Error(`load generator failed: ${m.error}`));
      const r = m.result;
      resolve({
        label,
        connections: options.connections,
        seconds: r.duration,
        rps: r['2xx'] / r.duration,
        p50: r.latency.p50,
        p99: r.latency.p99,
        ok: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        statusCodes: Object.entries(r.statusCodeStats)
          .map(([code, s]) => `${code}×${s.count}`)
          .join(' '),
      });
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with code ${code} before answering`));
    });
    child.send(options);
  });
}

/** Whether a run is valid: every request answered with a 2xx. */
export function isClean(f: LoadFigures): boolean {
  return f.non2xx === 0 && f.errors === 0 && f.timeouts === 0 && f.ok > 0;
}
