/** Great-circle distance for matching reports by place. */

export interface LngLat {
  lng: number;
  lat: number;
}

export const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in metres between two WGS-84 (or GCJ-02, at this scale the same) points. */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True when a value holds finite coordinates in range. */
export function hasCoordinates(p: { lng?: number | null; lat?: number | null }): p is LngLat {
  return typeof p.lng === 'number' && typeof p.lat === 'number' && Number.isFinite(p.lng) && Number.isFinite(p.lat)
    && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
}
