/** The area filter's tree: townships, their villages and their grids, from the units the caller may see. Pure. */
import type { Unit } from '../org/org-api.js';
import type { PlaceKind } from './cockpit-filters.js';

/** One TreeSelect node; `value` is the unit id, `kind` says which filter it sets. */
export interface AreaNode {
  value: string;
  title: string;
  kind: PlaceKind;
  children: AreaNode[];
}

const placeKinds: readonly string[] = ['township', 'village', 'grid'];
const byCode = (a: Unit, b: Unit) => (a.code ?? a.name).localeCompare(b.code ?? b.name, 'zh-CN');

/**
 * Townships (or, for someone who sees one township, that township) down to grids, ordered by code. Departments and
 * township offices are left out: they lead cases, they are not places. A place whose parent is not a place is a root.
 */
export function areaTree(units: readonly Unit[]): AreaNode[] {
  const places = units.filter((u) => placeKinds.includes(u.kind));
  const ids = new Set(places.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of places) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const build = (parent: string | null): AreaNode[] =>
    (children.get(parent) ?? []).sort(byCode).map((u) => ({ value: u.id, title: u.name, kind: u.kind as PlaceKind, children: build(u.id) }));
  return build(null);
}

/** The kind of the place with this id in a tree, or null. */
export function kindInTree(nodes: readonly AreaNode[], id: string): PlaceKind | null {
  for (const n of nodes) {
    if (n.value === id) return n.kind;
    const below = kindInTree(n.children, id);
    if (below) return below;
  }
  return null;
}
