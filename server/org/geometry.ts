import type { MultiPolygon, Polygon, Position } from '../../common/geo.js';
import { orient } from './orient.js';

/**
 * Planar geometry on [lng, lat] positions for grid boundaries.
 *
 * Boundary rule (half-open): a point on a boundary belongs to the polygon immediately east of it, and a point on an
 * east–west edge to the polygon immediately north of it — formally the polygon containing the point moved by (ε, δ)
 * with 0 < δ ≪ ε. So a polygon owns its western and southern boundary but not its eastern and northern one, and in a
 * set of polygons that tile an area every point of the area (edges and vertices included) is in exactly one of them.
 * The rule holds exactly, not approximately: the only arithmetic is the exact `orient` predicate.
 */

/** [west, south, east, north]. */
export type BBox = [number, number, number, number];

/** The polygons of a geometry as a list of ring lists (outer ring first, then holes). */
export function polygonParts(geom: Polygon | MultiPolygon): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

/** Bounding box of a Polygon or MultiPolygon, for bucketing and quick rejection. */
export function bbox(geom: Polygon | MultiPolygon): BBox {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const part of polygonParts(geom)) {
    for (const ring of part) {
      for (const [x, y] of ring) {
        if (x < west) west = x;
        if (x > east) east = x;
        if (y < south) south = y;
        if (y > north) north = y;
      }
    }
  }
  return [west, south, east, north];
}

/** Parity of crossings of the eastward ray from (x, y) with a ring (closed or not), under the half-open rule. */
export function ringParity(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  let prev = ring[ring.length - 1];
  if (!prev) return false;
  for (const cur of ring) {
    const prevAbove = prev[1] > y;
    // An edge counts when it straddles the ray's line, a vertex on the line counting as below it.
    if (prevAbove !== cur[1] > y) {
      const side = prevAbove ? orient(cur[0], cur[1], prev[0], prev[1], x, y) : orient(prev[0], prev[1], cur[0], cur[1], x, y);
      // Strictly left of the upward edge: the edge lies east of the point. On the edge: it does not count.
      if (side > 0) inside = !inside;
    }
    prev = cur;
  }
  return inside;
}

/** Whether a point lies in any of the given polygons (rings of one polygon combine by parity, so holes work). */
export function pointInParts(parts: readonly (readonly Position[])[][], x: number, y: number): boolean {
  for (const rings of parts) {
    let inside = false;
    for (const ring of rings) if (ringParity(ring, x, y)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

/** Whether the point (lng, lat) lies in a Polygon or MultiPolygon, with holes, under the half-open boundary rule. */
export function pointInPolygon(lng: number, lat: number, geom: Polygon | MultiPolygon): boolean {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return false;
  return pointInParts(polygonParts(geom), lng, lat);
}

/** Twice the signed area of a ring and its first moments, taken relative to `origin` to avoid cancellation. */
function ringMoments(ring: readonly Position[], [ox, oy]: Position): { a2: number; mx: number; my: number } {
  let a2 = 0, mx = 0, my = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const ax = x0 - ox, ay = y0 - oy, bx = x1 - ox, by = y1 - oy;
    const cross = ax * by - bx * ay;
    a2 += cross;
    mx += (ax + bx) * cross;
    my += (ay + by) * cross;
  }
  return { a2, mx, my };
}

/** Planar area in square degrees (holes subtracted, orientation ignored); for tests and sanity checks, not km². */
export function polygonArea(geom: Polygon | MultiPolygon): number {
  let total = 0;
  for (const rings of polygonParts(geom)) {
    rings.forEach((ring, i) => {
      const origin = ring[0];
      if (!origin) return;
      const area = Math.abs(ringMoments(ring, origin).a2) / 2;
      total += i === 0 ? area : -area;
    });
  }
  return total;
}

/** Area-weighted centroid [lng, lat] of a polygon with its holes; where a map puts the grid's label. */
export function polygonCentroid(polygon: Polygon): Position {
  const origin = polygon.coordinates[0]?.[0];
  if (!origin) return [NaN, NaN];
  let a2 = 0, mx = 0, my = 0;
  polygon.coordinates.forEach((ring, i) => {
    const m = ringMoments(ring, origin);
    // The outer ring adds and holes subtract, whatever way each ring is wound.
    const sign = (i === 0 ? 1 : -1) * Math.sign(m.a2);
    a2 += sign * m.a2;
    mx += sign * m.mx;
    my += sign * m.my;
  });
  return [origin[0] + mx / (3 * a2), origin[1] + my / (3 * a2)];
}

/** A point inside the polygon (rounded to 6 decimals, about 0.1 m), by rejection from its bounding box. */
export function randomPointIn(rng: () => number, polygon: Polygon | MultiPolygon): [number, number] {
  const [west, south, east, north] = bbox(polygon);
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  for (;;) {
    const lng = round6(west + (east - west) * rng());
    const lat = round6(south + (north - south) * rng());
    if (pointInPolygon(lng, lat, polygon)) return [lng, lat];
  }
}
