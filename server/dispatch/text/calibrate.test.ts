import { describe, expect, it } from 'vitest';
import { calibrationSummary, fitTemperature, negLogLikelihood } from './calibrate.js';

describe('fitTemperature', () => {
  it('recovers the temperature that generated the labels', () => {
    // Scores whose true class probabilities are softmax(3 × score): build gold labels in those proportions.
    const scores: Float64Array[] = [];
    const gold: number[] = [];
    const base = [0.5, 0, -0.5];
    const p = base.map((s) => Math.exp(3 * s));
    const z = p.reduce((a, b) => a + b, 0);
    const counts = p.map((v) => Math.round((v / z) * 1000));
    counts.forEach((n, k) => {
      for (let i = 0; i < n; i++) {
        scores.push(Float64Array.from(base));
        gold.push(k);
      }
    });
    expect(fitTemperature(scores, gold)).toBeCloseTo(3, 1);
  });

  it('minimises the log-loss and defaults to 1 without data', () => {
    const scores = [Float64Array.from([1, -1]), Float64Array.from([0.2, 0.4]), Float64Array.from([-0.5, 0.5])];
    const gold = [0, 0, 1];
    const t = fitTemperature(scores, gold);
    expect(negLogLikelihood(scores, gold, t)).toBeLessThanOrEqual(negLogLikelihood(scores, gold, t * 1.2));
    expect(negLogLikelihood(scores, gold, t)).toBeLessThanOrEqual(negLogLikelihood(scores, gold, t / 1.2));
    expect(fitTemperature([], [])).toBe(1);
  });
});

describe('calibrationSummary', () => {
  it('measures the gap between confidence and accuracy, and what a threshold takes', () => {
    // Ten at 0.95 of which 9 right (a gap of 0.05), ten at 0.55 of which 3 right (a gap of 0.25).
    const top = [
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.95, correct: i < 9 })),
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.55, correct: i < 3 })),
    ];
    const s = calibrationSummary(top, 0.9);
    expect(s.ece).toBeCloseTo((10 * 0.05 + 10 * 0.25) / 20, 10);
    expect(s.meanConfidence).toBeCloseTo(0.75, 10);
    expect(s.atThreshold).toEqual({ threshold: 0.9, share: 0.5, accuracy: 0.9 });
    expect(calibrationSummary([]).atThreshold.share).toBe(0);
  });
});
