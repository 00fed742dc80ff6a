import { describe, expect, it } from 'vitest';
import type { GridFeature } from './org-api.js';
import { gridFills, meanLatitude, tint, townshipColors } from './grid-colors.js';

function grid(id: string, townshipId: string, townshipName: string, villageId: string, lat: number): GridFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[[115, lat], [115.01, lat], [115.01, lat + 0.02], [115, lat]]] },
    properties: {
      id,
      name: `网格${id}`,
      code: null,
      villageId,
      villageName: null,
      townshipId,
      townshipName,
      gridWorkerId: null,
      gridWorkerName: null,
    },
  };
}

const features = [grid('a', 't2', '柳河镇', 'v1', 37), grid('b', 't1', '城关街道', 'v2', 37), grid('c', 't1', '城关街道', 'v3', 38)];

describe('grid colours', () => {
  it('gives each township one colour and counts its grids', () => {
    const colors = townshipColors(features);
    expect(colors.map((c) => [c.townshipName, c.grids])).toEqual([
      ['城关街道', 2],
      ['柳河镇', 1],
    ]);
    expect(colors[0]?.color).not.toBe(colors[1]?.color);
  });

  it('tints towards white', () => {
    expect(tint('#000000', 0)).toBe('#000000');
    expect(tint('#000000', 1)).toBe('#ffffff');
    expect(tint('#204060', 0.5)).toBe('#90a0b0');
  });

  it('tints neighbouring villages of one township differently', () => {
    const fills = gridFills(features, townshipColors(features));
    expect(fills.get('b')).not.toBe(fills.get('c'));
    expect(fills.size).toBe(3);
  });

  it('averages the latitude of every vertex', () => {
    // Each ring has vertices at lat, lat, lat+0.02, lat: mean lat + 0.005.
    expect(meanLatitude(features)).toBeCloseTo((37.005 * 2 + 38.005) / 3, 6);
    expect(meanLatitude([])).toBe(0);
  });
});
