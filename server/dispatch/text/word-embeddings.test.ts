import { describe, expect, it } from 'vitest';
import { mulberry32 } from './hash.js';
import { csrMultiply, jacobiEigen, truncatedSvd } from './truncated-svd.js';
import { learnWordVectors, wordSimilarity } from './word-embeddings.js';

describe('truncated SVD', () => {
  it('finds the eigenvalues of a symmetric matrix', () => {
    const { values } = jacobiEigen(Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 3]), 3);
    expect([...values].sort((a, b) => a - b).map((v) => Number(v.toFixed(9)))).toEqual([1, 3, 3]);
  });

  it('multiplies by a sparse matrix and its transpose', () => {
    // [[1, 2], [0, 3]]
    const a = { n: 2, rowStart: Int32Array.from([0, 2, 3]), cols: Int32Array.from([0, 1, 1]), values: Float64Array.from([1, 2, 3]) };
    expect([...csrMultiply(a, Float64Array.from([1, 1]))]).toEqual([3, 3]);
    expect([...csrMultiply(a, Float64Array.from([1, 1]), true)]).toEqual([1, 5]);
  });

  it('recovers the leading singular directions, scaled by the singular values', () => {
    // diag(5, 3, 1, 0.5): the top two directions are the first two axes.
    const d = [5, 3, 1, 0.5];
    const a = { n: 4, rowStart: Int32Array.from([0, 1, 2, 3, 4]), cols: Int32Array.from([0, 1, 2, 3]), values: Float64Array.from(d) };
    const [u1, u2] = truncatedSvd(a, 2, { oversample: 2, sigmaPower: 1 });
    expect(Math.abs(u1![0]!)).toBeCloseTo(5, 6);
    expect(Math.abs(u2![1]!)).toBeCloseTo(3, 6);
    expect(Math.abs(u1![1]!) + Math.abs(u1![2]!) + Math.abs(u2![0]!)).toBeLessThan(1e-6);
  });
});

describe('learnWordVectors', () => {
  it('puts words used in the same contexts close together and others apart', () => {
    const random = mulberry32(5);
    const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
    const taxi = ['司机', '拒载', '打表', '绕路', '车费'];
    const school = ['老师', '学生', '上课', '作业', '家长'];
    const docs = Array.from({ length: 300 }, (_, i) => {
      const [context, subject] = i % 2 === 0 ? [taxi, i % 4 === 0 ? '出租车' : '的士'] : [school, '学校'];
      return [pick(context), pick(context), subject, pick(context), pick(context)];
    });
    const v = learnWordVectors(docs, { dim: 4, window: 2, minCount: 3 });
    expect(v.vocab.size).toBe(13);
    expect(wordSimilarity(v, '出租车', '的士')).toBeGreaterThan(0.8);
    expect(wordSimilarity(v, '出租车', '的士')).toBeGreaterThan(wordSimilarity(v, '出租车', '学校') + 0.5);
    expect(wordSimilarity(v, '出租车', '没见过')).toBe(0);
  });
});
