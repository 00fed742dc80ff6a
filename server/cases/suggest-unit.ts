import type { CategoryRow } from './categories.js';
import type { ReferenceSnapshot, UnitRef } from './reference-data.js';

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

/** The township's offices whose names end with one of the given names (office names carry their township's name first). */
function officesNamed(ref: ReferenceSnapshot, townshipId: string, names: readonly string[]): UnitRef[] {
  return (ref.childrenOf.get(townshipId) ?? []).filter((u) => names.some((n) => u.name.endsWith(n)));
}

/**
 * Suggests the responsible unit from the category → unit rules (the most specific category wins) and the case's place:
 * a rule may name a fixed unit, the grid, village or township the case lies in, or an office of that township (office names carry
 * their township's name as a prefix, e.g. 城关街道综合执法队, so rules name them by the suffix 综合执法队).
 */
export function suggestUnit(ref: ReferenceSnapshot, lineage: CategoryRow[], areaPath: string): UnitSuggestion | null {
  const [, townshipId, villageId, gridId] = areaIds(areaPath);
  for (const category of lineage) {
    for (const rule of ref.rulesByCategory.get(category.id) ?? []) {
      let unitId: string | null | undefined = null;
      if (rule.target === 'unit') unitId = rule.unitId;
      else if (rule.target === 'grid') unitId = gridId ?? villageId;
      else if (rule.target === 'village') unitId = villageId;
      else if (rule.target === 'township') unitId = townshipId;
      else if (rule.target === 'township_office' && townshipId && rule.officeName) {
        unitId = officesNamed(ref, townshipId, [rule.officeName])[0]?.id ?? townshipId;
      }
      if (!unitId) continue;
      const offices = townshipId && rule.assistOfficeNames.length ? officesNamed(ref, townshipId, rule.assistOfficeNames) : [];
      const assists = [...rule.assistUnitIds, ...offices.map((o) => o.id), ...(rule.assistVillage && villageId ? [villageId] : [])].filter((u) => u !== unitId);
      return { unitId, assistUnitIds: [...new Set(assists)], autoDispatch: rule.autoDispatch, ruleId: rule.id };
    }
  }
  return null;
}
