import { z } from 'zod';
import { channels } from '../../common/cases.js';
import { kpiNames, type KpiName } from './kpis.js';
import { MIN_RANKED_CASES } from './ranking.js';

const uuid = z.string().uuid('不是有效的编号 (not a valid id)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)');
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The filters every cockpit figure takes; all optional (default: the last 30 days, everything the caller may see). */
export const cockpitFilters = z.object({
  from: date.optional().describe('first China date, inclusive (default: 29 days before to)'),
  to: date.optional().describe('last China date, inclusive (default: today)'),
  townshipId: uuid.optional(),
  villageId: uuid.optional(),
  gridId: uuid.optional(),
  unitId: uuid.optional().describe('lead unit (主办单位)'),
  categoryId: uuid.optional().describe('a category of any level'),
  channel: z.enum(channels).optional(),
});
export type CockpitFilters = z.infer<typeof cockpitFilters>;

export const trendQuery = cockpitFilters.extend({
  interval: z.enum(['day', 'week', 'month']).default('day'),
  by: z.enum(['category', 'channel']).optional().describe('one series per category (one level below the category filter) or per channel; default one series'),
});
export const breakdownBy = ['category', 'channel', 'unit', 'township', 'village', 'grid'] as const;
export const breakdownQuery = cockpitFilters.extend({
  by: z.enum(breakdownBy).default('township'),
  sort: z.enum(kpiNames).default('received').describe('the KPI to sort by (the league table of units: by=unit&sort=resolvedOnTimeRate)'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  medians: bool.default(true).describe('false skips the medians (faster for many groups)'),
  minCases: z.coerce.number().int().min(0).max(100_000).default(MIN_RANKED_CASES).describe('a group whose sort KPI (a rate, mean or median) rests on fewer cases is not ranked: it gets rank null and follows the ranked groups'),
});
export const mapMetrics = ['cases', 'density', 'resolution_rate', 'overdue', 'satisfaction'] as const;
export const mapQuery = cockpitFilters.extend({ metric: z.enum(mapMetrics).default('cases') });
export const hotspotsQuery = cockpitFilters.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const liveQuery = cockpitFilters.omit({ from: true, to: true });
export const drillQuery = cockpitFilters.extend({
  kpi: z.enum(kpiNames).optional().describe('only the cases the figure counts (rates and times: their numerator); default all received'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const monthlyReportQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM (month must be YYYY-MM)').optional().describe('default: last month'),
  unitId: uuid.optional().describe('a unit; default the county (or the caller’s township)'),
});
export const reportIdParams = z.object({ id: uuid });

const nullableNumber = z.number().nullable();
/** The KPIs of one group and period (docs/KPIS.md). */
export const kpisSchema = z.object(
  Object.fromEntries(kpiNames.map((k) => [k, /Rate$|Mean$|Median$/.test(k) ? nullableNumber : z.number()])) as {
    [K in KpiName]: K extends `${string}Rate` | `${string}Mean` | `${string}Median` ? z.ZodNullable<z.ZodNumber> : z.ZodNumber;
  },
);
const change = z.object({ delta: nullableNumber, relative: nullableNumber });
const period = z.object({ from: z.string(), to: z.string() });

export const summaryReply = z.object({
  period,
  previous: period,
  kpis: kpisSchema,
  previousKpis: kpisSchema,
  change: z.object(Object.fromEntries(kpiNames.map((k) => [k, change])) as Record<KpiName, typeof change>),
});
export const trendReply = z.object({
  period,
  interval: z.enum(['day', 'week', 'month']),
  by: z.enum(['category', 'channel']).nullable(),
  intervals: z.array(period),
  series: z.array(z.object({ key: z.string(), name: z.string(), points: z.array(kpisSchema) })),
});
export const breakdownReply = z.object({
  period,
  by: z.enum(breakdownBy),
  sort: z.enum(kpiNames),
  order: z.enum(['asc', 'desc']),
  minCases: z.number(),
  groups: z.array(z.object({ key: z.string(), name: z.string(), rank: z.number().nullable(), kpis: kpisSchema })),
});
export const mapReply = z.object({
  period,
  metric: z.enum(mapMetrics),
  items: z.array(z.object({ gridId: z.string(), name: z.string(), villageId: z.string(), townshipId: z.string(), value: nullableNumber, received: z.number() })),
  min: nullableNumber,
  max: nullableNumber,
});
export const hotspotsReply = z.object({
  period,
  previous: period,
  items: z.array(
    z.object({ categoryId: z.string(), categoryCode: z.string(), categoryName: z.string(), townshipId: z.string(), townshipName: z.string(), count: z.number(), previousCount: z.number(), growth: nullableNumber }),
  ),
});
export const liveReply = z.object({ asOf: z.string(), openNow: z.number(), overdueNow: z.number(), receivedToday: z.number(), urgentOpen: z.number() });
export const reportItem = z.object({
  id: z.string(),
  kind: z.literal('monthly'),
  period: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  format: z.enum(['xlsx', 'html']),
  filename: z.string(),
  size: z.number(),
  createdAt: z.string(),
});
export const reportsReply = z.object({ items: z.array(reportItem) });
