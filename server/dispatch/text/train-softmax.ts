/**
 * Multinomial logistic regression (softmax) with L2 regularisation, trained by SGD with Bottou's step schedule.
 * The L2 shrink is applied lazily through one global scale factor, so an update costs only the example's non-zero
 * features. Scores are log-odds, so the model's confidences are probabilities without further calibration.
 */
import { mulberry32, shuffleInPlace } from './hash.js';
import { LinearModel, softmax } from './linear-model.js';
import type { SparseVector } from './sparse.js';

export interface SoftmaxOptions {
  /** L2 strength per example (λ); smaller fits the training data more closely. */
  lambda: number;
  epochs: number;
  /** Initial step size. */
  eta0: number;
  seed: number;
  dimBits: number;
}

export const defaultSoftmaxOptions: SoftmaxOptions = { lambda: 1e-4, epochs: 30, eta0: 0.5, seed: 1, dimBits: 20 };

/** Trains a softmax classifier; `weights` optionally scales each example's loss (default 1). */
export function trainSoftmax(
  xs: readonly SparseVector[],
  labels: readonly string[],
  options: Partial<SoftmaxOptions> = {},
  weights?: ArrayLike<number>,
): LinearModel {
  const o = { ...defaultSoftmaxOptions, ...options };
  const classes = [...new Set(labels)].sort();
  const kk = classes.length;
  const y = labels.map((l) => classes.indexOf(l));
  const w = new Float64Array((1 << o.dimBits) * kk);
  const bias = new Float64Array(kk);
  let scale = 1;
  const order = Array.from({ length: xs.length }, (_, i) => i);
  const random = mulberry32(o.seed);
  const s = new Float64Array(kk);
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const eta = o.eta0 / (1 + o.eta0 * o.lambda * t++);
      const x = xs[i] as SparseVector;
      s.set(bias);
      for (let j = 0; j < x.indices.length; j++) {
        const base = (x.indices[j] as number) * kk;
        const v = (x.values[j] as number) * scale;
        for (let c = 0; c < kk; c++) s[c] = (s[c] as number) + v * (w[base + c] as number);
      }
      const p = softmax(s);
      const ew = weights ? (weights[i] as number) : 1;
      scale *= 1 - eta * o.lambda;
      if (scale < 1e-9) {
        for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) * scale;
        scale = 1;
      }
      for (let c = 0; c < kk; c++) {
        const g = ew * ((p[c] as number) - (c === y[i] ? 1 : 0));
        if (g === 0) continue;
        bias[c] = (bias[c] as number) - eta * g;
        const step = (eta * g) / scale;
        for (let j = 0; j < x.indices.length; j++) {
          const k = (x.indices[j] as number) * kk + c;
          w[k] = (w[k] as number) - step * (x.values[j] as number);
        }
      }
    }
  }
  const dense = classes.map((_, c) => {
    const col = new Float64Array(1 << o.dimBits);
    for (let j = 0; j < col.length; j++) col[j] = (w[j * kk + c] as number) * scale;
    return col;
  });
  return LinearModel.fromDense(classes, dense, bias);
}
