import { describe, expect, it } from 'vitest';
import { bucketBounds, bucketOf, bucketValue, EXACT_BELOW, Histogram, medianOf } from './buckets.js';

describe('minute histogram buckets', () => {
  it('every whole minute below EXACT_BELOW has its own bucket', () => {
    for (let v = 0; v < EXACT_BELOW; v++) expect([bucketOf(v), bucketValue(bucketOf(v))]).toEqual([v, v]);
  });

  it('buckets above tile the minutes without gaps, each at most 1/32 of its lower bound wide', () => {
    let expectedLo = EXACT_BELOW;
    for (let b = bucketOf(EXACT_BELOW); b < bucketOf(2 ** 22); b++) {
      const { lo, hi } = bucketBounds(b);
      expect(lo).toBe(expectedLo);
      expect(hi - lo + 1).toBeLessThanOrEqual(lo / 32);
      expect([bucketOf(lo), bucketOf(hi)]).toEqual([b, b]);
      expectedLo = hi + 1;
    }
  });

  it('a value read back from its bucket is within 1/64 (1.6 %) of it', () => {
    for (const v of [128, 129, 450, 451, 1000, 2250, 4500, 9999, 123_456, 1_000_000]) {
      expect(Math.abs(bucketValue(bucketOf(v)) - v) / v).toBeLessThanOrEqual(1 / 64);
    }
  });

  it('the median is the middle value, or the mean of the two middle values', () => {
    const h = (values: number[]) => {
      const histogram = new Histogram();
      for (const v of values) histogram.add(bucketOf(v), 1);
      return histogram;
    };
    expect(medianOf(h([5, 1, 9]))).toBe(5);
    expect(medianOf(h([0, 30, 30, 90]))).toBe(30);
    expect(medianOf(h([10, 20]))).toBe(15);
    expect(medianOf(h([]))).toBeNull();
    // 450 and 570 are bucketed (448–455, 560–575): their middles are 451.5 and 567.5.
    expect(medianOf(h([0, 450, 570, 1050]))).toBe(509.5);
  });
});
