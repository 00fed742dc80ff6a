/**
 * Finding the open cases a report repeats (已有人反映): the candidates are read from an indexed set — open cases of
 * the last 30 days in the report's grid or in the grids whose bounding box comes within 500 m of it (index
 * cases_grid_received_idx), at most 300, newest first — and ranked by MinHash similarity (text/near-duplicates.ts).
 */
import { and, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { openStatuses } from '../../common/cases.js';
import type { DuplicateCase } from '../../common/following.js';
import type { Db } from '../db/client.js';
import { cases, categories } from '../db/schema/cases.js';
import { grids } from '../db/schema/org.js';
import { minhashSignature } from './text/minhash.js';
import type { MinHashSignature } from './text/minhash.js';
import { defaultDuplicateOptions, findDuplicates } from './text/near-duplicates.js';

/** A report to check: its text, where it is (any of location, grid, area) and when. */
export interface DuplicateQuery {
  text: string;
  lng?: number | null;
  lat?: number | null;
  gridId?: string | null;
  /** For reports without a location: the area path to search under (the reporter's unit). */
  areaPath?: string | null;
  at: Date;
  excludeId?: string;
}

const MAX_CANDIDATES = 300;
const DAY_MS = 86_400_000;

// A case's text never changes after intake, so its signature is computed once: without this, a busy grid's 300
// candidates cost ~6 ms of CPU per report; with it ~0.1 ms. Least recently used entries go first (~10 MB at most).
const SIGNATURES_KEPT = 20_000;
const signatures = new Map<string, MinHashSignature>();

/** A case's MinHash signature, from the process's cache of them (computed once per case). */
export function signatureOf(caseId: string, text: string): MinHashSignature {
  let s = signatures.get(caseId);
  if (s) signatures.delete(caseId);
  else s = minhashSignature(text);
  signatures.set(caseId, s);
  if (signatures.size > SIGNATURES_KEPT) signatures.delete(signatures.keys().next().value as string);
  return s;
}

/** The grids whose bounding boxes come within `meters` of a point (grids_bbox_idx). */
async function gridsNear(db: Db, lng: number, lat: number, meters: number): Promise<string[]> {
  const dLat = meters / 111_320;
  const dLng = meters / (111_320 * Math.cos((lat * Math.PI) / 180));
  const rows = await db
    .select({ id: grids.unitId })
    .from(grids)
    .where(and(lte(grids.minLng, lng + dLng), gte(grids.maxLng, lng - dLng), lte(grids.minLat, lat + dLat), gte(grids.maxLat, lat - dLat)));
  return rows.map((r) => r.id);
}

/** The open cases of the last 30 days that the report most likely repeats, most similar first. */
export async function findDuplicateCases(
  db: Db,
  q: DuplicateQuery,
  options: { visibleTo?: SQL; limit?: number; minSimilarity?: number } = {},
): Promise<DuplicateCase[]> {
  const o = defaultDuplicateOptions;
  const located = typeof q.lng === 'number' && typeof q.lat === 'number';
  const gridIds = located ? await gridsNear(db, q.lng as number, q.lat as number, o.radiusMeters) : q.gridId ? [q.gridId] : [];
  if (q.gridId && !gridIds.includes(q.gridId)) gridIds.push(q.gridId);
  let place: SQL | undefined;
  if (gridIds.length) place = inArray(cases.gridId, gridIds);
  else if (q.areaPath && q.areaPath !== '/') place = sql`${cases.areaPath} like ${`${q.areaPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
  const rows = await db
    .select({
      id: cases.id, number: cases.number, title: cases.title, description: cases.description, status: cases.status,
      lng: cases.lng, lat: cases.lat, gridId: cases.gridId, receivedAt: cases.receivedAt, categoryName: categories.name,
      visible: options.visibleTo ? sql<boolean>`${options.visibleTo}` : sql<boolean>`true`,
    })
    .from(cases)
    .leftJoin(categories, eq(categories.id, cases.categoryId))
    .where(and(
      place,
      inArray(cases.status, [...openStatuses]),
      gte(cases.receivedAt, new Date(q.at.getTime() - o.maxAgeDays * DAY_MS)),
      lte(cases.receivedAt, q.at),
      q.excludeId ? ne(cases.id, q.excludeId) : undefined,
    ))
    .orderBy(desc(cases.receivedAt))
    .limit(MAX_CANDIDATES);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const matches = findDuplicates(
    { text: q.text, lng: q.lng ?? null, lat: q.lat ?? null, gridId: q.gridId ?? null, createdAt: q.at },
    rows.map((r) => {
      const text = `${r.title} ${r.description}`;
      return { id: r.id, text, lng: r.lng, lat: r.lat, gridId: r.gridId, createdAt: r.receivedAt, signature: signatureOf(r.id, text) };
    }),
    { limit: options.limit ?? 5, ...(options.minSimilarity !== undefined ? { minSimilarity: options.minSimilarity } : {}) },
  );
  return matches.map((m) => {
    const r = byId.get(m.id)!;
    return {
      id: r.id, number: r.number, title: r.visible ? r.title : '', status: r.status, categoryName: r.categoryName,
      receivedAt: r.receivedAt.toISOString(), similarity: Math.round(m.similarity * 1000) / 1000,
      distanceMeters: m.distanceMeters, sameGrid: m.sameGrid, visible: !!r.visible,
    };
  });
}
