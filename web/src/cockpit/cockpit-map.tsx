import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useMapFigures } from './cockpit-api.js';
import type { CockpitFilters } from './cockpit-filters.js';
import { mapMetrics } from './cockpit-types.js';
import type { KpiName, MapMetric } from './cockpit-types.js';
import { chartLook, tooltipStyle } from './chart-theme.js';
import type { DrillTarget } from './drill.js';
import { echarts } from './echarts-setup.js';
import type { ChartOption } from './echarts-setup.js';
import { formatKpi } from './kpi-format.js';
import { Panel } from './panel.js';
import { useEChart } from './use-echart.js';
import { gridSeriesGeometry, registerGrids } from '../org/grid-geo.js';
import { useGrids } from '../org/org-api.js';
import { useI18n } from '../i18n/i18n-context.js';

const mapName = 'jiceng-cockpit-grids';

/** The KPI behind each map metric, for the drill-down (a rate lists the cases of its numerator). */
const metricKpi: Record<MapMetric, KpiName> = { cases: 'received', density: 'received', resolution_rate: 'resolutionRate', overdue: 'overdue', satisfaction: 'satisfactionRate' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The county's grids shaded by a figure (cases, density, a rate); a click on a grid lists its cases. */
export function CockpitMap({ filters, dark, onDrill }: { filters: CockpitFilters; dark: boolean; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  const [metric, setMetric] = useState<MapMetric>('cases');
  const grids = useGrids();
  const figures = useMapFigures(filters, metric);
  const look = chartLook(dark);

  const format = (v: number | null) =>
    v === null ? '—' : metric === 'density' ? v.toFixed(1) : formatKpi(metric === 'resolution_rate' ? 'resolutionRate' : metric === 'satisfaction' ? 'satisfactionRate' : 'received', v, lang);

  const option = useMemo<ChartOption | null>(() => {
    if (!grids.data || !figures.data || grids.data.features.length === 0) return null;
    registerGrids(echarts, mapName, grids.data);
    const byId = new Map(figures.data.items.map((i) => [i.gridId, i]));
    const names = new Map(grids.data.features.map((f) => [f.properties.id, f.properties]));
    const rate = metric === 'resolution_rate' || metric === 'satisfaction';
    return {
      tooltip: {
        ...tooltipStyle(look),
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const g = names.get(p.name);
          const item = byId.get(p.name);
          if (!g) return '';
          const where = [g.villageName, g.townshipName].filter(Boolean).join(' · ');
          return `<b>${escapeHtml(g.name)}</b><br/><span style="opacity:.7">${escapeHtml(where)}</span><br/>${escapeHtml(t(`cockpit.metric.${metric}`))}：<b>${escapeHtml(format(item?.value ?? null))}</b>`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: rate ? 1 : Math.max(1, figures.data.max ?? 1),
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemWidth: 12,
        itemHeight: 160,
        text: [format(rate ? 1 : Math.max(1, figures.data.max ?? 1)), format(0)],
        textStyle: { color: look.muted },
        inRange: { color: rate ? [...look.scale].reverse() : look.scale },
      },
      series: [
        {
          // Room at the bottom for the colour scale.
          ...gridSeriesGeometry(mapName, grids.data, { left: 8, right: 8, top: 4, bottom: 40 }),
          itemStyle: { borderColor: look.border, borderWidth: 0.6, areaColor: dark ? '#1e293b' : '#f1f5f9' },
          emphasis: { label: { show: true, color: look.text, formatter: (p: { name: string }) => names.get(p.name)?.name ?? '' }, itemStyle: { areaColor: '#fde68a' } },
          select: { disabled: true },
          label: { show: false },
          data: grids.data.features.map((f) => {
            const item = byId.get(f.properties.id);
            return item && item.value !== null ? { name: f.properties.id, value: item.value } : { name: f.properties.id, value: NaN };
          }),
        },
      ],
    };
  }, [grids.data, figures.data, metric, look, dark, t, lang]);

  const element = useEChart(option, (click) => {
    const g = grids.data?.features.find((f) => f.properties.id === click.name)?.properties;
    if (!g) return;
    onDrill({ title: `${g.name} · ${t(`kpi.${metricKpi[metric]}`)}`, kpi: metricKpi[metric], narrow: { gridId: g.id } });
  });

  return (
    <Panel
      area="map"
      title={t('cockpit.map')}
      testId="cockpit-map-panel"
      extra={
        <Select
          size="small"
          value={metric}
          onChange={setMetric}
          options={mapMetrics.map((m) => ({ value: m, label: t(`cockpit.metric.${m}`) }))}
          popupMatchSelectWidth={false}
          data-testid="map-metric"
        />
      }
    >
      <div ref={element} className="cockpit-chart cockpit-map" data-testid="cockpit-map" data-metric={metric} />
    </Panel>
  );
}
