import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Button, ConfigProvider, Skeleton, theme as antdTheme } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useSummary } from './cockpit-api.js';
import { chinaToday, periodDays, placeOf, readFilters, writeFilters } from './cockpit-filters.js';
import type { CockpitFilters } from './cockpit-filters.js';
import { CockpitMap } from './cockpit-map.js';
import type { DrillTarget } from './drill.js';
import { DrillDrawer } from './drill-drawer.js';
import { FilterBar } from './filter-bar.js';
import { HotspotsList } from './hotspots-list.js';
import { KpiCards } from './kpi-cards.js';
import { LeagueTable } from './league-table.js';
import { LiveCounters } from './live-counters.js';
import { ReportsCard } from './reports-card.js';
import { ShareChart } from './share-chart.js';
import { TrendChart } from './trend-chart.js';
import { useFullscreen } from './use-fullscreen.js';
import { useCategories } from '../cases/cases-api.js';
import { useUnits } from '../org/org-api.js';
import { useUser } from '../app/user-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import './cockpit.css';
import './cockpit-wall.css';

const wallTheme = { algorithm: antdTheme.darkAlgorithm, token: { colorBgContainer: '#0f1b33', colorBgElevated: '#13223f' } };
const lightTheme = { algorithm: antdTheme.defaultAlgorithm };
const pageTheme = {};

/**
 * 数据驾驶舱 (/cockpit): the KPIs of the period with their change, trends and shares by category, the grid map, the
 * league of units, hotspots, live counters and the monthly reports, under one set of filters kept in the URL. Every
 * figure opens the cases behind it. 全屏 turns it into a dark wall display laid out for 1920×1080.
 */
export function CockpitPage() {
  const { t } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const today = chinaToday();
  const filters = useMemo(() => readFilters(params, today), [params, today]);
  const wallParam = params.get('view') === 'wall';
  const root = useRef<HTMLDivElement>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const setView = useCallback(
    (wall: boolean) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (wall) next.set('view', 'wall');
        else next.delete('view');
        return next;
      }, { replace: true }),
    [setParams],
  );
  const fullscreen = useFullscreen(root, useCallback(() => setView(true), [setView]));
  const wall = fullscreen.active || wallParam;
  const setFilters = (next: CockpitFilters) => setParams({ ...writeFilters(next, today), ...(wallParam ? { view: 'wall' } : {}) }, { replace: true });
  const toggleWall = () => (wallParam && !fullscreen.active ? setView(false) : fullscreen.toggle());

  const summary = useSummary(filters);
  const units = useUnits();
  const categories = useCategories();
  const place = placeOf(filters);
  // The wall display is titled by the area in reach: the county, or the township of township staff.
  const reachName = units.data?.find((u) => u.kind === 'county')?.name ?? units.data?.find((u) => u.kind === 'township')?.name ?? user.unitName ?? '';
  const scope = [
    place ? units.data?.find((u) => u.id === place.id)?.name : null,
    filters.categoryId ? categories.data?.find((c) => c.id === filters.categoryId)?.name : null,
  ].filter(Boolean);
  const periodText = t('cockpit.periodText', { from: filters.from, to: filters.to, days: periodDays(filters.from, filters.to) });
  const panels = { filters, dark: wall, onDrill: setDrill };

  return (
    // The same providers in both modes (only their values change): a different tree would remount the page, and a
    // full-screen element that leaves the document ends full screen at once.
    <ConfigProvider theme={wall ? wallTheme : pageTheme} getPopupContainer={() => (wall && root.current) || document.body}>
      <div ref={root} className={wall ? 'cockpit cockpit-wall' : 'cockpit'} data-testid="cockpit-page" data-ready={summary.isSuccess} data-wall={wall}>
        <div className="cockpit-head">
          <div className="cockpit-title">
            <h1>{wall ? t('cockpit.wallTitle', { unit: reachName }) : t('cockpit.title')}</h1>
            <span className="cockpit-period" data-testid="cockpit-period">
              {[periodText, ...scope].join(' · ')}
            </span>
          </div>
          <LiveCounters filters={filters} onDrill={setDrill} />
          <Button
            icon={wall ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={toggleWall}
            className="cockpit-fullscreen"
            data-testid="cockpit-fullscreen"
          >
            {wall ? t('cockpit.exitFullscreen') : t('cockpit.fullscreen')}
          </Button>
        </div>
        {!wall && <FilterBar filters={filters} onChange={setFilters} />}
        {summary.error ? (
          <Alert type="error" showIcon title={t('common.loadFailed')} description={summary.error.message} data-testid="cockpit-error" />
        ) : summary.data ? (
          <KpiCards summary={summary.data} onDrill={setDrill} />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )}
        <div className="cockpit-grid">
          <TrendChart {...panels} />
          <ShareChart {...panels} />
          <CockpitMap {...panels} />
          <HotspotsList filters={filters} limit={wall ? 8 : 10} onDrill={setDrill} />
          <LeagueTable {...panels} />
          {!wall && <ReportsCard />}
        </div>
        {!wall && <p className="cockpit-hint">{t('cockpit.drill.hint')}</p>}
        <ConfigProvider theme={lightTheme}>
          <DrillDrawer filters={filters} target={drill} onClose={() => setDrill(null)} container={wall ? root.current : null} />
        </ConfigProvider>
      </div>
    </ConfigProvider>
  );
}
