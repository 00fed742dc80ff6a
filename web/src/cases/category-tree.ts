/** The flat category list as a Cascader tree, and the way back from a code to its path. Pure. */
import type { Category } from './case-types.js';

/** One Cascader option: the value is the category code, which the server accepts as the category. */
export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

/** Nests the categories by parentId, siblings in code order; a category whose parent is missing becomes a root. */
export function categoryOptions(items: readonly Category[]): CategoryOption[] {
  const byId = new Map(items.map((c) => [c.id, c]));
  const children = new Map<string | null, Category[]>();
  for (const c of items) {
    const parent = c.parentId && byId.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const build = (parent: string | null): CategoryOption[] =>
    (children.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => {
        const kids = build(c.id);
        return kids.length ? { value: c.code, label: c.name, children: kids } : { value: c.code, label: c.name };
      });
  return build(null);
}

/** The codes from the top level down to the category with this code or id (a Cascader value); empty when unknown. */
export function categoryPath(items: readonly Category[], ref: string | null | undefined): string[] {
  if (!ref) return [];
  const byId = new Map(items.map((c) => [c.id, c]));
  let cur = items.find((c) => c.code === ref || c.id === ref);
  const path: string[] = [];
  while (cur && path.length < 5) {
    path.unshift(cur.code);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return path;
}

/** "城乡建设 / 市政设施 / 路灯不亮" for a category code or id; the raw reference when it is unknown. */
export function categoryLabel(items: readonly Category[], ref: string): string {
  const byCode = new Map(items.map((c) => [c.code, c.name]));
  const path = categoryPath(items, ref);
  return path.length ? path.map((code) => byCode.get(code) ?? code).join(' / ') : ref;
}
