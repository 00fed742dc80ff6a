import type { Db } from '../db/client.js';
import { auditEntries, type AttachmentRef, type FieldChange } from '../db/schema/audit.js';
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

/** Writes several entries of one actor and request at once (bulk operations such as seeding or imports). */
export async function auditMany(ctx: AuditCtx, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const actor = ctx.actor && ctx.actor.username !== 'system' ? ctx.actor : null;
  const at = ctx.clock.now();
  await ctx.db.insert(auditEntries).values(inputs.map((input) => ({
    at,
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? (ctx.actor ? 'system' : null),
    unitId: input.unitId ?? actor?.unitId ?? null,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    changes: input.changes ?? null,
    reason: input.reason ?? null,
    requestId: ctx.meta?.requestId ?? null,
    clientAddress: ctx.meta?.clientAddress ?? null,
    attachments: input.attachments ?? null,
  })));
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
