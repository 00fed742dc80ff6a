import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { caseTasks } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { CaseRow } from './case-action.js';
import { dueFrom, nextSweep, warnFrom } from './deadlines.js';
import { unitStaffRoles, type Notice } from './notify.js';
import type { SlaPolicy } from './sla-policy.js';

/** The lead unit and assisting units a case is sent to. */
export interface Assignment {
  leadUnitId: string;
  assistUnitIds: string[];
}

/**
 * Sends a case to its units: one lead task (主办) and one task per assisting unit (协办), each with the policy's
 * accept and resolve deadlines counted from now. Returns the case fields to set and the notices to send.
 */
export async function assignUnits(
  tx: Db,
  work: Deps['work'],
  c: Pick<CaseRow, 'id' | 'number' | 'title'>,
  policy: SlaPolicy,
  assignment: Assignment,
  now: Date,
): Promise<{ patch: Partial<CaseRow>; notices: Notice[] }> {
  const ids = [assignment.leadUnitId, ...assignment.assistUnitIds.filter((u) => u !== assignment.leadUnitId)];
  const rows = await tx.select({ id: units.id, path: units.path, kind: units.kind, name: units.name }).from(units).where(and(inArray(units.id, ids), eq(units.active, true)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [i, id] of ids.entries()) {
    const u = byId.get(id);
    if (!u) throw new AppError('unknown_unit', `单位不存在 (unit ${id} not found)`, { field: i === 0 ? 'unitId' : `assistUnitIds.${i - 1}` });
    if (u.kind === 'county') throw new AppError('validation_failed', '不能派给县本级，请选择部门或乡镇 (choose a department or township, not the county)', { field: 'unitId' });
  }
  const acceptDue = dueFrom(work, now, policy.accept);
  const resolveDue = dueFrom(work, now, policy.resolve);
  await tx.insert(caseTasks).values(
    ids.map((id, i) => ({
      caseId: c.id,
      unitId: id,
      unitPath: byId.get(id)!.path,
      role: i === 0 ? ('lead' as const) : ('assist' as const),
      status: 'dispatched' as const,
      acceptDue,
      resolveDue,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const warnAt = warnFrom(work, now, acceptDue, policy.warningShare, policy.accept.mode);
  const notices: Notice[] = ids.map((id, i) => ({
    to: { unitId: id, roles: unitStaffRoles },
    topic: 'case.dispatched',
    title: `${i === 0 ? '新派工单（主办）' : '新派工单（协办）'} ${c.number}`,
    body: c.title,
    caseId: c.id,
    key: `dispatched:${c.id}:${id}:${now.getTime()}`,
  }));
  return {
    patch: {
      status: 'dispatched',
      leadUnitId: assignment.leadUnitId,
      slaPolicyId: policy.id,
      dispatchedAt: now,
      acceptDue,
      resolveDue,
      warnAt,
      card: 'none',
      nextSweepAt: nextSweep({ card: 'none', warnAt, due: acceptDue, orderDue: null }),
    },
    notices,
  };
}
