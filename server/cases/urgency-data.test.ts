import { describe, expect, it } from 'vitest';
import { channels, urgencies } from '../../common/cases.js';
import { defaultOfficeHours } from '../sla/office-hours.js';
import { durationMs } from '../sla/working-time.js';
import { defaultTaxonomy } from './taxonomy-data.js';
import type { TaxonomyNode } from './taxonomy-data.js';
import { defaultSlaPolicies, urgentCategoryCodes } from './urgency-data.js';
import type { SlaPolicySeed, Target } from './urgency-data.js';

const nodes = new Map<string, TaxonomyNode>();
const walk = (n: TaxonomyNode): void => {
  nodes.set(n.code, n);
  n.children?.forEach(walk);
};
defaultTaxonomy.forEach(walk);
const ms = (t: Target) => durationMs(t, t.mode, defaultOfficeHours);
const HOUR = 3_600_000;
const policy = (name: string): SlaPolicySeed => {
  const p = defaultSlaPolicies.find((x) => x.name === name);
  if (!p) throw new Error(`no policy ${name}`);
  return p;
};

describe('urgentCategoryCodes', () => {
  it('names distinct existing leaves', () => {
    expect(new Set(urgentCategoryCodes).size).toBe(urgentCategoryCodes.length);
    for (const code of urgentCategoryCodes) {
      expect(nodes.get(code), code).toBeDefined();
      expect(nodes.get(code)?.children, code).toBeUndefined();
    }
  });

  it('includes the dangers that cannot wait', () => {
    const names = urgentCategoryCodes.map((c) => nodes.get(c)?.name);
    for (const n of ['燃气泄漏', '火灾', '消防通道堵塞', '房屋倒塌', '电梯困人', '积水内涝', '打架斗殴']) expect(names).toContain(n);
    expect(names).not.toContain('路灯不亮');
  });
});

describe('defaultSlaPolicies', () => {
  it('has unique names and matches, and exactly one catch-all', () => {
    expect(new Set(defaultSlaPolicies.map((p) => p.name)).size).toBe(defaultSlaPolicies.length);
    const matches = defaultSlaPolicies.map((p) => JSON.stringify(p.match, Object.keys(p.match).sort()));
    expect(new Set(matches).size).toBe(matches.length);
    expect(defaultSlaPolicies.filter((p) => Object.keys(p.match).length === 0)).toHaveLength(1);
  });

  it('matches only on known urgencies, channels and categories', () => {
    for (const { name, match } of defaultSlaPolicies) {
      if (match.urgency) expect(urgencies, name).toContain(match.urgency);
      if (match.channel) expect(channels, name).toContain(match.channel);
      if (match.categoryCode) expect(nodes.has(match.categoryCode), name).toBe(true);
    }
  });

  it('gives every step a positive whole time limit, never longer than resolving on the same clock', () => {
    for (const p of defaultSlaPolicies) {
      for (const t of [p.accept, p.firstResponse, p.resolve]) {
        expect(Number.isInteger(t.amount) && t.amount > 0, p.name).toBe(true);
        expect(['minutes', 'hours', 'days'], p.name).toContain(t.unit);
        expect(['natural', 'working'], p.name).toContain(t.mode);
      }
      for (const step of [p.accept, p.firstResponse]) {
        if (step.mode === p.resolve.mode) expect(ms(step), p.name).toBeLessThanOrEqual(ms(p.resolve));
      }
      expect(p.warningShare, p.name).toBe(0.8);
    }
  });

  it('keeps the promised defaults: 1/1/5 working days, urgent within two natural hours', () => {
    const def = defaultSlaPolicies.find((p) => Object.keys(p.match).length === 0)!;
    expect([def.accept, def.firstResponse, def.resolve]).toEqual([
      { amount: 1, unit: 'days', mode: 'working' },
      { amount: 1, unit: 'days', mode: 'working' },
      { amount: 5, unit: 'days', mode: 'working' },
    ]);
    const urgent = defaultSlaPolicies.find((p) => p.match.urgency === 'urgent')!;
    expect(Object.keys(urgent.match)).toEqual(['urgency']);
    expect([urgent.accept.mode, urgent.firstResponse.mode, urgent.resolve.mode]).toEqual(['natural', 'natural', 'natural']);
    expect(ms(urgent.accept)).toBe(HOUR / 2);
    expect(ms(urgent.firstResponse)).toBe(HOUR);
    expect(ms(urgent.resolve)).toBe(2 * HOUR);
  });

  it('sets the channel policies: cadre replies within 48 hours, hotline accepts within 2 working hours', () => {
    const cadre = policy('村社区干部反馈');
    expect(cadre.match).toEqual({ channel: 'cadre' });
    expect(ms(cadre.firstResponse)).toBe(48 * HOUR);
    expect(cadre.resolve).toEqual({ amount: 5, unit: 'days', mode: 'working' });
    const hotline = policy('12345热线');
    expect(hotline.match).toEqual({ channel: 'hotline' });
    expect(hotline.accept).toEqual({ amount: 2, unit: 'hours', mode: 'working' });
  });

  it('is stricter for wage arrears and street lights than the default', () => {
    const def = defaultSlaPolicies.find((p) => Object.keys(p.match).length === 0)!;
    for (const name of ['拖欠工资', '路灯不亮']) {
      const p = policy(name);
      expect(p.resolve.mode).toBe('working');
      expect(ms(p.resolve), name).toBeLessThan(ms(def.resolve));
    }
    expect(nodes.get(policy('拖欠工资').match.categoryCode!)?.name).toBe('拖欠工资');
    expect(policy('拖欠工资').resolve.amount).toBe(3);
    expect(policy('路灯不亮').resolve.amount).toBe(2);
  });
});
