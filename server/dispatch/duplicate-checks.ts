/**
 * The two duplicate checks people use: the report form's "已有人反映过 — 关注这一件？" before a report is sent, and
 * the dispatcher's merge suggestions for a case already taken in (POST /api/cases/:id/merge does the merge).
 * Cases the caller may not read show only their number, status, category and distance.
 */
import { eq } from 'drizzle-orm';
import { caseTasks, cases } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { caseScope, caseVisible } from '../cases/case-scope.js';
import { findDuplicateCases } from './find-duplicates.js';
import type { DuplicateCase } from '../../common/following.js';

/** A report being written: its text and, when given, its location. */
export interface DraftReport {
  title?: string;
  description: string;
  location?: { lng: number; lat: number };
}

/** Open cases the draft report probably repeats (for the report form). */
export async function duplicatesOfDraft(ctx: Pick<Ctx, 'db' | 'actor' | 'box' | 'clock' | 'grids'>, draft: DraftReport): Promise<DuplicateCase[]> {
  const reach = authorize(ctx.actor, 'case.create');
  const readReach = authorize(ctx.actor, 'case.read');
  let gridId: string | null = null;
  if (draft.location) {
    gridId = await ctx.grids.locate(draft.location.lng, draft.location.lat);
    if (!gridId) throw new AppError('invalid_location', '位置不在本县范围内 (location is outside the county)', { field: 'location' });
  }
  return findDuplicateCases(ctx.db, {
    text: `${draft.title ?? ''} ${draft.description}`, lng: draft.location?.lng ?? null, lat: draft.location?.lat ?? null, gridId,
    // Without a location, look where the reporter works or lives (their unit's area), as intake would place it.
    areaPath: reach === 'all' ? null : ctx.actor.unitPath, at: ctx.clock.now(),
  }, { visibleTo: caseScope(ctx.actor, readReach, ctx.box.index(ctx.actor.id)) });
}

/** Merge suggestions for a case: the open cases it probably repeats, received before it. */
export async function duplicatesOfCase(ctx: Pick<Ctx, 'db' | 'actor' | 'box'>, caseId: string): Promise<DuplicateCase[]> {
  const reach = authorize(ctx.actor, 'case.read');
  const [c] = await ctx.db
    .select({
      id: cases.id, title: cases.title, description: cases.description, lng: cases.lng, lat: cases.lat, gridId: cases.gridId,
      areaPath: cases.areaPath, receivedAt: cases.receivedAt, reporterId: cases.reporterId, reporterIndex: cases.reporterIndex,
      escalationPath: cases.escalationPath,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!c) throw notFoundOrNoAccess('工单');
  const tasks = await ctx.db.select({ unitPath: caseTasks.unitPath, status: caseTasks.status }).from(caseTasks).where(eq(caseTasks.caseId, caseId));
  const live = tasks.filter((t) => t.status !== 'cancelled').map((t) => t.unitPath);
  if (!caseVisible(ctx.actor, reach, c, live, ctx.box.index(ctx.actor.id))) throw notFoundOrNoAccess('工单');
  return findDuplicateCases(ctx.db, {
    text: `${c.title} ${c.description}`, lng: c.lng, lat: c.lat, gridId: c.gridId, areaPath: c.areaPath, at: c.receivedAt, excludeId: c.id,
  }, { visibleTo: caseScope(ctx.actor, reach, ctx.box.index(ctx.actor.id)) });
}
