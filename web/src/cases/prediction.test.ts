import { describe, expect, it } from 'vitest';
import { likelyDuplicates, predictedCategories } from './prediction.js';

describe('predictedCategories', () => {
  it('lists the proposed categories best first, dropping malformed entries', () => {
    const prediction = {
      modelVersion: 3,
      kind: 'trained',
      top: [
        { code: 'A0302', name: '下水道堵塞', confidence: 0.2 },
        { code: 'A0301', name: '路灯不亮', confidence: 0.7, keywords: ['路灯'] },
        { code: 42, name: 'broken', confidence: 'high' },
      ],
    };
    expect(predictedCategories(prediction)).toEqual([
      { code: 'A0301', name: '路灯不亮', confidence: 0.7 },
      { code: 'A0302', name: '下水道堵塞', confidence: 0.2 },
    ]);
  });

  it('reads no prediction, or an unknown shape, as no advice', () => {
    expect(predictedCategories(null)).toEqual([]);
    expect(predictedCategories({ top: 'A0301' })).toEqual([]);
    expect(predictedCategories('A0301')).toEqual([]);
  });
});

describe('likelyDuplicates', () => {
  it('lists the cases the report probably repeats, most similar first', () => {
    const prediction = {
      top: [],
      duplicates: [
        { id: 'b', number: 'QH-2', similarity: 0.61, distanceMeters: 40 },
        { id: 'a', number: 'QH-1', similarity: 0.93, distanceMeters: null },
        { id: 'c', similarity: 0.99 },
      ],
    };
    expect(likelyDuplicates(prediction).map((d) => d.number)).toEqual(['QH-1', 'QH-2']);
    expect(likelyDuplicates({ top: [] })).toEqual([]);
  });
});
