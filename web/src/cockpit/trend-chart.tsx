import { useMemo, useState } from 'react';
import { Segmented, Select } from 'antd';
import { useTrend } from './cockpit-api.js';
import type { CockpitFilters } from './cockpit-filters.js';
import { intervalFor } from './cockpit-filters.js';
import type { KpiName } from './cockpit-types.js';
import { intervalLabel, OTHERS, trendLines } from './chart-data.js';
import { chartLook, tooltipStyle } from './chart-theme.js';
import type { DrillTarget } from './drill.js';
import { drillable } from './drill.js';
import type { ChartOption } from './echarts-setup.js';
import { Panel } from './panel.js';
import { useEChart } from './use-echart.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The counts a trend can follow. */
const trendKpis = ['received', 'resolved', 'overdue', 'urgent'] as const satisfies readonly KpiName[];
type TrendKpi = (typeof trendKpis)[number];

/**
 * Cases per day, week or month by category (one level below the category filter), the largest categories as lines or
 * stacked bars; a click on a point lists that category's cases of that interval.
 */
export function TrendChart({ filters, dark, onDrill }: { filters: CockpitFilters; dark: boolean; onDrill: (target: DrillTarget) => void }) {
  const { t } = useI18n();
  // Stacked bars by default: daily counts per category are small, and a stack shows the total at a glance.
  const [kind, setKind] = useState<'line' | 'bar'>('bar');
  const [kpi, setKpi] = useState<TrendKpi>('received');
  const interval = intervalFor(filters.from, filters.to);
  const trend = useTrend(filters, interval);
  const look = chartLook(dark);
  const lines = useMemo(() => (trend.data ? trendLines(trend.data, kpi, 6, t('cockpit.others')) : []), [trend.data, kpi, t]);

  const option = useMemo<ChartOption | null>(() => {
    if (!trend.data) return null;
    const labels = trend.data.intervals.map((p) => intervalLabel(p, trend.data.interval));
    return {
      color: look.palette,
      tooltip: { ...tooltipStyle(look), trigger: 'axis' },
      legend: { type: 'scroll', top: 0, textStyle: { color: look.muted }, pageTextStyle: { color: look.muted } },
      grid: { left: 8, right: 12, top: 32, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: labels, boundaryGap: kind === 'bar', axisLine: { lineStyle: { color: look.axis } }, axisLabel: { color: look.muted } },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: look.split } }, axisLabel: { color: look.muted } },
      series: lines.map((l) => ({
        name: l.name,
        type: kind,
        data: l.values,
        symbolSize: 5,
        barMaxWidth: 28,
        stack: kind === 'bar' ? 'all' : undefined,
        emphasis: { focus: 'series' },
      })),
    };
  }, [trend.data, lines, kind, look]);

  const element = useEChart(option, (click) => {
    const line = lines[click.seriesIndex];
    const period = trend.data?.intervals[click.dataIndex];
    if (!line || !period) return;
    const narrow = { from: period.from, to: period.to, ...(line.key !== OTHERS && drillable(line.key) ? { categoryId: line.key } : {}) };
    const when = period.from === period.to ? period.from : `${period.from}～${period.to}`;
    onDrill({ title: `${line.key === OTHERS ? t('cockpit.allCategories') : line.name} · ${when} · ${t(`kpi.${kpi}`)}`, kpi, narrow });
  });

  return (
    <Panel
      area="trend"
      title={t('cockpit.trend')}
      testId="trend-panel"
      extra={
        <>
          <Select size="small" value={kpi} onChange={setKpi} options={trendKpis.map((k) => ({ value: k, label: t(`kpi.${k}`) }))} popupMatchSelectWidth={false} data-testid="trend-kpi" />
          <Segmented
            size="small"
            value={kind}
            onChange={(v) => setKind(v === 'bar' ? 'bar' : 'line')}
            options={[
              { value: 'bar', label: t('cockpit.chart.bar') },
              { value: 'line', label: t('cockpit.chart.line') },
            ]}
          />
        </>
      }
    >
      <div ref={element} className="cockpit-chart" data-testid="trend-chart" data-series={lines.length} />
    </Panel>
  );
}
