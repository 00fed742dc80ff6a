import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from '../../common/geo.js';
import { isAppError } from '../platform/errors.js';
import { pointInPolygon } from './geometry.js';
import { GridIndex, validatePolygon } from './grid-index.js';

const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

// 4 × 3 unit squares named by column and row.
const squares = Array.from({ length: 12 }, (_, k) => ({ id: `${k % 4}-${Math.floor(k / 4)}`, boundary: poly(rect(k % 4, Math.floor(k / 4), (k % 4) + 1, Math.floor(k / 4) + 1)) }));

describe('GridIndex', () => {
  const index = GridIndex.build(squares);

  it('locates interior points and reports its size', () => {
    expect(index.size).toBe(12);
    expect(index.locate(0.5, 0.5)).toBe('0-0');
    expect(index.locate(3.9, 2.1)).toBe('3-2');
    expect(index.locate(2.5, 1.5)).toBe('2-1');
  });

  it('resolves shared edges and vertices to the grid east, then north', () => {
    expect(index.locate(1, 0.5)).toBe('1-0');
    expect(index.locate(0.5, 1)).toBe('0-1');
    expect(index.locate(1, 1)).toBe('1-1');
    expect(index.locate(3, 2)).toBe('3-2');
    expect(index.locate(0, 0)).toBe('0-0');
  });

  it('returns null outside, on the east and north boundary, and for non-numbers', () => {
    expect(index.locate(4, 0.5)).toBeNull();
    expect(index.locate(0.5, 3)).toBeNull();
    expect(index.locate(-0.001, 0.5)).toBeNull();
    expect(index.locate(10, 10)).toBeNull();
    expect(index.locate(NaN, 1)).toBeNull();
  });

  it('puts every point of a fine lattice, edges included, in exactly the grid brute force finds', () => {
    for (let x = -0.25; x <= 4.25; x += 0.125) {
      for (let y = -0.25; y <= 3.25; y += 0.125) {
        const hits = squares.filter((s) => pointInPolygon(x, y, s.boundary)).map((s) => s.id);
        const inArea = x >= 0 && x < 4 && y >= 0 && y < 3;
        expect(hits.length).toBe(inArea ? 1 : 0);
        expect(index.locate(x, y)).toBe(hits[0] ?? null);
      }
    }
  });

  it('finds the grids within a radius exactly as a scan of every bounding box does', () => {
    const scan = (lng: number, lat: number, m: number) => {
      const dLat = m / 111_320, dLng = m / (111_320 * Math.cos((lat * Math.PI) / 180));
      return squares.filter((s) => {
        const [[x0, y0], , [x1, y1]] = s.boundary.coordinates[0]! as [Position, Position, Position];
        return x0 <= lng + dLng && x1 >= lng - dLng && y0 <= lat + dLat && y1 >= lat - dLat;
      }).map((s) => s.id).sort();
    };
    for (let x = -1.1; x <= 5.2; x += 0.37) {
      for (let y = -1.3; y <= 4.1; y += 0.41) {
        for (const m of [0, 500, 30_000, 150_000]) expect([...index.near(x, y, m)].sort()).toEqual(scan(x, y, m));
      }
    }
    expect(index.near(0.5, 0.5, 1_000)).toEqual(['0-0']);
    expect(index.near(NaN, 0.5, 1_000)).toEqual([]);
  });

  it('handles a grid with a hole filled by another grid', () => {
    const holed = GridIndex.build([
      { id: 'ring', boundary: poly(rect(0, 0, 4, 4), rect(1, 1, 3, 3)) },
      { id: 'core', boundary: poly(rect(1, 1, 3, 3)) },
    ]);
    expect(holed.locate(2, 2)).toBe('core');
    expect(holed.locate(0.5, 2)).toBe('ring');
    expect(holed.locate(1, 2)).toBe('core'); // west edge of the hole
    expect(holed.locate(3, 2)).toBe('ring'); // east edge of the hole
    expect(holed.locate(2, 1)).toBe('core');
    expect(holed.locate(2, 3)).toBe('ring');
    expect(holed.locate(1, 1)).toBe('core');
    expect(holed.locate(3, 3)).toBe('ring');
  });

  it('handles MultiPolygon grids, edges between parts included', () => {
    const split: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(2, 0, 3, 1)]] };
    const multi = GridIndex.build([{ id: 'm', boundary: split }, { id: 'n', boundary: poly(rect(1, 0, 2, 1)) }]);
    expect([multi.locate(0.5, 0.5), multi.locate(1.5, 0.5), multi.locate(2.5, 0.5)]).toEqual(['m', 'n', 'm']);
    expect([multi.locate(1, 0.5), multi.locate(2, 0.5), multi.locate(3, 0.5)]).toEqual(['n', 'm', null]);
  });

  it('gives overlapping grids to the one listed first', () => {
    const a = { id: 'a', boundary: poly(rect(0, 0, 2, 2)) };
    const b = { id: 'b', boundary: poly(rect(1, 1, 3, 3)) };
    expect(GridIndex.build([a, b]).locate(1.5, 1.5)).toBe('a');
    expect(GridIndex.build([b, a]).locate(1.5, 1.5)).toBe('b');
  });

  it('keeps buckets small for a regular tiling', () => {
    const many = Array.from({ length: 400 }, (_, k) => ({ id: String(k), boundary: poly(rect(k % 20, Math.floor(k / 20), (k % 20) + 1, Math.floor(k / 20) + 1)) }));
    const stats = GridIndex.build(many).stats();
    expect(stats.maxPerBucket).toBeLessThanOrEqual(4);
    expect(stats.buckets).toBeGreaterThanOrEqual(400);
  });

  it('rejects repeated ids and empty boundaries, and answers null when empty', () => {
    const again = () => GridIndex.build([squares[0]!, squares[0]!]);
    expect(again).toThrow(/duplicate grid id/);
    const error = (() => {
      try {
        again();
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && error.code).toBe('validation_failed');
    expect(() => GridIndex.build([{ id: 'x', boundary: poly() }])).toThrow(/no valid coordinates/);
    expect(GridIndex.build([]).locate(0, 0)).toBeNull();
  });
});

describe('validatePolygon', () => {
  it('accepts simple polygons, with holes, collinear and repeated positions, and MultiPolygons', () => {
    expect(validatePolygon(poly(rect(115.6, 37, 115.7, 37.1)))).toEqual([]);
    expect(validatePolygon(poly(rect(0, 0, 4, 4), rect(1, 1, 2, 2), rect(2.5, 2.5, 3, 3)))).toEqual([]);
    expect(validatePolygon(poly([[0, 0], [1, 0], [1, 0], [2, 0], [2, 2], [0, 2], [0, 0]]))).toEqual([]);
    expect(validatePolygon({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(2, 0, 3, 1)]] })).toEqual([]);
  });

  it('rejects what is not a polygon', () => {
    expect(validatePolygon(null)).toEqual([expect.stringMatching(/type must be Polygon/)]);
    expect(validatePolygon({ type: 'Point', coordinates: [1, 2] })).toEqual([expect.stringMatching(/type must be Polygon/)]);
    expect(validatePolygon({ type: 'Polygon', coordinates: [] })).toEqual([expect.stringMatching(/missing or empty/)]);
    expect(validatePolygon({ type: 'Polygon', coordinates: [[[0, 0], ['1', 0], [1, 1], [0, 0]]] })).toEqual([expect.stringMatching(/ring 1 has a position/)]);
    expect(validatePolygon({ type: 'Polygon', coordinates: [[[0, 0], [NaN, 0], [1, 1], [0, 0]]] })).toHaveLength(1);
  });

  it('names rings that are open, short, out of range or flat', () => {
    expect(validatePolygon(poly([[0, 0], [1, 0], [1, 1], [0, 1]]))).toEqual([expect.stringMatching(/ring 1 is not closed/)]);
    expect(validatePolygon(poly([[0, 0], [1, 0], [0, 0]]))).toEqual([expect.stringMatching(/at least 4 positions/)]);
    expect(validatePolygon(poly([[0, 0], [181, 0], [1, 1], [0, 0]]))).toEqual([expect.stringMatching(/position 2 is outside/)]);
    expect(validatePolygon(poly([[0, 0], [0, 0], [1, 1], [0, 0]]))).toEqual([expect.stringMatching(/zero area/)]);
    expect(validatePolygon(poly([[0, 0], [1, 1], [2, 2], [0, 0]])).join()).toMatch(/intersects itself/); // flat: folds back
    expect(validatePolygon({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [[[0, 0], [1, 0], [1, 1], [0, 1]]]] }))
      .toEqual([expect.stringMatching(/polygon 2, ring 1 is not closed/)]);
  });

  it('finds self-intersections: a bow tie, a spike folding back, a ring touching itself', () => {
    expect(validatePolygon(poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]))).toEqual([expect.stringMatching(/intersects itself: edges 1 and 3/)]);
    expect(validatePolygon(poly([[0, 0], [2, 0], [2, 2], [2, 1], [0, 2], [0, 0]])).join()).toMatch(/intersects itself/);
    expect(validatePolygon(poly([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]])).join()).toMatch(/intersects itself/);
  });

  it('finds holes that cross the outer ring, touch each other or lie outside it', () => {
    expect(validatePolygon(poly(rect(0, 0, 4, 4), rect(3, 1, 5, 2)))).toEqual([expect.stringMatching(/ring 1 touches or crosses ring 2/)]);
    expect(validatePolygon(poly(rect(0, 0, 4, 4), rect(1, 1, 2, 2), rect(2, 1, 3, 2))).join()).toMatch(/ring 2 touches or crosses ring 3/);
    expect(validatePolygon(poly(rect(0, 0, 4, 4), rect(5, 5, 6, 6)))).toEqual([expect.stringMatching(/ring 2 is a hole outside/)]);
  });
});
