import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import type { Ctx } from '../platform/context.js';
import { authorize, pathScope } from '../platform/policies.js';
import { presentUser } from './present.js';
import type { ListUsersQuery, UserView } from './schema.js';

/** A page of the users the actor may manage, filtered by text, role and unit. */
export async function listUsers(ctx: Pick<Ctx, 'db' | 'actor' | 'box'>, q: ListUsersQuery): Promise<{ items: UserView[]; total: number; page: number; pageSize: number }> {
  const reach = authorize(ctx.actor, 'user.read');
  const filters: (SQL | undefined)[] = [pathScope(ctx.actor, reach, units.path)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(users.username, like), ilike(users.displayName, like)));
  }
  if (q.role) filters.push(eq(users.role, q.role));
  if (q.unitId) filters.push(eq(users.unitId, q.unitId));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ user: users, unitName: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(where),
  ]);
  return { items: rows.map((r) => presentUser(ctx.box, r.user, r.unitName)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
