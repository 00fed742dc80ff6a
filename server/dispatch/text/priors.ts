/**
 * Class priors of a new population of texts, estimated by expectation-maximisation on a classifier's calibrated
 * posteriors (Saerens, Latinne & Decaestecker 2002, "Adjusting the outputs of a classifier to new a priori
 * probabilities"), and posteriors adjusted to new priors. Useful for estimating how a board's messages split into
 * categories; NOT applied by the classifier: on the citizen-board data the unlabelled messages include categories
 * outside the trained ones, the EM estimate piles them onto 城乡建设 (0.86), and adjusting to it lowered
 * cross-validated macro-F1 even under simulated shift (prior-shift-cli.ts).
 */
import { AppError } from '../../platform/errors.js';

/** Posteriors rescaled from the priors the classifier learnt under (`from`) to new priors (`to`). */
export function adjustPosteriors(p: ArrayLike<number>, from: readonly number[], to: readonly number[]): Float64Array {
  if (from.length !== p.length || to.length !== p.length) {
    throw new AppError('validation_failed', '先验概率与后验概率的类别数不一致', { posterior: p.length, from: from.length, to: to.length });
  }
  const q = new Float64Array(p.length);
  let z = 0;
  for (let k = 0; k < p.length; k++) {
    q[k] = (from[k] as number) > 0 ? ((p[k] as number) * (to[k] as number)) / (from[k] as number) : 0;
    z += q[k] as number;
  }
  for (let k = 0; k < p.length; k++) q[k] = z > 0 ? (q[k] as number) / z : 1 / p.length;
  return q;
}

/** EM estimate of the class priors of a set of texts from their posteriors under training priors `from`. */
export function estimatePriors(
  posteriors: readonly ArrayLike<number>[],
  from: readonly number[],
  options: { maxIterations?: number; tolerance?: number } = {},
): { priors: number[]; iterations: number } {
  if (posteriors.length === 0) return { priors: [...from], iterations: 0 };
  let priors = [...from];
  const max = options.maxIterations ?? 500;
  let it = 0;
  while (it < max) {
    it++;
    const sum = new Float64Array(from.length);
    for (const p of posteriors) {
      const q = adjustPosteriors(p, from, priors);
      for (let k = 0; k < q.length; k++) sum[k] = (sum[k] as number) + (q[k] as number);
    }
    const next = Array.from(sum, (s) => s / posteriors.length);
    const change = next.reduce((d, x, k) => d + Math.abs(x - (priors[k] as number)), 0);
    priors = next;
    if (change < (options.tolerance ?? 1e-7)) break;
  }
  return { priors, iterations: it };
}
