import type { Db } from '../db/client.js';
import { sql, type SQL } from 'drizzle-orm';
import type { AttachmentRef, FieldChange } from '../db/schema/audit.js';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';
import { recordSet, type JsonFill } from '../db/record-set.js';

/** What an audit entry records about one action. */
export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId: string;
  unitId?: string | null;
  changes?: Record<string, FieldChange> | null;
  reason?: string | null;
  attachments?: AttachmentRef[] | null;
}

/** The request a change came from, for the trail. */
export interface RequestMeta {
  requestId?: string | null;
  clientAddress?: string | null;
}

/**
 * Writes one entry to the append-only trail. Call it inside the use case's transaction, with that transaction as db,
 * so the entry exists exactly when the change does.
 */
export async function audit(ctx: AuditCtx, input: AuditInput): Promise<void> {
  await auditMany(ctx, [input]);
}

type AuditCtx = { db: Db; clock: Clock; actor: Actor | null; meta?: RequestMeta };

/**
 * Writes several entries of one actor and request at once (bulk operations: seeding, imports, the sweeper).
 */
export async function auditMany(ctx: AuditCtx, inputs: AuditInput[]): Promise<void> {
  await auditEach(ctx.db, ctx.clock.now(), inputs.map((input) => ({ ...input, actor: ctx.actor, meta: ctx.meta })));
}

/** One entry of a batch that mixes actors and requests (the intake writer's). */
export interface AuditRow extends AuditInput {
  actor: Actor | null;
  meta?: RequestMeta;
  /** When it happened, if not at the batch's time. */
  at?: Date;
}

/**
 * Writes entries of any actors and requests in one INSERT … SELECT from a record set (db/record-set.ts) whatever the count: no
 * per-row statement building, no parameter limit. The system actor is recorded as role 'system' without an id.
 */
export async function auditEach(db: Db, at: Date, rows: AuditRow[]): Promise<void> {
  if (rows.length) await db.execute(auditEntriesInsert(at, rows));
}

/**
 * The INSERT of `auditEach`, for a caller that runs it as part of a larger statement (the intake writer), which may
 * rewrite the entries' changes in SQL: case numbers counted in that statement go in there.
 */
export function auditEntriesInsert(at: Date, rows: readonly AuditRow[], fillChanges?: JsonFill): SQL {
  const person = (r: AuditRow) => (r.actor && r.actor.username !== 'system' ? r.actor : null);
  const records = rows.map((r, k) => {
    const p = person(r);
    return {
      i: fillChanges?.index[k] ?? null, t: r.at ?? null, ai: p?.id ?? null, ar: p?.role ?? (r.actor ? 'system' : null),
      u: r.unitId ?? p?.unitId ?? null, a: r.action, st: r.subjectType, si: r.subjectId, ch: r.changes ?? null, r: r.reason ?? null,
      rq: r.meta?.requestId ?? null, ca: r.meta?.clientAddress ?? null, att: r.attachments ?? null,
    };
  });
  return sql`
    insert into audit_entries (at, actor_id, actor_role, unit_id, action, subject_type, subject_id, changes, reason, request_id, client_address, attachments)
    select coalesce(t, ${at}), ai, ar, u, a, st, si, ${fillChanges ? fillChanges.value(sql`x.ch`, sql`x.i`) : sql`ch`}, r, rq, ca, att
    from ${recordSet(records, 'i int, t timestamptz, ai uuid, ar text, u uuid, a text, st text, si text, ch jsonb, r text, rq text, ca text, att jsonb')}`;
}

/** The fields that differ between two versions of a record, as before → after pairs. */
export function diff<T extends Record<string, unknown>>(before: Partial<T>, after: Partial<T>): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[key] = { before: b, after: a };
  }
  return out;
}
