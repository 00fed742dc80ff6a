import { describe, expect, it } from 'vitest';
import { selfTrain } from './self-training.js';
import type { SparseVector } from './sparse.js';
import { trainSvm } from './train-svm.js';

const vec = (pairs: [number, number][]): SparseVector => ({
  indices: Int32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1])),
});

describe('selfTrain', () => {
  // Labelled data know only features 1 and 2; unlabelled data tie feature 3 to feature 1 and 4 to feature 2.
  const xs = [vec([[1, 1]]), vec([[1, 0.9]]), vec([[2, 1]]), vec([[2, 0.9]])];
  const ys = ['甲', '甲', '乙', '乙'];
  const us = [
    vec([[1, 0.8], [3, 0.6]]), vec([[1, 0.7], [3, 0.7]]), vec([[2, 0.8], [4, 0.6]]), vec([[2, 0.7], [4, 0.7]]),
  ];
  const calls: number[] = [];
  const train = (x: readonly SparseVector[], y: readonly string[], w: readonly number[]) => {
    calls.push(x.length);
    return trainSvm(x, y, { dimBits: 4, c: 10 }, w);
  };

  it('learns features seen only in pseudo-labelled texts', () => {
    const plain = trainSvm(xs, ys, { dimBits: 4, c: 10 });
    expect(plain.scores(vec([[3, 1]]))[1]).toBe(plain.scores(vec([[4, 1]]))[1]);
    calls.length = 0;
    const m = selfTrain(xs, ys, us, train, { rounds: 2, perClass: 2, weight: 0.5, minScore: 0 });
    expect(calls).toEqual([4, 8]); // the second round finds nothing new and stops
    expect(m.predict(vec([[3, 1]]))[0]?.label).toBe('甲');
    expect(m.predict(vec([[4, 1]]))[0]?.label).toBe('乙');
  });

  it('takes at most perClass texts per label and round, and none with rounds 0', () => {
    calls.length = 0;
    selfTrain(xs, ys, us, train, { rounds: 1, perClass: 1, weight: 0.5, minScore: 0 });
    expect(calls).toEqual([4, 6]);
    calls.length = 0;
    selfTrain(xs, ys, us, train, { rounds: 0, perClass: 5, weight: 0.5, minScore: 0 });
    expect(calls).toEqual([4]);
  });
});
