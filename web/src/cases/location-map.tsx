import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { GridCollection } from '../org/org-api.js';
import { gridFills, meanLatitude, townshipColors } from '../org/grid-colors.js';

echarts.use([GeoComponent, ScatterChart, CanvasRenderer]);

const mapName = 'jiceng-case-location';

/** A point on the map, in the GeoJSON's own degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

interface Props {
  grids: GridCollection;
  value: LngLat | null;
  /** Given: a tap places the pin (the report form). Left out: the map only shows the case's place. */
  onPick?: (point: LngLat) => void;
  height: number;
}

// A drag that pans the map also ends in a click; only a tap that stayed put places the pin.
const TAP_SLOP_PX = 6;

/**
 * The grids drawn from our own GeoJSON (as on the grid map page) with a pin: tap to place it, or see where a case lies.
 * The tap is turned into longitude and latitude by the map's own projection (convertFromPixel).
 */
export function LocationMap({ grids, value, onPick, height }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const readOnly = !onPick;
  // Only a read-only map follows the point; the picker keeps the user's pan and zoom when the pin moves.
  const focusLng = readOnly ? value?.lng : undefined;
  const focusLat = readOnly ? value?.lat : undefined;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    let down: [number, number] | null = null;
    const zr = instance.getZr();
    zr.on('mousedown', (e) => {
      down = [e.offsetX, e.offsetY];
    });
    zr.on('click', (e) => {
      const moved = down ? Math.hypot(e.offsetX - down[0], e.offsetY - down[1]) : 0;
      if (!pickRef.current || moved > TAP_SLOP_PX) return;
      const point = instance.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as number[] | undefined;
      const [lng, lat] = point ?? [];
      if (typeof lng === 'number' && typeof lat === 'number' && Number.isFinite(lng) && Number.isFinite(lat)) {
        pickRef.current({ lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
      }
    });
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
    echarts.registerMap(mapName, grids as unknown as Parameters<typeof echarts.registerMap>[1]);
    const fills = gridFills(grids.features, townshipColors(grids.features));
    const nameOf = new Map(grids.features.map((f) => [f.properties.id, f.properties.name]));
    // A case page zooms in on the case when the map covers many grids; the report form starts from the whole area.
    const focus = focusLng !== undefined && focusLat !== undefined && grids.features.length > 12 ? { center: [focusLng, focusLat], zoom: 3 } : {};
    instance.setOption(
      {
        geo: {
          map: mapName,
          nameProperty: 'id',
          roam: true,
          scaleLimit: { min: 0.8, max: 20 },
          aspectScale: Math.max(0.5, Math.cos((meanLatitude(grids.features) * Math.PI) / 180)),
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          ...focus,
          silent: false,
          // A few grids (a grid worker's own) are named on the map; a whole county would be a blur of names.
          label: { show: grids.features.length <= 12, formatter: (p: { name: string }) => nameOf.get(p.name) ?? '', color: '#0f2a5c', fontSize: 12 },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#fde68a' } },
          select: { disabled: true },
          regions: grids.features.map((f) => ({ name: f.properties.id, itemStyle: { areaColor: fills.get(f.properties.id) } })),
          tooltip: { show: false },
        },
        series: [{ type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 34, itemStyle: { color: '#e11d48' }, silent: true, data: [] }],
      },
      { notMerge: true },
    );
  }, [grids, focusLng, focusLat]);

  useEffect(() => {
    chart.current?.setOption({ series: [{ data: value ? [[value.lng, value.lat]] : [] }] });
  }, [value, grids]);

  return <div ref={element} className="location-map" style={{ height }} data-testid="location-map" />;
}
