import { and, eq, ne } from 'drizzle-orm';
import type { CaseStatus } from '../../common/cases.js';
import type { Db } from '../db/client.js';
import { caseTasks, cases } from '../db/schema/cases.js';
import type { AttachmentRef, FieldChange } from '../db/schema/audit.js';
import type { Actor } from '../platform/actor.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { caseVisible, isReporter } from './case-scope.js';
import { actionsFrom, assertTransition, transitions, unitRoles, whoRoles, type CaseAction } from './lifecycle.js';
import { followerNotices } from './follower-notices.js';
import { enqueueNotices, type Notice } from './notify.js';
import { publishCaseChange } from './live.js';
import { recordCaseFacts } from '../cockpit/record-facts.js';

export type CaseRow = typeof cases.$inferSelect;
export type TaskRow = typeof caseTasks.$inferSelect;

/** What an action's body sees: the locked case, its live tasks, and the actor's own task when acting for a unit. */
export interface ActionEnv {
  tx: Db;
  c: CaseRow;
  tasks: TaskRow[];
  actorTask: TaskRow | null;
  now: Date;
}

/** What an action's body decides: the case's new fields, the trail entry and the notices. */
export interface ActionOutcome {
  patch?: Partial<CaseRow>;
  event: string;
  reason?: string | null;
  changes?: Record<string, FieldChange>;
  attachments?: AttachmentRef[];
  notices?: Notice[];
}

/** The task the actor acts for: one whose unit contains the actor's unit, of the role the action needs. */
function taskOfActor(actor: Actor, tasks: TaskRow[], role: 'lead' | 'assist' | 'rectification' | 'any'): TaskRow | null {
  return tasks.find((t) => (role === 'any' || t.role === role) && actor.unitPath.startsWith(t.unitPath)) ?? null;
}

function deny(action: CaseAction): never {
  throw new AppError('forbidden', `无权对此工单执行“${action}” (your role may not ${action} this case)`, { action });
}

/** Checks that the actor is the kind of person the transition table names; returns their task when they act for a unit. */
function checkWho(actor: Actor, action: CaseAction, c: CaseRow, tasks: TaskRow[], reporterIndex: string): TaskRow | null {
  const who = transitions[action].who;
  if (who === 'system') {
    if (actor.username !== 'system') deny(action);
    return null;
  }
  if (who === 'reporter') {
    if (!isReporter(actor, c, reporterIndex) && !whoRoles.supervision.includes(actor.role)) deny(action);
    return null;
  }
  if (who === 'unit') {
    if (!unitRoles.includes(actor.role)) deny(action);
    const role = action.startsWith('assist_') ? 'assist' : 'lead';
    const task = taskOfActor(actor, tasks, role) ?? (role === 'lead' ? taskOfActor(actor, tasks, 'rectification') : null);
    if (!task) throw new AppError('forbidden', `此工单未派给您的单位 (this case is not assigned to your unit as ${role})`, { action });
    return task;
  }
  if (!whoRoles[who].includes(actor.role)) deny(action);
  // Township staff dispatch only within their own township.
  if (who === 'center' && actor.role === 'township_staff' && !c.areaPath.startsWith(actor.scopePath)) deny(action);
  return null;
}

/** The actions the actor may take on the case now (what the case page offers). */
export function allowedActionsFor(actor: Actor, c: CaseRow, tasks: TaskRow[], reporterIndex: string): CaseAction[] {
  return actionsFrom(c.status).filter((action) => {
    if (transitions[action].who === 'system') return false;
    try {
      checkWho(actor, action, c, tasks, reporterIndex);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs one action on a case in one transaction: lock the case, check visibility, the transition table and the
 * actor's right to act, apply the body's outcome, write the trail entry and the notices. Nothing is half-written.
 */
export async function runCaseAction(ctx: Ctx, caseId: string, action: CaseAction, body: (env: ActionEnv) => Promise<ActionOutcome>): Promise<CaseRow> {
  const reach = authorize(ctx.actor, 'case.read');
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    if (!c) throw notFoundOrNoAccess('工单');
    const tasks = await tx.select().from(caseTasks).where(and(eq(caseTasks.caseId, caseId), ne(caseTasks.status, 'cancelled')));
    const reporterIndex = ctx.box.index(ctx.actor.id);
    if (!caseVisible(ctx.actor, reach, c, tasks.map((t) => t.unitPath), reporterIndex)) throw notFoundOrNoAccess('工单');
    assertTransition(c.status, action);
    const actorTask = checkWho(ctx.actor, action, c, tasks, reporterIndex);
    const outcome = await body({ tx, c, tasks, actorTask, now });
    const patch = outcome.patch ?? {};
    const [row] = await tx.update(cases).set({ ...patch, updatedAt: now }).where(eq(cases.id, caseId)).returning();
    await recordCaseFacts(tx, [row!]);
    const statusChange: Record<string, FieldChange> =
      patch.status && patch.status !== c.status ? { status: { before: c.status, after: patch.status as CaseStatus } } : {};
    // An anonymous reporter acting on their own case stays anonymous in the trail too.
    const anonymousActor = c.anonymous && isReporter(ctx.actor, c, reporterIndex);
    await audit(
      { ...ctx, db: tx, actor: anonymousActor ? null : ctx.actor },
      {
        action: outcome.event,
        subjectType: 'case',
        subjectId: caseId,
        unitId: actorTask?.unitId ?? (anonymousActor ? null : ctx.actor.unitId),
        changes: { ...statusChange, ...outcome.changes },
        reason: outcome.reason ?? null,
        attachments: outcome.attachments ?? null,
      },
    );
    // Followers hear when the case is resolved or closed (follower-notices.ts; no query for other changes).
    const heard = patch.status && patch.status !== c.status ? await followerNotices(tx, row!, patch.status as CaseStatus, now) : [];
    await enqueueNotices(tx, now, [...(outcome.notices ?? []), ...heard]);
    return row!;
  });
  publishCaseChange(ctx, updated);
  return updated;
}
