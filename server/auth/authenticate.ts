import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema/org.js';
import { sessions, users } from '../db/schema/users.js';
import type { Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import { scopePathFor } from './scope.js';
import { tokenHash } from './session-token.js';

/** An authenticated caller, with what /api/me shows. */
export interface Authenticated {
  actor: Actor;
  unitName: string;
}

/** Resolves a bearer token to the acting user, or null when it is unknown, expired or the user is disabled. */
export async function authenticate(ctx: { db: Db; clock: Clock }, token: string): Promise<Authenticated | null> {
  const [row] = await ctx.db
    .select({ user: users, unitName: units.name, unitPath: units.path })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, ctx.clock.now()), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const { user } = row;
  return {
    unitName: row.unitName,
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: user.unitId,
      unitPath: row.unitPath,
      scopePath: await scopePathFor(ctx.db, user.role, row.unitPath),
    },
  };
}

/** Ends a session. */
export async function logout(ctx: { db: Db }, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}
