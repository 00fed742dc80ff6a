import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import { useBreakdown } from './cockpit-api.js';
import type { CockpitFilters } from './cockpit-filters.js';
import { OTHERS, slices } from './chart-data.js';
import { chartLook, tooltipStyle } from './chart-theme.js';
import type { DrillTarget } from './drill.js';
import { drillable } from './drill.js';
import type { ChartOption } from './echarts-setup.js';
import { Panel } from './panel.js';
import { useEChart } from './use-echart.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Each category's share of the cases (one level below the category filter), as a ring or a treemap; a click lists its cases. */
export function ShareChart({ filters, dark, onDrill }: { filters: CockpitFilters; dark: boolean; onDrill: (target: DrillTarget) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'pie' | 'treemap'>('pie');
  const breakdown = useBreakdown(filters, 'category');
  const look = chartLook(dark);
  // The ring keeps the eight largest apart; the treemap has room for every category.
  const data = useMemo(() => slices(breakdown.data?.groups ?? [], 'received', kind === 'pie' ? 8 : 40, t('cockpit.others')), [breakdown.data, kind, t]);

  const option = useMemo<ChartOption | null>(() => {
    if (!breakdown.data) return null;
    const items = data.map((s) => ({ name: s.name, value: s.value }));
    if (kind === 'treemap') {
      return {
        color: look.palette,
        tooltip: { ...tooltipStyle(look), formatter: '{b}：{c}' },
        series: [{ type: 'treemap', data: items, roam: false, nodeClick: false, breadcrumb: { show: false }, width: '100%', height: '100%', top: 0, left: 0, label: { fontSize: 12 }, itemStyle: { borderColor: look.border, gapWidth: 1 }, colorMappingBy: 'index' }],
      };
    }
    return {
      color: look.palette,
      tooltip: { ...tooltipStyle(look), trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: ['36%', '58%'],
          center: ['50%', '52%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: look.border, borderWidth: 2 },
          // Labels for the slices big enough to hold one; the tooltip names the rest.
          minShowLabelAngle: 12,
          // Labels along the chart's edges, so a long name never runs out of a narrow panel or a phone.
          label: { color: look.text, formatter: '{b}\n{d}%', fontSize: 11, alignTo: 'edge', edgeDistance: 4, overflow: 'truncate' },
          labelLine: { length: 8, length2: 0, lineStyle: { color: look.axis } },
          data: items,
        },
      ],
    };
  }, [breakdown.data, data, kind, look]);

  const element = useEChart(option, (click) => {
    // By name: a treemap counts its root among the nodes, so its dataIndex is not the slice's.
    const slice = data.find((s) => s.name === click.name);
    if (!slice || slice.key === OTHERS || !drillable(slice.key)) return;
    onDrill({ title: `${slice.name} · ${t('kpi.received')}`, kpi: 'received', narrow: { categoryId: slice.key } });
  });

  return (
    <Panel
      area="share"
      title={t('cockpit.shares')}
      testId="share-panel"
      extra={
        <Segmented
          size="small"
          value={kind}
          onChange={(v) => setKind(v === 'treemap' ? 'treemap' : 'pie')}
          options={[
            { value: 'pie', label: t('cockpit.chart.pie') },
            { value: 'treemap', label: t('cockpit.chart.treemap') },
          ]}
        />
      }
    >
      <div ref={element} className="cockpit-chart" data-testid="share-chart" data-slices={data.length} />
    </Panel>
  );
}
