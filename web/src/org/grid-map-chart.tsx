import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { GridCollection, GridProperties } from './org-api.js';
import { gridFills } from './grid-colors.js';
import { gridSeriesGeometry, registerGrids } from './grid-geo.js';
import type { TownshipColor } from './grid-colors.js';
import { useI18n } from '../i18n/i18n-context.js';

echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

const mapName = 'jiceng-grids';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Props {
  grids: GridCollection;
  townships: readonly TownshipColor[];
  selectedId: string | undefined;
  highlightTownshipId: string | null;
  onSelect: (id: string | undefined) => void;
  height: number | string;
}

/** Draws the grid polygons from our own GeoJSON (no tiles): coloured by township, hover for names, click to select. */
export function GridMapChart({ grids, townships, selectedId, highlightTownshipId, onSelect, height }: Props) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => selectRef.current(typeof params.name === 'string' ? params.name : undefined));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    registerGrids(echarts, mapName, grids);
    const byId = new Map<string, GridProperties>(grids.features.map((f) => [f.properties.id, f.properties]));
    const fills = gridFills(grids.features, townships);
    const label = (id: string) => byId.get(id)?.name ?? id;
    const row = (key: Parameters<typeof t>[0], value: string | null) =>
      `<div><span style="color:#64748b">${escapeHtml(t(key))}：</span>${escapeHtml(value ?? '—')}</div>`;
    instance.setOption(
      {
        tooltip: {
          trigger: 'item',
          triggerOn: 'mousemove|click',
          confine: true,
          formatter: (params: { name: string }) => {
            const p = byId.get(params.name);
            if (!p) return '';
            return [
              `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(p.name)}</div>`,
              row('map.village', p.villageName),
              row('map.township', p.townshipName),
              row('map.gridWorker', p.gridWorkerName ?? t('map.noWorker')),
            ].join('');
          },
        },
        series: [
          {
            ...gridSeriesGeometry(mapName, grids),
            selectedMode: 'single',
            label: { show: false, formatter: (p: { name: string }) => label(p.name), fontSize: 11, color: '#0f172a' },
            itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
            emphasis: {
              label: { show: true, formatter: (p: { name: string }) => label(p.name), fontWeight: 'bold' },
              itemStyle: { areaColor: '#fde68a', borderColor: '#0f2a5c', borderWidth: 1.5 },
            },
            select: {
              label: { show: true, formatter: (p: { name: string }) => label(p.name), fontWeight: 'bold', color: '#fff' },
              itemStyle: { areaColor: '#1f5fd1', borderColor: '#0f2a5c', borderWidth: 2 },
            },
            data: grids.features.map((f) => ({
              name: f.properties.id,
              itemStyle: { areaColor: fills.get(f.properties.id) },
            })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [grids, townships, t]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.dispatchAction({ type: 'unselect', seriesIndex: 0, dataIndex: grids.features.map((_, i) => i) });
    if (selectedId) instance.dispatchAction({ type: 'select', seriesIndex: 0, name: selectedId });
  }, [selectedId, grids, t]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !highlightTownshipId) return;
    const names = grids.features.filter((f) => f.properties.townshipId === highlightTownshipId).map((f) => f.properties.id);
    instance.dispatchAction({ type: 'highlight', seriesIndex: 0, name: names });
    return () => instance.dispatchAction({ type: 'downplay', seriesIndex: 0, name: names });
  }, [highlightTownshipId, grids]);

  return <div ref={element} className="grid-map-canvas" style={{ height }} data-testid="grid-map" />;
}
