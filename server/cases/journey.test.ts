import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.js';
import { cases } from '../db/schema/cases.js';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
let at: { lng: number; lat: number };
const unitId = new Map<string, string>();
const tokens: Record<string, string> = {};

/** Signs in a demo person by username. */
async function as(username: string) {
  tokens[username] ??= await t.login(username);
  return tokens[username]!;
}

async function report(body: Record<string, unknown>, username = 'gridworker') {
  const res = await t.request('POST', '/api/cases', { token: await as(username), body: { location: at, ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: string; status: string; suggestedUnitId: string | null };
}

async function act(username: string, id: string, action: string, body?: unknown, expected = 200) {
  const res = await t.request('POST', `/api/cases/${id}/${action}`, { token: await as(username), body: body ?? {} });
  expect(res.status, `${username} ${action}: ${JSON.stringify(res.body)}`).toBe(expected);
  return res.body;
}

/** The username of a demo handler in a department, e.g. 应急管理局. */
async function handlerOf(unitName: string): Promise<string> {
  const [u] = await t.deps.db.select({ username: users.username }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(and(eq(units.name, unitName), eq(users.role, 'handler'))).limit(1);
  return u!.username;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of await t.deps.db.select({ id: units.id, name: units.name }).from(units)) unitId.set(u.name, u.id);
  const [me] = await t.deps.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'gridworker'));
  const [g] = await t.deps.db.select().from(grids).where(eq(grids.unitId, me!.unitId));
  at = { lng: g!.centroidLng, lat: g!.centroidLat };
});
afterAll(() => t.close());

describe('the case loop', () => {
  it('report → dispatch → accept → resolve → rate closes the case, with every step on the timeline', async () => {
    const c = await report({ description: '幸福路口的路灯已经坏了一个星期，晚上黑灯瞎火，老人走路容易摔倒', category: 'A0301' });
    expect(c.number).toMatch(/^QH-\d{8}-\d{4}$/);
    expect(c.status).toBe('received');
    expect(c.suggestedUnitId).toBe(unitId.get('城管局'));
    await act('dispatcher', c.id, 'dispatch', { unitId: c.suggestedUnitId });
    const accepted = await act('handler', c.id, 'accept');
    expect(accepted.status).toBe('accepted');
    expect(accepted.allowedActions).toContain('resolve');
    await act('handler', c.id, 'resolve', { reply: '已更换灯泡并检修线路，路灯恢复正常' });
    const closed = await act('gridworker', c.id, 'rate', { score: 'satisfied' });
    expect(closed.status).toBe('closed');
    expect(closed.rating).toBe('satisfied');
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'dispatched', 'accepted', 'resolved', 'rated']);
  });

  it('overriding the suggested unit needs a reason, which the trail keeps', async () => {
    const c = await report({ description: '小区门口有人长期占道摆摊卖菜，早上堵得车过不去', category: 'A0301' });
    const res = await t.request('POST', `/api/cases/${c.id}/dispatch`, { token: await as('dispatcher'), body: { unitId: unitId.get('住建局') } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('reason');
    const done = await act('dispatcher', c.id, 'dispatch', { unitId: unitId.get('住建局'), reason: '属于小区内部设施，由住建局督促物业处理' });
    const entry = done.timeline.find((e: { action: string }) => e.action === 'dispatched');
    expect(entry.changes.override).toEqual({ before: unitId.get('城管局'), after: unitId.get('住建局') });
    expect(entry.reason).toContain('住建局');
  });

  it('returns go back to the centre with a reason, and the second return flags buck-passing', async () => {
    const c = await report({ description: '河边有人倾倒建筑垃圾，已经堆了好几车', category: 'A0301' });
    await act('dispatcher', c.id, 'dispatch', { unitId: unitId.get('城管局') });
    let r = await act('handler', c.id, 'return', { reason: '河道垃圾属于水利局职责' });
    expect(r.status).toBe('returned');
    expect(r.buckPassing).toBe(false);
    await act('dispatcher', c.id, 'dispatch', { unitId: unitId.get('城管局'), reason: '岸上垃圾属城管' });
    r = await act('handler', c.id, 'return', { reason: '仍认为不是我局职责' });
    expect(r.returnCount).toBe(2);
    expect(r.buckPassing).toBe(true);
    await act('handler', c.id, 'return', { reason: 'x' }, 400);
    const flagged = (await t.request('GET', '/api/cases?buckPassing=true', { token: await as('supervisor') })).body;
    expect(flagged.items.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('a blocked fire lane is urgent, goes to 城管 with 应急管理 and the community assisting, and waits for them', async () => {
    const c = await report({ description: '小区消防通道被私家车堵死了，消防车进不来', category: 'L0101' });
    const dispatched = await act('dispatcher', c.id, 'dispatch', { unitId: unitId.get('城管局'), assistUnitIds: [unitId.get('应急管理局')] });
    expect(dispatched.urgency).toBe('urgent');
    // The urgent policy: resolve within 2 natural hours of dispatch.
    const span = new Date(dispatched.deadlines.resolveDue).getTime() - new Date(dispatched.deadlines.dispatchedAt).getTime();
    expect(span).toBe(2 * 3600_000);
    expect(dispatched.tasks.map((x: { role: string; unitName: string }) => `${x.role}:${x.unitName}`)).toEqual(['lead:城管局', 'assist:应急管理局']);
    await act('handler', c.id, 'accept');
    const blocked = await act('handler', c.id, 'resolve', { reply: '已联系车主挪车' }, 409);
    expect(blocked.error.message).toContain('协办');
    const emergency = await handlerOf('应急管理局');
    await act(emergency, c.id, 'assist/accept');
    await act(emergency, c.id, 'assist/resolve', { reply: '已检查消防通道标识' });
    expect((await act('handler', c.id, 'resolve', { reply: '车辆已挪走，通道畅通' })).status).toBe('resolved');
  });

  it('suspension needs approval, stops the clock and moves the deadline by the paused time', async () => {
    const c = await report({ description: '路灯杆被车撞歪了，有倒塌危险，需要更换灯杆', category: 'A0301' });
    await act('dispatcher', c.id, 'dispatch', { unitId: unitId.get('城管局') });
    const before = await act('handler', c.id, 'accept');
    await act('handler', c.id, 'suspend', { reason: '等待厂家供货新灯杆' });
    expect((await act('supervisor', c.id, 'suspend/approve')).status).toBe('suspended');
    t.deps.clock.advance(3 * 24 * 3600_000); // Monday → Thursday: three working days paused
    const resumed = await act('supervisor', c.id, 'resume');
    expect(resumed.status).toBe('accepted');
    const moved = new Date(resumed.deadlines.resolveDue).getTime() - new Date(before.deadlines.resolveDue).getTime();
    expect(moved).toBe(3 * 24 * 3600_000);
    expect(resumed.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['suspend_requested', 'suspended', 'resumed']));
  });

  it('an unsatisfied rating reopens the case for the same unit; rectify opens a rectification task', async () => {
    const c = await report({ description: '楼下路灯修了没两天又不亮了', category: 'A0301' });
    await act('dispatcher', c.id, 'dispatch', { unitId: unitId.get('城管局') });
    await act('handler', c.id, 'accept');
    await act('handler', c.id, 'resolve', { reply: '已修复' });
    const reopened = await act('gridworker', c.id, 'rate', { score: 'unsatisfied', comment: '还是不亮' });
    expect(reopened.status).toBe('dispatched');
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.leadUnitId).toBe(unitId.get('城管局'));
    await act('handler', c.id, 'accept');
    await act('handler', c.id, 'resolve', { reply: '更换了整套灯具' });
    const rectifying = await act('gridworker', c.id, 'rate', { score: 'unsatisfied', followUp: 'rectify' });
    expect(rectifying.status).toBe('in_progress');
    expect(rectifying.tasks.some((x: { role: string; status: string }) => x.role === 'rectification' && x.status === 'accepted')).toBe(true);
    expect((await act('handler', c.id, 'resolve', { reply: '整改完成，已连续观察三晚' })).status).toBe('resolved');
  });

  it('an illegal action answers 409 with the status and the allowed actions; a wrong role answers 403', async () => {
    const c = await report({ description: '公园的路灯全部不亮', category: 'A0301' });
    const res = await act('dispatcher', c.id, 'resolve', { reply: '已修好' }, 409);
    expect(res.error.code).toBe('illegal_transition');
    expect(res.error.details.status).toBe('received');
    expect(res.error.details.allowedActions).toContain('dispatch');
    // Before dispatch the handler's unit cannot see the case at all.
    expect((await act('handler', c.id, 'accept', undefined, 404)).error.message).toContain('not found or no access');
    await act('dispatcher', c.id, 'dispatch', { unitId: unitId.get('城管局') });
    // A handler may not transfer (the centre does), and a resident who did not report it cannot even see it.
    expect((await act('handler', c.id, 'transfer', { unitId: unitId.get('住建局'), reason: '不归我们管' }, 403)).error.code).toBe('forbidden');
    expect((await act('resident', c.id, 'accept', undefined, 404)).error.message).toContain('not found or no access');
  });

  it('merges a duplicate into the case it repeats', async () => {
    const first = await report({ description: '公交站台旁边的路灯不亮', category: 'A0301' });
    const dup = await report({ description: '公交站那里路灯坏了', category: 'A0301' }, 'cadre');
    const merged = await act('dispatcher', dup.id, 'merge', { targetCaseId: first.id, reason: '同一路灯' });
    expect(merged.status).toBe('merged');
    const target = (await t.request('GET', `/api/cases/${first.id}`, { token: await as('dispatcher') })).body;
    expect(target.timeline.at(-1).action).toBe('duplicate_merged');
  });
});

describe('anonymous reporters', () => {
  it('are hidden from handlers and from the trail, but see their own reports', async () => {
    const c = await report({ description: '村里有人聚众赌博，晚上很吵', category: 'A0301', anonymous: true }, 'resident');
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.reporterId).toBeNull();
    expect(row!.reporterCipher).not.toBeNull();
    const entries = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.subjectType, 'case'), eq(auditEntries.subjectId, c.id)));
    // Not vacuous: the intake's own entry is there, and no entry names the reporter.
    expect(entries.map((e) => e.action)).toContain('received');
    expect(entries.map((e) => e.actorId)).toEqual(entries.map(() => null));
    const seen = (await t.request('GET', `/api/cases/${c.id}`, { token: await as('dispatcher') })).body;
    expect(seen.reporter).toBeNull();
    expect(seen.anonymous).toBe(true);
    const mine = (await t.request('GET', '/api/cases?mine=true', { token: await as('resident') })).body;
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(c.id);
  });
});

describe('dispatch suggestions', () => {
  it('a gas leak goes to 应急管理局 with 住建局, the township law-enforcement team and the village assisting', async () => {
    const c = await report({ description: '楼道里一股很浓的煤气味，怀疑燃气泄漏', category: 'L0102' });
    expect(c.suggestedUnitId).toBe(unitId.get('应急管理局'));
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, c.id));
    const [, townshipId, villageId] = row!.areaPath.split('/').filter(Boolean);
    const { suggestUnit } = await import('./suggest-unit.js');
    const { categoryLineage } = await import('./categories.js');
    const ref = await t.deps.reference.fresh();
    const s = suggestUnit(ref, categoryLineage(ref, row!.categoryId!), row!.areaPath);
    const [office] = await t.deps.db.select().from(units).where(eq(units.id, s!.assistUnitIds.find((id) => id !== unitId.get('住建局') && id !== villageId)!));
    expect(office!.parentId).toBe(townshipId);
    expect(office!.name.endsWith('综合执法队')).toBe(true);
    expect(s!.assistUnitIds).toEqual(expect.arrayContaining([unitId.get('住建局'), villageId]));
  });
});
