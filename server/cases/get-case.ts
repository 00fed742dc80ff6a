import { and, asc, eq, inArray } from 'drizzle-orm';
import { auditEntries } from '../db/schema/audit.js';
import { caseAttachments, casePauses, caseTasks, cases, categories, supervisionOrders } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import type { Ctx } from '../platform/context.js';
import { notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { allowedActionsFor } from './case-action.js';
import { caseVisible } from './case-scope.js';
import { followerCount } from './follow-case.js';
import { presentContact, presentDeadlines, presentSummary } from './present.js';

/** One case in full: its fields, units and tasks, attachments, supervision, the actions the caller may take, and its timeline. */
export async function getCase(ctx: Pick<Ctx, 'db' | 'actor' | 'box'>, caseId: string) {
  const reach = authorize(ctx.actor, 'case.read');
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!c) throw notFoundOrNoAccess('工单');
  const tasks = await ctx.db
    .select({ task: caseTasks, unitName: units.name })
    .from(caseTasks)
    .innerJoin(units, eq(units.id, caseTasks.unitId))
    .where(eq(caseTasks.caseId, caseId))
    .orderBy(asc(caseTasks.createdAt));
  const live = tasks.filter((t) => t.task.status !== 'cancelled').map((t) => t.task);
  const reporterIndex = ctx.box.index(ctx.actor.id);
  if (!caseVisible(ctx.actor, reach, c, live.map((t) => t.unitPath), reporterIndex)) throw notFoundOrNoAccess('工单');

  const unitIds = [c.leadUnitId, c.suggestedUnitId, c.gridId, c.escalationUnitId].filter((x): x is string => !!x);
  const [unitRows, category, files, orders, pauses, entries, reporter, followers] = await Promise.all([
    unitIds.length ? ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : Promise.resolve([]),
    c.categoryId ? ctx.db.select({ id: categories.id, code: categories.code, name: categories.name }).from(categories).where(eq(categories.id, c.categoryId)) : Promise.resolve([]),
    ctx.db
      .select({ id: caseAttachments.id, kind: caseAttachments.kind, filename: caseAttachments.filename, mime: caseAttachments.mime, size: caseAttachments.size, sha256: caseAttachments.sha256, createdAt: caseAttachments.createdAt })
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, caseId)),
    ctx.db.select().from(supervisionOrders).where(eq(supervisionOrders.caseId, caseId)).orderBy(asc(supervisionOrders.createdAt)),
    ctx.db.select().from(casePauses).where(eq(casePauses.caseId, caseId)).orderBy(asc(casePauses.requestedAt)),
    ctx.db
      .select({ e: auditEntries, actorName: users.displayName })
      .from(auditEntries)
      .leftJoin(users, eq(users.id, auditEntries.actorId))
      .where(and(eq(auditEntries.subjectType, 'case'), eq(auditEntries.subjectId, caseId)))
      .orderBy(asc(auditEntries.id)),
    c.reporterId ? ctx.db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, c.reporterId)) : Promise.resolve([]),
    followerCount(ctx.db, caseId),
  ]);
  // Who else follows the case is for the staff who handle it: a reporter reading their own case sees that people
  // follow it, not who they are.
  const hidesFollowers = reach === 'self';
  const actorOf = (e: (typeof entries)[number]['e'], name: string | null) => {
    if (hidesFollowers && (e.action === 'followed' || e.action === 'unfollowed') && e.actorId !== ctx.actor.id) return null;
    if (e.actorId) return { id: e.actorId, displayName: name ?? '', role: e.actorRole };
    return e.actorRole === 'system' ? { id: null, displayName: '系统', role: 'system' } : null;
  };
  const nameOf = new Map(unitRows.map((u) => [u.id, u.name]));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...presentSummary(c, { categoryName: category[0]?.name ?? null, leadUnitName: c.leadUnitId ? nameOf.get(c.leadUnitId) ?? null : null, gridName: c.gridId ? nameOf.get(c.gridId) ?? null : null }),
    description: c.description,
    category: category[0] ?? null,
    location: c.lng !== null && c.lat !== null ? { lng: c.lng, lat: c.lat, address: c.address } : c.address ? { lng: null, lat: null, address: c.address } : null,
    reporter: c.anonymous ? null : (reporter[0] ?? null),
    contact: presentContact(ctx.box, c),
    suggestedUnit: c.suggestedUnitId ? { id: c.suggestedUnitId, name: nameOf.get(c.suggestedUnitId) ?? '' } : null,
    escalationUnit: c.escalationUnitId ? { id: c.escalationUnitId, name: nameOf.get(c.escalationUnitId) ?? '' } : null,
    reply: c.reply,
    returnCount: c.returnCount,
    reopenCount: c.reopenCount,
    mergedIntoId: c.mergedIntoId,
    /** People who follow the case instead of reporting it again (关注). */
    followers,
    prediction: c.prediction,
    deadlines: presentDeadlines(c),
    tasks: tasks.map(({ task, unitName }) => ({ id: task.id, unitId: task.unitId, unitName, role: task.role, status: task.status, acceptDue: iso(task.acceptDue), resolveDue: iso(task.resolveDue), acceptedAt: iso(task.acceptedAt), resolvedAt: iso(task.resolvedAt), reply: task.reply })),
    attachments: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    supervisionOrders: orders.map((o) => ({ id: o.id, level: o.level, issuedToUnitId: o.issuedToUnitId, issuedByUnitId: o.issuedByUnitId, reason: o.reason, dueAt: o.dueAt.toISOString(), status: o.status, createdAt: o.createdAt.toISOString() })),
    pauses: pauses.map((p) => ({ id: p.id, reason: p.reason, status: p.status, requestedAt: p.requestedAt.toISOString(), startedAt: iso(p.startedAt), endedAt: iso(p.endedAt) })),
    allowedActions: allowedActionsFor(ctx.actor, c, live, reporterIndex),
    timeline: entries.map(({ e, actorName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actor: actorOf(e, actorName),
      changes: e.changes,
      reason: e.reason,
      attachments: e.attachments,
    })),
  };
}
