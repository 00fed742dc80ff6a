import type { Polygon } from '../../common/geo.js';
import { AppError } from '../platform/errors.js';
import { bbox, polygonCentroid } from './geometry.js';
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
  if (problems.length) {
    throw new AppError('validation_failed', `网格边界无效 (invalid boundary): ${problems.join('; ')}`, { issues: problems.map((message) => ({ path: 'boundary', message })) });
  }
  const [minLng, minLat, maxLng, maxLat] = bbox(boundary);
  const [centroidLng, centroidLat] = polygonCentroid(boundary);
  return { boundary, minLng, minLat, maxLng, maxLat, centroidLng, centroidLat };
}
