import { RiseOutlined, FallOutlined } from '@ant-design/icons';
import { useHotspots } from './cockpit-api.js';
import type { CockpitFilters } from './cockpit-filters.js';
import type { Hotspot } from './cockpit-types.js';
import type { DrillTarget } from './drill.js';
import { drillable } from './drill.js';
import { Panel } from './panel.js';
import { useI18n } from '../i18n/i18n-context.js';

/** 热点问题: the categories most reported in a township this period, with the change against the previous period. */
export function HotspotsList({ filters, limit, onDrill }: { filters: CockpitFilters; limit: number; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  const hotspots = useHotspots(filters, limit);
  const items = hotspots.data?.items ?? [];
  const max = Math.max(1, ...items.map((i) => i.count));
  const growth = (h: Hotspot) => {
    if (h.growth === null) return <span className="hot-growth hot-growth-new">{t('cockpit.hotspot.new')}</span>;
    const up = h.growth > 0;
    return (
      <span className={`hot-growth ${up ? 'hot-growth-up' : 'hot-growth-down'}`}>
        {up ? <RiseOutlined /> : h.growth < 0 ? <FallOutlined /> : null} {`${up ? '+' : ''}${Math.round(h.growth * 100)}%`}
      </span>
    );
  };
  return (
    <Panel area="hot" title={t('cockpit.hotspots')} testId="hotspots-panel" loading={hotspots.isLoading} empty={hotspots.isSuccess && items.length === 0} emptyText={t('cockpit.noData')}>
      <ol className="hot-list">
        {items.map((h, i) => {
          const canDrill = drillable(h.categoryId) && drillable(h.townshipId);
          const open = () => canDrill && onDrill({ title: `${h.townshipName} · ${h.categoryName}`, kpi: 'received', narrow: { categoryId: h.categoryId, townshipId: h.townshipId } });
          return (
            <li key={`${h.categoryId}|${h.townshipId}`} className={canDrill ? 'hot-item hot-item-link' : 'hot-item'} onClick={open} data-testid="hotspot">
              <span className={`hot-rank hot-rank-${i < 3 ? 'top' : 'rest'}`}>{i + 1}</span>
              <span className="hot-name">
                <span className="hot-category">{h.categoryName}</span>
                <span className="hot-place">{h.townshipName}</span>
              </span>
              <span className="hot-bar" aria-hidden>
                <span style={{ width: `${(h.count / max) * 100}%` }} />
              </span>
              <span className="hot-count">{h.count.toLocaleString(lang)}</span>
              {growth(h)}
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
