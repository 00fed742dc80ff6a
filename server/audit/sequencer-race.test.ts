import { asc, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openPostgres, type Database } from '../db/client.js';
import { auditEntries } from '../db/schema/audit.js';
import { audit, auditMany } from '../platform/audit.js';
import { systemActor } from '../platform/actor.js';
import { checkpoint } from './checkpointer.js';
import { evidenceDeps, TEST_SIGNING_KEY } from './evidence.testutil.js';
import { toHex } from './hash.js';
import { latestCheckpoint, sequencedSize } from './log-store.js';
import { rowsOf } from '../db/rows.js';
import { bitCount } from './merkle-compact.js';
import { frontier, sequenceAll } from './sequencer.js';
import { verifyLog } from './verify-log.js';

// Racing needs two connections to one database: PostgreSQL only (PGlite is one in-process connection).
describe.skipIf(inject('templates').kind === 'embedded')('sequencers racing on PostgreSQL', () => {
  let deps: Awaited<ReturnType<typeof evidenceDeps>>;
  let second: Database;
  let depsB: typeof deps;
  beforeAll(async () => {
    deps = await evidenceDeps();
    second = await openPostgres(deps.database.pool!.options.connectionString!, 4);
    depsB = { ...deps, db: second.db };
  });
  afterAll(async () => {
    await second.close();
    await deps.database.close();
  });

  const queue = (n: number, from: number) =>
    deps.db.transaction((tx) =>
      auditMany({ db: tx, clock: deps.clock, actor: systemActor }, Array.from({ length: n }, (_, i) => ({ action: 'case.note', subjectType: 'case', subjectId: `R-${from + i}` }))),
    );

  it('two pools sequencing and checkpointing at once build one gap-free log with identical roots', async () => {
    await queue(400, 0);
    const writer = (async () => {
      for (let i = 1; i <= 20; i++) await queue(10, i * 1000);
    })();
    await Promise.all([
      sequenceAll(deps, { max: 37 }),
      sequenceAll(depsB, { max: 53 }),
      checkpoint(deps),
      checkpoint(depsB),
      writer,
    ]);
    await Promise.all([checkpoint(deps), checkpoint(depsB)]);

    const seqs = (await deps.db.select({ seq: auditEntries.seq }).from(auditEntries).where(isNotNull(auditEntries.seq)).orderBy(asc(auditEntries.seq))).map((r) => r.seq);
    expect(seqs).toEqual([...Array(600).keys()]);
    const [nodes] = await rowsOf<{ n: number }>(deps.db, sql`select count(*)::int as n from merkle_nodes`);
    expect(nodes?.n).toBe(2 * 600 - bitCount(600));
    const rootA = toHex((await frontier(deps.db, 'sm3', await sequencedSize(deps.db))).root());
    const rootB = toHex((await frontier(depsB.db, 'sm3', await sequencedSize(depsB.db))).root());
    expect(rootB).toBe(rootA);
    const log = await verifyLog(deps, { trustedKeyIds: [TEST_SIGNING_KEY.keyId] });
    expect(log.problems).toEqual([]);
    // How many checkpoints the race signs depends on timing (one racer may integrate everything before the other
    // signs); what must hold is that the latest one covers the whole log.
    expect(log.checkpointsChecked).toBeGreaterThanOrEqual(1);
    expect((await latestCheckpoint(deps.db))?.treeSize).toBe(600);
  });

  it('sequences a late-committing lower id after a higher one, without a gap', async () => {
    const start = await sequencedSize(deps.db);
    const client = await deps.database.pool!.connect();
    try {
      await client.query('begin');
      await client.query(`insert into audit_entries (at, action, subject_type, subject_id) values (now(), 'case.slow', 'case', 'SLOW')`);
      await deps.db.transaction((tx) => audit({ db: tx, clock: deps.clock, actor: systemActor }, { action: 'case.fast', subjectType: 'case', subjectId: 'FAST' }));
      await sequenceAll(depsB);
      await client.query('commit');
    } finally {
      client.release();
    }
    await sequenceAll(deps);
    const rows = await deps.db.select().from(auditEntries).where(sql`${auditEntries.seq} >= ${start}`).orderBy(asc(auditEntries.seq));
    expect(rows.map((r) => [r.seq, r.subjectId])).toEqual([
      [start, 'FAST'],
      [start + 1, 'SLOW'],
    ]);
    expect(rows[1]!.id).toBeLessThan(rows[0]!.id);
    await checkpoint(deps);
    expect((await verifyLog(deps, { trustedKeyIds: [TEST_SIGNING_KEY.keyId] })).ok).toBe(true);
  });
});
