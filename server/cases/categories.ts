import { eq, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories } from '../db/schema/cases.js';
import { AppError } from '../platform/errors.js';

export type CategoryRow = typeof categories.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds an active category by code or id; 400 unknown_category naming what was given. */
export async function resolveCategory(db: Db, ref: string): Promise<CategoryRow> {
  const [row] = await db
    .select()
    .from(categories)
    .where(UUID.test(ref) ? or(eq(categories.id, ref), eq(categories.code, ref)) : eq(categories.code, ref))
    .limit(1);
  if (!row || !row.active) throw new AppError('unknown_category', `未知的问题分类“${ref}” (unknown category)`, { field: 'category' });
  return row;
}

/** The category and its ancestors, the leaf first (at most three levels). */
export async function categoryLineage(db: Db, categoryId: string): Promise<CategoryRow[]> {
  const lineage: CategoryRow[] = [];
  let next: string | null = categoryId;
  while (next && lineage.length < 5) {
    const [row]: CategoryRow[] = await db.select().from(categories).where(eq(categories.id, next)).limit(1);
    if (!row) break;
    lineage.push(row);
    next = row.parentId;
  }
  return lineage;
}
