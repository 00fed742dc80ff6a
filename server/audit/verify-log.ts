/**
 * The whole-log check behind `jiceng audit verify`. It trusts nothing stored but the fields of each entry: every leaf
 * hash is recomputed from them, the tree is rebuilt from those leaves and every stored node compared with it, every
 * checkpoint's root is compared with the rebuilt tree at its size and its signature checked against a trusted key,
 * seq must run 0, 1, 2 … without gaps, and attachment files must match the hashes the entries name.
 */
import { and, asc, count, gte, isNotNull, isNull, sql } from 'drizzle-orm';
import { auditEntries } from '../db/schema/audit.js';
import { entryLeafHash } from './canonical.js';
import { keyIdOf, verifyCheckpoint } from './checkpoint.js';
import { entryOfRow } from './entry-row.js';
import { bytesEqual, toHex } from './hash.js';
import { allCheckpoints, readNodes, type StoredCheckpoint } from './log-store.js';
import { rowsOf } from '../db/rows.js';
import { CompactRange, bitCount, type CompletedNode } from './merkle-compact.js';
import type { EvidenceDeps } from './sequencer.js';
import { checkReferencedAttachments, checkStoredAttachments, type CaseAttachmentRef } from './verify-attachments.js';

/** Options of verifyLog. */
export interface VerifyLogOptions {
  /** keyIds whose checkpoints are accepted; without it any key the database lists is (which an attacker could add to). */
  trustedKeyIds?: readonly string[];
  /** Entries read per query. */
  batch?: number;
}

/** The verdict on the stored log; problems in the order found, the first naming the first bad entry or checkpoint. */
export interface LogVerification {
  ok: boolean;
  problems: string[];
  treeSize: number;
  checkpointsChecked: number;
  attachmentsChecked: number;
  /** Entries inserted but not yet sequenced (normal for a few seconds; not a problem). */
  queued: number;
}

async function checkSignatures(deps: Pick<EvidenceDeps, 'db' | 'config'>, cps: StoredCheckpoint[], trusted?: readonly string[]): Promise<string[]> {
  const keys = new Map((await rowsOf<{ key_id: string; public_key_pem: string }>(deps.db, sql`select key_id, public_key_pem from signing_keys`)).map((k) => [k.key_id, k.public_key_pem]));
  const problems: string[] = [];
  for (const cp of cps) {
    const where = `checkpoint ${cp.treeSize} (signed ${cp.timestamp})`;
    const pem = keys.get(cp.keyId);
    const { signature, ...body } = cp;
    if (cp.algorithm !== deps.config.JICENG_AUDIT_HASH) problems.push(`${where}: 算法 ${cp.algorithm} 与日志的 ${deps.config.JICENG_AUDIT_HASH} 不同 (algorithm mismatch)`);
    if (!pem) problems.push(`${where}: 签名密钥 ${cp.keyId} 不在 signing_keys 中 (unknown signing key)`);
    else if (keyIdOf(pem) !== cp.keyId) problems.push(`${where}: signing_keys 中 ${cp.keyId} 的公钥被替换 (stored public key does not match its keyId)`);
    else if (trusted && !trusted.includes(cp.keyId)) problems.push(`${where}: 由不受信任的密钥 ${cp.keyId} 签名 (signed by an untrusted key)`);
    else if (!verifyCheckpoint(body, signature, pem)) problems.push(`${where}: 签名无效 (signature does not verify)`);
  }
  return problems;
}

/** Checks the stored log completely; never stops at the first problem. */
export async function verifyLog(deps: Pick<EvidenceDeps, 'db' | 'config'>, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const { db } = deps;
  const alg = deps.config.JICENG_AUDIT_HASH;
  const batch = options.batch ?? 5000;
  const cps = await allCheckpoints(db);
  const problems = await checkSignatures(deps, cps, options.trustedKeyIds);
  const cpBySize = new Map(cps.map((cp) => [cp.treeSize, cp]));
  const range = new CompactRange(alg);
  const refs: CaseAttachmentRef[] = [];
  const checkRoot = () => {
    const cp = cpBySize.get(range.size);
    if (cp && toHex(range.root()) !== cp.rootHash) {
      problems.push(`checkpoint ${cp.treeSize}: 签名的根哈希与前 ${cp.treeSize} 条条目不符，已签名的条目被改动 (signed root differs from the entries' root: signed entries were changed)`);
    }
  };
  checkRoot();
  for (let from = 0; ; ) {
    const rows = await db.select().from(auditEntries).where(and(isNotNull(auditEntries.seq), gte(auditEntries.seq, from))).orderBy(asc(auditEntries.seq)).limit(batch);
    if (rows.length === 0) break;
    const expected: CompletedNode[] = [];
    for (const row of rows) {
      const seq = row.seq as number;
      const where = `entry seq ${seq} (id ${row.id})`;
      if (seq !== range.size) problems.push(`${where}: 序号 ${range.size}–${seq - 1} 缺失，条目被删除 (seq ${range.size}..${seq - 1} missing: entries deleted)`);
      let leaf: Uint8Array | null = null;
      try {
        leaf = entryLeafHash(alg, entryOfRow(row));
      } catch (e) {
        problems.push(`${where}: 条目无法编码 (cannot be encoded): ${(e as Error).message}`);
      }
      if (!row.leafHash) problems.push(`${where}: 缺少叶子哈希 (no leaf hash)`);
      else if (leaf && !bytesEqual(leaf, row.leafHash)) problems.push(`${where}: 字段与叶子哈希不符，条目被改动 (fields do not match the leaf hash: entry changed)`);
      // Rebuild from the recomputed leaf: a changed entry must not be able to hide behind a rewritten leaf_hash.
      expected.push(...range.append(leaf ?? row.leafHash ?? new Uint8Array(32)));
      checkRoot();
      for (const a of row.subjectType === 'case' ? (row.attachments ?? []) : []) {
        refs.push({ seq, id: row.id, caseId: row.subjectId, name: a.name, sha256: a.sha256, size: a.size });
      }
    }
    const stored = await readNodes(db, expected);
    for (const node of expected) {
      const hash = stored.get(`${node.level}:${node.index}`);
      const first = node.index * 2 ** node.level;
      const where = `merkle node (level ${node.level}, index ${node.index}; entries seq ${first}–${first + 2 ** node.level - 1})`;
      if (!hash) problems.push(`${where}: 缺失 (missing)`);
      else if (!bytesEqual(hash, node.hash)) problems.push(`${where}: 与条目重算的值不符 (differs from the tree rebuilt from the entries)`);
    }
    from = (rows.at(-1)?.seq as number) + 1;
  }
  const size = range.size;
  for (const cp of cps) {
    if (cp.treeSize > size) problems.push(`checkpoint ${cp.treeSize}: 日志只有 ${size} 条，条目被删除 (larger than the log of ${size} entries: entries deleted)`);
  }
  const [nodes] = await rowsOf<{ n: number | string }>(db, sql`select count(*) as n from merkle_nodes`);
  if (Number(nodes?.n) !== 2 * size - bitCount(size)) {
    problems.push(`merkle_nodes: 有 ${nodes?.n} 个节点，${size} 条条目的树应有 ${2 * size - bitCount(size)} 个 (unexpected node count)`);
  }
  const [badQueue] = await db.select({ n: count() }).from(auditEntries).where(and(isNull(auditEntries.seq), isNotNull(auditEntries.leafHash)));
  if (badQueue && badQueue.n > 0) problems.push(`audit_entries: ${badQueue.n} 条未排序条目带有叶子哈希 (unsequenced rows with a leaf hash)`);
  const [queued] = await db.select({ n: count() }).from(auditEntries).where(isNull(auditEntries.seq));
  // A queued row that cannot be encoded is never sequenced: the sequencer skips it, so it would be missing for good.
  for (const row of await db.select().from(auditEntries).where(isNull(auditEntries.seq)).orderBy(asc(auditEntries.id)).limit(10_000)) {
    try {
      entryLeafHash(alg, entryOfRow(row, 0));
    } catch (e) {
      problems.push(`queued entry id ${row.id}: 无法编码，永远不会排序 (cannot be encoded, so it is never sequenced): ${(e as Error).message}`);
    }
  }
  problems.push(...(await checkReferencedAttachments(db, refs)));
  const files = await checkStoredAttachments(db);
  problems.push(...files.problems);
  return { ok: problems.length === 0, problems, treeSize: size, checkpointsChecked: cps.length, attachmentsChecked: files.checked, queued: queued?.n ?? 0 };
}
