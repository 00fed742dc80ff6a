/**
 * Hot issues (热点问题): recent cases grouped, place by place (township or grid), by the similarity of their texts,
 * and ranked by heat. Clustering is single-pass leader clustering on TF-IDF vectors in time order: a case joins the
 * most similar cluster centroid above a threshold or starts its own. Heat grows with distinct people (reporters and
 * those who followed a case instead of reporting it again), with reports (a case or a follow; repeats by one person
 * count half) and with growth of the last 7 days over the 7 before.
 */
import { countFeatures } from './features.js';
import type { FeatureExtractor } from './features.js';
import type { FeatureOptions } from './features.js';
import { documentFrequencies, keywordSet, topKeywords } from './keywords.js';
import { addInto, l2NormalizeInPlace } from './sparse.js';
import type { SparseVector } from './sparse.js';

export interface HotspotCase {
  id: string;
  text: string;
  createdAt: Date;
  townshipId?: string | null;
  gridId?: string | null;
  /**
   * Who reported it, as a key that is the same for one person wherever they appear here (reporters and followers
   * alike; hot-issues.ts uses the keyed index); a case with none counts as a distinct reporter.
   */
  reporterId?: string | null;
  /** Who follows it instead of reporting it again (cases/follow-case.ts), keyed as `reporterId`: each is one more voice. */
  followerIds?: readonly string[];
}

export interface HotspotOptions {
  now: Date;
  level: 'township' | 'grid';
  /** Cosine similarity to a cluster centroid needed to join it. */
  minSimilarity: number;
  /** Smallest cluster reported as a hotspot. */
  minCases: number;
  /**
   * Where term weights come from: a vectoriser fitted on a large background corpus (such as the classifier's),
   * or none. IDF fitted on the recent cases alone would punish exactly the words a hot issue repeats.
   */
  extractor: FeatureExtractor | null;
}

export interface Hotspot {
  placeId: string | null;
  label: string;
  keywords: string[];
  caseIds: string[];
  cases: number;
  /** Distinct people who reported a case of the issue or follow one. */
  reporters: number;
  last7Days: number;
  previous7Days: number;
  heat: number;
  firstAt: Date;
  lastAt: Date;
}

// Short reports: character bigrams carry most of the signal, words add the rest.
const HOTSPOT_FEATURES: FeatureOptions = {
  dimBits: 18, wordBigrams: false, charMin: 2, charMax: 2, charWeight: 0.5, minDf: 1, foldDigits: true, titleWeight: 1, titleSpace: 0,
};
const DAY_MS = 86_400_000;

/** Sublinear TF, with the background IDF when there is one, L2-normalised. */
function vectorize(text: string, extractor: FeatureExtractor | null): SparseVector {
  if (extractor) return extractor.transform(text);
  const v = countFeatures(text, HOTSPOT_FEATURES);
  return l2NormalizeInPlace({ indices: v.indices, values: v.values.map((x) => (x >= 1 ? 1 + Math.log(x) : x)) });
}

interface Cluster {
  members: number[];
  sum: Map<number, number>;
  norm: number;
}

function similarity(x: SparseVector, c: Cluster): number {
  let s = 0;
  for (let i = 0; i < x.indices.length; i++) s += (x.values[i] as number) * (c.sum.get(x.indices[i] as number) ?? 0);
  return c.norm > 0 ? s / c.norm : 0;
}

function join(c: Cluster, x: SparseVector, i: number): void {
  c.members.push(i);
  addInto(c.sum, x);
  let n = 0;
  for (const v of c.sum.values()) n += v * v;
  c.norm = Math.sqrt(n);
}

/** Groups recent cases into hotspots, hottest first. */
export function findHotspots(cases: readonly HotspotCase[], options: Partial<HotspotOptions> & { now: Date }): Hotspot[] {
  const o: HotspotOptions = { level: 'township', minSimilarity: 0.3, minCases: 3, extractor: null, ...options };
  const vectors = cases.map((c) => vectorize(c.text, o.extractor));
  const words = cases.map((c) => keywordSet(c.text));
  const df = documentFrequencies(words);
  const order = cases.map((_, i) => i)
    .sort((a, b) => (cases[a] as HotspotCase).createdAt.getTime() - (cases[b] as HotspotCase).createdAt.getTime()
      || (cases[a] as HotspotCase).id.localeCompare((cases[b] as HotspotCase).id));
  const byPlace = new Map<string | null, Cluster[]>();
  for (const i of order) {
    const c = cases[i] as HotspotCase;
    const place = (o.level === 'grid' ? c.gridId : c.townshipId) ?? null;
    const clusters = byPlace.get(place) ?? [];
    byPlace.set(place, clusters);
    const x = vectors[i] as SparseVector;
    let best: Cluster | undefined;
    let bestSim = o.minSimilarity;
    for (const cl of clusters) {
      const s = similarity(x, cl);
      if (s >= bestSim) [best, bestSim] = [cl, s];
    }
    if (best) join(best, x, i);
    else {
      const fresh: Cluster = { members: [], sum: new Map(), norm: 0 };
      join(fresh, x, i);
      clusters.push(fresh);
    }
  }
  const hotspots: Hotspot[] = [];
  for (const [placeId, clusters] of byPlace) {
    for (const cl of clusters) {
      if (cl.members.length < o.minCases) continue;
      hotspots.push(describe(cl.members.map((i) => cases[i] as HotspotCase), placeId, o.now,
        topKeywords(cl.members.map((i) => words[i] as Set<string>), df, cases.length)));
    }
  }
  return hotspots.sort((a, b) => b.heat - a.heat || b.cases - a.cases || a.label.localeCompare(b.label));
}

/** Counts, growth and heat of one cluster. */
function describe(members: readonly HotspotCase[], placeId: string | null, now: Date, keywords: string[]): Hotspot {
  const voices = members.flatMap((m, i) => [m.reporterId ?? `anonymous:${i}`, ...(m.followerIds ?? [])]);
  const reporters = new Set(voices).size;
  const age = (m: HotspotCase) => (now.getTime() - m.createdAt.getTime()) / DAY_MS;
  const last7Days = members.filter((m) => age(m) >= 0 && age(m) < 7).length;
  const previous7Days = members.filter((m) => age(m) >= 7 && age(m) < 14).length;
  const growth = Math.min(4, Math.max(0.25, (last7Days + 1) / (previous7Days + 1)));
  const heat = (reporters + 0.5 * (voices.length - reporters)) * Math.sqrt(growth);
  const times = members.map((m) => m.createdAt.getTime());
  return {
    placeId, label: keywords.join('·'), keywords, caseIds: members.map((m) => m.id), cases: members.length, reporters,
    last7Days, previous7Days, heat: Math.round(heat * 100) / 100,
    firstAt: new Date(Math.min(...times)), lastAt: new Date(Math.max(...times)),
  };
}
