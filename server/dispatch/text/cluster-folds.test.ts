import { describe, expect, it } from 'vitest';
import { clusterFolds, sphericalKMeans } from './cluster-folds.js';
import { mulberry32 } from './hash.js';
import type { SparseVector } from './sparse.js';

const unit = (pairs: [number, number][]): SparseVector => {
  const z = Math.sqrt(pairs.reduce((s, p) => s + p[1] ** 2, 0));
  return { indices: Int32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1] / z)) };
};
// Two labels, each with two sub-topics of three near-identical texts.
const xs = [
  unit([[1, 1], [2, 0.1]]), unit([[1, 1], [2, 0.2]]), unit([[1, 1], [3, 0.1]]),
  unit([[5, 1], [6, 0.1]]), unit([[5, 1], [6, 0.2]]), unit([[5, 1], [7, 0.1]]),
  unit([[10, 1], [11, 0.1]]), unit([[10, 1], [11, 0.2]]), unit([[10, 1], [12, 0.1]]),
  unit([[20, 1], [21, 0.1]]), unit([[20, 1], [21, 0.2]]), unit([[20, 1], [22, 0.1]]),
];
const labels = ['甲', '甲', '甲', '甲', '甲', '甲', '乙', '乙', '乙', '乙', '乙', '乙'];

describe('clusterFolds', () => {
  it('finds obvious groups', () => {
    const a = sphericalKMeans(xs.slice(0, 6), 2, mulberry32(3));
    expect(new Set(a.slice(0, 3)).size).toBe(1);
    expect(new Set(a.slice(3, 6)).size).toBe(1);
    expect(a[0]).not.toBe(a[3]);
  });

  it('holds out whole sub-topics, covers every text once and keeps labels spread over folds', () => {
    const folds = clusterFolds(xs, labels, 2, mulberry32(1), 2);
    expect(folds.flat().sort((p, q) => p - q)).toEqual(xs.map((_, i) => i));
    for (const group of [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]) {
      expect(folds.filter((f) => group.some((i) => f.includes(i)))).toHaveLength(1);
    }
    for (const f of folds) expect(new Set(f.map((i) => labels[i])).size).toBe(2);
  });
});
