import { describe, expect, it } from 'vitest';
import type { Unit } from '../org/org-api.js';
import { areaTree, kindInTree } from './area-tree.js';

const u = (id: string, parentId: string | null, kind: string, code: string): Unit => ({ id, parentId, kind, name: `${kind}-${code}`, code });

describe('area tree', () => {
  const units = [
    u('c', null, 'county', '0'),
    u('t2', 'c', 'township', '02'),
    u('t1', 'c', 'township', '01'),
    u('d', 'c', 'department', '90'),
    u('o', 't1', 'office', '01-9'),
    u('v1', 't1', 'village', '01-1'),
    u('g1', 'v1', 'grid', '01-1-1'),
  ];

  it('nests townships, villages and grids in code order, without the county, departments and offices', () => {
    const tree = areaTree(units);
    expect(tree.map((n) => n.value)).toEqual(['t1', 't2']);
    expect(tree[0]?.children.map((n) => n.value)).toEqual(['v1']);
    expect(tree[0]?.children[0]?.children.map((n) => [n.value, n.kind])).toEqual([['g1', 'grid']]);
  });

  it('starts from the township for someone who sees only that township', () => {
    const tree = areaTree(units.filter((x) => ['t1', 'v1', 'g1', 'o'].includes(x.id)));
    expect(tree.map((n) => n.value)).toEqual(['t1']);
  });

  it('finds the kind of a place anywhere in the tree', () => {
    const tree = areaTree(units);
    expect(kindInTree(tree, 'g1')).toBe('grid');
    expect(kindInTree(tree, 't2')).toBe('township');
    expect(kindInTree(tree, 'd')).toBeNull();
  });
});
