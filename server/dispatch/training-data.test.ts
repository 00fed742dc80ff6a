import { describe, expect, it } from 'vitest';
import type { CategoryIndex, IndexedCategory } from './category-index.js';
import { labelExamples, toLabelSpace } from './training-data.js';
import type { ConfirmedCase } from './training-data.js';
import { dictionaryWords } from './user-dictionary.js';

const cat = (code: string, level: number): IndexedCategory => ({
  id: code, code, name: code, level, active: true, rootCode: code.slice(0, 1), leaf: level === 3, keywords: [],
});
const index: CategoryIndex = {
  byCode: new Map(['A', 'A01', 'A0101', 'A0102', 'B', 'B0101', 'C0101'].map((c) => [c, cat(c, c.length === 1 ? 1 : c.length === 3 ? 2 : 3)])),
  leafKeywords: {},
};
const cases = (code: string, n: number): ConfirmedCase[] =>
  Array.from({ length: n }, (_, i) => ({ caseId: `${code}-${i}`, title: '', description: `${code} ${i}`, code }));

describe('the label rule', () => {
  it('keeps categories with enough cases, learns rare ones as their level-1 class, drops what is still rare', () => {
    const rows = [...cases('A0101', 6), ...cases('A0102', 2), ...cases('A01', 3), ...cases('B0101', 4), ...cases('C0101', 5), ...cases('X9', 9)];
    const labelled = labelExamples(rows, index, 5);
    const count = (label: string) => labelled.filter((e) => e.label === label).length;
    expect(count('A0101')).toBe(6);
    expect(count('A')).toBe(5); // 2 × A0102 + 3 × A01
    expect(count('C0101')).toBe(5);
    expect(count('B')).toBe(0); // 4 cases: too few even as a class
    expect(labelled.some((e) => e.code === 'X9')).toBe(false); // not in the taxonomy
    expect(labelled).toHaveLength(16);
  });

  it('maps a prediction into the learnt labels', () => {
    const labels = new Set(['A', 'C0101']);
    expect(toLabelSpace('A0102', labels, index)).toBe('A');
    expect(toLabelSpace('C0101', labels, index)).toBe('C0101');
    expect(toLabelSpace('B0101', labels, index)).toBe('B0101');
  });
});

describe('dictionary words', () => {
  it('keeps whole names and splits at punctuation, dropping bare numbers and single characters', () => {
    expect(dictionaryWords(['城关街道综合执法队', '幸福社区（东区）', '12345', '路灯', '水', 'A/B区'])).toEqual(
      ['城关街道综合执法队', '幸福社区', '东区', '路灯', 'B区'],
    );
  });
});
