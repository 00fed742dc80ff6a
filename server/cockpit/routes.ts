import { z } from 'zod';
import { attachmentDisposition } from '../cases/import-template.js';
import type { Deps } from '../platform/context.js';
import type { App } from '../platform/http/app-type.js';
import { ctxOf } from '../platform/http/request-context.js';
import { cockpitBreakdown } from './breakdown.js';
import { cockpitCases } from './drill-cases.js';
import { cockpitHotspots } from './hotspots.js';
import { cockpitLive } from './live.js';
import { cockpitMap } from './map.js';
import { getReport, listReports, renderMonthlyReport } from './reports.js';
import {
  breakdownQuery, breakdownReply, cockpitFilters, drillQuery, hotspotsQuery, hotspotsReply, liveQuery, liveReply, mapQuery, mapReply,
  monthlyReportQuery, reportIdParams, reportsReply, summaryReply, trendQuery, trendReply,
} from './schema.js';
import { cockpitSummary } from './summary.js';
import { cockpitTrend } from './trend.js';

/**
 * The data cockpit (数据驾驶舱): KPIs, trends, breakdowns, the map, hotspots, live counters, the cases behind a figure,
 * and monthly reports. Every endpoint answers without parameters (the last 30 days, everything the caller may see);
 * docs/KPIS.md defines the figures and the shapes.
 */
export async function cockpitRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cockpit'];
  app.get('/api/cockpit/summary', { schema: { tags, summary: '指标总览 All KPIs with the change against the previous period', querystring: cockpitFilters, response: { 200: summaryReply } } }, async (req) =>
    cockpitSummary(ctxOf(deps, req), req.query),
  );
  app.get('/api/cockpit/trend', { schema: { tags, summary: '趋势 KPIs per day, week or month', querystring: trendQuery, response: { 200: trendReply } } }, async (req) =>
    cockpitTrend(ctxOf(deps, req), req.query),
  );
  app.get('/api/cockpit/breakdown', { schema: { tags, summary: '分组对比 KPIs per category, channel, unit (league table), township, village or grid', querystring: breakdownQuery, response: { 200: breakdownReply } } }, async (req) =>
    cockpitBreakdown(ctxOf(deps, req), req.query),
  );
  app.get('/api/cockpit/map', { schema: { tags, summary: '地图 A value per grid for shading the map', querystring: mapQuery, response: { 200: mapReply } } }, async (req) =>
    cockpitMap(ctxOf(deps, req), req.query),
  );
  app.get('/api/cockpit/hotspots', { schema: { tags, summary: '热点 Most reported categories by township, with growth', querystring: hotspotsQuery, response: { 200: hotspotsReply } } }, async (req) =>
    cockpitHotspots(ctxOf(deps, req), req.query),
  );
  app.get('/api/cockpit/live', { schema: { tags, summary: '实时 Open, overdue, received today, urgent open', querystring: liveQuery, response: { 200: liveReply } } }, async (req) =>
    cockpitLive(ctxOf(deps, req), req.query),
  );
  app.get('/api/cockpit/cases', { schema: { tags, summary: '明细 The cases behind a figure (same filters), paged', querystring: drillQuery } }, async (req) =>
    cockpitCases(ctxOf(deps, req), req.query),
  );

  const download = (format: 'xlsx' | 'html') =>
    app.get(`/api/cockpit/reports/monthly.${format}`, { schema: { tags, summary: `月度报告 Monthly report (${format}), generated now`, querystring: monthlyReportQuery } }, async (req, reply) => {
      const r = await renderMonthlyReport(ctxOf(deps, req), req.query, format);
      if (format === 'xlsx') void reply.header('content-disposition', attachmentDisposition(r.filename.name, r.filename.ascii));
      return reply.header('content-type', r.mime).header('cache-control', 'no-store').send(r.body);
    });
  download('xlsx');
  download('html');
  app.get('/api/cockpit/reports', { schema: { tags, summary: '报告列表 Stored monthly reports', response: { 200: reportsReply } } }, async (req) => listReports(ctxOf(deps, req)));
  app.get('/api/cockpit/reports/:id', { schema: { tags, summary: '下载报告 A stored report', params: reportIdParams, querystring: z.object({ download: z.enum(['true', 'false']).optional() }) } }, async (req, reply) => {
    const r = await getReport(ctxOf(deps, req), req.params.id);
    const ascii = `report-${r.period}-${r.unitId ?? 'county'}.${r.format}`;
    if (r.format === 'xlsx' || req.query.download === 'true') void reply.header('content-disposition', attachmentDisposition(r.filename, ascii));
    return reply.header('content-type', r.mime).header('cache-control', 'no-store').send(r.content);
  });
}
