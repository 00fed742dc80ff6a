/** How KPI values and their changes read on the cockpit, as docs/KPIS.md defines the units. Pure. */
import type { KpiChange, KpiName } from './cockpit-types.js';

type Lang = 'zh-CN' | 'en';

/** What a KPI measures: a count of cases, a rate (a fraction 0–1), or working minutes. */
export type KpiKind = 'count' | 'rate' | 'minutes';

/** The kind of a KPI, from its name as the API spells it. */
export function kpiKind(k: KpiName): KpiKind {
  if (k.endsWith('Rate')) return 'rate';
  if (k.endsWith('Mean') || k.endsWith('Median')) return 'minutes';
  return 'count';
}

// Which way is better: +1 more is better, −1 less is better; volumes (received, urgent …) are neither.
const polarity: Partial<Record<KpiName, 1 | -1>> = {
  acceptedOnTimeRate: 1, firstResponse48hRate: 1, resolvedOnTimeRate: 1, resolutionRate: 1, satisfactionRate: 1,
  resolved: 1, resolvedOnTime: 1, acceptedOnTime: 1, firstResponse48h: 1, satisfied: 1,
  reopenRate: -1, reopened: -1, overdue: -1, escalated: -1, supervisionOrders: -1, buckPassing: -1, returns: -1, returnedCases: -1, open: -1,
  acceptMinutesMean: -1, acceptMinutesMedian: -1, resolveMinutesMean: -1, resolveMinutesMedian: -1,
};

/** An office working day in minutes (7.5 hours), as the monthly reports count it. */
export const MINUTES_PER_WORKING_DAY = 450;

/** Working minutes as people read them: 45 分钟, 3.2 小时, 2.5 个工作日. */
export function formatMinutes(m: number | null, lang: Lang): string {
  if (m === null) return '—';
  const en = lang === 'en';
  if (m < 60) return en ? `${Math.round(m)} min` : `${Math.round(m)} 分钟`;
  if (m < MINUTES_PER_WORKING_DAY) return en ? `${(m / 60).toFixed(1)} h` : `${(m / 60).toFixed(1)} 小时`;
  const days = (m / MINUTES_PER_WORKING_DAY).toFixed(1);
  return en ? `${days} working days` : `${days} 个工作日`;
}

/** A KPI value for display: 1,234 · 93.2% · 3.2 小时; — when undefined. */
export function formatKpi(k: KpiName, v: number | null, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return '—';
  const kind = kpiKind(k);
  if (kind === 'rate') return `${(v * 100).toFixed(1)}%`;
  if (kind === 'minutes') return formatMinutes(v, lang);
  return Math.round(v).toLocaleString(lang);
}

/** A change against the previous period, with its direction and whether it is good news. */
export interface ChangeView {
  text: string;
  direction: 'up' | 'down' | 'flat' | 'none';
  tone: 'good' | 'bad' | 'neutral';
}

/** A change as the cards show it: rates in percentage points, other KPIs relative (+12.5%), or the plain difference. */
export function formatChange(k: KpiName, c: KpiChange, lang: Lang): ChangeView {
  if (c.delta === null) return { text: '—', direction: 'none', tone: 'neutral' };
  const direction = c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : 'flat';
  const p = polarity[k];
  const tone = direction === 'flat' || !p ? 'neutral' : (direction === 'up') === (p > 0) ? 'good' : 'bad';
  const sign = c.delta > 0 ? '+' : c.delta < 0 ? '−' : '±';
  let text: string;
  if (direction === 'flat') text = lang === 'en' ? 'unchanged' : '持平';
  else if (kpiKind(k) === 'rate') text = `${sign}${Math.abs(c.delta * 100).toFixed(1)}${lang === 'en' ? ' pts' : ' 个百分点'}`;
  else if (c.relative !== null) text = `${sign}${Math.abs(c.relative * 100).toFixed(1)}%`;
  else text = `${sign}${kpiKind(k) === 'minutes' ? formatMinutes(Math.abs(c.delta), lang) : Math.abs(Math.round(c.delta))}`;
  return { text, direction, tone };
}
