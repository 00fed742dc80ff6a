import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useCategories } from './cases-api.js';
import type { CaseDetail } from './case-types.js';
import { api } from '../app/api.js';
import type { Unit } from '../org/org-api.js';
import { useUser } from '../app/user-context.js';

/** Names for the ids a case and its trail mention: units and categories. */
export interface NameLookup {
  unit: (id: string) => string | undefined;
  category: (id: string) => string | undefined;
}

/**
 * Resolves unit and category ids to names: from the case itself first (its tasks, suggested and escalation units),
 * then from the unit list when the role may read it (residents may not, and do not need more than the case gives).
 */
export function useNameLookup(c: CaseDetail | undefined): NameLookup {
  const user = useUser();
  const units = useQuery({
    queryKey: ['org', 'units'],
    enabled: user.role !== 'resident',
    queryFn: ({ signal }) => api<{ items: Unit[] }>('/api/org/units', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
  const categories = useCategories();
  return useMemo(() => {
    const unitNames = new Map<string, string>((units.data ?? []).map((u) => [u.id, u.name]));
    if (c) {
      for (const task of c.tasks) unitNames.set(task.unitId, task.unitName);
      for (const u of [c.suggestedUnit, c.escalationUnit]) if (u) unitNames.set(u.id, u.name);
      if (c.leadUnitId && c.leadUnitName) unitNames.set(c.leadUnitId, c.leadUnitName);
      if (c.gridId && c.gridName) unitNames.set(c.gridId, c.gridName);
    }
    const categoryNames = new Map((categories.data ?? []).map((x) => [x.id, `${x.name}（${x.code}）`]));
    return { unit: (id) => unitNames.get(id), category: (id) => categoryNames.get(id) };
  }, [units.data, categories.data, c]);
}
