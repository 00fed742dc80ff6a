/**
 * Reading the evidence log from the database: its size, stored Merkle nodes and checkpoints. Plain SQL through
 * drizzle's execute so the same text runs on PGlite and PostgreSQL; arrays travel as one array-literal parameter
 * each (ids, levels and hex hashes never need quoting inside one).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { AppError } from '../platform/errors.js';
import type { Checkpoint } from './checkpoint.js';
import { toHex, type HashAlgorithm } from './hash.js';
import { nodesForRanges, treeFromNodes, type NodeId } from './merkle-nodes.js';
import type { LeafRange, SubtreeHashes } from './merkle.js';

/** A checkpoint as stored, with its signature. */
export interface StoredCheckpoint extends Checkpoint {
  signature: string;
}

/** A PostgreSQL array literal of numbers or hex strings, for `${arrayLiteral(xs)}::bigint[]`. */
export function arrayLiteral(values: ReadonlyArray<number | string>): string {
  return `{${values.join(',')}}`;
}

/** Bytes of a bytea value (PGlite gives Uint8Array, node-postgres a Buffer). */
export function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new AppError('internal', 'expected a bytea value');
}

/** The number of sequenced entries: one past the highest seq (the unique index on seq answers it). */
export async function sequencedSize(db: Db): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(db, sql`select coalesce(max(seq) + 1, 0) as n from audit_entries`);
  return Number(row?.n ?? 0);
}

/** The stored nodes with these ids, keyed "level:index". */
export async function readNodes(db: Db, ids: readonly NodeId[]): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  if (ids.length === 0) return found;
  const levels = arrayLiteral(ids.map((i) => i.level));
  const indexes = arrayLiteral(ids.map((i) => i.index));
  const rows = await rowsOf<{ level: number; index: number | string; hash: unknown }>(
    db,
    sql`select n.level, n.index, n.hash from merkle_nodes n
        join unnest(${levels}::int[], ${indexes}::bigint[]) as w(level, index) on n.level = w.level and n.index = w.index`,
  );
  for (const r of rows) found.set(`${r.level}:${Number(r.index)}`, bytesOf(r.hash));
  return found;
}

/** A SubtreeHashes source over the first `size` leaves that can answer exactly these ranges, read in one query. */
export async function storedTree(db: Db, alg: HashAlgorithm, size: number, ranges: readonly LeafRange[]): Promise<SubtreeHashes> {
  const nodes = await readNodes(db, nodesForRanges(ranges));
  return treeFromNodes(alg, size, (level, index) => nodes.get(`${level}:${index}`));
}

type CheckpointRow = { tree_size: number | string; root_hash: unknown; algorithm: string; key_id: string; signed_ms: number | string; signature: string };

// Milliseconds since the epoch read the same on both drivers (their timestamptz texts and parsers differ).
const checkpointColumns = sql`tree_size, root_hash, algorithm, key_id, (extract(epoch from signed_at) * 1000)::bigint as signed_ms, signature`;

function checkpointOf(r: CheckpointRow): StoredCheckpoint {
  return {
    treeSize: Number(r.tree_size),
    rootHash: toHex(bytesOf(r.root_hash)),
    timestamp: new Date(Number(r.signed_ms)).toISOString(),
    algorithm: r.algorithm as HashAlgorithm,
    keyId: r.key_id,
    signature: r.signature,
  };
}

/** The checkpoint of the largest tree, or null before the first one. */
export async function latestCheckpoint(db: Db): Promise<StoredCheckpoint | null> {
  const [row] = await rowsOf<CheckpointRow>(db, sql`select ${checkpointColumns} from checkpoints order by tree_size desc limit 1`);
  return row ? checkpointOf(row) : null;
}

/** Every checkpoint, smallest tree first. */
export async function allCheckpoints(db: Db): Promise<StoredCheckpoint[]> {
  const rows = await rowsOf<CheckpointRow>(db, sql`select ${checkpointColumns} from checkpoints order by tree_size`);
  return rows.map(checkpointOf);
}

/** The public key (PEM) of a keyId, or null when the database does not know it. */
export async function publicKeyOf(db: Db, keyId: string): Promise<string | null> {
  const [row] = await rowsOf<{ public_key_pem: string }>(db, sql`select public_key_pem from signing_keys where key_id = ${keyId}`);
  return row?.public_key_pem ?? null;
}
