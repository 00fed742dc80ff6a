/**
 * The sequencer, as in Trillian: use cases queue audit entries (rows with seq NULL, inserted in their own
 * transaction); this integrates them into the Merkle log. One transaction per batch, under a transaction-scoped
 * advisory lock so that several server instances never fork the log: read the tree size and its frontier nodes,
 * take queued rows in id order, give each the next seq and its leaf hash, store the nodes the appends complete.
 *
 * Order: a row becomes visible only when its transaction commits, so a row with a lower id can turn up after a
 * higher one was sequenced. It then simply gets a later seq: the log's order is seq (the order the platform
 * committed to), not id, and nothing waits for stragglers. See docs/EVIDENCE.md.
 */
import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEntries } from '../db/schema/audit.js';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { entryLeafHash } from './canonical.js';
import { entryOfRow } from './entry-row.js';
import { bytesEqual, toHex, type HashAlgorithm } from './hash.js';
import { arrayLiteral, readNodes, sequencedSize } from './log-store.js';
import { rowsOf } from '../db/rows.js';
import { CompactRange, type CompletedNode } from './merkle-compact.js';
import { rangeNodes } from './merkle-nodes.js';

/** What the evidence functions need of the server's dependencies. */
export type EvidenceDeps = Pick<Deps, 'db' | 'config' | 'clock'>;

/** The advisory lock every sequencer and checkpointer takes (any fixed number; the migration lock is ...611). */
export const SEQUENCER_LOCK_KEY = 7_100_202_612;

/** The default number of entries integrated per transaction. */
export const DEFAULT_BATCH = 5000;

/** The outcome of one sequencing transaction. */
export interface SequenceResult {
  treeSize: number;
  sequenced: number;
  /** Queued rows that cannot be encoded (they stay queued; `audit verify` lists them). */
  skipped: Array<{ id: number; reason: string }>;
}

/** Takes the log's lock for the rest of the transaction. */
export async function lockLog(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY})`);
}

/** The log's current compact range, from the stored frontier nodes. */
export async function frontier(tx: Db, alg: HashAlgorithm, size: number): Promise<CompactRange> {
  if (size === 0) return new CompactRange(alg);
  const ids = rangeNodes(0, size);
  const nodes = await readNodes(tx, ids);
  const hashes = ids.map(({ level, index }) => {
    const hash = nodes.get(`${level}:${index}`);
    if (!hash) throw new AppError('integrity_violation', `缺少默克尔树节点 (missing Merkle node ${level}:${index} of a tree of ${size})`);
    return hash;
  });
  return new CompactRange(alg, size, hashes);
}

const checkedLogs = new WeakMap<object, HashAlgorithm>();

/** Refuses to extend a log built with the other algorithm (checked on leaf 0, once per database handle and algorithm). */
async function assertLogAlgorithm(deps: EvidenceDeps, tx: Db, alg: HashAlgorithm): Promise<void> {
  if (checkedLogs.get(deps.db) === alg) return;
  const [first] = await tx.select().from(auditEntries).where(eq(auditEntries.seq, 0));
  if (first?.leafHash) {
    const other: HashAlgorithm = alg === 'sm3' ? 'sha256' : 'sm3';
    let ours = false;
    let theirs = false;
    try {
      ours = bytesEqual(entryLeafHash(alg, entryOfRow(first)), first.leafHash);
      theirs = !ours && bytesEqual(entryLeafHash(other, entryOfRow(first)), first.leafHash);
    } catch {
      // An unreadable leaf 0 is for `audit verify` to report; it says nothing about the algorithm.
    }
    if (theirs) {
      throw new AppError('config_invalid', `证据日志使用 ${other}，但配置为 ${alg} (the evidence log uses ${other}; set JICENG_AUDIT_HASH=${other})`);
    }
  }
  checkedLogs.set(deps.db, alg);
}

/** Integrates up to max queued entries in one transaction; reports what it did. */
export async function sequenceBatch(deps: EvidenceDeps, options: { max?: number } = {}): Promise<SequenceResult> {
  const max = options.max ?? DEFAULT_BATCH;
  const alg = deps.config.JICENG_AUDIT_HASH;
  return deps.db.transaction(async (tx) => {
    await lockLog(tx);
    // Read after the lock: under READ COMMITTED each statement sees what the previous holder committed.
    const size = await sequencedSize(tx);
    await assertLogAlgorithm(deps, tx, alg);
    const queued = await tx.select().from(auditEntries).where(isNull(auditEntries.seq)).orderBy(asc(auditEntries.id)).limit(max);
    if (queued.length === 0) return { treeSize: size, sequenced: 0, skipped: [] };
    const range = await frontier(tx, alg, size);
    const ids: number[] = [];
    const seqs: number[] = [];
    const leaves: string[] = [];
    const nodes: CompletedNode[] = [];
    const skipped: SequenceResult['skipped'] = [];
    for (const row of queued) {
      let leaf: Uint8Array;
      try {
        leaf = entryLeafHash(alg, entryOfRow(row, range.size));
      } catch (e) {
        skipped.push({ id: row.id, reason: (e as Error).message });
        continue;
      }
      ids.push(row.id);
      seqs.push(range.size);
      leaves.push(toHex(leaf));
      nodes.push(...range.append(leaf));
    }
    if (ids.length > 0) {
      const updated = await rowsOf<{ id: number }>(
        tx,
        sql`update audit_entries a set seq = v.seq, leaf_hash = decode(v.h, 'hex')
            from unnest(${arrayLiteral(ids)}::bigint[], ${arrayLiteral(seqs)}::bigint[], ${arrayLiteral(leaves)}::text[]) as v(id, seq, h)
            where a.id = v.id and a.seq is null returning a.id`,
      );
      if (updated.length !== ids.length) {
        throw new AppError('internal', `排序时条目被并发修改 (sequenced ${updated.length} of ${ids.length} rows)`);
      }
      await tx.execute(
        sql`insert into merkle_nodes (level, index, hash)
            select v.l, v.i, decode(v.h, 'hex')
            from unnest(${arrayLiteral(nodes.map((n) => n.level))}::int[], ${arrayLiteral(nodes.map((n) => n.index))}::bigint[],
                        ${arrayLiteral(nodes.map((n) => toHex(n.hash)))}::text[]) as v(l, i, h)`,
      );
    }
    return { treeSize: range.size, sequenced: ids.length, skipped };
  });
}

/** Integrates up to max queued entries (default 5000) into the log; returns the new tree size. */
export async function sequence(deps: EvidenceDeps, options: { max?: number } = {}): Promise<number> {
  return (await sequenceBatch(deps, options)).treeSize;
}

/** Sequences batch after batch until the queue holds nothing more it can integrate; returns the last result. */
export async function sequenceAll(deps: EvidenceDeps, options: { max?: number } = {}): Promise<SequenceResult> {
  let total: SequenceResult = { treeSize: 0, sequenced: 0, skipped: [] };
  for (;;) {
    const r = await sequenceBatch(deps, options);
    total = { treeSize: r.treeSize, sequenced: total.sequenced + r.sequenced, skipped: r.skipped };
    // A batch of nothing but unencodable rows would come back forever; stop rather than spin.
    if (r.sequenced === 0 || r.sequenced + r.skipped.length < (options.max ?? DEFAULT_BATCH)) return total;
  }
}
