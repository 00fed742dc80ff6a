import { describe, expect, it } from 'vitest';
import { categoryLabel, categoryOptions, categoryPath } from './category-tree.js';
import type { Category } from './case-types.js';

const items: Category[] = [
  { id: 'a0301', parentId: 'a03', level: 3, code: 'A0301', name: '路灯不亮' },
  { id: 'b', parentId: null, level: 1, code: 'B', name: '环境保护' },
  { id: 'a', parentId: null, level: 1, code: 'A', name: '城乡建设' },
  { id: 'a03', parentId: 'a', level: 2, code: 'A03', name: '市政设施' },
  { id: 'a0302', parentId: 'a03', level: 3, code: 'A0302', name: '下水道堵塞' },
  { id: 'orphan', parentId: 'gone', level: 2, code: 'Z01', name: '孤立分类' },
];

describe('categoryOptions', () => {
  it('nests the three levels by parent, in code order, leaves without children', () => {
    const tree = categoryOptions(items);
    expect(tree.map((o) => o.value)).toEqual(['A', 'B', 'Z01']);
    const a03 = tree[0]?.children?.[0];
    expect(a03?.label).toBe('市政设施');
    expect(a03?.children?.map((o) => `${o.value}:${o.label}`)).toEqual(['A0301:路灯不亮', 'A0302:下水道堵塞']);
    expect(a03?.children?.[0]).not.toHaveProperty('children');
    expect(tree[1]).not.toHaveProperty('children');
  });
});

describe('categoryPath and categoryLabel', () => {
  it('walk from a code or an id up to the top level', () => {
    expect(categoryPath(items, 'A0301')).toEqual(['A', 'A03', 'A0301']);
    expect(categoryPath(items, 'a03')).toEqual(['A', 'A03']);
    expect(categoryLabel(items, 'a0302')).toBe('城乡建设 / 市政设施 / 下水道堵塞');
  });

  it('give nothing for an unknown reference', () => {
    expect(categoryPath(items, 'X9')).toEqual([]);
    expect(categoryPath(items, undefined)).toEqual([]);
    expect(categoryLabel(items, 'X9')).toBe('X9');
  });
});
