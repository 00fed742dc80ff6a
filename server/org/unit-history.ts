import { and, asc, eq } from 'drizzle-orm';
import { auditEntries } from '../db/schema/audit.js';
import { users } from '../db/schema/users.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';
import { loadUnitInReach } from './load-unit.js';

/** The recorded changes of a unit (and of its grid geometry), oldest first, from the audit trail. */
export async function unitHistory(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const reach = authorize(ctx.actor, 'unit.read');
  await loadUnitInReach(ctx.db, ctx.actor, reach, id);
  const rows = await ctx.db
    .select({ entry: auditEntries, actorName: users.displayName })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(eq(auditEntries.subjectType, 'unit'), eq(auditEntries.subjectId, id)))
    .orderBy(asc(auditEntries.id));
  return rows.map(({ entry, actorName }) => ({
    at: entry.at.toISOString(),
    actor: entry.actorId ? { id: entry.actorId, displayName: actorName ?? '' } : null,
    action: entry.action,
    changes: entry.changes,
    reason: entry.reason,
  }));
}
