import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema/org.js';
import { sessions, users } from '../db/schema/users.js';
import type { Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import { actorOf } from './scope.js';
import { sessionCacheOf } from './session-cache.js';
import { tokenHash } from './session-token.js';

/** An authenticated caller, with what /api/me shows. */
export interface Authenticated {
  actor: Actor;
  unitName: string;
}

/**
 * Resolves a bearer token to the acting user, or null when it is unknown, expired or the user is disabled. Known
 * sessions are remembered for a few seconds (auth/session-cache.ts).
 */
export async function authenticate(ctx: { db: Db; clock: Clock }, token: string): Promise<Authenticated | null> {
  const hash = tokenHash(token);
  const cache = sessionCacheOf(ctx.db);
  const remembered = cache.get(hash, ctx.clock.now());
  if (remembered) return remembered;
  const [row] = await ctx.db
    .select({ user: users, unitName: units.name, unitPath: units.path, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, ctx.clock.now()), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const auth: Authenticated = { unitName: row.unitName, actor: await actorOf(ctx.db, row.user, row.unitPath) };
  cache.set(hash, auth, row.expiresAt);
  return auth;
}

/** Ends a session. */
export async function logout(ctx: { db: Db }, token: string): Promise<void> {
  const hash = tokenHash(token);
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hash));
  sessionCacheOf(ctx.db).evictToken(hash);
}
