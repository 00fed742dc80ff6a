import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cockpitMeasures } from '../db/schema/cockpit.js';
import { sweepDeadlines } from '../sla/sweep.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { foldDeltas } from './fold.js';
import { rowsOf } from '../db/rows.js';
import { rebuildRollups } from './rebuild.js';
import { recordCaseFactsById } from './record-facts.js';
import { cockpitSnapshot } from './rollup-snapshot.testutil.js';
import { insertOverdueCases } from './overdue-cases.testutil.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Row = Record<string, unknown>;
const factsOf = async (id: string) => (await rowsOf<Row>(t.deps.db, sql`select * from cockpit_case_facts where case_id = ${id}`))[0];
const deltasAfter = (id: number) => rowsOf<Row>(t.deps.db, sql`select * from cockpit_deltas where id > ${id} order by id`);
const lastDeltaId = async () => (await rowsOf<{ n: number }>(t.deps.db, sql`select coalesce(max(id), 0)::int as n from cockpit_deltas`))[0]!.n;
/** A facts or delta row without its identity (case id, delta id, sign), measures times `sign`. */
const counted = (r: Row, sign = 1) => {
  const { case_id: _c, id: _i, sign: _s, ...rest } = r;
  for (const m of cockpitMeasures) rest[m] = sign * Number(rest[m]) + 0; // + 0: no -0
  return rest;
};

describe('recording a case action', () => {
  it('appends +1 for a new case, nothing when nothing counted changed, and −old/+new when something did', async () => {
    t.deps.clock.set('2026-11-16T01:00:00.000Z');
    let mark = await lastDeltaId();
    const token = await t.login('dispatcher');
    const created = await t.request('POST', '/api/cases', { token, body: { description: '路灯坏了好几天，晚上很黑', category: 'A0301' } });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const first = (await factsOf(id))!;
    expect(first).toMatchObject({ received: 1, dispatched: 0, open: 1 });
    expect((await deltasAfter(mark)).map((d) => [d.sign, counted(d)])).toEqual([[1, counted(first)]]);

    mark = await lastDeltaId();
    expect(await t.deps.db.transaction((tx) => recordCaseFactsById(tx, [id]))).toBe(0);
    expect(await deltasAfter(mark)).toEqual([]);

    const units = await rowsOf<{ id: string }>(t.deps.db, sql`select id from units where kind = 'department' order by code limit 1`);
    const dispatched = await t.request('POST', `/api/cases/${id}/dispatch`, { token, body: { unitId: units[0]!.id } });
    expect(dispatched.status).toBe(200);
    const second = (await factsOf(id))!;
    expect(second).toMatchObject({ dispatched: 1, unit: units[0]!.id });
    const deltas = await deltasAfter(mark);
    expect(deltas.map((d) => d.sign)).toEqual([-1, 1]);
    expect(counted(deltas[0]!, -1)).toEqual(counted(first));
    expect(counted(deltas[1]!)).toEqual(counted(second));
  });
});

describe('a sweep batch beyond the old bind-parameter limit', () => {
  // 1,000 escalations of cases with facts in one batch once needed 2 × 1,000 delta rows of 38 parameters each:
  // 76,000, over PostgreSQL's 65,535. 1,200 cases give one full batch of the sweeper's default 1,000 and one of 200.
  const count = 1_200;
  const now = new Date('2026-11-10T02:00:00.000Z');

  it('escalates them all, and the folded rollups equal a full recomputation', async () => {
    await insertOverdueCases(t.deps.db, count, now);
    await rebuildRollups(t.deps.db);
    const before = await rowsOf<Row>(t.deps.db, sql`select count(*)::int as n, sum(escalated)::int as escalated from cockpit_case_facts`);
    expect(before[0]).toMatchObject({ n: expect.any(Number), escalated: 0 });
    expect(before[0]!.n).toBeGreaterThanOrEqual(count);

    const swept = await sweepDeadlines(t.deps, { now });
    expect(swept).toMatchObject({ escalated: count, examined: count });
    const [d] = await rowsOf<Row>(t.deps.db, sql`select count(*)::int as n, sum(sign)::int as sign, sum(escalated)::int as escalated,
      sum(overdue_open)::int as overdue_open, sum(supervision_orders)::int as orders from cockpit_deltas`);
    // Every case had facts: one −1 and one +1 row each, adding an escalation, a red card and an order per case.
    expect(d).toEqual({ n: 2 * count, sign: 0, escalated: count, overdue_open: count, orders: count });

    await foldDeltas(t.deps.db);
    const incremental = await cockpitSnapshot(t.deps.db);
    expect(incremental.filter((s) => s.startsWith('facts ')).length).toBe(before[0]!.n);
    await rebuildRollups(t.deps.db);
    expect(await cockpitSnapshot(t.deps.db)).toEqual(incremental);
  });
});
