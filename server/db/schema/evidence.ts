import { bigint, boolean, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * The complete subtrees of the evidence log's Merkle tree (docs/EVIDENCE.md). Node (level, index) covers leaves
 * [index·2^level, (index+1)·2^level) and never changes once complete, so the table is insert-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE); any root or proof reads O(log n) of these rows.
 */
export const merkleNodes = pgTable(
  'merkle_nodes',
  {
    level: integer('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.index] })],
);

/** The public keys that have signed checkpoints; the private key never enters the database. */
export const signingKeys = pgTable('signing_keys', {
  keyId: text('key_id').primaryKey(),
  publicKeyPem: text('public_key_pem').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  /** The key the platform signs with now; older keys stay to check older checkpoints. */
  active: boolean('active').notNull(),
});

/** Signed tree heads: "the first tree_size entries have this root", signed with Ed25519. Insert-only. */
export const checkpoints = pgTable('checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: bytea('root_hash').notNull(),
  algorithm: text('algorithm').$type<'sm3' | 'sha256'>().notNull(),
  keyId: text('key_id')
    .notNull()
    .references(() => signingKeys.keyId),
  signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
  /** Ed25519 over the checkpoint body (server/audit/checkpoint.ts), standard base64. */
  signature: text('signature').notNull(),
});
