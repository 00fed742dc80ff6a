import type { UnitKind } from '../../common/roles.js';
import type { Actor } from '../platform/actor.js';
import type { Db } from '../db/client.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { loadDims, type Dims } from './dims.js';
import { noFilter, type DimFilter, type Level } from './planner.js';
import type { CockpitFilters } from './schema.js';

const placeLevels: Partial<Record<UnitKind, Level>> = { township: 1, village: 2, grid: 3 };

/** What a cockpit question is about once the caller's reach is applied: the filter and the dimensions to name groups. */
export interface Scoped {
  filter: DimFilter;
  dims: Dims;
  /** The unit the caller's reach is bounded by (null: the whole county). */
  scopeUnitId: string | null;
}

/**
 * Turns the query's filters into conditions, adding the caller's reach: county-wide roles see everything, township
 * staff their township (the cases located there). A place filter outside the reach answers "not found or no access".
 */
export async function scopedFilter(ctx: { db: Db; actor: Actor }, q: Omit<CockpitFilters, 'from' | 'to'>): Promise<Scoped> {
  const reach = authorize(ctx.actor, 'cockpit.read');
  const dims = await loadDims(ctx.db);
  const filter = noFilter();
  let scopeUnitId: string | null = null;
  if (reach !== 'all') {
    const id = ctx.actor.scopePath.split('/').filter(Boolean).pop();
    const unit = id ? dims.units.get(id) : undefined;
    if (!unit) throw notFoundOrNoAccess('区域');
    scopeUnitId = unit.id;
    const level = placeLevels[unit.kind];
    if (level) filter.places.push({ level, id: unit.id });
    else if (unit.kind !== 'county') filter.units.push(unit.id);
  }
  const inReach = (path: string) => reach === 'all' || path.startsWith(ctx.actor.scopePath);
  const place = (id: string | undefined, kind: 'township' | 'village' | 'grid', field: string) => {
    if (!id) return;
    const unit = dims.units.get(id);
    if (unit && !inReach(unit.path)) throw notFoundOrNoAccess('区域');
    if (!unit || unit.kind !== kind) throw new AppError('unknown_unit', `不是有效的${kind === 'township' ? '乡镇' : kind === 'village' ? '村社区' : '网格'} (not a ${kind})`, { field });
    filter.places.push({ level: placeLevels[kind]!, id });
  };
  place(q.townshipId, 'township', 'townshipId');
  place(q.villageId, 'village', 'villageId');
  place(q.gridId, 'grid', 'gridId');
  if (q.unitId) {
    if (!dims.units.has(q.unitId)) throw new AppError('unknown_unit', '单位不存在 (unit not found)', { field: 'unitId' });
    filter.units.push(q.unitId);
  }
  if (q.categoryId) {
    const category = dims.categories.get(q.categoryId);
    if (!category) throw new AppError('unknown_category', '问题分类不存在 (unknown category)', { field: 'categoryId' });
    filter.topic = { level: Math.min(3, Math.max(1, category.level)) as Level, id: category.id };
  }
  filter.channel = q.channel ?? null;
  return { filter, dims, scopeUnitId };
}
