import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from '../../common/geo.js';
import { bbox, pointInPolygon, polygonArea, polygonCentroid } from './geometry.js';

const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const clockwise = (ring: Position[]) => [...ring].reverse();

describe('bbox, polygonArea, polygonCentroid', () => {
  const donut = poly(rect(0, 0, 4, 4), rect(1, 1, 3, 2));
  it('measures a polygon with a hole, whatever the winding', () => {
    expect(bbox(donut)).toEqual([0, 0, 4, 4]);
    expect(polygonArea(donut)).toBe(14);
    expect(polygonArea(poly(clockwise(rect(0, 0, 4, 4)), clockwise(rect(1, 1, 3, 2))))).toBe(14);
  });

  it('adds the parts of a MultiPolygon', () => {
    const m: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(5, -2, 7, 1)]] };
    expect(polygonArea(m)).toBe(7);
    expect(bbox(m)).toEqual([0, -2, 7, 1]);
  });

  it('finds the area centroid, holes pulling it away', () => {
    expect(polygonCentroid(poly(rect(2, 3, 4, 7)))).toEqual([3, 5]);
    // 4×4 square minus a 2×1 hole centred at (2, 1.5): centroid moves up to y = (16·2 − 2·1.5) / 14.
    const [cx, cy] = polygonCentroid(donut);
    expect(cx).toBeCloseTo(2, 12);
    expect(cy).toBeCloseTo(29 / 14, 12);
    // An L of a 2×1 bar and a 1×1 square on top of its left end.
    const [lx, ly] = polygonCentroid(poly([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]));
    expect(lx).toBeCloseTo((2 * 1 + 1 * 0.5) / 3, 12);
    expect(ly).toBeCloseTo((2 * 0.5 + 1 * 1.5) / 3, 12);
  });

  it('keeps precision at county coordinates', () => {
    const sq = poly(rect(115.6, 37.0, 115.8, 37.15));
    expect(Math.abs(polygonArea(sq) - (115.8 - 115.6) * (37.15 - 37.0)) / polygonArea(sq)).toBeLessThan(1e-12);
  });
});

describe('pointInPolygon', () => {
  const sq = poly(rect(0, 0, 2, 2));
  it('finds inside and outside points', () => {
    expect(pointInPolygon(1, 1, sq)).toBe(true);
    expect(pointInPolygon(3, 1, sq)).toBe(false);
    expect(pointInPolygon(-0.5, 1, sq)).toBe(false);
    expect(pointInPolygon(NaN, 1, sq)).toBe(false);
    expect(pointInPolygon(Infinity, 1, sq)).toBe(false);
  });

  it('owns the west and south boundary, not the east and north', () => {
    expect(pointInPolygon(0, 1, sq)).toBe(true); // west edge
    expect(pointInPolygon(1, 0, sq)).toBe(true); // south edge
    expect(pointInPolygon(2, 1, sq)).toBe(false); // east edge
    expect(pointInPolygon(1, 2, sq)).toBe(false); // north edge
    expect(pointInPolygon(0, 0, sq)).toBe(true); // south-west corner
    expect([pointInPolygon(2, 0, sq), pointInPolygon(0, 2, sq), pointInPolygon(2, 2, sq)]).toEqual([false, false, false]);
  });

  it('gives a point on a slanted shared edge to the polygon east of it', () => {
    const west = poly([[0, 0], [1, 3], [0, 3], [0, 0]]);
    const east = poly([[0, 0], [3, 0], [3, 3], [1, 3], [0, 0]]);
    for (const t of [0, 0.25, 0.5, 0.75]) {
      expect([pointInPolygon(t, 3 * t, west), pointInPolygon(t, 3 * t, east)]).toEqual([false, true]);
    }
  });

  it('treats holes as outside, with the hole boundary owned by the same rule', () => {
    const donut = poly(rect(0, 0, 4, 4), clockwise(rect(1, 1, 3, 3)));
    expect(pointInPolygon(2, 2, donut)).toBe(false);
    expect(pointInPolygon(0.5, 2, donut)).toBe(true);
    expect(pointInPolygon(1, 2, donut)).toBe(false); // west edge of the hole: what lies east of it is the hole
    expect(pointInPolygon(3, 2, donut)).toBe(true); // east edge of the hole: east of it is the donut
    expect(pointInPolygon(2, 1, donut)).toBe(false);
    expect(pointInPolygon(2, 3, donut)).toBe(true);
  });

  it('accepts a MultiPolygon and rings given without the closing position', () => {
    const m: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [[[2, 0], [3, 0], [3, 1], [2, 1]]]] };
    expect([pointInPolygon(0.5, 0.5, m), pointInPolygon(2.5, 0.5, m), pointInPolygon(1.5, 0.5, m)]).toEqual([true, true, false]);
  });
});
