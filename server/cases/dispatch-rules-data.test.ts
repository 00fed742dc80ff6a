import { describe, expect, it } from 'vitest';
import { commonOfficeNames, departmentNames, streetOfficeName, townshipOfficeName } from '../org/demo-names.js';
import { defaultDispatchRules } from './dispatch-rules-data.js';
import type { DispatchRuleSeed } from './dispatch-rules-data.js';
import { defaultTaxonomy } from './taxonomy-data.js';
import type { TaxonomyNode } from './taxonomy-data.js';

const codes = new Set<string>();
const leafCodes: string[] = [];
const walk = (n: TaxonomyNode): void => {
  codes.add(n.code);
  if (!n.children?.length) leafCodes.push(n.code);
  n.children?.forEach(walk);
};
defaultTaxonomy.forEach(walk);
const departments = new Set(departmentNames);
const offices = new Set([...commonOfficeNames, streetOfficeName, townshipOfficeName]);
const byCode = new Map(defaultDispatchRules.map((r) => [r.categoryCode, r]));

/** The rule the server applies: the one on the longest code prefix of the category. */
function ruleFor(code: string): DispatchRuleSeed | undefined {
  for (let len = code.length; len >= 1; len -= len === 1 ? 1 : 2) {
    const rule = byCode.get(code.slice(0, len));
    if (rule) return rule;
  }
  return undefined;
}
const codeOf = (name: string) => {
  let found: string | undefined;
  const find = (n: TaxonomyNode): void => {
    if (n.name === name) found = n.code;
    n.children?.forEach(find);
  };
  defaultTaxonomy.forEach(find);
  if (!found) throw new Error(`no category named ${name}`);
  return found;
};

describe('defaultDispatchRules', () => {
  it('has one rule per category code, each on a code that exists', () => {
    expect(byCode.size).toBe(defaultDispatchRules.length);
    for (const r of defaultDispatchRules) expect(codes.has(r.categoryCode), r.categoryCode).toBe(true);
  });

  it('covers every first-level class, so every leaf gets a suggestion', () => {
    for (const l1 of defaultTaxonomy) expect(byCode.has(l1.code), l1.name).toBe(true);
    for (const leaf of leafCodes) expect(ruleFor(leaf), leaf).toBeDefined();
  });

  it('names a unit exactly as the demo county does, and only where the target needs one', () => {
    expect([...departments].filter((d) => offices.has(d))).toEqual([]);
    for (const r of defaultDispatchRules) {
      if (r.target === 'department') expect(departments.has(r.unitName ?? ''), r.categoryCode).toBe(true);
      else if (r.target === 'township_office') expect(commonOfficeNames, r.categoryCode).toContain(r.unitName);
      else expect(r.unitName, r.categoryCode).toBeUndefined();
      for (const a of r.assistUnitNames ?? []) expect(departments.has(a) || offices.has(a), `${r.categoryCode} ${a}`).toBe(true);
      expect(r.assistUnitNames ?? [], r.categoryCode).not.toContain(r.unitName);
      expect(new Set(r.assistUnitNames ?? []).size, r.categoryCode).toBe((r.assistUnitNames ?? []).length);
    }
  });

  it('overrides only where the outcome differs from the rule it would inherit', () => {
    const strip = (r: DispatchRuleSeed) => JSON.stringify({ ...r, categoryCode: undefined });
    for (const r of defaultDispatchRules) {
      if (r.categoryCode.length === 1) continue;
      const inherited = ruleFor(r.categoryCode.slice(0, r.categoryCode.length - 2));
      expect(inherited && strip(inherited), r.categoryCode).not.toBe(strip(r));
    }
  });

  it('dispatches automatically only for a few unambiguous categories', () => {
    const auto = defaultDispatchRules.filter((r) => r.autoDispatch);
    expect(auto.length).toBeGreaterThan(0);
    expect(auto.length).toBeLessThanOrEqual(Math.ceil(defaultDispatchRules.length * 0.15));
    for (const r of auto) expect(r.target === 'department' || r.target === 'township_office', r.categoryCode).toBe(true);
  });

  it('routes the worked examples as the duty list says', () => {
    expect(ruleFor(codeOf('拖欠工资'))?.unitName).toBe('人社局');
    expect(ruleFor(codeOf('医保报销'))?.unitName).toBe('医保局');
    expect(ruleFor(codeOf('邻里噪音纠纷'))?.target).toBe('village');
    const fireLane = ruleFor(codeOf('消防通道堵塞'));
    expect(fireLane).toMatchObject({ target: 'department', unitName: '城管局', assistVillage: true, autoDispatch: true });
    expect(fireLane?.assistUnitNames).toContain('应急管理局');
    const gas = ruleFor(codeOf('燃气泄漏'));
    expect(gas?.unitName).toBe('应急管理局');
    expect(gas?.assistUnitNames).toContain('综合执法队');
    expect(ruleFor(codeOf('重复反映未解决'))?.unitName).toBe('信访局');
  });
});
