import type { Actor } from '../platform/actor.js';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Role, UnitKind } from '../../common/roles.js';
import type { Db } from '../db/client.js';
import { units } from '../db/schema/org.js';

/**
 * Which unit bounds a role's 'scope' reach: the nearest ancestor-or-self of the user's unit of that kind,
 * 'own' for the user's own unit, 'root' for county-wide roles (their rules say 'all' anyway).
 */
const scopeAnchor: Record<Role, UnitKind | 'own' | 'root'> = {
  resident: 'own',
  grid_worker: 'own',
  cadre: 'village',
  township_staff: 'township',
  handler: 'own',
  dispatcher: 'root',
  supervisor: 'root',
  leader: 'root',
  admin: 'root',
};

/** The path of the unit whose subtree a user with this role and unit may see under 'scope' rules. */
export async function scopePathFor(db: Db, role: Role, unitPath: string): Promise<string> {
  const anchor = scopeAnchor[role];
  if (anchor === 'root') return '/';
  if (anchor === 'own') return unitPath;
  const [row] = await db
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.kind, anchor), sql`${unitPath} like ${units.path} || '%'`))
    .orderBy(desc(units.depth))
    .limit(1);
  // A user placed outside any unit of the anchor kind sees only their own unit.
  return row?.path ?? unitPath;
}

/** A user as the use cases see them: the user's fields, their unit's path and the subtree their role may see. */
export async function actorOf(
  db: Db,
  user: { id: string; username: string; displayName: string; role: Role; unitId: string },
  unitPath: string,
): Promise<Actor> {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, unitPath, scopePath: await scopePathFor(db, user.role, unitPath) };
}
