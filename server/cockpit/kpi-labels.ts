import type { KpiName } from './kpis.js';

/** Chinese names of the KPIs, as reports (and the cockpit page) show them. */
export const kpiLabels: Record<KpiName, string> = {
  received: '受理量',
  merged: '合并重复件',
  urgent: '紧急件',
  open: '尚未办结',
  dispatched: '派单量',
  accepted: '签收量',
  acceptedOnTime: '按时签收',
  acceptedOnTimeRate: '按时签收率',
  firstResponse48h: '48小时内首次响应',
  firstResponse48hRate: '48小时响应率',
  resolved: '办结量',
  resolvedOnTime: '按期办结',
  resolvedOnTimeRate: '按期办结率',
  resolutionRate: '办结率',
  acceptMinutesMean: '平均签收用时',
  acceptMinutesMedian: '签收用时中位数',
  resolveMinutesMean: '平均办结用时',
  resolveMinutesMedian: '办结用时中位数',
  returns: '退回次数',
  returnedCases: '被退回工单',
  buckPassing: '疑似推诿',
  escalated: '升级工单',
  supervisionOrders: '督办单',
  overdue: '超时工单',
  rated: '评价数',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  satisfactionRate: '满意率',
  reopened: '重办工单',
  reopenRate: '重办率',
};

/** The KPIs a report lists, in order. */
export const reportKpis: KpiName[] = [
  'received', 'resolved', 'resolutionRate', 'acceptedOnTimeRate', 'firstResponse48hRate', 'resolvedOnTimeRate',
  'acceptMinutesMean', 'acceptMinutesMedian', 'resolveMinutesMean', 'resolveMinutesMedian', 'returns', 'buckPassing',
  'escalated', 'supervisionOrders', 'overdue', 'satisfactionRate', 'reopenRate', 'urgent', 'open',
];

const isRate = (k: KpiName) => k.endsWith('Rate');
const isMinutes = (k: KpiName) => k.endsWith('Mean') || k.endsWith('Median');

/** Working minutes as people read them: "45 分钟", "3.2 小时", "2.5 个工作日" (7.5 office hours a day). */
export function formatMinutes(m: number | null, minutesPerDay = 450): string {
  if (m === null) return '—';
  if (m < 60) return `${Math.round(m)} 分钟`;
  if (m < minutesPerDay) return `${(m / 60).toFixed(1)} 小时`;
  return `${(m / minutesPerDay).toFixed(1)} 个工作日`;
}

/** A KPI value as a report shows it. */
export function formatKpi(k: KpiName, v: number | null): string {
  if (v === null) return '—';
  if (isRate(k)) return `${(v * 100).toFixed(1)}%`;
  if (isMinutes(k)) return formatMinutes(v);
  return String(Math.round(v));
}

/** A change as a report shows it: rates in percentage points, others relative ("+12.5%"). */
export function formatChange(k: KpiName, c: { delta: number | null; relative: number | null }): string {
  if (c.delta === null) return '—';
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  if (isRate(k)) return `${sign(c.delta)}${Math.abs(c.delta * 100).toFixed(1)} 个百分点`;
  if (c.relative === null) return c.delta === 0 ? '持平' : `${sign(c.delta)}${Math.abs(Math.round(c.delta))}`;
  return `${sign(c.relative)}${Math.abs(c.relative * 100).toFixed(1)}%`;
}
