import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../common/roles.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

/**
 * How far a permission reaches:
 * - all: the whole deployment;
 * - scope: the subtree of the actor's scope unit (a township its township, a village cadre its village,
 *   a grid worker its grid, a handler its department);
 * - self: only records the actor made or owns.
 */
export type Reach = 'all' | 'scope' | 'self';

/** The actions that permissions are declared for. Later features add theirs here. */
export type Action =
  | 'unit.read'
  | 'unit.manage'
  | 'grid.read'
  | 'grid.manage'
  | 'user.read'
  | 'user.manage'
  | 'case.create'
  | 'case.read'
  | 'case.reveal_reporter'
  | 'case.import'
  | 'case.configure'
  | 'cockpit.read';

const everyoneButResidents: Partial<Record<Role, Reach>> = {
  grid_worker: 'scope',
  cadre: 'scope',
  township_staff: 'scope',
  handler: 'scope',
  dispatcher: 'all',
  supervisor: 'all',
  leader: 'all',
  admin: 'all',
};

/** The one table of permissions: action × role → reach. A missing entry is a denial. */
export const rules: Record<Action, Partial<Record<Role, Reach>>> = {
  'unit.read': everyoneButResidents,
  // A county department works across the whole county, so its people see every grid on the map.
  'grid.read': { ...everyoneButResidents, handler: 'all' },
  'unit.manage': { admin: 'all' },
  'grid.manage': { admin: 'all' },
  'user.read': { admin: 'all' },
  'user.manage': { admin: 'all' },
  // Anyone signed in may report; anonymous public intake is handled by the route.
  'case.create': { resident: 'self', grid_worker: 'scope', cadre: 'scope', township_staff: 'scope', handler: 'scope', dispatcher: 'all', supervisor: 'all', leader: 'all', admin: 'all' },
  // Case actions check their own rule (lifecycle.ts) on top of being able to read the case.
  'case.read': { resident: 'self', ...everyoneButResidents },
  'case.reveal_reporter': { admin: 'all' },
  'case.import': { dispatcher: 'all', admin: 'all' },
  'case.configure': { admin: 'all' },
  // The data cockpit and its reports: county-wide for the centre, supervision and leaders; a township its own.
  'cockpit.read': { leader: 'all', supervisor: 'all', dispatcher: 'all', admin: 'all', township_staff: 'scope' },
};

/** The reach the actor has for an action, or null when the role may not do it at all. */
export function reachOf(actor: Actor, action: Action): Reach | null {
  return rules[action][actor.role] ?? null;
}

/** Checks that the actor may do the action somewhere; throws forbidden otherwise. Returns the reach. */
export function authorize(actor: Actor | null, action: Action): Reach {
  if (!actor) throw new AppError('unauthenticated', '请先登录 (sign in first)');
  const reach = reachOf(actor, action);
  if (!reach) throw new AppError('forbidden', '无权执行此操作 (not allowed)', { action, role: actor.role });
  return reach;
}

/** The SQL condition that limits a query on a unit path column to what the reach allows. */
export function pathScope(actor: Actor, reach: Reach, pathColumn: AnyPgColumn | SQL): SQL {
  if (reach === 'all') return sql`true`;
  if (reach === 'scope') return sql`${pathColumn} like ${escapeLike(actor.scopePath) + '%'}`;
  return sql`false`;
}

/** True when a unit path lies inside the actor's reach (for checks on a record already loaded). */
export function pathAllowed(actor: Actor, reach: Reach, unitPath: string): boolean {
  return reach === 'all' || (reach === 'scope' && unitPath.startsWith(actor.scopePath));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
