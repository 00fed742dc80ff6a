import { desc, eq, sql } from 'drizzle-orm';
import type { FollowedCase } from '../../common/following.js';
import { caseFollowers, cases, categories } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';
import { caseScope } from './case-scope.js';

/** The cases the caller follows (follow-case.ts), most recently followed first, at most 200; the title only where they may read the case. */
export async function listFollowing(ctx: Pick<Ctx, 'db' | 'actor' | 'box'>): Promise<{ items: FollowedCase[] }> {
  authorize(ctx.actor, 'case.create');
  const readable = caseScope(ctx.actor, authorize(ctx.actor, 'case.read'), ctx.box.index(ctx.actor.id));
  const rows = await ctx.db
    .select({
      id: cases.id, number: cases.number, title: cases.title, status: cases.status, categoryName: categories.name, receivedAt: cases.receivedAt,
      updatedAt: cases.updatedAt, followedAt: caseFollowers.createdAt, readable: sql<boolean>`${readable}`,
    })
    .from(caseFollowers)
    .innerJoin(cases, eq(cases.id, caseFollowers.caseId))
    .leftJoin(categories, eq(categories.id, cases.categoryId))
    .where(eq(caseFollowers.userId, ctx.actor.id))
    .orderBy(desc(caseFollowers.createdAt), desc(cases.number))
    .limit(200);
  return {
    items: rows.map((r) => ({
      id: r.id, number: r.number, title: r.readable ? r.title : '', status: r.status, categoryName: r.categoryName,
      receivedAt: r.receivedAt.toISOString(), updatedAt: r.updatedAt.toISOString(), followedAt: r.followedAt.toISOString(), readable: Boolean(r.readable),
    })),
  };
}
