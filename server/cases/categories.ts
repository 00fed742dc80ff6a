import { categories } from '../db/schema/cases.js';
import { AppError } from '../platform/errors.js';
import type { ReferenceSnapshot } from './reference-data.js';

export type CategoryRow = typeof categories.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds an active category by code or id; 400 unknown_category naming what was given. */
export function resolveCategory(ref: ReferenceSnapshot, given: string): CategoryRow {
  const row = ref.categoryByCode.get(given) ?? (UUID.test(given) ? ref.categoryById.get(given.toLowerCase()) : undefined);
  if (!row || !row.active) throw new AppError('unknown_category', `未知的问题分类“${given}” (unknown category)`, { field: 'category' });
  return row;
}

/** The category and its ancestors, the leaf first (at most five levels, so a cycle cannot loop). */
export function categoryLineage(ref: ReferenceSnapshot, categoryId: string): CategoryRow[] {
  const lineage: CategoryRow[] = [];
  for (let next: string | null = categoryId; next && lineage.length < 5; ) {
    const row = ref.categoryById.get(next);
    if (!row) break;
    lineage.push(row);
    next = row.parentId;
  }
  return lineage;
}
