import { and, count, eq, gt } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { units } from '../db/schema/org.js';
import { loginFailures, sessions, users } from '../db/schema/users.js';
import type { RequestMeta } from '../platform/audit.js';
import { audit } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { unusablePasswordHash, verifyPassword } from '../platform/password.js';
import type { LoginInput, PublicUser } from './schema.js';
import { actorOf } from './scope.js';
import { newSessionToken, tokenHash } from './session-token.js';

type LoginCtx = {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'JICENG_SESSION_HOURS' | 'JICENG_LOGIN_MAX_FAILURES' | 'JICENG_LOGIN_WINDOW_MINUTES'>;
  meta?: RequestMeta & { userAgent?: string | null };
};

/** Signs a user in: checks the per-account lockout, the password, and opens a session. */
export async function login(ctx: LoginCtx, input: LoginInput): Promise<{ token: string; user: PublicUser; expiresAt: Date }> {
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - ctx.config.JICENG_LOGIN_WINDOW_MINUTES * 60_000);
  const [failures] = await ctx.db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, input.username), gt(loginFailures.at, windowStart)));
  if ((failures?.n ?? 0) >= ctx.config.JICENG_LOGIN_MAX_FAILURES) {
    throw new AppError('rate_limited', `登录失败次数过多，请 ${ctx.config.JICENG_LOGIN_WINDOW_MINUTES} 分钟后再试 (too many failed sign-ins; try again later)`);
  }

  const [row] = await ctx.db
    .select({ user: users, unitName: units.name, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, input.username))
    .limit(1);
  // Verify against a dummy hash for unknown users so that timing does not reveal which usernames exist.
  const ok = await verifyPassword(input.password, row?.user.passwordHash ?? unusablePasswordHash);
  if (!row || !ok || !row.user.active) {
    await ctx.db.insert(loginFailures).values({ username: input.username, clientAddress: ctx.meta?.clientAddress ?? null, at: now });
    throw new AppError('invalid_credentials', '用户名或密码错误 (wrong username or password)');
  }

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ctx.config.JICENG_SESSION_HOURS * 3_600_000);
  const { user } = row;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: tokenHash(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      clientAddress: ctx.meta?.clientAddress ?? null,
      userAgent: ctx.meta?.userAgent?.slice(0, 300) ?? null,
    });
    await tx.delete(loginFailures).where(eq(loginFailures.username, input.username));
    const actor = await actorOf(tx, user, row.unitPath);
    await audit({ db: tx, clock: ctx.clock, actor, meta: ctx.meta }, { action: 'signed_in', subjectType: 'user', subjectId: user.id });
  });
  return {
    token,
    expiresAt,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, unitName: row.unitName },
  };
}
