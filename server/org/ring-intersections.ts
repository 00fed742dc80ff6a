import type { Position } from '../../common/geo.js';
import { orient } from './orient.js';

/** Two edges of a polygon's rings that touch or cross where they should not; indices point at each edge's first position. */
export interface RingContact {
  ringA: number;
  positionA: number;
  ringB: number;
  positionB: number;
}

interface Segment {
  ring: number;
  seq: number; // index among the ring's segments after dropping repeated positions
  count: number; // number of segments in that ring
  position: number; // index of the first position in the original ring
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
}

function segmentsOf(rings: readonly Position[][]): Segment[] {
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    // Repeated consecutive positions are harmless in GeoJSON; drop them so they do not read as zero-length edges.
    const kept: { p: Position; i: number }[] = [];
    ring.forEach((p, i) => {
      const last = kept[kept.length - 1];
      if (!last || last.p[0] !== p[0] || last.p[1] !== p[1]) kept.push({ p, i });
    });
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first && last && kept.length > 1 && first.p[0] === last.p[0] && first.p[1] === last.p[1]) kept.pop();
    const count = kept.length;
    if (count < 3) return; // degenerate; reported as a zero-area ring by the caller
    kept.forEach(({ p, i }, k) => {
      const q = kept[(k + 1) % count]!.p;
      segments.push({ ring: r, seq: k, count, position: i, a: p, b: q, minX: Math.min(p[0], q[0]), maxX: Math.max(p[0], q[0]) });
    });
  });
  return segments;
}

const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];

/** Whether collinear c lies on the closed segment a–b. */
function onSegment(a: Position, b: Position, c: Position): boolean {
  return Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);
}

/** Whether two closed segments share any point. */
function segmentsTouch(s: Segment, t: Segment): boolean {
  const d1 = orient(t.a[0], t.a[1], t.b[0], t.b[1], s.a[0], s.a[1]);
  const d2 = orient(t.a[0], t.a[1], t.b[0], t.b[1], s.b[0], s.b[1]);
  const d3 = orient(s.a[0], s.a[1], s.b[0], s.b[1], t.a[0], t.a[1]);
  const d4 = orient(s.a[0], s.a[1], s.b[0], s.b[1], t.b[0], t.b[1]);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (d1 === 0 && onSegment(t.a, t.b, s.a)) || (d2 === 0 && onSegment(t.a, t.b, s.b))
    || (d3 === 0 && onSegment(s.a, s.b, t.a)) || (d4 === 0 && onSegment(s.a, s.b, t.b));
}

/** Consecutive edges meet at their shared vertex; they are wrong only when they fold back over each other. */
function foldsBack(s: Segment, t: Segment): boolean {
  const [v, p, q] = same(s.b, t.a) ? [s.b, s.a, t.b] : [s.a, s.b, t.a];
  if (orient(p[0], p[1], v[0], v[1], q[0], q[1]) !== 0) return false;
  return Math.sign(p[0] - v[0]) === Math.sign(q[0] - v[0]) && Math.sign(p[1] - v[1]) === Math.sign(q[1] - v[1]);
}

function adjacent(s: Segment, t: Segment): boolean {
  if (s.ring !== t.ring) return false;
  const d = Math.abs(s.seq - t.seq);
  return d === 1 || d === s.count - 1;
}

/**
 * Places where the rings of one polygon touch or cross, themselves or each other (at most `limit` of them). Stricter
 * than OGC, which lets rings touch at a point: a grid boundary has no reason to. A sweep over x keeps this near
 * O(n log n) for the few-thousand-vertex boundaries admins may draw.
 */
export function ringIntersections(rings: readonly Position[][], limit = 20): RingContact[] {
  const segments = segmentsOf(rings).sort((s, t) => s.minX - t.minX);
  const found: RingContact[] = [];
  for (let i = 0; i < segments.length && found.length < limit; i++) {
    const s = segments[i]!;
    const sMinY = Math.min(s.a[1], s.b[1]), sMaxY = Math.max(s.a[1], s.b[1]);
    for (let j = i + 1; j < segments.length && found.length < limit; j++) {
      const t = segments[j]!;
      if (t.minX > s.maxX) break;
      if (Math.max(t.a[1], t.b[1]) < sMinY || Math.min(t.a[1], t.b[1]) > sMaxY) continue;
      const bad = adjacent(s, t) ? foldsBack(s, t) : segmentsTouch(s, t);
      if (!bad) continue;
      const [x, y] = s.ring < t.ring || (s.ring === t.ring && s.position <= t.position) ? [s, t] : [t, s];
      found.push({ ringA: x.ring, positionA: x.position, ringB: y.ring, positionB: y.position });
    }
  }
  return found;
}
