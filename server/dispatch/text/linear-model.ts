/**
 * A trained multiclass linear model over hashed sparse features: one weight row per active feature bucket (the
 * buckets any training document touched), one column per label, plus a bias per label. Confidences are a softmax
 * of the scores at a calibrated temperature. Training lives in train-svm.ts and train-softmax.ts.
 */
import { base64ToFloat32, base64ToInt32, typedToBase64 } from './sparse.js';
import type { SparseVector } from './sparse.js';

/** One ranked answer of a classifier. */
export interface Prediction {
  label: string;
  confidence: number;
}

/** The JSON form of a LinearModel (typed arrays as base64). */
export interface LinearModelJSON {
  kind: 'linear-model';
  version: 1;
  labels: string[];
  temperature: number;
  bias: number[];
  features: string;
  weights: string;
}

/** Softmax of scores × temperature, stable against overflow. */
export function softmax(scores: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) max = Math.max(max, (scores[k] as number) * temperature);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) sum += out[k] = Math.exp((scores[k] as number) * temperature - max);
  for (let k = 0; k < scores.length; k++) out[k] = (out[k] as number) / sum;
  return out;
}

/** All labels ranked by their softmax confidence at the given temperature, highest first. */
export function rankLabels(labels: readonly string[], scores: ArrayLike<number>, temperature: number): Prediction[] {
  const p = softmax(scores, temperature);
  return labels
    .map((label, k) => ({ label, confidence: p[k] as number }))
    .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
}

/** A multiclass linear model over hashed features, with softmax confidences. */
export class LinearModel {
  constructor(
    readonly labels: readonly string[],
    /** Sorted active feature buckets. */
    readonly features: Int32Array,
    /** Row-major: weights[row * labels.length + k]. */
    readonly weights: Float32Array,
    readonly bias: Float64Array,
    public temperature = 1,
  ) {}

  /** Compacts dense per-label weight arrays (as training produces them) into a model. */
  static fromDense(labels: readonly string[], dense: readonly Float64Array[], bias: Float64Array): LinearModel {
    const dim = dense[0]?.length ?? 0;
    const rows: number[] = [];
    for (let j = 0; j < dim; j++) if (dense.some((w) => (w[j] as number) !== 0)) rows.push(j);
    const k = labels.length;
    const weights = new Float32Array(rows.length * k);
    rows.forEach((j, r) => dense.forEach((w, c) => (weights[r * k + c] = w[j] as number)));
    return new LinearModel(labels, Int32Array.from(rows), weights, bias);
  }

  private row(feature: number): number {
    let lo = 0;
    let hi = this.features.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const f = this.features[mid] as number;
      if (f === feature) return mid;
      if (f < feature) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Raw decision scores, one per label. */
  scores(x: SparseVector): Float64Array {
    const k = this.labels.length;
    const s = Float64Array.from(this.bias);
    for (let i = 0; i < x.indices.length; i++) {
      const r = this.row(x.indices[i] as number);
      if (r < 0) continue;
      const v = x.values[i] as number;
      for (let c = 0; c < k; c++) s[c] = (s[c] as number) + v * (this.weights[r * k + c] as number);
    }
    return s;
  }

  /** All labels ranked by confidence, highest first. */
  predict(x: SparseVector): Prediction[] {
    return rankLabels(this.labels, this.scores(x), this.temperature);
  }

  /** A JSON-safe form for storing model versions. */
  toJSON(): LinearModelJSON {
    return {
      kind: 'linear-model', version: 1, labels: [...this.labels], temperature: this.temperature,
      bias: Array.from(this.bias), features: typedToBase64(this.features), weights: typedToBase64(this.weights),
    };
  }

  /** Rebuilds a model from toJSON output. */
  static fromJSON(json: LinearModelJSON): LinearModel {
    if (json.kind !== 'linear-model' || json.version !== 1) throw new Error(`unsupported model format ${json.kind}/${json.version}`);
    return new LinearModel(json.labels, base64ToInt32(json.features), base64ToFloat32(json.weights),
      Float64Array.from(json.bias), json.temperature);
  }
}
