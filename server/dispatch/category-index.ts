/**
 * The categories as smart dispatch needs them: by code, with their names and level-1 ancestors, the keyword table of
 * the leaves (the cold-start classifier), and a fingerprint that changes whenever an admin edits the taxonomy.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories } from '../db/schema/cases.js';

/** One category, as the classifier's labels refer to it. */
export interface IndexedCategory {
  id: string;
  code: string;
  name: string;
  level: number;
  active: boolean;
  /** The code of its level-1 ancestor (itself at level 1). */
  rootCode: string;
  leaf: boolean;
  keywords: string[];
}

/** Categories by code, loaded in one query. */
export interface CategoryIndex {
  byCode: Map<string, IndexedCategory>;
  /** Keywords of the active leaves that have any, for the keyword classifier. */
  leafKeywords: Record<string, string[]>;
}

/** Loads every category and works out level-1 ancestors and leaves. */
export async function loadCategoryIndex(db: Db): Promise<CategoryIndex> {
  const rows = await db.select().from(categories);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hasChildren = new Set(rows.filter((r) => r.active && r.parentId).map((r) => r.parentId as string));
  const byCode = new Map<string, IndexedCategory>();
  for (const r of rows) {
    let root = r;
    for (let hops = 0; root.parentId && hops < 5; hops++) root = byId.get(root.parentId) ?? root;
    byCode.set(r.code, {
      id: r.id, code: r.code, name: r.name, level: r.level, active: r.active, rootCode: root.code,
      leaf: !hasChildren.has(r.id), keywords: r.keywords,
    });
  }
  const leafKeywords: Record<string, string[]> = {};
  for (const c of byCode.values()) {
    if (c.active && c.leaf && c.keywords.length > 0) leafKeywords[c.code] = c.keywords;
  }
  return { byCode, leafKeywords };
}

/** A hash of everything the keyword classifier and the labels' names depend on: cheap to compare every 30 s. */
export async function categoriesFingerprint(db: Db): Promise<string> {
  const [row] = await db
    .select({
      fp: sql<string>`md5(coalesce(string_agg(${categories.code} || '|' || ${categories.name} || '|' || coalesce(${categories.parentId}::text, '')
        || '|' || ${categories.active}::text || '|' || array_to_string(${categories.keywords}, ','), E'\n' order by ${categories.code}), ''))`,
    })
    .from(categories);
  return row?.fp ?? '';
}
