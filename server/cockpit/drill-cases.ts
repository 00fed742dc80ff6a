import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseScope } from '../cases/case-scope.js';
import { presentSummary, type CaseSummary } from '../cases/present.js';
import { cases, categories } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';
import { chinaMidnight } from '../sla/china-time.js';
import { aggregate, emptyTotals } from './aggregate.js';
import { dateOf, rangeOf } from './days.js';
import { measureCondition } from './facts-sql.js';
import { kpiMeasure, type KpiName } from './kpis.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';
import { cockpitMeasures } from '../db/schema/cockpit.js';

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The cases behind a figure: the same filters (and the same reach) as the cockpit, optionally only those a KPI counts,
 * newest first, a page at a time. The total is the figure itself, read from the rollups.
 */
export async function cockpitCases(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock' | 'box'>,
  q: CockpitFilters & { kpi?: KpiName; page: number; pageSize: number },
): Promise<{ items: CaseSummary[]; total: number; page: number; pageSize: number }> {
  const { filter, dims } = await scopedFilter(ctx, q);
  const reach = authorize(ctx.actor, 'case.read');
  const range = rangeOf(ctx.clock.now(), q.from, q.to);
  const measure = kpiMeasure[q.kpi ?? 'received'];
  const conds: SQL[] = [
    caseScope(ctx.actor, reach, ctx.box.index(ctx.actor.id)),
    gte(cases.receivedAt, new Date(chinaMidnight(dateOf(range.from)))),
    lt(cases.receivedAt, new Date(chinaMidnight(dateOf(range.to + 1)))),
    sql.raw(measureCondition(measure, '"cases"')),
  ];
  for (const p of filter.places) conds.push(sql`${cases.areaPath} like ${likePrefix(dims.units.get(p.id)!.path)}`);
  if (filter.topic) conds.push(inArray(cases.categoryId, dims.descendants(filter.topic.id)));
  if (filter.channel) conds.push(eq(cases.channel, filter.channel as (typeof cases.$inferSelect)['channel']));
  for (const u of filter.units) conds.push(eq(cases.leadUnitId, u));
  const lead = alias(units, 'lead');
  const grid = alias(units, 'grid');
  const [rows, [figure]] = await Promise.all([
    ctx.db
      .select({ c: cases, categoryName: categories.name, leadUnitName: lead.name, gridName: grid.name })
      .from(cases)
      .leftJoin(categories, eq(categories.id, cases.categoryId))
      .leftJoin(lead, eq(lead.id, cases.leadUnitId))
      .leftJoin(grid, eq(grid.id, cases.gridId))
      .where(and(...conds))
      .orderBy(desc(cases.receivedAt), desc(cases.number))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    aggregate(ctx.db, dims, { intervals: [range], filter }),
  ]);
  const total = (figure!.get('') ?? emptyTotals()).v[cockpitMeasures.indexOf(measure)]!;
  return { items: rows.map((r) => presentSummary(r.c, r)), total, page: q.page, pageSize: q.pageSize };
}
