import { allowedChildren, type UnitKind } from '../../../common/roles.js';
import type { Unit } from './org-api.js';

/** A unit with its children, for antd Tree and TreeSelect. */
export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const kindOrder = ['county', 'township', 'village', 'grid', 'department', 'office'];

function compareUnits(a: Unit, b: Unit): number {
  const byKind = kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return (a.code ?? a.name).localeCompare(b.code ?? b.name, 'zh-CN');
}

/** Nests a flat unit list; a unit whose parent the caller cannot see becomes a root. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((unit) => [unit.id, { unit, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Ids of a unit and everything below it: a unit cannot move under any of them. */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Ids of the first `depth` levels of the tree, opened by default so the county and townships show. */
export function topLevelIds(roots: readonly UnitNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return roots.flatMap((n) => [n.unit.id, ...topLevelIds(n.children, depth - 1)]);
}

/** Ids of units whose name or code contains the text, plus their ancestors so the matches can be shown open. */
export function matchingIds(units: readonly Unit[], text: string): Set<string> {
  const needle = text.trim().toLowerCase();
  const result = new Set<string>();
  if (!needle) return result;
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    if (!u.name.toLowerCase().includes(needle) && !(u.code ?? '').toLowerCase().includes(needle)) continue;
    let cur: Unit | undefined = u;
    while (cur && !result.has(cur.id)) {
      result.add(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
  }
  return result;
}

/**
 * The kinds of unit an admin can add under a parent from the unit form; empty when none. A grid is left out because
 * it needs a boundary drawn on the map, which this form cannot do yet.
 */
export function creatableChildKinds(parentKind: string): readonly string[] {
  return (allowedChildren[parentKind as UnitKind] ?? []).filter((k) => k !== 'grid');
}
