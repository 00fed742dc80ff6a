import { describe, expect, it } from 'vitest';
import { quotas, selfTrain, topMargin } from './self-training.js';
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
  const calls: { n: number; pseudo: string[] }[] = [];
  const train = (x: readonly SparseVector[], y: readonly string[], w: readonly number[]) => {
    calls.push({ n: x.length, pseudo: y.filter((_, i) => w[i] !== 1) });
    return trainSvm(x, y, { dimBits: 4, c: 10 }, w);
  };
  const base = { rounds: 1, share: 0.5, quota: 'labelled', weight: 0.5, minMargin: 0 } as const;

  it('learns features seen only in pseudo-labelled texts', () => {
    const plain = trainSvm(xs, ys, { dimBits: 4, c: 10 });
    expect(plain.scores(vec([[3, 1]]))[1]).toBe(plain.scores(vec([[4, 1]]))[1]);
    calls.length = 0;
    const m = selfTrain(xs, ys, us, train, { ...base, rounds: 3 });
    // Two per round, one for each label; the third round finds nothing left and stops.
    expect(calls.map((c) => c.n)).toEqual([4, 6, 8]);
    expect(m.predict(vec([[3, 1]]))[0]?.label).toBe('甲');
    expect(m.predict(vec([[4, 1]]))[0]?.label).toBe('乙');
  });

  it('takes the widest margins first, shares each round by quota, and none with rounds 0', () => {
    calls.length = 0;
    selfTrain(xs, ys, us, train, base);
    expect(calls.map((c) => c.n)).toEqual([4, 6]);
    expect([...calls[1]!.pseudo].sort()).toEqual(['乙', '甲']);
    calls.length = 0;
    selfTrain(xs, ys, us, train, { ...base, rounds: 0 });
    expect(calls.map((c) => c.n)).toEqual([4]);
    calls.length = 0;
    selfTrain(xs, ys, us, train, { ...base, minMargin: 1e6 });
    expect(calls.map((c) => c.n)).toEqual([4]);
  });
  it('trains labelled examples at the costs given', () => {
    calls.length = 0;
    selfTrain(xs, ys, us, train, { ...base, rounds: 0 }, [1, 0.2, 1, 0.2]);
    expect(calls[0]!.pseudo).toEqual(['甲', '乙']);
  });
});

describe('quotas and margins', () => {
  it('divides a round like the labelled examples, or equally', () => {
    const ys = ['a', 'a', 'a', 'b'];
    expect(quotas(['a', 'b'], ys, 8, 'labelled')).toEqual([6, 2]);
    expect(quotas(['a', 'b'], ys, 8, 'equal')).toEqual([4, 4]);
    // Largest remainders: a round of one still takes one text, from the largest share.
    expect(quotas(['a', 'b'], ys, 1, 'labelled')).toEqual([1, 0]);
    expect(quotas(['a', 'b', 'c'], ['a', 'b', 'c'], 7, 'labelled').reduce((x, y) => x + y, 0)).toBe(7);
    // Weakly labelled examples count at their weight: six 'b' at 0.25 weigh as much as one and a half 'a'.
    const weak = [...ys, 'b', 'b', 'b', 'b', 'b', 'b'];
    expect(quotas(['a', 'b'], weak, 11, 'labelled', [1, 1, 1, 1, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25])).toEqual([6, 5]);
  });


  it('finds the best score and its lead over the runner-up', () => {
    expect(topMargin([0.1, 0.7, 0.4])).toEqual({ best: 1, margin: expect.closeTo(0.3, 10) });
    expect(topMargin([-1, -3])).toEqual({ best: 0, margin: 2 });
  });
});
