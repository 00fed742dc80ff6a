import type { Polygon } from '../../common/geo.js';
import { AppError } from '../platform/errors.js';
import { validatePolygon } from './grid-index.js';

/** The stored columns derived from a grid's boundary: its bounding box and centroid. */
export interface GridGeometry {
  boundary: Polygon;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  centroidLng: number;
  centroidLat: number;
}

/** Checks a boundary and derives its bounding box and area centroid; 400 naming the problem if it is not a simple polygon. */
export function gridGeometry(boundary: Polygon): GridGeometry {
  const problems = validatePolygon(boundary);
  if (problems.length) throw new AppError('validation_failed', `网格边界无效 (invalid boundary): ${problems.join('; ')}`, { issues: problems.map((message) => ({ path: 'boundary', message })) });
  const ring = boundary.coordinates[0]!;
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    minLng = Math.min(minLng, x0); maxLng = Math.max(maxLng, x0);
    minLat = Math.min(minLat, y0); maxLat = Math.max(maxLat, y0);
    const cross = x0 * y1 - x1 * y0;
    a += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
  }
  return { boundary, minLng, minLat, maxLng, maxLat, centroidLng: cx / (3 * a), centroidLat: cy / (3 * a) };
}
