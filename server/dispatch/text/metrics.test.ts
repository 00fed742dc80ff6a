import { describe, expect, it } from 'vitest';
import { mulberry32 } from './hash.js';
import { classificationReport, median, stratifiedFolds } from './metrics.js';

describe('metrics', () => {
  it('computes accuracy, per-class scores and macro-F1 by hand-checked numbers', () => {
    const gold = ['甲', '甲', '甲', '乙', '乙', '丙'];
    const pred = ['甲', '甲', '乙', '乙', '丙', '丙'];
    const r = classificationReport(gold, pred);
    expect(r.accuracy).toBeCloseTo(4 / 6, 12);
    expect(r.perClass['甲']).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    expect(r.perClass['乙']!.f1).toBeCloseTo(0.5, 12);
    expect(r.perClass['丙']!.f1).toBeCloseTo(2 / 3, 12);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });

  it('averages macro-F1 over gold classes only', () => {
    const r = classificationReport(['甲', '甲'], ['甲', '乙']);
    expect(r.perClass['乙']).toMatchObject({ precision: 0, recall: 0, support: 0 });
    expect(r.macroF1).toBeCloseTo(2 / 3, 12);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('makes stratified folds that cover every index once', () => {
    const labels = [...Array(10).fill('a'), ...Array(5).fill('b')];
    const folds = stratifiedFolds(labels, 5, mulberry32(1));
    expect(folds.flat().sort((x, y) => x - y)).toEqual(labels.map((_, i) => i));
    for (const f of folds) expect(f.filter((i) => labels[i] === 'b')).toHaveLength(1);
  });
});
