import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dispatchRules } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import type { CategoryRow } from './categories.js';

/** The unit a case should go to, with its assisting units, and whether the rule allows dispatching without a person. */
export interface UnitSuggestion {
  unitId: string;
  assistUnitIds: string[];
  autoDispatch: boolean;
  ruleId: string;
}

/** The ids along an area path: [county, township, village, grid]. */
export function areaIds(areaPath: string): string[] {
  return areaPath.split('/').filter(Boolean);
}

/**
 * Suggests the responsible unit from the category → unit rules (the most specific category wins) and the case's place:
 * a rule may name a fixed unit, the grid, village or township the case lies in, or an office of that township (office names carry
 * their township's name as a prefix, e.g. 城关街道综合执法队, so rules name them by the suffix 综合执法队).
 */
export async function suggestUnit(db: Db, lineage: CategoryRow[], areaPath: string): Promise<UnitSuggestion | null> {
  if (!lineage.length) return null;
  const rules = await db
    .select()
    .from(dispatchRules)
    .where(and(inArray(dispatchRules.categoryId, lineage.map((c) => c.id)), eq(dispatchRules.active, true)));
  const ids = areaIds(areaPath);
  const [, townshipId, villageId, gridId] = ids;
  for (const category of lineage) {
    for (const rule of rules.filter((r) => r.categoryId === category.id)) {
      let unitId: string | null | undefined = null;
      if (rule.target === 'unit') unitId = rule.unitId;
      else if (rule.target === 'grid') unitId = gridId ?? villageId;
      else if (rule.target === 'village') unitId = villageId;
      else if (rule.target === 'township') unitId = townshipId;
      else if (rule.target === 'township_office' && townshipId && rule.officeName) {
        const [office] = await db
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.parentId, townshipId), like(units.name, `%${rule.officeName}`)))
          .limit(1);
        unitId = office?.id ?? townshipId;
      }
      if (!unitId) continue;
      const offices = townshipId && rule.assistOfficeNames.length
        ? await db
            .select({ id: units.id })
            .from(units)
            .where(and(eq(units.parentId, townshipId), or(...rule.assistOfficeNames.map((n) => like(units.name, `%${n}`)))))
        : [];
      const assists = [...rule.assistUnitIds, ...offices.map((o) => o.id), ...(rule.assistVillage && villageId ? [villageId] : [])].filter((u) => u !== unitId);
      return { unitId, assistUnitIds: [...new Set(assists)], autoDispatch: rule.autoDispatch, ruleId: rule.id };
    }
  }
  return null;
}
