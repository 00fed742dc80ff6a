import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** A changed field in an audit entry. */
export type FieldChange = { before: unknown; after: unknown };

/** An attachment recorded in the trail by its hash. */
export type AttachmentRef = { name: string; sha256: string; size: number };

/**
 * The append-only trail of every action (全程留痕). Rows are inserted in the transaction of the change they record;
 * the sequencer later gives each a gap-free leaf index (seq) and its Merkle leaf hash. A trigger refuses DELETE and
 * any UPDATE other than that one-time sequencing.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    seq: bigint('seq', { mode: 'number' }).unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    changes: jsonb('changes').$type<Record<string, FieldChange>>(),
    reason: text('reason'),
    requestId: text('request_id'),
    clientAddress: text('client_address'),
    attachments: jsonb('attachments').$type<AttachmentRef[]>(),
    leafHash: bytea('leaf_hash'),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId), index('audit_unsequenced_idx').on(t.id).where(sql`${t.seq} is null`)],
);
