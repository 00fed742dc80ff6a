import { sql, type SQL } from 'drizzle-orm';
import { caseTasks, cases } from '../db/schema/cases.js';
import type { Actor } from '../platform/actor.js';
import type { Reach } from '../platform/policies.js';

function likePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The cases an actor may see: everything for county-wide roles; otherwise the cases they reported, the cases lying in
 * their area (grid, village or township), the cases assigned to their unit's subtree, and the cases escalated to it.
 */
export function caseScope(actor: Actor, reach: Reach, reporterIndex: string): SQL {
  if (reach === 'all') return sql`true`;
  const own = sql`(${cases.reporterId} = ${actor.id} or ${cases.reporterIndex} = ${reporterIndex})`;
  if (reach === 'self') return own;
  const prefix = likePrefix(actor.scopePath);
  return sql`(${own} or ${cases.areaPath} like ${prefix} or ${cases.escalationPath} like ${prefix} or exists (
    select 1 from ${caseTasks} where ${caseTasks.caseId} = ${cases.id} and ${caseTasks.unitPath} like ${prefix}))`;
}

/** The same rule for a case already loaded with its tasks' unit paths. */
export function caseVisible(
  actor: Actor,
  reach: Reach,
  c: { reporterId: string | null; reporterIndex: string | null; areaPath: string; escalationPath: string | null },
  taskPaths: string[],
  reporterIndex: string,
): boolean {
  if (reach === 'all') return true;
  if (isReporter(actor, c, reporterIndex)) return true;
  if (reach === 'self') return false;
  const p = actor.scopePath;
  return c.areaPath.startsWith(p) || (c.escalationPath?.startsWith(p) ?? false) || taskPaths.some((t) => t.startsWith(p));
}

/** True when the actor reported the case, openly or anonymously. */
export function isReporter(actor: Actor, c: { reporterId: string | null; reporterIndex: string | null }, reporterIndex: string): boolean {
  return c.reporterId === actor.id || (c.reporterIndex !== null && c.reporterIndex === reporterIndex);
}
