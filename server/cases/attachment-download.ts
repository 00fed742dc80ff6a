import { and, eq, ne } from 'drizzle-orm';
import { caseAttachments, caseTasks, cases } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { caseVisible } from './case-scope.js';

/** One stored attachment of a case the caller may read. */
export async function loadAttachment(ctx: Pick<Ctx, 'db' | 'actor' | 'box'>, caseId: string, attachmentId: string) {
  const reach = authorize(ctx.actor, 'case.read');
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  const tasks = c ? await ctx.db.select({ unitPath: caseTasks.unitPath }).from(caseTasks).where(and(eq(caseTasks.caseId, caseId), ne(caseTasks.status, 'cancelled'))) : [];
  if (!c || !caseVisible(ctx.actor, reach, c, tasks.map((t) => t.unitPath), ctx.box.index(ctx.actor.id))) throw notFoundOrNoAccess('附件');
  const [file] = await ctx.db.select().from(caseAttachments).where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
  if (!file) throw notFoundOrNoAccess('附件');
  return file;
}
