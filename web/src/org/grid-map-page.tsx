import { useMemo, useState } from 'react';
import { Card, Col, Descriptions, Empty, Result, Row, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useGrids } from './org-api.js';
import { townshipColors } from './grid-colors.js';
import { GridMapChart } from './grid-map-chart.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import './grid-map-page.css';

/** 网格地图: every grid the user may see, coloured by township, with the chosen grid's details beside the map. */
export function GridMapPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const grids = useGrids();
  const [params, setParams] = useSearchParams();
  const [hoverTownship, setHoverTownship] = useState<string | null>(null);
  const selectedId = params.get('grid') ?? undefined;
  const features = grids.data?.features;
  const townships = useMemo(() => townshipColors(features ?? []), [features]);
  const selected = features?.find((f) => f.properties.id === selectedId)?.properties;
  const select = (id: string | undefined) => setParams(id ? { grid: id } : {}, { replace: true });

  if (grids.error) return <Result status="error" title={t('common.loadFailed')} subTitle={grids.error.message} />;

  return (
    <div className="grid-map-page">
      <div className="page-header">
        <h1>{t('map.title')}</h1>
        {features && (
          <Typography.Text type="secondary" data-testid="grid-summary">
            {t('map.summary', { grids: features.length, townships: townships.length })}
          </Typography.Text>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          <Card size="small" className="grid-map-card" styles={{ body: { padding: isPhone ? 4 : 8 } }}>
            {grids.isLoading || !grids.data ? (
              <Skeleton.Node active className="grid-map-skeleton" />
            ) : features && features.length === 0 ? (
              <Empty description={t('map.empty')} data-testid="grid-map-empty" />
            ) : (
              <GridMapChart
                grids={grids.data}
                townships={townships}
                selectedId={selectedId}
                highlightTownshipId={hoverTownship}
                onSelect={select}
                height={isPhone ? 340 : 'calc(100vh - 190px)'}
              />
            )}
            <Typography.Text type="secondary" className="grid-map-hint">
              {t('map.hint')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <div className="grid-side">
            <Card size="small" title={t('map.details')} data-testid="grid-details">
              {selected ? (
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'name', label: t('map.grid'), children: <strong>{selected.name}</strong> },
                    { key: 'code', label: t('map.code'), children: selected.code ?? '—' },
                    { key: 'village', label: t('map.village'), children: selected.villageName ?? '—' },
                    { key: 'township', label: t('map.township'), children: selected.townshipName ?? '—' },
                    { key: 'worker', label: t('map.gridWorker'), children: selected.gridWorkerName ?? t('map.noWorker') },
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">{t('map.selectHint')}</Typography.Text>
              )}
            </Card>
            <Card size="small" title={t('map.township')}>
              <ul className="township-legend" data-testid="township-legend">
                {townships.map((tw) => (
                  <li
                    key={tw.townshipId}
                    onMouseEnter={() => setHoverTownship(tw.townshipId)}
                    onMouseLeave={() => setHoverTownship(null)}
                  >
                    <span className="legend-swatch" style={{ background: tw.color }} />
                    <span className="legend-name">{tw.townshipName}</span>
                    <span className="legend-count">{tw.grids}</span>
                  </li>
                ))}
              </ul>
            </Card>
          </div>
        </Col>
      </Row>
    </div>
  );
}
