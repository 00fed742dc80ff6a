import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.js';

/** One organisation unit as /api/org/units lists it. */
export interface Unit {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  code: string | null;
}

/** One recorded change of a unit: who, when, what, and each field before and after. */
export interface UnitHistoryEntry {
  at: string;
  actor: { id: string; displayName: string } | null;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  /** Sent by the server for some entries (e.g. demo data); not in the contract, so optional. */
  reason?: string | null;
}

/** Properties of one grid feature in GET /api/org/grids. */
export interface GridProperties {
  id: string;
  name: string;
  code: string | null;
  villageId: string | null;
  villageName: string | null;
  townshipId: string | null;
  townshipName: string | null;
  gridWorkerId: string | null;
  gridWorkerName: string | null;
}

export interface GridFeature {
  type: 'Feature';
  id?: string | number;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  properties: GridProperties;
}

export interface GridCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

const unitsKey = ['org', 'units'] as const;

/** Every unit the caller may see, flat. */
export function useUnits() {
  return useQuery({
    queryKey: unitsKey,
    queryFn: ({ signal }) => api<{ items: Unit[] }>('/api/org/units', { signal }).then((r) => r.items),
  });
}

/** One unit with its direct children. */
export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: [...unitsKey, id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<{ unit: Unit; children: Unit[] }>(`/api/org/units/${encodeURIComponent(id ?? '')}`, { signal }),
  });
}

/** The change history of one unit, newest as the server orders it. */
export function useUnitHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...unitsKey, id, 'history'],
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      api<{ items: UnitHistoryEntry[] }>(`/api/org/units/${encodeURIComponent(id ?? '')}/history`, { signal }).then(
        (r) => r.items,
      ),
  });
}

export interface CreateUnitInput {
  parentId: string;
  kind: string;
  name: string;
  code?: string;
}

export interface UpdateUnitInput {
  name?: string;
  parentId?: string;
  code?: string;
}

/** Adds a unit (admin); refreshes every unit view afterwards. */
export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => api<{ unit: Unit }>('/api/org/units', { body: input }).then((r) => r.unit),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}

/** Renames or moves a unit (admin); refreshes every unit view afterwards. */
export function useUpdateUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUnitInput) =>
      api<{ unit: Unit }>(`/api/org/units/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }).then((r) => r.unit),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}

/** The grid polygons the caller may see, as GeoJSON. */
export function useGrids() {
  return useQuery({
    queryKey: ['org', 'grids'],
    queryFn: ({ signal }) => api<GridCollection>('/api/org/grids', { signal }),
  });
}
