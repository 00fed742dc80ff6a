import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { reports } from '../db/schema/cockpit.js';
import type { Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import { notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { aggregate } from './aggregate.js';
import { dayNumberOf, dateOf, monthRange, previousMonth } from './days.js';
import { loadDims, type Dims } from './dims.js';
import { noFilter } from './planner.js';
import { monthlyReportData, slowestUnits } from './report-data.js';
import { monthlyReportHtml } from './report-html.js';
import { monthlyReportXlsx } from './report-xlsx.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HTML_TYPE = 'text/html; charset=utf-8';

/** The month before the one `now` falls in (China time): what the 1st of a month reports on. */
export function lastMonth(now: Date): string {
  return previousMonth(dateOf(dayNumberOf(now)).slice(0, 7));
}

/** Which unit's report the actor asks for, checked against their reach: county roles any, township staff their own. */
async function subjectFor(ctx: { db: Db; actor: Actor }, unitId: string | undefined): Promise<{ dims: Dims; unitId: string | null }> {
  const reach = authorize(ctx.actor, 'cockpit.read');
  const dims = await loadDims(ctx.db);
  if (reach === 'all') {
    if (unitId && !dims.units.has(unitId)) throw notFoundOrNoAccess('单位');
    return { dims, unitId: unitId ?? null };
  }
  const own = ctx.actor.scopePath.split('/').filter(Boolean).pop() ?? null;
  const id = unitId ?? own;
  const unit = id ? dims.units.get(id) : undefined;
  if (!unit || !unit.path.startsWith(ctx.actor.scopePath)) throw notFoundOrNoAccess('单位');
  return { dims, unitId: unit.id };
}

/** File names of a report: the Chinese one people see, and an ASCII fallback. */
export function reportFilename(subject: string, month: string, unitId: string | null, format: 'xlsx' | 'html') {
  return { name: `${subject}${month}月度报告.${format}`, ascii: `report-${month}-${unitId ?? 'county'}.${format}` };
}

/** Builds a monthly report now from the rollups, as XLSX bytes or HTML text. */
export async function renderMonthlyReport(ctx: { db: Db; actor: Actor; clock: Clock }, q: { month?: string; unitId?: string }, format: 'xlsx' | 'html') {
  const month = q.month ?? lastMonth(ctx.clock.now());
  monthRange(month);
  const { dims, unitId } = await subjectFor(ctx, q.unitId);
  const data = await monthlyReportData(ctx.db, dims, month, unitId);
  const body = format === 'xlsx' ? await monthlyReportXlsx(data) : Buffer.from(monthlyReportHtml(data), 'utf8');
  return { body, filename: reportFilename(data.subject, month, unitId, format), mime: format === 'xlsx' ? XLSX_TYPE : HTML_TYPE };
}

/**
 * Generates and stores the month's reports — the county, every township, and every unit that led cases received that
 * month — in both formats, replacing earlier versions. Returns how many files were written.
 */
export async function generateMonthlyReports(deps: { db: Db; clock: Clock }, month: string): Promise<number> {
  const range = monthRange(month);
  const dims = await loadDims(deps.db);
  const [byUnit] = await aggregate(deps.db, dims, { intervals: [range], filter: noFilter(), groups: ['unit'] });
  const subjects: (string | null)[] = [
    null,
    ...[...dims.units.values()].filter((u) => u.kind === 'township').map((u) => u.id),
    ...[...byUnit!.keys()].filter((id) => dims.units.has(id) && dims.units.get(id)!.kind !== 'township'),
  ];
  const slow = await slowestUnits(deps.db, dims, month);
  const now = deps.clock.now();
  let written = 0;
  for (const unitId of subjects) {
    const data = await monthlyReportData(deps.db, dims, month, unitId, slow);
    const files = { xlsx: await monthlyReportXlsx(data), html: Buffer.from(monthlyReportHtml(data), 'utf8') };
    await deps.db.transaction(async (tx) => {
      await tx.delete(reports).where(and(eq(reports.kind, 'monthly'), eq(reports.period, month), unitId ? eq(reports.unitId, unitId) : isNull(reports.unitId)));
      await tx.insert(reports).values(
        (['xlsx', 'html'] as const).map((format) => ({
          kind: 'monthly' as const,
          period: month,
          unitId,
          format,
          filename: reportFilename(data.subject, month, unitId, format).name,
          mime: format === 'xlsx' ? XLSX_TYPE : HTML_TYPE,
          size: files[format].length,
          content: files[format],
          createdAt: now,
        })),
      );
    });
    written += 2;
  }
  return written;
}

/** The stored reports the actor may read, newest month first (county roles all; township staff their township's). */
export async function listReports(ctx: { db: Db; actor: Actor }) {
  const reach = authorize(ctx.actor, 'cockpit.read');
  const dims = await loadDims(ctx.db);
  const rows = await ctx.db
    .select({ id: reports.id, kind: reports.kind, period: reports.period, unitId: reports.unitId, format: reports.format, filename: reports.filename, size: reports.size, createdAt: reports.createdAt })
    .from(reports)
    .orderBy(desc(reports.period), sql`${reports.unitId} nulls first`, reports.filename, reports.format);
  const visible = rows.filter((r) => reach === 'all' || (r.unitId !== null && (dims.units.get(r.unitId)?.path.startsWith(ctx.actor.scopePath) ?? false)));
  const county = [...dims.units.values()].find((u) => u.kind === 'county')?.name ?? '全县';
  return { items: visible.map((r) => ({ ...r, unitName: r.unitId ? (dims.units.get(r.unitId)?.name ?? '') : county, createdAt: r.createdAt.toISOString() })) };
}

/** One stored report's bytes, if the actor may read it. */
export async function getReport(ctx: { db: Db; actor: Actor }, id: string) {
  const reach = authorize(ctx.actor, 'cockpit.read');
  const [row] = await ctx.db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw notFoundOrNoAccess('报告');
  if (reach !== 'all') {
    const dims = await loadDims(ctx.db);
    if (!row.unitId || !dims.units.get(row.unitId)?.path.startsWith(ctx.actor.scopePath)) throw notFoundOrNoAccess('报告');
  }
  return row;
}
