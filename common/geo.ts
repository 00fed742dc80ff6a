/** GeoJSON shapes used by the platform ([lng, lat], WGS-84). */
export type Position = [number, number];
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type Point = { type: 'Point'; coordinates: Position };
