import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories, dispatchRules, slaPolicies } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import { defaultDispatchRules } from './dispatch-rules-data.js';
import { defaultTaxonomy, type TaxonomyNode } from './taxonomy-data.js';
import { defaultSlaPolicies, urgentCategoryCodes } from './urgency-data.js';

/** Loads the default taxonomy and deadline policies into an empty deployment. */
export async function seedTaxonomyAndPolicies(tx: Db): Promise<Map<string, string>> {
  const idOf = new Map<string, string>();
  const rows: (typeof categories.$inferInsert)[] = [];
  const walk = (nodes: TaxonomyNode[], parentId: string | null, level: number) => {
    for (const n of nodes) {
      const id = crypto.randomUUID();
      idOf.set(n.code, id);
      rows.push({ id, parentId, level, code: n.code, name: n.name, keywords: n.keywords, urgent: urgentCategoryCodes.includes(n.code) });
      walk(n.children ?? [], id, level + 1);
    }
  };
  walk(defaultTaxonomy, null, 1);
  for (let i = 0; i < rows.length; i += 200) await tx.insert(categories).values(rows.slice(i, i + 200));
  await tx.insert(slaPolicies).values(
    defaultSlaPolicies.map((p) => ({
      name: p.name,
      categoryId: p.match.categoryCode ? idOf.get(p.match.categoryCode) ?? null : null,
      urgency: p.match.urgency ?? null,
      channel: p.match.channel ?? null,
      accept: { amount: p.accept.amount, unit: p.accept.unit, mode: p.accept.mode },
      firstResponse: { amount: p.firstResponse.amount, unit: p.firstResponse.unit, mode: p.firstResponse.mode },
      resolve: { amount: p.resolve.amount, unit: p.resolve.unit, mode: p.resolve.mode },
      warningShare: p.warningShare,
    })),
  );
  return idOf;
}

/** Loads the default category → unit rules, resolving department names to the county's departments. */
export async function seedDispatchRules(tx: Db, categoryIds: Map<string, string>): Promise<void> {
  const departments = await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.kind, 'department'));
  const deptId = new Map(departments.map((d) => [d.name, d.id]));
  const officeNames = (await tx.selectDistinct({ name: units.name }).from(units).where(inArray(units.kind, ['office']))).map((o) => o.name);
  // Offices are named with their township as a prefix (城关街道综合执法队); rules name them by the office alone.
  const isOffice = (name: string) => officeNames.some((o) => o.endsWith(name));
  const rows = defaultDispatchRules.map((r) => {
    const categoryId = categoryIds.get(r.categoryCode);
    if (!categoryId) throw new Error(`dispatch rule names unknown category ${r.categoryCode}`);
    const unitId = r.target === 'department' ? deptId.get(r.unitName ?? '') : undefined;
    if (r.target === 'department' && !unitId) throw new Error(`dispatch rule names unknown department ${r.unitName}`);
    const assists = r.assistUnitNames ?? [];
    const unknown = assists.filter((n) => !deptId.has(n) && !isOffice(n));
    if (unknown.length) throw new Error(`dispatch rule for ${r.categoryCode} names unknown units ${unknown.join(', ')}`);
    return {
      categoryId,
      target: r.target === 'department' ? ('unit' as const) : r.target,
      unitId: unitId ?? null,
      officeName: r.target === 'township_office' ? r.unitName ?? null : null,
      assistUnitIds: assists.filter((n) => deptId.has(n)).map((n) => deptId.get(n)!),
      assistOfficeNames: assists.filter((n) => !deptId.has(n) && isOffice(n)),
      assistVillage: r.assistVillage ?? false,
      autoDispatch: r.autoDispatch ?? false,
    };
  });
  await tx.insert(dispatchRules).values(rows);
}
