import { describe, expect, it } from 'vitest';
import type { Unit } from './org-api.js';
import { buildUnitTree, creatableChildKinds, matchingIds, subtreeIds, topLevelIds } from './unit-tree.js';

const unit = (id: string, parentId: string | null, kind: string, name: string, code: string | null = null): Unit => ({
  id,
  parentId,
  kind,
  name,
  code,
});

const units: Unit[] = [
  unit('v1', 't1', 'village', '南关社区', '002'),
  unit('c', null, 'county', '青禾县'),
  unit('t2', 'c', 'township', '柳河镇', '003'),
  unit('t1', 'c', 'township', '城关街道', '001'),
  unit('d1', 'c', 'department', '城管局', '900'),
  unit('g1', 'v1', 'grid', '南关社区第1网格'),
  unit('orphan', 'hidden', 'village', '看不见上级的村'),
];

describe('unit tree', () => {
  it('nests units under their parents, townships before departments, by code', () => {
    const roots = buildUnitTree(units);
    expect(roots.map((r) => r.unit.id)).toEqual(['c', 'orphan']);
    expect(roots[0]?.children.map((c) => c.unit.name)).toEqual(['城关街道', '柳河镇', '城管局']);
    expect(roots[0]?.children[0]?.children[0]?.children[0]?.unit.id).toBe('g1');
  });

  it('finds a subtree so a unit cannot move under itself', () => {
    expect([...subtreeIds(units, 't1')].sort()).toEqual(['g1', 't1', 'v1']);
    expect([...subtreeIds(units, 'g1')]).toEqual(['g1']);
  });

  it('opens the first levels by default', () => {
    expect(topLevelIds(buildUnitTree(units), 2).sort()).toEqual(['c', 'd1', 'orphan', 't1', 't2']);
  });

  it('matches by name or code and keeps the ancestors of a match', () => {
    expect([...matchingIds(units, '网格')].sort()).toEqual(['c', 'g1', 't1', 'v1']);
    expect([...matchingIds(units, '003')].sort()).toEqual(['c', 't2']);
    expect(matchingIds(units, '  ').size).toBe(0);
  });

  it('offers only the kinds the server allows under a parent, never a grid', () => {
    expect(creatableChildKinds('county')).toEqual(['township', 'department']);
    expect(creatableChildKinds('village')).toEqual([]);
    expect(creatableChildKinds('grid')).toEqual([]);
  });
});
