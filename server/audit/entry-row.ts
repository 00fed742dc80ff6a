/**
 * From a stored audit_entries row to the canonical AuditEntry (entry.ts) whose hash is the Merkle leaf. The
 * sequencer, the verifier and bundle export all go through this one mapping, so they hash exactly the same thing.
 */
import type { auditEntries } from '../db/schema/audit.js';
import { AppError } from '../platform/errors.js';
import type { AuditEntry } from './entry.js';

/** An audit_entries row as drizzle reads it. */
export type AuditRow = typeof auditEntries.$inferSelect;

/**
 * JSON has no undefined: a change written as { before: x, after: undefined } is stored as { before: x }. The entry
 * format wants both keys, absent meaning null, so the missing one is put back as null (anything else is left for
 * the schema to judge).
 */
function completeChanges(changes: Record<string, unknown>): AuditEntry['changes'] {
  // fromEntries defines own properties, so a stored key "__proto__" stays a key and is hashed as one.
  return Object.fromEntries(
    Object.entries(changes).map(([key, value]) => {
      const isChange = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => k === 'before' || k === 'after');
      return [key, isChange ? { before: null, after: null, ...value } : value];
    }),
  ) as AuditEntry['changes'];
}

/** The canonical entry of a row at leaf index seq (the row's own seq unless the sequencer is assigning one). */
export function entryOfRow(row: AuditRow, seq: number | null = row.seq): AuditEntry {
  if (seq === null) throw new AppError('internal', `审计条目 ${row.id} 尚未排序 (entry id ${row.id} has no seq yet)`);
  return {
    seq,
    // timestamptz(3) holds milliseconds exactly; toISOString writes them in the one spelling entries use.
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    unitId: row.unitId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    changes: row.changes ? completeChanges(row.changes) : null,
    reason: row.reason,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    attachments: row.attachments ?? null,
  };
}
