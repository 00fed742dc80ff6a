/**
 * The duplicate check at intake: candidates come from the in-memory recent cases of the grids near the report
 * (recent-cases.ts) — those whose signatures share a slot with the report's — ranked by MinHash similarity exactly as
 * the dispatcher's check ranks them (find-duplicates.ts). The cache may not yet have heard that a match was closed a
 * moment ago, so the intake writer keeps only the matches still open as it writes: inside its one batch statement
 * (`predictionKeepingOpen`), or with one read of the whole batch's matches in its transaction (`keepOpenDuplicates`).
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import { openStatuses } from '../../common/cases.js';
import type { Db } from '../db/client.js';
import { cases } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import type { CasePrediction } from './intake-advice.js';
import { findDuplicateCases, signatureOf, type DuplicateQuery } from './find-duplicates.js';
import { recentCasesOf } from './recent-cases.js';
import { defaultDuplicateOptions, findDuplicatesIn } from './text/near-duplicates.js';

/** A case the new report probably repeats, as stored in the case's prediction. */
export interface IntakeDuplicate {
  id: string;
  number: string;
  similarity: number;
  distanceMeters: number | null;
}

const open = new Set<string>(openStatuses);

/** The open cases of the last 30 days nearby that a report most likely repeats, most similar first. */
export async function findIntakeDuplicates(deps: Pick<Deps, 'db' | 'bus' | 'grids'>, q: DuplicateQuery & { caseId: string }, limit = 3): Promise<IntakeDuplicate[]> {
  const located = typeof q.lng === 'number' && typeof q.lat === 'number';
  if (!located && !q.gridId) {
    // No place but the reporter's area: the rare report without a location is checked against the database.
    return (await findDuplicateCases(deps.db, q, { limit })).map((d) => ({ id: d.id, number: d.number, similarity: d.similarity, distanceMeters: d.distanceMeters }));
  }
  const gridIds = located ? await deps.grids.near(q.lng as number, q.lat as number, defaultDuplicateOptions.radiusMeters) : [];
  if (q.gridId && !gridIds.includes(q.gridId)) gridIds.push(q.gridId);
  // Signed under the new case's id: the recent-cases cache takes the same signature when the case is written.
  const signature = signatureOf(q.caseId, q.text);
  // Only the cases that share a MinHash slot with the report can reach the similarity threshold (> 0).
  const groups = await recentCasesOf(deps).sharingSlots(gridIds, q.at, signature);
  const matches = findDuplicatesIn(
    { text: q.text, lng: q.lng ?? null, lat: q.lat ?? null, gridId: q.gridId ?? null, createdAt: q.at, signature },
    groups,
    // A few spare matches, in case some were closed meanwhile.
    { limit: limit * 2 },
  );
  return matches.map((m) => ({ id: m.id, number: m.candidate.number, similarity: Math.round(m.similarity * 1000) / 1000, distanceMeters: m.distanceMeters }));
}

/** The cases a batch's predictions offer as duplicates. */
export function duplicateIds(predictions: readonly (CasePrediction | null)[]): string[] {
  return [...new Set(predictions.flatMap((p) => p?.duplicates?.map((d) => d.id) ?? []))];
}

/**
 * Keeps, in each prediction of a batch about to be written, only the duplicates still open (one read for the whole
 * batch), at most `limit` of them.
 */
export async function keepOpenDuplicates(db: Db, predictions: readonly (CasePrediction | null)[], limit = 3): Promise<void> {
  const ids = duplicateIds(predictions);
  if (!ids.length) return;
  const rows = await db.select({ id: cases.id, status: cases.status }).from(cases).where(inArray(cases.id, ids));
  keepDuplicates(predictions, new Set(rows.filter((r) => open.has(r.status)).map((r) => r.id)), limit);
}

/** Keeps, in each prediction, only the duplicates among `current` (the open ones), at most `limit` of them. */
export function keepDuplicates(predictions: readonly (CasePrediction | null)[], current: ReadonlySet<string>, limit = 3): void {
  for (const p of predictions) {
    if (!p?.duplicates) continue;
    const kept = p.duplicates.filter((d) => current.has(d.id)).slice(0, limit);
    if (kept.length) p.duplicates = kept;
    else delete p.duplicates;
  }
}

/**
 * In SQL, what `keepDuplicates` does in memory, for a row being inserted: its prediction (`x.prediction`, jsonb) with
 * only the duplicates whose ids are in `open` (a text[] expression), in order, at most `limit` of them, and no
 * `duplicates` key when none is left.
 */
export function predictionKeepingOpen(open: SQL, limit = 3): SQL {
  return sql`(select case when not (pp.p ? 'duplicates') then pp.p when k.kept is null then pp.p - 'duplicates' else jsonb_set(pp.p, '{duplicates}', k.kept) end
    from (select x.prediction as p) pp,
      lateral (select jsonb_agg(s.d order by s.o) as kept from (
        select e.d, e.o from jsonb_array_elements(case when jsonb_typeof(pp.p -> 'duplicates') = 'array' then pp.p -> 'duplicates' else '[]'::jsonb end)
          with ordinality as e(d, o)
        where e.d ->> 'id' = any(${open}::text[]) order by e.o limit ${sql.raw(String(Math.trunc(limit)))}) s) k)`;
}
