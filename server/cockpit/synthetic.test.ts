import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { rowsOf } from '../db/rows.js';
import { seedSynthetic } from './synthetic.js';

let t: TestApp;
const N = 4000;

beforeAll(async () => {
  t = await createTestApp();
  await seedSynthetic(t.deps, N);
}, 300_000);
afterAll(() => t.close());

describe('synthetic cases', () => {
  it('loads N cases over the two years before now, in the county, with their rollups', async () => {
    const [c] = await rowsOf<Record<string, number | string>>(t.deps.db, sql`select count(*)::int as n, min(received_at) as first, max(received_at) as last,
      count(distinct grid_id)::int as grids, count(distinct category_id)::int as categories, count(distinct lead_unit_id)::int as units from cases`);
    expect(c!.n).toBe(N);
    const days = (new Date(c!.last as string).getTime() - new Date(c!.first as string).getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(700);
    expect(new Date(c!.last as string).getTime()).toBeLessThanOrEqual(t.deps.clock.now().getTime());
    expect(c!.grids).toBeGreaterThan(100);
    expect(c!.categories).toBeGreaterThan(100);
    expect(c!.units).toBeGreaterThan(20);
    // The load skipped the foreign-key checks: the keys are still there and every reference holds.
    const [k] = await rowsOf<Record<string, number>>(t.deps.db, sql`select
      (select count(*)::int from pg_constraint where conrelid = 'cases'::regclass and contype = 'f' and convalidated) as keys,
      (select count(*)::int from cases c where not exists (select 1 from categories x where x.id = c.category_id)
        or not exists (select 1 from units x where x.id = c.grid_id) or not exists (select 1 from sla_policies x where x.id = c.sla_policy_id)
        or (c.lead_unit_id is not null and not exists (select 1 from units x where x.id = c.lead_unit_id))) as orphans`);
    expect(k).toEqual({ keys: 8, orphans: 0 });
    const leader = await t.login('leader');
    const s = await t.request('GET', '/api/cockpit/summary?from=2024-11-01&to=2026-11-16', { token: leader });
    expect(s.body.kpis.received).toBe(N);
  });

  it('looks like a county hotline: shares, office hours, outcomes', async () => {
    const share = async (where: string) => (await rowsOf<{ p: number }>(t.deps.db, sql.raw(`select avg((${where})::int)::float8 as p from cases`)))[0]!.p;
    expect(await share(`channel = 'hotline'`)).toBeCloseTo(0.45, 1);
    expect(await share(`extract(hour from received_at at time zone 'UTC' + interval '8 hours') between 8 and 17`)).toBeGreaterThan(0.6);
    expect(await share(`status = 'closed'`)).toBeGreaterThan(0.85);
    expect(await share(`rating in ('satisfied', 'basically_satisfied')`)).toBeGreaterThan(0.6);
    for (const rare of ['return_count > 0', 'buck_passing', 'escalation_level > 0', 'reopen_count > 0', `status = 'merged'`, `urgency = 'urgent'`]) {
      const p = await share(rare);
      expect(p, rare).toBeGreaterThan(0.001);
      expect(p, rare).toBeLessThan(0.2);
    }
    // Hotspots: the busiest grid has several times the cases of the quietest.
    const [g] = await rowsOf<{ hi: number; lo: number }>(t.deps.db, sql`select max(n)::int as hi, min(n)::int as lo from (select count(*) as n from cases group by grid_id) x`);
    expect(g!.hi).toBeGreaterThan(3 * g!.lo);
  });
});
