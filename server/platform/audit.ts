import type { Db } from '../db/client.js';
import { sql } from 'drizzle-orm';
import type { AttachmentRef, FieldChange } from '../db/schema/audit.js';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';

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
 * Writes several entries of one actor and request at once (bulk operations: seeding, imports, the sweeper). One
 * INSERT … SELECT FROM unnest(arrays) whatever the count: no per-row statement building, no parameter limit.
 */
export async function auditMany(ctx: AuditCtx, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const actor = ctx.actor && ctx.actor.username !== 'system' ? ctx.actor : null;
  const actorRole = actor?.role ?? (ctx.actor ? 'system' : null);
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const col = <T>(pick: (i: AuditInput) => T) => sql.param(inputs.map(pick));
  await ctx.db.execute(sql`
    insert into audit_entries (at, actor_id, actor_role, unit_id, action, subject_type, subject_id, changes, reason, request_id, client_address, attachments)
    select ${ctx.clock.now()}, ${actor?.id ?? null}::uuid, ${actorRole}::text, u, a, st, si, ch::jsonb, r, ${ctx.meta?.requestId ?? null}::text, ${ctx.meta?.clientAddress ?? null}::text, att::jsonb
    from unnest(${col((i) => i.unitId ?? actor?.unitId ?? null)}::uuid[], ${col((i) => i.action)}::text[], ${col((i) => i.subjectType)}::text[],
                ${col((i) => i.subjectId)}::text[], ${col((i) => json(i.changes))}::text[], ${col((i) => i.reason ?? null)}::text[],
                ${col((i) => json(i.attachments))}::text[]) as x(u, a, st, si, ch, r, att)`);
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
