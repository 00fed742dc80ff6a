import { and, eq, inArray } from 'drizzle-orm';
import { openPostgres } from '../db/client.js';
import { auditEntries } from '../db/schema/audit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, outbox, supervisionOrders } from '../db/schema/cases.js';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { escalationChain, sweepDeadlines } from './sweep.js';

let t: TestApp;
let at: { lng: number; lat: number };
let city: string;

beforeAll(async () => {
  t = await createTestApp();
  const [me] = await t.deps.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'gridworker'));
  const [g] = await t.deps.db.select().from(grids).where(eq(grids.unitId, me!.unitId));
  at = { lng: g!.centroidLng, lat: g!.centroidLat };
  city = (await t.deps.db.select({ id: units.id }).from(units).where(eq(units.name, '城管局')))[0]!.id;
});
afterAll(() => t.close());

async function dispatchedCase(description: string) {
  const token = await t.login('gridworker');
  const c = await t.request('POST', '/api/cases', { token, body: { description, category: 'A0302', location: at } });
  expect(c.status).toBe(201);
  const d = await t.request('POST', `/api/cases/${c.body.id}/dispatch`, { token: await t.login('dispatcher'), body: { unitId: city } });
  expect(d.status).toBe(200);
  return d.body as { id: string; deadlines: { acceptDue: string } };
}

describe('deadline sweep', () => {
  it('counts working days across the National Day holiday: yellow before it, red and escalation only after it', async () => {
    // Wednesday 30 September 2026, 10:00 in Beijing; 1–7 October are public holidays.
    t.deps.clock.set('2026-09-30T02:00:00.000Z');
    const c = await dispatchedCase('小区门口下水道堵了，污水漫到路上');
    expect(c.deadlines.acceptDue).toBe('2026-10-08T02:00:00.000Z'); // one working day later: Thursday 8 October, 10:00

    // In natural time the case would be overdue on 1 October; in working time it only has a yellow card.
    let r = await sweepDeadlines(t.deps, { now: new Date('2026-10-05T04:00:00.000Z') });
    expect(r).toMatchObject({ warned: 1, escalated: 0 });
    let [row] = await t.deps.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.card).toBe('yellow');
    expect(row!.escalationLevel).toBe(0);

    // A sweep again at the same moment changes nothing.
    expect(await sweepDeadlines(t.deps, { now: new Date('2026-10-05T04:00:00.000Z') })).toMatchObject({ warned: 0, escalated: 0 });

    // Just past the deadline: red card, escalated from the grid to its village, with a supervision order.
    r = await sweepDeadlines(t.deps, { now: new Date('2026-10-08T02:01:00.000Z') });
    expect(r.escalated).toBe(1);
    [row] = await t.deps.db.select().from(cases).where(eq(cases.id, c.id));
    const chain = escalationChain(row!.areaPath);
    expect(row!.card).toBe('red');
    expect(row!.escalationLevel).toBe(1);
    expect(row!.escalationUnitId).toBe(chain[0]);
    const orders = await t.deps.db.select().from(supervisionOrders).where(eq(supervisionOrders.caseId, c.id));
    expect(orders).toHaveLength(1);
    expect(orders[0]!.dueAt.toISOString()).toBe('2026-10-09T02:01:00.000Z'); // its own deadline: one working day

    // The order's deadline passes too: the case climbs to the township.
    await sweepDeadlines(t.deps, { now: new Date('2026-10-09T03:00:00.000Z') });
    [row] = await t.deps.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.escalationLevel).toBe(2);
    expect(row!.escalationUnitId).toBe(chain[1]);

    const detail = await t.request('GET', `/api/cases/${c.id}`, { token: await t.login('supervisor') });
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'dispatched', 'warned', 'escalated', 'escalated']);
    const notices = await t.deps.db.select().from(outbox).where(eq(outbox.topic, 'case.escalated'));
    expect(notices.filter((n) => n.payload.caseId === c.id)).toHaveLength(2);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('two server instances sweeping one PostgreSQL at once escalate each due case exactly once', async () => {
    t.deps.clock.set('2026-11-16T01:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await dispatchedCase(`第${i + 1}处下水道堵塞，污水外溢`)).id);
    const other = await openPostgres(t.deps.database.url!, 5);
    try {
      const later = new Date('2026-11-30T01:00:00.000Z');
      const [a, b] = await Promise.all([
        sweepDeadlines(t.deps, { now: later, batchSize: 7 }),
        sweepDeadlines({ ...t.deps, db: other.db }, { now: later, batchSize: 7 }),
      ]);
      // 40 new cases, plus the earlier test's case whose supervision order has also run out.
      expect(a.escalated + b.escalated).toBe(41);
    } finally {
      await other.close();
    }
    const escalations = await t.deps.db.select({ caseId: supervisionOrders.caseId }).from(supervisionOrders).where(inArray(supervisionOrders.caseId, ids));
    expect(escalations.map((e) => e.caseId).sort()).toEqual([...ids].sort());
    const entries = await t.deps.db.select({ id: auditEntries.subjectId }).from(auditEntries).where(and(eq(auditEntries.action, 'escalated'), inArray(auditEntries.subjectId, ids)));
    expect(entries).toHaveLength(40);
  });
});
