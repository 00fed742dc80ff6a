import { inArray, sql } from 'drizzle-orm';
import type { CaseRow } from '../cases/case-action.js';
import type { Db } from '../db/client.js';
import { cases } from '../db/schema/cases.js';
import { cockpitCaseFacts, cockpitDeltas, cockpitMeasures } from '../db/schema/cockpit.js';
import { caseFacts, sameFacts, type CaseFacts } from './facts.js';

type FactsRow = typeof cockpitCaseFacts.$inferSelect;

function fromRow(r: FactsRow): CaseFacts {
  const rec = r as unknown as Record<string, number>;
  return {
    key: { day: r.day, township: r.township, village: r.village, area: r.area, category: r.category, channel: r.channel, unit: r.unit },
    values: cockpitMeasures.map((m) => rec[m]!),
    acceptBucket: r.acceptBucket,
    resolveBucket: r.resolveBucket,
  };
}

function columns(f: CaseFacts, sign: 1 | -1) {
  const values = Object.fromEntries(cockpitMeasures.map((m, i) => [m, sign * f.values[i]!]));
  return { ...f.key, ...values, acceptBucket: f.acceptBucket, resolveBucket: f.resolveBucket };
}

const upsertSet = Object.fromEntries([
  ...['day', 'township', 'village', 'area', 'category', 'channel', 'unit', ...cockpitMeasures].map((c) => [c, sql.raw(`excluded.${c}`)]),
  ['acceptBucket', sql.raw('excluded.accept_bucket')],
  ['resolveBucket', sql.raw('excluded.resolve_bucket')],
]);

const CHUNK = 500;

/**
 * Records what the cockpit counts for cases that just changed, inside the transaction of the change: their facts row
 * is brought up to date and, when something the cockpit counts changed, the old facts (−1) and the new (+1) are
 * appended to cockpit_deltas for the fold job. Appending keeps concurrent intake off shared rollup rows.
 */
export async function recordCaseFacts(tx: Db, rows: readonly CaseRow[]): Promise<void> {
  if (!rows.length) return;
  const old = await tx.select().from(cockpitCaseFacts).where(inArray(cockpitCaseFacts.caseId, rows.map((r) => r.id)));
  const before = new Map(old.map((r) => [r.caseId, fromRow(r)]));
  const upserts: (typeof cockpitCaseFacts.$inferInsert)[] = [];
  const deltas: (typeof cockpitDeltas.$inferInsert)[] = [];
  for (const row of rows) {
    const now = caseFacts(row);
    const was = before.get(row.id);
    if (was && sameFacts(was, now)) continue;
    upserts.push({ caseId: row.id, ...columns(now, 1) } as typeof cockpitCaseFacts.$inferInsert);
    if (was) deltas.push({ sign: -1, ...columns(was, -1) } as typeof cockpitDeltas.$inferInsert);
    deltas.push({ sign: 1, ...columns(now, 1) } as typeof cockpitDeltas.$inferInsert);
  }
  if (!upserts.length) return;
  // In chunks: ~40 columns a row would pass PostgreSQL's 65,535-parameter limit at ~800 rows (a sweep's batch is 1,000).
  for (let i = 0; i < upserts.length; i += CHUNK) {
    await tx.insert(cockpitCaseFacts).values(upserts.slice(i, i + CHUNK)).onConflictDoUpdate({ target: cockpitCaseFacts.caseId, set: upsertSet });
  }
  for (let i = 0; i < deltas.length; i += CHUNK) await tx.insert(cockpitDeltas).values(deltas.slice(i, i + CHUNK));
}

/** The same for cases changed by plain SQL (the sweeper's bulk update): reads them back by id first. */
export async function recordCaseFactsById(tx: Db, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await recordCaseFacts(tx, await tx.select().from(cases).where(inArray(cases.id, [...ids])));
}
