import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStatuses } from '../../common/cases.js';
import { mulberry32, pick } from '../org/prng.js';
import { sweepDeadlines } from '../sla/sweep.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { foldDeltas } from './fold.js';
import { rowsOf } from '../db/rows.js';
import { rebuildRollups } from './rebuild.js';
import { cockpitSnapshot } from './rollup-snapshot.testutil.js';

let t: TestApp;
let grids: { lng: number; lat: number }[] = [];
let staff: { username: string; unitId: string }[] = [];
const categories = ['A0301', 'B0201', 'E0101', 'L0101', 'N0101', 'A0101', 'C0101'];
const channels = ['web', 'hotline', 'patrol', 'cadre', 'mobile'];

beforeAll(async () => {
  t = await createTestApp();
  grids = await rowsOf(t.deps.db, sql`select centroid_lng as lng, centroid_lat as lat from grids order by unit_id`);
  staff = await rowsOf(t.deps.db, sql`
    select distinct on (u.unit_id) u.username, u.unit_id as "unitId" from users u join units n on n.id = u.unit_id
    where u.role in ('handler', 'township_staff', 'cadre') and n.kind in ('department', 'office', 'village') order by u.unit_id, u.username`);
});
afterAll(() => t.close());

/** Runs `steps` random actions on random cases through the HTTP API, folding now and then. */
async function randomHistory(seed: number, steps: number) {
  const rng = mulberry32(seed);
  const tokens = new Map<string, string>();
  const as = async (u: string) => tokens.get(u) ?? (tokens.set(u, await t.login(u)), tokens.get(u)!);
  const call = async (user: string, path: string, body: unknown = {}) => {
    const res = await t.request('POST', path, { token: await as(user), body });
    expect([200, 201], `${user} ${path} ${JSON.stringify(res.body)}`).toContain(res.status);
    return res.body;
  };
  const leadUser = (unitId: string | null) => staff.find((s) => s.unitId === unitId)?.username;
  for (let i = 0; i < steps; i++) {
    t.deps.clock.advance(Math.floor(rng() * 20 * 3600_000));
    const open = await rowsOf<{ id: string; status: string; lead_unit_id: string | null }>(t.deps.db, sql`select id, status, lead_unit_id from cases order by number`);
    const r = rng();
    if (r < 0.2 || !open.length) {
      await call('dispatcher', '/api/cases', {
        description: `测试工单第${seed}-${i}号，居民反映的问题需要处理`,
        category: pick(rng, categories),
        channel: pick(rng, channels),
        location: rng() < 0.9 ? pick(rng, grids) : undefined,
      });
    } else if (r < 0.3) {
      await sweepDeadlines(t.deps);
    } else {
      const c = pick(rng, open);
      const lead = leadUser(c.lead_unit_id);
      const base = `/api/cases/${c.id}`;
      const choice = rng();
      // A duplicate merges into another open case: it leaves the open counts and joins the merged ones.
      const target = open.find((o) => o.id !== c.id && openStatuses.includes(o.status as never));
      const mergeable = c.status === 'received' || c.status === 'dispatched' || c.status === 'returned';
      if (mergeable && target && choice < 0.1) await call('dispatcher', `${base}/merge`, { targetCaseId: target.id });
      else if (c.status === 'received' || c.status === 'returned') await call('dispatcher', `${base}/dispatch`, { unitId: pick(rng, staff).unitId, reason: '按职责派单' });
      // A transfer moves the case to another lead unit: its facts leave one unit's rollup rows for another's.
      else if (c.status === 'dispatched' && choice < 0.25) await call('dispatcher', `${base}/transfer`, { unitId: pick(rng, staff).unitId, reason: '转交职能部门' });
      else if (c.status === 'dispatched' && lead) await call(lead, `${base}/${choice < 0.8 ? 'accept' : 'return'}`, choice < 0.8 ? {} : { reason: '不属于本单位职责' });
      else if (c.status === 'accepted' && lead && choice < 0.3) await call(lead, `${base}/start`);
      else if ((c.status === 'accepted' || c.status === 'in_progress') && lead && choice < 0.42) {
        // Suspension stops the clock: deadlines move by the time suspended when the case resumes.
        await call(lead, `${base}/suspend`, { reason: '等待第三方检测结果' });
        await call('supervisor', `${base}/suspend/approve`);
      } else if ((c.status === 'accepted' || c.status === 'in_progress') && lead) {
        if (choice < 0.85 || c.status === 'in_progress') await call(lead, `${base}/resolve`, { reply: '已处理完毕' });
        else await call(lead, `${base}/return`, { reason: '不属于本单位职责' });
      } else if (c.status === 'suspended') await call('supervisor', `${base}/resume`);
      else if (c.status === 'resolved' || c.status === 'verified') {
        if (choice < 0.6) {
          const score = pick(rng, ['satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'] as const);
          await call('dispatcher', `${base}/rate`, { score, ...(score === 'unsatisfied' ? { followUp: rng() < 0.5 ? 'reopen' : 'rectify' } : {}) });
        } else if (choice < 0.8) await call('supervisor', `${base}/reopen`, { reason: '核查未解决' });
        else if (c.status === 'resolved') await call('supervisor', `${base}/verify`, {});
        else await call('supervisor', `${base}/close`, {});
      } else if (c.status === 'closed' && choice < 0.3) await call('supervisor', `${base}/reopen`, { reason: '群众再次反映' });
    }
    if (rng() < 0.15) await foldDeltas(t.deps.db, { batch: 1 + Math.floor(rng() * 7) });
  }
}

describe('rollups follow every change', () => {
  for (const seed of [1, 2, 3]) {
    it(`after a random history (seed ${seed}), the folded rollups equal a full recomputation`, async () => {
      await randomHistory(seed, 60);
      const leader = await t.login('leader');
      const wide = '/api/cockpit/breakdown?by=unit&from=2026-11-01&to=2027-01-31';
      const unfolded = await t.request('GET', wide, { token: leader });
      await foldDeltas(t.deps.db);
      expect((await rowsOf<{ n: number }>(t.deps.db, sql`select count(*)::int as n from cockpit_deltas`))[0]!.n).toBe(0);
      // Readers add what is not folded yet: the answer is the same before and after the fold.
      expect((await t.request('GET', wide, { token: leader })).body).toEqual(unfolded.body);
      // The history reached the interesting cases: escalations, returns, reopens, ratings, late steps.
      const [cover] = await rowsOf<Record<string, number>>(t.deps.db, sql`select sum(escalation_level)::int as esc, sum(return_count)::int as ret,
        sum(reopen_count)::int as reo, count(rating)::int as rated, count(*) filter (where accept_on_time = false or resolve_on_time = false)::int as late,
        count(*) filter (where status = 'merged')::int as merged,
        (select count(*)::int from audit_entries where action = 'started') as started,
        (select count(*)::int from audit_entries where action = 'transferred') as transferred,
        (select count(*)::int from audit_entries where action = 'suspended') as suspended from cases`);
      for (const [what, v] of Object.entries(cover!)) expect(v, what).toBeGreaterThan(0);
      const incremental = await cockpitSnapshot(t.deps.db);
      expect(incremental.length).toBeGreaterThan(100);
      await rebuildRollups(t.deps.db);
      expect(await cockpitSnapshot(t.deps.db)).toEqual(incremental);
    });
  }
});
