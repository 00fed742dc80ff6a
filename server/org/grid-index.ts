import type { MultiPolygon, Polygon, Position } from '../../common/geo.js';
import { AppError } from '../platform/errors.js';
import { bbox, pointInParts, polygonArea, polygonParts, ringParity, type BBox } from './geometry.js';
import { ringIntersections } from './ring-intersections.js';

interface Entry {
  id: string;
  parts: Position[][][];
  box: BBox;
}

/** Bucket of a coordinate along one axis. Monotone in v, so a point inside a box maps inside the box's buckets. */
function cellOf(v: number, lo: number, hi: number, n: number): number {
  return hi > lo ? Math.min(n - 1, Math.floor(((v - lo) / (hi - lo)) * n)) : 0;
}

/**
 * Answers "which grid contains this point". Grid bounding boxes are bucketed on a uniform lattice, so a lookup
 * tests only the few polygons whose box covers the point's bucket, then decides exactly with the half-open rule of
 * geometry.ts: a point on a shared edge or vertex goes to exactly one grid. If input polygons overlap, the grid
 * listed first wins.
 */
export class GridIndex {
  private constructor(
    private readonly entries: Entry[],
    private readonly extent: BBox,
    private readonly cols: number,
    private readonly rows: number,
    private readonly offsets: Int32Array, // bucket b holds items[offsets[b] .. offsets[b + 1])
    private readonly items: Int32Array,
  ) {}

  /** Builds the index; throws validation_failed on a repeated id or a boundary with non-finite coordinates. */
  static build(grids: readonly { id: string; boundary: Polygon | MultiPolygon }[]): GridIndex {
    const seen = new Set<string>();
    const entries = grids.map(({ id, boundary }) => {
      if (seen.has(id)) throw new AppError('validation_failed', `网格编号重复 (duplicate grid id ${id})`, { id });
      seen.add(id);
      const box = bbox(boundary);
      if (!box.every(Number.isFinite)) throw new AppError('validation_failed', `网格边界坐标无效 (grid ${id} has no valid coordinates)`, { id });
      return { id, parts: polygonParts(boundary), box };
    });
    const [west, south, east, north] = entries.length
      ? [Math.min(...entries.map((e) => e.box[0])), Math.min(...entries.map((e) => e.box[1])), Math.max(...entries.map((e) => e.box[2])), Math.max(...entries.map((e) => e.box[3]))]
      : [0, 0, 0, 0];
    // Buckets about half the mean grid size: each lookup then sees two to four candidate boxes.
    const mean = (k: 0 | 1) => entries.reduce((sum, e) => sum + e.box[k + 2]! - e.box[k]!, 0) / Math.max(1, entries.length);
    const count = (span: number, m: number) => (span > 0 && m > 0 ? Math.ceil(span / (m / 2)) : 1);
    let cols = count(east - west, mean(0)), rows = count(north - south, mean(1));
    const scale = Math.sqrt((16 * entries.length + 64) / (cols * rows)); // caps memory when one grid is huge
    if (scale < 1) [cols, rows] = [Math.max(1, Math.floor(cols * scale)), Math.max(1, Math.floor(rows * scale))];
    const ranges = entries.map(({ box }) => [
      cellOf(box[0], west, east, cols), cellOf(box[1], south, north, rows), cellOf(box[2], west, east, cols), cellOf(box[3], south, north, rows),
    ] as const);
    const offsets = new Int32Array(cols * rows + 1);
    for (const [c0, r0, c1, r1] of ranges) for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) offsets[r * cols + c + 1]! += 1;
    for (let b = 0; b < cols * rows; b++) offsets[b + 1]! += offsets[b]!;
    const items = new Int32Array(offsets[cols * rows]!);
    const next = offsets.slice(0, cols * rows);
    // Entries go in input order, so each bucket lists them ascending and the first listed grid wins on overlap.
    ranges.forEach(([c0, r0, c1, r1], i) => {
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) items[next[r * cols + c]!++] = i;
    });
    return new GridIndex(entries, [west, south, east, north], cols, rows, offsets, items);
  }

  /** Number of grids in the index. */
  get size(): number {
    return this.entries.length;
  }

  /** Id of the grid containing (lng, lat), or null when no grid does. */
  locate(lng: number, lat: number): string | null {
    const [west, south, east, north] = this.extent;
    if (!(lng >= west && lng <= east && lat >= south && lat <= north)) return null; // also rejects NaN
    const b = cellOf(lat, south, north, this.rows) * this.cols + cellOf(lng, west, east, this.cols);
    for (let k = this.offsets[b]!, end = this.offsets[b + 1]!; k < end; k++) {
      const entry = this.entries[this.items[k]!]!;
      const [w, s, e, n] = entry.box;
      if (lng < w || lng > e || lat < s || lat > n) continue;
      if (pointInParts(entry.parts, lng, lat)) return entry.id;
    }
    return null;
  }

  /** Ids of the grids whose bounding box comes within `meters` of (lng, lat), in index order (duplicate checks). */
  near(lng: number, lat: number, meters: number): string[] {
    const [west, south, east, north] = this.extent;
    const dLat = meters / 111_320;
    const dLng = meters / (111_320 * Math.cos((lat * Math.PI) / 180));
    const [w, s, e, n] = [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
    if (!(e >= west && w <= east && n >= south && s <= north)) return []; // also rejects NaN
    const found = new Set<number>();
    const [c0, c1] = [cellOf(Math.max(w, west), west, east, this.cols), cellOf(Math.min(e, east), west, east, this.cols)];
    const [r0, r1] = [cellOf(Math.max(s, south), south, north, this.rows), cellOf(Math.min(n, north), south, north, this.rows)];
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const b = r * this.cols + c;
        for (let k = this.offsets[b]!, end = this.offsets[b + 1]!; k < end; k++) {
          const i = this.items[k]!;
          const box = this.entries[i]!.box;
          if (box[0] <= e && box[2] >= w && box[1] <= n && box[3] >= s) found.add(i);
        }
      }
    }
    return [...found].sort((a, b) => a - b).map((i) => this.entries[i]!.id);
  }

  /** Bucket figures, for benchmarks and tests: how many polygons a lookup may have to test. */
  stats(): { buckets: number; maxPerBucket: number; meanPerBucket: number } {
    const buckets = this.cols * this.rows;
    let max = 0;
    for (let b = 0; b < buckets; b++) max = Math.max(max, this.offsets[b + 1]! - this.offsets[b]!);
    return { buckets, maxPerBucket: max, meanPerBucket: this.items.length / buckets };
  }
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((v) => typeof v === 'number' && Number.isFinite(v));

/** Problems of a boundary an admin submitted, as messages (empty when valid): shape, closure, range, self-intersection, holes. */
export function validatePolygon(geojson: unknown): string[] {
  const g = geojson as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== 'object' || g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return ['类型必须是 Polygon 或 MultiPolygon (type must be Polygon or MultiPolygon)'];
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return ['缺少坐标 (coordinates are missing or empty)'];
  const multi = g.type === 'MultiPolygon';
  const parts: unknown[] = multi ? g.coordinates : [g.coordinates];
  const problems: string[] = [];
  parts.forEach((part, p) => {
    const where = (r: number) => (multi ? [`第${p + 1}个多边形第${r + 1}个环`, `polygon ${p + 1}, ring ${r + 1}`] : [`第${r + 1}个环`, `ring ${r + 1}`]);
    if (!Array.isArray(part) || part.length === 0) {
      problems.push(multi ? `第${p + 1}个多边形没有环 (polygon ${p + 1} has no rings)` : '多边形没有环 (the polygon has no rings)');
      return;
    }
    const rings: Position[][] = [];
    part.forEach((ring: unknown, r) => {
      const [zh, en] = where(r);
      if (!Array.isArray(ring) || !ring.every(isPosition)) return void problems.push(`${zh}含无效坐标 (${en} has a position that is not [lng, lat] numbers)`);
      const bad = ring.findIndex(([x, y]) => x < -180 || x > 180 || y < -90 || y > 90);
      if (bad >= 0) return void problems.push(`${zh}第${bad + 1}个坐标超出经纬度范围 (${en}, position ${bad + 1} is outside -180..180, -90..90)`);
      if (ring.length < 4) return void problems.push(`${zh}至少需要4个坐标 (${en} needs at least 4 positions)`);
      const [first, last] = [ring[0]!, ring[ring.length - 1]!];
      if (first[0] !== last[0] || first[1] !== last[1]) return void problems.push(`${zh}未闭合，首尾坐标不同 (${en} is not closed)`);
      rings.push(ring);
    });
    if (rings.length !== part.length) return; // topology needs every ring well-formed
    const contacts = ringIntersections(rings);
    for (const c of contacts) {
      const [zhA, enA] = where(c.ringA), [zhB, enB] = where(c.ringB);
      problems.push(c.ringA === c.ringB
        ? `${zhA}自相交：第${c.positionA + 1}条边与第${c.positionB + 1}条边相交 (${enA} intersects itself: edges ${c.positionA + 1} and ${c.positionB + 1})`
        : `${zhA}与${zhB}相交 (${enA} touches or crosses ${enB})`);
    }
    if (contacts.length) return;
    rings.forEach((ring, r) => {
      const [zh, en] = where(r);
      if (polygonArea({ type: 'Polygon', coordinates: [ring] }) === 0) problems.push(`${zh}面积为零 (${en} has zero area)`);
      else if (r > 0 && !ringParity(rings[0]!, ring[0]![0], ring[0]![1])) problems.push(`${zh}（洞）不在外环内 (${en} is a hole outside the outer ring)`);
    });
  });
  return [...new Set(problems)];
}
