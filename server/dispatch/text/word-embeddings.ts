/**
 * Word vectors learnt in-process from unlabelled texts: positive pointwise mutual information of words within a
 * window, factorised by truncated SVD (Levy, Goldberg and Dagan 2015 showed this matches word2vec when tuned alike).
 * No pretrained weights: every deployment learns its own from its own reports. Used so far by the embedding-view
 * experiment (bench/classifier-embedding-view.ts); see docs/BENCHMARKS.md#classifier.
 */
import { truncatedSvd } from './truncated-svd.js';

export interface EmbeddingOptions {
  /** Words seen fewer times are left out. */
  minCount: number;
  /** Context: this many words on either side, each weighted 1/distance. */
  window: number;
  dim: number;
  /** Context-distribution smoothing exponent: rare contexts get less inflated PMI. */
  smoothing: number;
  powerIterations: number;
  seed: number;
}

export const defaultEmbeddingOptions: EmbeddingOptions = { minCount: 5, window: 5, dim: 100, smoothing: 0.75, powerIterations: 3, seed: 1 };

/** Unit-length word vectors, row-major (vocabulary index × dim). */
export interface WordVectors {
  vocab: Map<string, number>;
  dim: number;
  vectors: Float32Array;
}

/** Learns word vectors from tokenised documents. */
export function learnWordVectors(docs: readonly (readonly string[])[], options: Partial<EmbeddingOptions> = {}): WordVectors {
  const o = { ...defaultEmbeddingOptions, ...options };
  const freq = new Map<string, number>();
  for (const d of docs) for (const t of d) freq.set(t, (freq.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [t, c] of [...freq].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= o.minCount) vocab.set(t, vocab.size);
  const n = vocab.size;
  // Pairs are keyed a·n + b; n stays far below 2^26, so keys are exact doubles.
  const co = new Map<number, number>();
  for (const d of docs) {
    const ids = d.map((t) => vocab.get(t) ?? -1);
    ids.forEach((a, i) => {
      if (a < 0) return;
      for (let j = i + 1; j <= i + o.window && j < ids.length; j++) {
        const b = ids[j] as number;
        if (b < 0 || b === a) continue;
        co.set(a * n + b, (co.get(a * n + b) ?? 0) + 1 / (j - i));
        co.set(b * n + a, (co.get(b * n + a) ?? 0) + 1 / (j - i));
      }
    });
  }
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  for (const [key, c] of co) {
    rowSum[Math.floor(key / n)]! += c;
    colSum[key % n]! += c;
  }
  const colSmoothed = Float64Array.from(colSum, (c) => c ** o.smoothing);
  const smoothedTotal = colSmoothed.reduce((a, b) => a + b, 0);
  const entries = [...co].map(([key, c]) => {
    const a = Math.floor(key / n);
    const b = key % n;
    // PMI with the smoothed context distribution: log (c · Σ ctx^α) / (row · ctx^α).
    const pmi = Math.log((c * smoothedTotal) / ((rowSum[a] as number) * (colSmoothed[b] as number)));
    return [a, b, pmi] as const;
  }).filter((e) => e[2] > 0).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const rowStart = new Int32Array(n + 1);
  for (const [a] of entries) rowStart[a + 1]! += 1;
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i] as number;
  const matrix = { n, rowStart, cols: Int32Array.from(entries, (e) => e[1]), values: Float64Array.from(entries, (e) => e[2]) };
  const components = truncatedSvd(matrix, o.dim, { powerIterations: o.powerIterations, seed: o.seed, sigmaPower: 0.5 });
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

/** Cosine similarity of two words (0 when either is unknown). */
export function wordSimilarity(v: WordVectors, a: string, b: string): number {
  const i = v.vocab.get(a);
  const j = v.vocab.get(b);
  if (i === undefined || j === undefined) return 0;
  let s = 0;
  for (let d = 0; d < v.dim; d++) s += (v.vectors[i * v.dim + d] as number) * (v.vectors[j * v.dim + d] as number);
  return s;
}
