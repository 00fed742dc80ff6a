import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../server/platform/actor.js';
import { audit } from '../../server/platform/audit.js';
import type { Deps } from '../../server/platform/context.js';
import { median } from './stats.js';

/** Median times (ms) of four kinds of transaction, measured interleaved on the platform's own pool. */
export interface AuditCost {
  iterations: number;
  empty: number;
  auditOnly: number;
  rowOnly: number;
  rowAndAudit: number;
}

/**
 * What the trail entry adds to a case: transactions inserting one audit entry (the one createCase writes) against an
 * empty transaction, and — since intake commits a write anyway — a one-row insert with and without the entry. The
 * four kinds run in turn within each iteration, so drift of a noisy machine hits them alike.
 */
export async function measureAuditCost(deps: Deps, actor: Actor, iterations = 2000): Promise<AuditCost> {
  await deps.db.execute(sql`create table if not exists bench_scratch (id bigserial primary key, at timestamptz not null, note text)`);
  const meta = { requestId: '00000000-0000-4000-8000-000000000000', clientAddress: '127.0.0.1' };
  const entry = (i: number) => ({
    action: 'received',
    subjectType: 'case',
    subjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    unitId: null,
    changes: { status: { before: null, after: 'received' }, number: { before: null, after: `QH-20261122-${i}` }, channel: { before: null, after: 'patrol' }, urgency: { before: null, after: 'normal' } },
    attachments: [],
  });
  const row = (tx: Deps['db'], i: number) => tx.execute(sql`insert into bench_scratch (at, note) values (${new Date()}, ${`row ${i}`})`);
  const kinds: ((i: number) => Promise<unknown>)[] = [
    () => deps.db.transaction(async () => undefined),
    (i) => deps.db.transaction((tx) => audit({ db: tx, clock: deps.clock, actor, meta }, entry(i))),
    (i) => deps.db.transaction((tx) => row(tx, i)),
    (i) => deps.db.transaction(async (tx) => {
      await row(tx, i);
      await audit({ db: tx, clock: deps.clock, actor, meta }, entry(i));
    }),
  ];
  const times: number[][] = kinds.map(() => []);
  const warmUp = 200;
  for (let i = 0; i < warmUp + iterations; i++) {
    for (const [k, run] of kinds.entries()) {
      const start = performance.now();
      await run(i);
      if (i >= warmUp) times[k]!.push(performance.now() - start);
    }
  }
  const [empty, auditOnly, rowOnly, rowAndAudit] = times.map(median) as [number, number, number, number];
  return { iterations, empty, auditOnly, rowOnly, rowAndAudit };
}
