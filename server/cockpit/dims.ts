import type { UnitKind } from '../../common/roles.js';
import type { Db } from '../db/client.js';
import { categories } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import { NONE } from './facts.js';

/** A unit as the cockpit needs it: to name groups, place filters in the tree and scope actors. */
export interface DimUnit {
  id: string;
  name: string;
  kind: UnitKind;
  path: string;
  depth: number;
}

/** A category: to name groups and find its level, ancestors and descendants. */
export interface DimCategory {
  id: string;
  name: string;
  code: string;
  level: number;
  parentId: string | null;
}

/** The organisation tree and the taxonomy, indexed; small (hundreds of rows), so read whole and cached briefly. */
export interface Dims {
  units: Map<string, DimUnit>;
  categories: Map<string, DimCategory>;
  /** cat1, cat2 and the category itself, each the deepest available (the same rule as the rollups' SQL). */
  lineage(categoryId: string): [string, string, string];
  /** The category and everything below it. */
  descendants(categoryId: string): string[];
}

const TTL_MS = 30_000;
const cache = new WeakMap<Db, { at: number; dims: Promise<Dims> }>();

async function load(db: Db): Promise<Dims> {
  const [unitRows, categoryRows] = await Promise.all([
    db.select({ id: units.id, name: units.name, kind: units.kind, path: units.path, depth: units.depth }).from(units),
    db.select({ id: categories.id, name: categories.name, code: categories.code, level: categories.level, parentId: categories.parentId }).from(categories),
  ]);
  const unitMap = new Map(unitRows.map((u) => [u.id, u]));
  const categoryMap = new Map(categoryRows.map((c) => [c.id, c]));
  const children = new Map<string, string[]>();
  for (const c of categoryRows) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const lineage = (id: string): [string, string, string] => {
    const k = categoryMap.get(id);
    if (!k) return [id, id, id];
    const p = k.parentId ? categoryMap.get(k.parentId) : undefined;
    if (k.level === 1) return [k.id, k.id, k.id];
    if (k.level === 2) return [k.parentId ?? NONE, k.id, k.id];
    return [p?.parentId ?? NONE, k.parentId ?? NONE, k.id];
  };
  const descendants = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(descendants)];
  return { units: unitMap, categories: categoryMap, lineage, descendants };
}

/** The dimensions of this database, read at most every 30 seconds. */
export function loadDims(db: Db): Promise<Dims> {
  const hit = cache.get(db);
  if (hit && performance.now() - hit.at < TTL_MS) return hit.dims;
  const dims = load(db);
  cache.set(db, { at: performance.now(), dims });
  dims.catch(() => cache.delete(db));
  return dims;
}

/** Forgets the cached dimensions (tests that add units or categories). */
export function forgetDims(db: Db): void {
  cache.delete(db);
}
