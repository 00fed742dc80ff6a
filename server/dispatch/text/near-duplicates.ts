/**
 * Finding reports that repeat a new one (to merge them): recent cases in the same grid or within a radius,
 * ranked by MinHash similarity of their texts.
 */
import { AppError } from '../../platform/errors.js';
import { EARTH_RADIUS_M, hasCoordinates, haversineMeters } from './geo.js';
import { minhashSignature, signatureSimilarity } from './minhash.js';
import type { MinHashSignature } from './minhash.js';

export interface DuplicateCandidateCase {
  id: string;
  text: string;
  lng?: number | null;
  lat?: number | null;
  gridId?: string | null;
  createdAt: Date;
  /** A stored signature saves recomputing it; it must have been made with the same number of hashes. */
  signature?: MinHashSignature;
}

export interface DuplicateOptions {
  radiusMeters: number;
  minSimilarity: number;
  /** Only cases created at most this many days before (or after) the new report. */
  maxAgeDays: number;
  limit: number;
}

export interface DuplicateMatch {
  id: string;
  similarity: number;
  /** Null when either report has no coordinates (matched by grid). */
  distanceMeters: number | null;
  sameGrid: boolean;
}

export const defaultDuplicateOptions: DuplicateOptions = { radiusMeters: 500, minSimilarity: 0.35, maxAgeDays: 30, limit: 10 };

const DAY_MS = 86_400_000;

/** Cases with one signature — the same text reported again — as the recent-cases cache keeps them: one similarity for all. */
export interface CandidateGroup<T extends DuplicateCandidateCase> {
  signature: MinHashSignature;
  cases: readonly T[];
}

/** A match with the case it matched. */
export interface RankedMatch<T> extends DuplicateMatch {
  candidate: T;
}

/**
 * The ranking of one report's duplicates: `consider` each case with the means to its similarity to the report (asked
 * for only once the case is in place and time); `best` holds the `limit` best matches so far. A case must be the same grid or within the radius (every case is in scope when the
 * report has neither grid nor coordinates), recent enough, and at least minSimilarity alike.
 */
function ranking<T extends DuplicateCandidateCase>(candidate: Omit<DuplicateCandidateCase, 'id'> & { id?: string }, options: Partial<DuplicateOptions>) {
  const o = { ...defaultDuplicateOptions, ...options };
  if (!(o.radiusMeters >= 0) || !(o.minSimilarity >= 0 && o.minSimilarity <= 1)) {
    throw new AppError('validation_failed', '查重参数无效：半径须不小于 0，相似度阈值须在 0 到 1 之间', { options: o });
  }
  const located = hasCoordinates(candidate);
  const unplaced = !located && !candidate.gridId;
  const at = candidate.createdAt.getTime();
  const maxAge = o.maxAgeDays * DAY_MS;
  // A great circle is never shorter than its north–south part: a case further away than the radius in latitude alone
  // is out of reach without the trigonometry.
  const maxLatDelta = located ? (o.radiusMeters / EARTH_RADIUS_M) * (180 / Math.PI) : Infinity;
  const distanceTo = (c: DuplicateCandidateCase) => (located && hasCoordinates(c) ? haversineMeters(candidate, c) : null);
  const best: RankedMatch<T>[] = [];
  return {
    signature: candidate.signature ?? minhashSignature(candidate.text),
    minSimilarity: o.minSimilarity,
    best,
    consider(c: T, similarityOf: (c: T) => number): void {
      if (candidate.id !== undefined && c.id === candidate.id) return;
      if (Math.abs(c.createdAt.getTime() - at) > maxAge) return;
      const sameGrid = !!candidate.gridId && c.gridId === candidate.gridId;
      if (!sameGrid && located && typeof c.lat === 'number' && Math.abs(c.lat - candidate.lat!) > maxLatDelta * (1 + 1e-9)) return;
      // The radius decides only for cases outside the grid; inside it, the distance is worked out for matches alone.
      let distance: number | null | undefined;
      if (!sameGrid && !unplaced) {
        distance = distanceTo(c);
        if (distance === null || !(distance <= o.radiusMeters)) return;
      }
      const similarity = similarityOf(c);
      if (similarity < o.minSimilarity) return;
      distance ??= distanceTo(c);
      keepBest(best, { id: c.id, similarity, distanceMeters: distance === null ? null : Math.round(distance), sameGrid, candidate: c }, o.limit);
    },
  };
}

/**
 * Ranks recent cases that repeat `candidate`: same grid or within the radius (every case is in scope when the
 * candidate has neither grid nor coordinates), recent enough, and at least minSimilarity alike.
 */
export function findDuplicates(
  candidate: Omit<DuplicateCandidateCase, 'id'> & { id?: string },
  recentCases: readonly DuplicateCandidateCase[],
  options: Partial<DuplicateOptions> = {},
): DuplicateMatch[] {
  const r = ranking<DuplicateCandidateCase>(candidate, options);
  let lastSignature: MinHashSignature | undefined;
  let lastSimilarity = 0;
  const similarityOf = (c: DuplicateCandidateCase) => {
    // Candidates with the same text may share a signature object (the recent-cases cache): their similarity is one.
    const other = c.signature ?? minhashSignature(c.text, r.signature.hashes.length);
    if (other !== lastSignature) {
      lastSignature = other;
      lastSimilarity = signatureSimilarity(r.signature, other);
    }
    return lastSimilarity;
  };
  for (const c of recentCases) r.consider(c, similarityOf);
  return r.best.map(({ candidate: _, ...m }) => m);
}

/**
 * `findDuplicates` over cases grouped by signature: a group's similarity is worked out once, and a group below the
 * threshold is passed over without looking at its cases — a report repeated a hundred times in a grid costs one
 * comparison. Each match comes with its case.
 */
export function findDuplicatesIn<T extends DuplicateCandidateCase>(
  candidate: Omit<DuplicateCandidateCase, 'id'> & { id?: string },
  groups: Iterable<CandidateGroup<T>>,
  options: Partial<DuplicateOptions> = {},
): RankedMatch<T>[] {
  const r = ranking<T>(candidate, options);
  for (const g of groups) {
    const similarity = signatureSimilarity(r.signature, g.signature);
    if (similarity < r.minSimilarity) continue;
    const same = () => similarity;
    for (const c of g.cases) r.consider(c, same);
  }
  return r.best;
}

/**
 * Most similar first, then nearest, then by id in code-unit order (ids are UUIDs): a report repeated at one place ties
 * on similarity and distance with each repeat, and locale-aware comparison of every such pair cost more than the
 * ranking itself.
 */
function rank(a: DuplicateMatch, b: DuplicateMatch): number {
  return b.similarity - a.similarity || (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Inserts a match into the ranked list of the best `limit` so far (what sorting every match and keeping the first
 * `limit` gives, without holding or sorting the others: a repeated report can match dozens of cases).
 */
function keepBest<M extends DuplicateMatch>(best: M[], m: M, limit: number): void {
  if (best.length >= limit && (limit <= 0 || rank(m, best[best.length - 1]!) >= 0)) return;
  let i = best.length;
  best.push(m);
  while (i > 0 && rank(best[i - 1]!, m) > 0) {
    best[i] = best[i - 1]!;
    i--;
  }
  best[i] = m;
  if (best.length > limit) best.pop();
}
