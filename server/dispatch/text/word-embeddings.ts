/**
 * Word vectors learnt in-process from unlabelled texts: positive pointwise mutual information of words within a
 * window, factorised by truncated SVD (Levy, Goldberg and Dagan 2015 showed this matches word2vec when tuned alike).
 * No pretrained weights: every deployment learns its own from its own reports. Pairs are counted in typed
 * arrays (pair-counts.ts). The classifier's embedding view (embedding-view.ts) is built on these vectors.
 */
import { MAX_PAIR_VOCABULARY, PairCounts } from './pair-counts.js';
import { truncatedSvd } from './truncated-svd.js';
import type { CsrMatrix } from './truncated-svd.js';

export interface EmbeddingOptions {
  /** Words seen fewer times are left out. */
  minCount: number;
  /** Only the most frequent this many words are kept (bounds memory and the stored model). */
  maxVocabulary: number;
  /** Context: this many words on either side, each weighted 1/distance. */
  window: number;
  dim: number;
  /** Context-distribution smoothing exponent: rare contexts get less inflated PMI. */
  smoothing: number;
  powerIterations: number;
  seed: number;
}

export const defaultEmbeddingOptions: EmbeddingOptions = { minCount: 5, maxVocabulary: 40_000, window: 5, dim: 100, smoothing: 0.75, powerIterations: 3, seed: 1 };

/** Unit-length word vectors, row-major (vocabulary index × dim). */
export interface WordVectors {
  vocab: Map<string, number>;
  dim: number;
  vectors: Float32Array;
}

/** Learns word vectors from tokenised documents. */
export function learnWordVectors(docs: readonly (readonly string[])[], options: Partial<EmbeddingOptions> = {}): WordVectors {
  const o = { ...defaultEmbeddingOptions, ...options };
  const vocab = chooseVocabulary(docs, o.minCount, o.maxVocabulary);
  const n = vocab.size;
  const pairs = new PairCounts(n);
  const ids = new Int32Array(docs.reduce((m, d) => Math.max(m, d.length), 0));
  for (const d of docs) {
    for (let i = 0; i < d.length; i++) ids[i] = vocab.get(d[i] as string) ?? -1;
    for (let i = 0; i < d.length; i++) {
      const a = ids[i] as number;
      if (a < 0) continue;
      for (let j = i + 1; j <= i + o.window && j < d.length; j++) {
        const b = ids[j] as number;
        if (b >= 0 && b !== a) pairs.add(a, b, 1 / (j - i));
      }
    }
  }
  const components = truncatedSvd(ppmiMatrix(pairs, o.smoothing), o.dim, { powerIterations: o.powerIterations, seed: o.seed, sigmaPower: 0.5 });
  const dim = components.length;
  const vectors = new Float32Array(n * dim);
  for (let w = 0; w < n; w++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (components[d]![w] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) vectors[w * dim + d] = (components[d]![w] as number) / norm;
  }
  return { vocab, dim, vectors };
}

/** Words seen at least minCount times, the most frequent maxVocabulary of them, indexed in code-unit order. */
function chooseVocabulary(docs: readonly (readonly string[])[], minCount: number, maxVocabulary: number): Map<string, number> {
  const freq = new Map<string, number>();
  for (const d of docs) for (const t of d) freq.set(t, (freq.get(t) ?? 0) + 1);
  const byWord = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const kept = [...freq].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || byWord(a[0], b[0]))
    .slice(0, Math.min(maxVocabulary, MAX_PAIR_VOCABULARY)).map(([t]) => t).sort(byWord);
  return new Map(kept.map((t, i) => [t, i]));
}

/**
 * The positive PMI matrix of the pair counts, in compressed rows: PMI with the smoothed context distribution,
 * log (c · Σ ctx^α) / (row · ctx^α). Counts are symmetric, so row and context totals are the same sums; the
 * smoothing makes the matrix itself asymmetric, so both (a, b) and (b, a) are stored.
 */
function ppmiMatrix(pairs: PairCounts, smoothing: number): CsrMatrix {
  const n = pairs.n;
  const total = new Float64Array(n);
  pairs.forEach((a, b, c) => {
    total[a]! += c;
    total[b]! += c;
  });
  const ctx = Float64Array.from(total, (c) => c ** smoothing);
  const ctxTotal = ctx.reduce((x, y) => x + y, 0);
  const pmi = (a: number, b: number, c: number) => Math.log((c * ctxTotal) / ((total[a] as number) * (ctx[b] as number)));
  const rowStart = new Int32Array(n + 1);
  pairs.forEach((a, b, c) => {
    if (pmi(a, b, c) > 0) rowStart[a + 1]! += 1;
    if (pmi(b, a, c) > 0) rowStart[b + 1]! += 1;
  });
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i] as number;
  const cols = new Int32Array(rowStart[n] as number);
  const values = new Float32Array(rowStart[n] as number);
  const next = rowStart.slice(0, n);
  const put = (a: number, b: number, v: number) => {
    const p = next[a]!++;
    cols[p] = b;
    values[p] = v;
  };
  pairs.forEach((a, b, c) => {
    const ab = pmi(a, b, c);
    const ba = pmi(b, a, c);
    if (ab > 0) put(a, b, ab);
    if (ba > 0) put(b, a, ba);
  });
  return { n, rowStart, cols, values };
}

/** Cosine similarity of two words (0 when either is unknown). */
export function wordSimilarity(v: WordVectors, a: string, b: string): number {
  const i = v.vocab.get(a);
  const j = v.vocab.get(b);
  if (i === undefined || j === undefined) return 0;
  let s = 0;
  for (let d = 0; d < v.dim; d++) s += (v.vectors[i * v.dim + d] as number) * (v.vectors[j * v.dim + d] as number);
  return s;
}
