import { Suspense, lazy } from 'react';
import { Alert, Button, Skeleton, Tag, Typography } from 'antd';
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useLocate } from './cases-api.js';
import type { LngLat } from './location-map.js';
import { api } from '../app/api.js';
import type { GridCollection } from '../org/org-api.js';
import { useI18n } from '../i18n/i18n-context.js';

// ECharts is large: it loads only when a map is shown, so residents (who get no map) never download it.
const LocationMap = lazy(() => import('./location-map.js').then((m) => ({ default: m.LocationMap })));

/** The grids a user may see, when their role gets the map at all (the same cache entry as the grid map page). */
export function useGridsFor(enabled: boolean) {
  return useQuery({
    queryKey: ['org', 'grids'],
    enabled,
    queryFn: ({ signal }) => api<GridCollection>('/api/org/grids', { signal }),
    staleTime: 10 * 60_000,
  });
}

interface Props {
  value?: LngLat | null;
  onChange?: (point: LngLat | null) => void;
  grids: GridCollection | undefined;
  height: number;
}

/**
 * Picks the place of a problem by tapping the grid map (or from the phone's position) and says which grid, village
 * and township it is in, as the server will file it. Works as an antd Form control.
 */
export function PointPicker({ value, onChange, grids, height }: Props) {
  const { t } = useI18n();
  const point = value ?? null;
  const located = useLocate(point);
  const useMyPosition = () =>
    navigator.geolocation?.getCurrentPosition(
      (pos) => onChange?.({ lng: Math.round(pos.coords.longitude * 1e6) / 1e6, lat: Math.round(pos.coords.latitude * 1e6) / 1e6 }),
      () => undefined,
      { enableHighAccuracy: true, timeout: 10_000 },
    );

  return (
    <div className="point-picker">
      {grids && grids.features.length > 0 && (
        <div className="point-picker-map">
          <Suspense fallback={<Skeleton.Node active className="point-picker-skeleton" style={{ height }} />}>
            <LocationMap grids={grids} value={point} onPick={(p) => onChange?.(p)} height={height} />
          </Suspense>
        </div>
      )}
      <div className="point-picker-bar">
        {point ? (
          <div className="point-picker-place" data-testid="report-place">
            <EnvironmentOutlined />
            {located.data ? (
              <>
                <Tag color="blue">{located.data.township.name}</Tag>
                <Tag color="cyan">{located.data.village.name}</Tag>
                <Tag color="geekblue">{located.data.grid.name}</Tag>
              </>
            ) : located.error ? (
              <Typography.Text type="danger">{located.error.message}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
            )}
            <Button size="small" type="link" onClick={() => onChange?.(null)}>
              {t('report.clearPlace')}
            </Button>
          </div>
        ) : (
          <Typography.Text type="secondary" className="point-picker-hint">
            {grids && grids.features.length > 0 ? t('report.mapHint') : t('report.noMapHint')}
          </Typography.Text>
        )}
        {'geolocation' in navigator && (
          <Button size="small" icon={<AimOutlined />} onClick={useMyPosition}>
            {t('report.myPosition')}
          </Button>
        )}
      </div>
      {located.error && point && <Alert type="warning" showIcon title={t('report.outsideHint')} className="point-picker-alert" />}
    </div>
  );
}
