import { asc, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.js';
import { entryLeafHash } from './canonical.js';
import { checkpoint } from './checkpointer.js';
import { verifyCheckpoint } from './checkpoint.js';
import { entryOfRow } from './entry-row.js';
import { evidenceDeps, failureOf, queueEntries, TEST_SIGNING_KEY } from './evidence.testutil.js';
import { toHex, type HashAlgorithm } from './hash.js';
import { latestCheckpoint } from './log-store.js';
import { rowsOf } from '../db/rows.js';
import { bitCount } from './merkle-compact.js';
import { memoryTree } from './merkle-nodes.js';
import { treeRoot } from './merkle.js';
import { sequence, sequenceBatch } from './sequencer.js';
import { verifyLog } from './verify-log.js';
import { audit } from '../platform/audit.js';
import { systemActor } from '../platform/actor.js';

type TestDeps = Awaited<ReturnType<typeof evidenceDeps>>;

async function sequencedRows(deps: TestDeps) {
  return deps.db.select().from(auditEntries).where(isNotNull(auditEntries.seq)).orderBy(asc(auditEntries.seq));
}

for (const alg of ['sm3', 'sha256'] as HashAlgorithm[]) {
  describe(`sequencer (${alg})`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await evidenceDeps({ alg });
    });
    afterAll(() => deps.database.close());

    it('gives queued entries gap-free seqs, their leaf hashes and every completed Merkle node', async () => {
      await queueEntries(deps, 13);
      // Batches of 5 must build exactly the tree one pass over all leaves builds.
      expect(await sequence(deps, { max: 5 })).toBe(5);
      expect(await sequence(deps, { max: 5 })).toBe(10);
      expect(await sequence(deps, { max: 5 })).toBe(13);
      expect(await sequence(deps, { max: 5 })).toBe(13);

      const rows = await sequencedRows(deps);
      expect(rows.map((r) => r.seq)).toEqual([...Array(13).keys()]);
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
      const leaves = rows.map((r) => entryLeafHash(alg, entryOfRow(r)));
      expect(rows.map((r) => toHex(r.leafHash!))).toEqual(leaves.map(toHex));

      const [nodes] = await rowsOf<{ n: number }>(deps.db, sql`select count(*)::int as n from merkle_nodes`);
      expect(nodes?.n).toBe(2 * 13 - bitCount(13));
      const tree = memoryTree(alg, leaves);
      const stored = await rowsOf<{ level: number; index: number; hash: Uint8Array }>(deps.db, sql`select level, index, hash from merkle_nodes`);
      for (const node of stored) {
        const width = 2 ** node.level;
        expect(toHex(node.hash)).toBe(toHex(tree.rangeHash(Number(node.index) * width, (Number(node.index) + 1) * width)));
      }
    });

    it('signs a checkpoint only when the tree grew', async () => {
      const first = await checkpoint(deps);
      expect(first?.treeSize).toBe(13);
      const leaves = (await sequencedRows(deps)).map((r) => entryLeafHash(alg, entryOfRow(r)));
      expect(first?.rootHash).toBe(toHex(treeRoot(memoryTree(alg, leaves), 13)));
      expect(first?.keyId).toBe(TEST_SIGNING_KEY.keyId);
      const { signature, ...body } = first!;
      expect(verifyCheckpoint(body, signature, TEST_SIGNING_KEY.publicKeyPem)).toBe(true);

      deps.clock.advance(60_000);
      expect(await checkpoint(deps)).toEqual(first);
      await queueEntries(deps, 2);
      const second = await checkpoint(deps);
      expect(second?.treeSize).toBe(15);
      expect(await latestCheckpoint(deps.db)).toEqual(second);
    });

    it('refuses to extend a log built with the other algorithm', async () => {
      const other = await evidenceDeps({ alg: alg === 'sm3' ? 'sha256' : 'sm3' });
      try {
        await queueEntries(other, 1);
        await sequence(other);
        const wrong = { ...other, config: { ...other.config, JICENG_AUDIT_HASH: alg } };
        await expect(sequenceBatch(wrong)).rejects.toMatchObject({ code: 'config_invalid' });
      } finally {
        await other.database.close();
      }
    });
  });
}

describe('an entry that cannot be encoded', () => {
  it('is left queued and reported, and does not hold up the entries after it', async () => {
    const deps = await evidenceDeps();
    try {
      await queueEntries(deps, 1);
      // 2^60 survives JSON and jsonb but is no safe integer, so no verifier could reproduce its hash.
      await deps.db.transaction((tx) =>
        audit({ db: tx, clock: deps.clock, actor: systemActor }, { action: 'case.note', subjectType: 'case', subjectId: 'C-9', changes: { big: { before: 1, after: 2 ** 60 } } }),
      );
      await queueEntries(deps, 2);
      const result = await sequenceBatch(deps);
      expect(result).toMatchObject({ treeSize: 3, sequenced: 3, skipped: [{ id: expect.any(Number), reason: expect.stringMatching(/not safe/) }] });
      const log = await verifyLog(deps);
      expect(log.problems).toEqual([expect.stringMatching(new RegExp(`^queued entry id ${result.skipped[0]!.id}: .*never sequenced`))]);
    } finally {
      await deps.database.close();
    }
  });
});

describe('append-only guards', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await evidenceDeps();
    await queueEntries(deps, 3);
    await checkpoint(deps);
  });
  afterAll(() => deps.database.close());

  it.each([
    ['changing a sequenced entry', sql`update audit_entries set reason = 'forged' where seq = 1`],
    ['re-sequencing an entry', sql`update audit_entries set seq = 7 where seq = 1`],
    ['deleting an entry', sql`delete from audit_entries where seq = 0`],
    ['truncating the trail', sql`truncate audit_entries`],
    ['changing a Merkle node', sql`update merkle_nodes set hash = '\\x00' where level = 0 and index = 0`],
    ['deleting a Merkle node', sql`delete from merkle_nodes where level = 0`],
    ['changing a checkpoint', sql`update checkpoints set signature = 'x'`],
    ['deleting a checkpoint', sql`delete from checkpoints`],
    ['deleting a signing key', sql`delete from signing_keys`],
  ])('refuses %s', async (_what, statement) => {
    expect(await failureOf(deps.db.execute(statement))).toMatch(/append-only|keeps every key/);
  });

  it('still lets a signing key be retired', async () => {
    await deps.db.execute(sql`update signing_keys set active = false`);
    const [row] = await rowsOf<{ active: boolean }>(deps.db, sql`select active from signing_keys`);
    expect(row?.active).toBe(false);
  });
});

describe('a change stored without one side', () => {
  it('is hashed with the missing side as null, as JSON dropped an undefined', async () => {
    const deps = await evidenceDeps();
    try {
      await deps.db.transaction((tx) =>
        audit({ db: tx, clock: deps.clock, actor: systemActor }, { action: 'case.note', subjectType: 'case', subjectId: 'C-1', changes: { note: { before: '旧', after: undefined } } }),
      );
      expect(await sequence(deps)).toBe(1);
      const [row] = await sequencedRows(deps);
      expect(row!.changes).toEqual({ note: { before: '旧' } });
      expect(entryOfRow(row!).changes).toEqual({ note: { before: '旧', after: null } });
      expect((await verifyLog(deps)).ok).toBe(true);
    } finally {
      await deps.database.close();
    }
  });
});
