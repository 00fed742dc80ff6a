/**
 * The duplicate check at intake: candidates come from the in-memory recent cases of the grids near the report
 * (recent-cases.ts), ranked by MinHash similarity exactly as the dispatcher's check ranks them (find-duplicates.ts);
 * only the few matches are read from the database, to drop any case closed since the cache last heard of it.
 */
import { inArray } from 'drizzle-orm';
import { openStatuses } from '../../common/cases.js';
import { cases } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import { findDuplicateCases, type DuplicateQuery } from './find-duplicates.js';
import { recentCasesOf } from './recent-cases.js';
import { defaultDuplicateOptions, findDuplicates } from './text/near-duplicates.js';

/** A case the new report probably repeats, as stored in the case's prediction. */
export interface IntakeDuplicate {
  id: string;
  number: string;
  similarity: number;
  distanceMeters: number | null;
}

const open = new Set<string>(openStatuses);

/** The open cases of the last 30 days nearby that a report most likely repeats, most similar first. */
export async function findIntakeDuplicates(deps: Pick<Deps, 'db' | 'bus' | 'grids'>, q: DuplicateQuery, limit = 3): Promise<IntakeDuplicate[]> {
  const located = typeof q.lng === 'number' && typeof q.lat === 'number';
  if (!located && !q.gridId) {
    // No place but the reporter's area: the rare report without a location is checked against the database.
    return (await findDuplicateCases(deps.db, q, { limit })).map((d) => ({ id: d.id, number: d.number, similarity: d.similarity, distanceMeters: d.distanceMeters }));
  }
  const gridIds = located ? await deps.grids.near(q.lng as number, q.lat as number, defaultDuplicateOptions.radiusMeters) : [];
  if (q.gridId && !gridIds.includes(q.gridId)) gridIds.push(q.gridId);
  const candidates = await recentCasesOf(deps).inGrids(gridIds, q.at);
  const matches = findDuplicates(
    { text: q.text, lng: q.lng ?? null, lat: q.lat ?? null, gridId: q.gridId ?? null, createdAt: q.at },
    candidates,
    { limit: limit * 2 },
  );
  if (!matches.length) return [];
  const rows = await deps.db.select({ id: cases.id, number: cases.number, status: cases.status }).from(cases).where(inArray(cases.id, matches.map((m) => m.id)));
  const current = new Map(rows.filter((r) => open.has(r.status)).map((r) => [r.id, r.number]));
  return matches
    .filter((m) => current.has(m.id))
    .slice(0, limit)
    .map((m) => ({ id: m.id, number: current.get(m.id)!, similarity: Math.round(m.similarity * 1000) / 1000, distanceMeters: m.distanceMeters }));
}
