import { describe, expect, it } from 'vitest';
import { LinearModel, softmax } from './linear-model.js';
import { trainSoftmax } from './train-softmax.js';
import { trainSvm } from './train-svm.js';
import type { SparseVector } from './sparse.js';

const vec = (pairs: [number, number][]): SparseVector => ({
  indices: Int32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1])),
});
// Three classes, each marked by its own feature, with a shared noisy feature 9.
const xs = [
  vec([[1, 0.9], [9, 0.4]]), vec([[1, 1]]), vec([[1, 0.8], [9, 0.6]]),
  vec([[2, 0.9], [9, 0.4]]), vec([[2, 1]]), vec([[2, 0.7], [9, 0.7]]),
  vec([[3, 1]]), vec([[3, 0.9], [9, 0.4]]), vec([[3, 0.6], [9, 0.8]]),
];
const ys = ['甲', '甲', '甲', '乙', '乙', '乙', '丙', '丙', '丙'];

describe('linear models', () => {
  it('softmax sums to one and is stable for large scores', () => {
    const p = softmax([1000, 1001, 999]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1]).toBeGreaterThan(p[0]!);
  });

  for (const [name, train] of [
    ['svm', (w?: number[]) => trainSvm(xs, ys, { dimBits: 4, c: 10 }, w)],
    ['softmax', (w?: number[]) => trainSoftmax(xs, ys, { dimBits: 4, lambda: 1e-3, epochs: 50 }, w)],
  ] as const) {
    it(`${name}: separates the classes and ranks all labels`, () => {
      const m = train();
      expect(m.labels).toEqual(['丙', '乙', '甲']);
      expect(m.predict(vec([[1, 1]]))[0]?.label).toBe('甲');
      expect(m.predict(vec([[2, 0.5], [9, 0.5]]))[0]?.label).toBe('乙');
      const ranked = m.predict(vec([[3, 1]]));
      expect(ranked.map((p) => p.label).sort()).toEqual(['丙', '乙', '甲']);
      expect(ranked[0]!.confidence).toBeGreaterThan(ranked[1]!.confidence);
    });

    it(`${name}: is deterministic and round-trips through JSON`, () => {
      const a = train();
      const b = train();
      expect(a.toJSON()).toEqual(b.toJSON());
      const back = LinearModel.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
      const x = vec([[1, 0.3], [2, 0.5], [9, 0.2]]);
      expect(Array.from(back.scores(x))).toEqual(Array.from(a.scores(x)));
      expect(back.predict(x)).toEqual(a.predict(x));
    });
  }

  it('svm: example weights move the boundary', () => {
    const x = vec([[1, 0.5], [2, 0.5]]);
    const favourA = trainSvm(xs, ys, { dimBits: 4 }, ys.map((y) => (y === '甲' ? 5 : 0.2)));
    const favourB = trainSvm(xs, ys, { dimBits: 4 }, ys.map((y) => (y === '乙' ? 5 : 0.2)));
    expect(favourA.predict(x)[0]?.label).toBe('甲');
    expect(favourB.predict(x)[0]?.label).toBe('乙');
  });
});
