import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseTasks, cases, categories } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';
import { caseScope } from './case-scope.js';
import { presentSummary, type CaseSummary } from './present.js';
import type { ListCasesQuery } from './schema.js';

/** A page of the cases the actor may see, newest first, filtered by status, unit, deadline state, channel or text. */
export async function listCases(ctx: Pick<Ctx, 'db' | 'actor' | 'box' | 'clock'>, q: ListCasesQuery): Promise<{ items: CaseSummary[]; total: number; page: number; pageSize: number }> {
  const reach = authorize(ctx.actor, 'case.read');
  const filters: (SQL | undefined)[] = [caseScope(ctx.actor, reach, ctx.box.index(ctx.actor.id))];
  if (q.status?.length) filters.push(inArray(cases.status, q.status));
  if (q.unitId) {
    filters.push(sql`exists (select 1 from ${caseTasks} where ${caseTasks.caseId} = ${cases.id} and ${caseTasks.unitId} = ${q.unitId} and ${caseTasks.status} <> 'cancelled')`);
  }
  if (q.card) filters.push(eq(cases.card, q.card));
  if (q.overdue !== undefined) {
    const now = ctx.clock.now();
    const due = sql`(case when ${cases.status} = 'dispatched' then ${cases.acceptDue} when ${cases.status} in ('accepted', 'in_progress') then ${cases.resolveDue} when ${cases.status} in ('received', 'returned') then ${cases.firstResponseDue} end)`;
    filters.push(q.overdue ? sql`${due} < ${now}` : sql`(${due} is null or ${due} >= ${now})`);
  }
  if (q.channel) filters.push(eq(cases.channel, q.channel));
  if (q.buckPassing !== undefined) filters.push(eq(cases.buckPassing, q.buckPassing));
  if (q.mine) filters.push(or(eq(cases.reporterId, ctx.actor.id), eq(cases.reporterIndex, ctx.box.index(ctx.actor.id))));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(cases.number, like), ilike(cases.title, like), ilike(cases.description, like)));
  }
  const where = and(...filters);
  const lead = alias(units, 'lead');
  const grid = alias(units, 'grid');
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ c: cases, categoryName: categories.name, leadUnitName: lead.name, gridName: grid.name })
      .from(cases)
      .leftJoin(categories, eq(categories.id, cases.categoryId))
      .leftJoin(lead, eq(lead.id, cases.leadUnitId))
      .leftJoin(grid, eq(grid.id, cases.gridId))
      .where(where)
      .orderBy(desc(cases.urgency), desc(cases.receivedAt), desc(cases.number))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(cases).where(where),
  ]);
  return { items: rows.map((r) => presentSummary(r.c, r)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
