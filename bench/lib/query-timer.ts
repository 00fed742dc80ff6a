import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** Time spent in each kind of statement while the timer ran: calls and total milliseconds (call to result). */
export type QueryTimes = Map<string, { calls: number; ms: number }>;

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/** A statement's kind: its first words, table included ("insert into outbox", "select … from cases"). */
export function kindOf(text: string): string {
  const t = text.replace(/"/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const m = /^(insert into \w+|update \w+|delete from \w+|begin|commit|rollback)/.exec(t);
  if (m) return m[1]!;
  // A statement of data-modifying CTEs is named by the tables it writes.
  const writes = [...t.matchAll(/\b(insert into \w+|(?<!do )update \w+|delete from \w+)/g)].map((w) => w[1]);
  if (t.startsWith('with ') && writes.length) return `with … ${writes.join(', ')}`;
  const from = / from (\w+)/.exec(t);
  return `select … ${from ? `from ${from[1]}` : t.slice(7, 40)}`;
}

/**
 * Times every node-postgres query of this process (pool and transaction clients alike) by wrapping
 * Client.prototype.query, until stop() is called. Meant for diagnosing benchmarks, never for the server.
 */
export function startQueryTimer(): { stop(): QueryTimes } {
  const times: QueryTimes = new Map();
  const original = pg.Client.prototype.query as unknown as Query;
  const record = (kind: string, start: number) => {
    const t = times.get(kind) ?? { calls: 0, ms: 0 };
    t.calls++;
    t.ms += performance.now() - start;
    times.set(kind, t);
  };
  const wrapped: Query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0];
    const text = typeof q === 'string' ? q : (q as { text?: string } | null)?.text ?? '';
    const kind = kindOf(text);
    const start = performance.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...a: unknown[]) => {
        record(kind, start);
        return (last as (...x: unknown[]) => unknown)(...a);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(() => record(kind, start), () => record(kind, start));
    }
    return result;
  };
  (pg.Client.prototype as unknown as { query: Query }).query = wrapped;
  return {
    stop() {
      (pg.Client.prototype as unknown as { query: Query }).query = original;
      return times;
    },
  };
}
