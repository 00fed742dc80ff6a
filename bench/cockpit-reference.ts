/**
 * The reference of the cockpit benchmark: the same figures computed by a direct GROUP BY over the case table, as a
 * cockpit without rollups would. Filters translate to the case table's own columns.
 */
import pg from 'pg';

/** A benchmark question: a period of China dates and at most one filter. */
export interface Question {
  from: string;
  to: string;
  townshipPath?: string;
  categoryIds?: string[];
  channel?: string;
  unitId?: string;
}

const CHINA = `interval '8 hours'`;
/** The instant a China date starts, whatever the session's time zone. */
const chinaMidnight = (date: string) => `(${date}::date::timestamp at time zone 'UTC' - ${CHINA})`;
/** A case's received time as China wall-clock time. */
const chinaTime = `(c.received_at at time zone 'UTC' + ${CHINA})`;

function where(q: Question, params: unknown[]): string {
  const p = (v: unknown) => `$${params.push(v)}`;
  const conds = [`c.received_at >= ${chinaMidnight(p(q.from))}`, `c.received_at < ${chinaMidnight(`(${p(q.to)}::date + 1)`)}`];
  if (q.townshipPath) conds.push(`c.area_path like ${p(`${q.townshipPath}%`)}`);
  if (q.categoryIds) conds.push(`c.category_id = any(${p(q.categoryIds)}::uuid[])`);
  if (q.channel) conds.push(`c.channel = ${p(q.channel)}`);
  if (q.unitId) conds.push(`c.lead_unit_id = ${p(q.unitId)}`);
  return conds.join(' and ');
}

const kpis = `count(*)::int as received,
  count(*) filter (where c.status = 'merged')::int as merged,
  count(*) filter (where c.dispatched_at is not null)::int as dispatched,
  count(*) filter (where c.accepted_at is not null and c.accept_on_time)::int as accepted_on_time,
  count(*) filter (where c.resolved_at is not null)::int as resolved,
  count(*) filter (where c.resolved_at is not null and c.resolve_on_time)::int as resolved_on_time,
  avg(c.accept_minutes) as accept_mean, percentile_cont(0.5) within group (order by c.accept_minutes) as accept_median,
  avg(c.resolve_minutes) filter (where c.resolved_at is not null) as resolve_mean,
  percentile_cont(0.5) within group (order by c.resolve_minutes) filter (where c.resolved_at is not null) as resolve_median,
  sum(c.return_count)::int as returns, count(*) filter (where c.buck_passing)::int as buck_passing,
  count(*) filter (where c.escalation_level > 0)::int as escalated, count(c.rating)::int as rated,
  count(*) filter (where c.rating in ('satisfied', 'basically_satisfied'))::int as satisfied,
  count(*) filter (where c.reopen_count > 0)::int as reopened`;

/** Summary: every KPI for the period and for the period of the same length before it. */
export async function referenceSummary(db: pg.Pool, q: Question, previousFrom: string): Promise<Record<string, unknown>[]> {
  const params: unknown[] = [];
  const w = where({ ...q, from: previousFrom }, params);
  const split = `c.received_at >= ${chinaMidnight(`$${params.push(q.from)}`)}`;
  return (await db.query(`select ${split} as current, ${kpis} from cases c where ${w} group by 1`, params)).rows;
}

/** Trend: counts and rates per day (or month) and channel. */
export async function referenceTrend(db: pg.Pool, q: Question, interval: 'day' | 'month'): Promise<Record<string, unknown>[]> {
  const params: unknown[] = [];
  const w = where(q, params);
  return (await db.query(`select date_trunc('${interval}', ${chinaTime}) as at, c.channel, ${kpis} from cases c where ${w} group by 1, 2`, params)).rows;
}

/** Map: counts and rates per grid. */
export async function referenceMap(db: pg.Pool, q: Question): Promise<Record<string, unknown>[]> {
  const params: unknown[] = [];
  return (await db.query(`select c.grid_id, ${kpis} from cases c where ${where(q, params)} group by 1`, params)).rows;
}

/** League table: every KPI (medians included) per lead unit. */
export async function referenceLeague(db: pg.Pool, q: Question): Promise<Record<string, unknown>[]> {
  const params: unknown[] = [];
  return (await db.query(`select c.lead_unit_id, ${kpis} from cases c where ${where(q, params)} group by 1`, params)).rows;
}
