import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { mulberry32 } from './hash.js';
import { adjustPosteriors, estimatePriors } from './priors.js';

describe('adjustPosteriors', () => {
  it('rescales by the ratio of new to old priors and renormalises', () => {
    const q = adjustPosteriors([0.5, 0.5], [0.5, 0.5], [0.8, 0.2]);
    expect(q[0]).toBeCloseTo(0.8, 10);
    expect(q[1]).toBeCloseTo(0.2, 10);
    const same = adjustPosteriors([0.3, 0.7], [0.4, 0.6], [0.4, 0.6]);
    expect(Array.from(same)).toEqual([expect.closeTo(0.3, 10), expect.closeTo(0.7, 10)]);
  });

  it('rejects priors of another length', () => {
    try {
      adjustPosteriors([0.5, 0.5], [1], [0.5, 0.5]);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('validation_failed');
    }
  });
});

describe('estimatePriors', () => {
  it('recovers shifted priors from calibrated posteriors (Saerens et al.)', () => {
    // Two classes with one-dimensional Gaussian scores N(±1, 1); a classifier trained at priors 0.5/0.5 outputs the
    // exact posterior. The new population has 80 % of class 0.
    const random = mulberry32(5);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const posteriors: number[][] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = (random() < 0.8 ? -1 : 1) + gauss();
      const p1 = 1 / (1 + Math.exp(-2 * x));
      posteriors.push([1 - p1, p1]);
    }
    const naive = posteriors.reduce((s, p) => s + p[0]!, 0) / posteriors.length;
    const { priors, iterations } = estimatePriors(posteriors, [0.5, 0.5]);
    expect(naive).toBeLessThan(0.75); // averaging posteriors underestimates the shift
    expect(priors[0]).toBeCloseTo(0.8, 1.5);
    expect(priors[0]! + priors[1]!).toBeCloseTo(1, 10);
    expect(iterations).toBeGreaterThan(1);
  });

  it('returns the training priors for an empty set', () => {
    expect(estimatePriors([], [0.3, 0.7])).toEqual({ priors: [0.3, 0.7], iterations: 0 });
  });
});
