import { describe, expect, it } from 'vitest';
import type { CategoryIndex, IndexedCategory } from './category-index.js';
import { categoryDescriptions } from './category-descriptions.js';

const cat = (code: string, name: string, keywords: string[] = [], active = true): IndexedCategory => ({
  id: code, code, name, level: code.length === 1 ? 1 : code.length === 3 ? 2 : 3, active, rootCode: code.slice(0, 1),
  leaf: code.length === 5, keywords,
});
const index: CategoryIndex = {
  byCode: new Map([
    cat('A', '城乡建设'), cat('A01', '市政设施'), cat('A0101', '路灯', ['路灯不亮', '灯坏了']), cat('A0102', '井盖', ['井盖缺失']),
    cat('A0103', '停用的类别', ['旧词'], false), cat('B', '环境保护'), cat('B0101', '噪声', ['噪音', '扰民']),
  ].map((c) => [c.code, c])),
  leafKeywords: {},
};

describe('categoryDescriptions', () => {
  it('describes a leaf label by its own name and keywords', () => {
    expect(categoryDescriptions(new Set(['B0101']), index)).toEqual([{ label: 'B0101', text: { title: '噪声 噪音 扰民' } }]);
  });

  it('gives a level-1 label its own description and one per active category under it that is not learnt itself', () => {
    const got = categoryDescriptions(new Set(['A', 'A0101']), index);
    expect(got).toEqual([
      { label: 'A', text: { title: '城乡建设' } },
      { label: 'A', text: { title: '市政设施' } },
      { label: 'A0101', text: { title: '路灯 路灯不亮 灯坏了' } },
      { label: 'A', text: { title: '井盖 井盖缺失' } },
    ]);
  });

  it('describes nothing for labels outside the taxonomy', () => {
    expect(categoryDescriptions(new Set(['Z9']), index)).toEqual([]);
  });
});
