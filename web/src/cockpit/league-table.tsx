import { useState } from 'react';
import type { MouseEvent } from 'react';
import { Table, Tooltip } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { useBreakdown } from './cockpit-api.js';
import type { CockpitFilters } from './cockpit-filters.js';
import type { BreakdownGroup, KpiName } from './cockpit-types.js';
import type { DrillTarget } from './drill.js';
import { drillable } from './drill.js';
import { formatKpi } from './kpi-format.js';
import { Panel } from './panel.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The columns of the league table (fewer on the wall display, read from afar); counts are links to their cases. */
const pageKpis: readonly KpiName[] = ['received', 'resolvedOnTimeRate', 'resolutionRate', 'satisfactionRate', 'resolveMinutesMedian', 'overdue', 'buckPassing'];
const wallKpis: readonly KpiName[] = ['received', 'resolvedOnTimeRate', 'satisfactionRate', 'overdue'];
const countKpis = new Set<KpiName>(['received', 'overdue', 'buckPassing']);

const defaultSort = { kpi: 'resolvedOnTimeRate' as KpiName, order: 'desc' as 'asc' | 'desc' };

/**
 * 单位排行: the lead units ranked by on-time resolution, or by any column clicked. The server sorts and ranks, so a
 * unit with a handful of cases is listed after the ranked ones without a rank, whichever column (docs/KPIS.md). A row
 * lists the unit's cases; a count lists the cases it counts.
 */
export function LeagueTable({ filters, dark, onDrill }: { filters: CockpitFilters; dark: boolean; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState(defaultSort);
  const league = useBreakdown(filters, 'unit', sort.kpi, sort.order);
  const groups = league.data?.groups ?? [];
  const unranked = t('cockpit.unranked', { min: league.data?.minCases ?? 0 });
  const onChange: TableProps<BreakdownGroup>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    setSort(s?.order && s.columnKey ? { kpi: s.columnKey as KpiName, order: s.order === 'ascend' ? 'asc' : 'desc' } : defaultSort);
  };
  const drill = (g: BreakdownGroup, k: KpiName) => {
    if (drillable(g.key)) onDrill({ title: `${g.name} · ${t(`kpi.${k}`)}`, kpi: k, narrow: { unitId: g.key } });
  };
  const columns: TableColumnsType<BreakdownGroup> = [
    {
      key: 'rank',
      title: t('cockpit.rank'),
      width: 48,
      align: 'center',
      render: (_v, g) => (g.rank === null ? <Tooltip title={unranked}><span data-testid="league-unranked">—</span></Tooltip> : g.rank),
    },
    // On the wall the table fits its panel, so the name takes the room the figures leave; on the page it scrolls.
    { key: 'name', title: t('cockpit.unit'), dataIndex: 'name', ellipsis: true, ...(dark ? {} : { fixed: 'left' as const, width: 150 }) },
    ...(dark ? wallKpis : pageKpis).map((k) => ({
      key: k,
      title: t(`kpi.${k}`),
      align: 'right' as const,
      width: k === 'resolveMinutesMedian' ? 104 : dark ? 84 : 76,
      sorter: true,
      sortOrder: sort.kpi === k ? (sort.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
      sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
      render: (_v: unknown, g: BreakdownGroup) => {
        const text = formatKpi(k, g.kpis[k], lang);
        if (!countKpis.has(k) || !g.kpis[k] || !drillable(g.key)) return text;
        const onClick = (e: MouseEvent) => {
          e.stopPropagation();
          drill(g, k);
        };
        return (
          <a onClick={onClick} data-testid={`league-${k}`}>
            {text}
          </a>
        );
      },
    })),
  ];
  return (
    <Panel area="league" title={t('cockpit.league', { kpi: t(`kpi.${sort.kpi}`) })} testId="league-panel" loading={league.isLoading} empty={league.isSuccess && groups.length === 0} emptyText={t('cockpit.noData')}>
      <Table<BreakdownGroup>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={groups}
        pagination={false}
        scroll={dark ? { y: 300 } : { x: 690, y: 380 }}
        className="league-table"
        data-testid="league-table"
        onChange={onChange}
        rowClassName={(g) => (g.rank === null ? 'league-unranked' : '')}
        onRow={(g) => ({ onClick: () => drill(g, 'received'), 'data-testid': 'league-row', 'data-unit': g.name, 'data-rank': g.rank ?? '' } as React.HTMLAttributes<HTMLElement>)}
      />
    </Panel>
  );
}
