/**
 * One-vs-rest linear SVM with squared hinge loss and L2 regularisation, trained by dual coordinate descent
 * (Hsieh et al. 2008, the LIBLINEAR solver `-s 1`). It needs no learning rate, converges in a few passes on
 * text, and takes a cost per example, which self-training uses to trust pseudo-labels less than real ones.
 */
import { mulberry32, shuffleInPlace } from './hash.js';
import { LinearModel } from './linear-model.js';
import type { SparseVector } from './sparse.js';

export interface SvmOptions {
  /** Cost of a labelled example (LIBLINEAR's C). */
  c: number;
  /** Squared hinge (LIBLINEAR -s 1) or plain hinge (-s 3). */
  loss: 'squared-hinge' | 'hinge';
  /** Value of the constant bias feature. */
  biasFeature: number;
  maxPasses: number;
  /** Stop when the largest projected gradient falls below this. */
  tolerance: number;
  seed: number;
  dimBits: number;
}

export const defaultSvmOptions: SvmOptions = { c: 1, loss: 'squared-hinge', biasFeature: 1, maxPasses: 50, tolerance: 0.1, seed: 1, dimBits: 20 };

/** Trains one binary problem (y = ±1) and returns its weights and bias. */
function trainBinary(xs: readonly SparseVector[], y: Int8Array, cost: Float64Array, o: SvmOptions): [Float64Array, number] {
  const w = new Float64Array(1 << o.dimBits);
  let b = 0;
  const n = xs.length;
  const alpha = new Float64Array(n);
  // Squared hinge: no upper bound on alpha and a diagonal term 1/2C; hinge: alpha in [0, C] and no diagonal.
  const hinge = o.loss === 'hinge';
  const diag = Float64Array.from(cost, (c) => (hinge ? 0 : 0.5 / c));
  const upper = Float64Array.from(cost, (c) => (hinge ? c : Infinity));
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = xs[i] as SparseVector;
    let s = o.biasFeature ** 2 + (diag[i] as number);
    for (let j = 0; j < x.values.length; j++) s += (x.values[j] as number) ** 2;
    qd[i] = s;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(o.seed);
  for (let pass = 0; pass < o.maxPasses; pass++) {
    shuffleInPlace(order, random);
    let maxPg = 0;
    for (const i of order) {
      const x = xs[i] as SparseVector;
      const yi = y[i] as number;
      let wx = b * o.biasFeature;
      for (let j = 0; j < x.indices.length; j++) wx += (w[x.indices[j] as number] as number) * (x.values[j] as number);
      const a = alpha[i] as number;
      const g = yi * wx - 1 + a * (diag[i] as number);
      const u = upper[i] as number;
      const pg = a === 0 ? Math.min(g, 0) : a === u ? Math.max(g, 0) : g;
      maxPg = Math.max(maxPg, Math.abs(pg));
      if (Math.abs(pg) <= 1e-12) continue;
      const next = Math.min(Math.max(a - g / (qd[i] as number), 0), u);
      alpha[i] = next;
      const d = (next - a) * yi;
      for (let j = 0; j < x.indices.length; j++) {
        const k = x.indices[j] as number;
        w[k] = (w[k] as number) + d * (x.values[j] as number);
      }
      b += d * o.biasFeature;
    }
    if (maxPg < o.tolerance) break;
  }
  return [w, b * o.biasFeature];
}

/** Trains a one-vs-rest SVM; `weights` optionally scales each example's cost (default 1). */
export function trainSvm(
  xs: readonly SparseVector[],
  labels: readonly string[],
  options: Partial<SvmOptions> = {},
  weights?: ArrayLike<number>,
): LinearModel {
  const o = { ...defaultSvmOptions, ...options };
  const classes = [...new Set(labels)].sort();
  const cost = Float64Array.from(labels, (_, i) => o.c * (weights ? (weights[i] as number) : 1));
  const dense: Float64Array[] = [];
  const bias = new Float64Array(classes.length);
  classes.forEach((cls, k) => {
    const y = Int8Array.from(labels, (l) => (l === cls ? 1 : -1));
    const [w, b] = trainBinary(xs, y, cost, { ...o, seed: o.seed + k });
    dense.push(w);
    bias[k] = b;
  });
  return LinearModel.fromDense(classes, dense, bias);
}
