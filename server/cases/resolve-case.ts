import { eq } from 'drizzle-orm';
import { caseAttachments, caseTasks } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { checkAttachment } from './attachments.js';
import { runCaseAction, type CaseRow } from './case-action.js';
import { areaIds } from './suggest-unit.js';
import type { AttachmentInput } from './schema.js';
import { resolveTiming } from '../cockpit/timings.js';

/**
 * The lead unit reports the work done (办结) with a reply and evidence. Assisting units must have finished their part
 * first; the reporter is asked to rate the result and the centre to follow up.
 */
export async function resolveCase(ctx: Ctx, caseId: string, input: { reply: string; attachments?: AttachmentInput[] }): Promise<CaseRow> {
  const files = (input.attachments ?? []).map(checkAttachment);
  return runCaseAction(ctx, caseId, 'resolve', async ({ tx, c, tasks, actorTask, now }) => {
    const pending = tasks.filter((t) => t.role === 'assist' && t.status !== 'resolved');
    if (pending.length) {
      throw new AppError('conflict', `协办单位尚未办结，不能办结 (assisting units have not finished: ${pending.length})`, { pendingTasks: pending.map((t) => t.id) });
    }
    await tx.update(caseTasks).set({ status: 'resolved', resolvedAt: now, reply: input.reply, updatedAt: now }).where(eq(caseTasks.id, actorTask!.id));
    if (files.length) {
      await tx.insert(caseAttachments).values(files.map((f) => ({ caseId, kind: f.kind, filename: f.name, mime: f.mime, size: f.size, sha256: f.sha256, content: f.content, uploadedBy: ctx.actor.id, createdAt: now })));
    }
    const countyId = areaIds(c.areaPath)[0]!;
    return {
      event: 'resolved',
      patch: { status: 'resolved', resolvedAt: now, reply: input.reply, firstResponseAt: c.firstResponseAt ?? now, warnAt: null, card: 'none', nextSweepAt: null, ...(await resolveTiming(tx, ctx.work, c, now)) },
      changes: { reply: { before: c.reply, after: input.reply } },
      attachments: files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
      notices: [
        ...(c.reporterId ? [{ to: { userId: c.reporterId }, topic: 'case.resolved', title: `您反映的问题已办结 ${c.number}`, body: `${input.reply}（请评价办理结果）`, caseId, key: `resolved:${caseId}:${now.getTime()}` }] : []),
        { to: { unitId: countyId, roles: ['dispatcher'] }, topic: 'case.resolved', title: `工单已办结待回访 ${c.number}`, body: input.reply, caseId, key: `resolved-center:${caseId}:${now.getTime()}` },
      ],
    };
  });
}
