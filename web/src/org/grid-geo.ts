/** The grid polygons as an ECharts map: the one way the map pages and the cockpit draw our own GeoJSON (no tiles). */
import type * as echarts from 'echarts/core';
import type { GridCollection } from './org-api.js';
import { meanLatitude } from './grid-colors.js';

/** Registers the grids under a map name; regions are named by grid id (two grids may share a name, never an id). */
export function registerGrids(core: typeof echarts, mapName: string, grids: GridCollection): void {
  core.registerMap(mapName, grids as unknown as Parameters<typeof echarts.registerMap>[1]);
}

/** Where the map is drawn inside its chart: a box (kept to the map's aspect), in pixels or percentages. */
export interface MapBox {
  left: number | string;
  top: number | string;
  right: number | string;
  bottom: number | string;
}

/**
 * The geometry settings of a map series over the grids: lng/lat drawn to scale at the county's latitude, centred in
 * the chart, or fitted into `box` when the chart keeps room for something else (a colour scale).
 */
export function gridSeriesGeometry(mapName: string, grids: GridCollection, box?: MapBox) {
  return {
    type: 'map' as const,
    map: mapName,
    nameProperty: 'id',
    roam: true,
    scaleLimit: { min: 0.8, max: 12 },
    // Plain lng/lat drawing stretches east-west by 1/cos(latitude); correct it.
    aspectScale: Math.max(0.5, Math.cos((meanLatitude(grids.features) * Math.PI) / 180)),
    ...(box ?? { layoutCenter: ['50%', '50%'], layoutSize: '95%' }),
  };
}
