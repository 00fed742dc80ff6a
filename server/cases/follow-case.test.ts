import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.js';
import { caseFollowers, outbox } from '../db/schema/cases.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { gridCentreOf, report, unitIdOf } from '../dispatch/dispatch.testutil.js';

let t: TestApp;
let tokens: Record<string, string>;
let here: { lng: number; lat: number };
let residentId: string;
let cadreId: string;

const pothole = '人民路和建设路路口有个大坑，下雨天积水很深，电动车经过很危险';
const potholeAgain = '人民路和建设路路口的大坑，下雨天积水很深，电动车经过很危险，请尽快处理';

const follow = (id: string, who: string) => t.request('POST', `/api/cases/${id}/follow`, { token: tokens[who] });
const following = async (who: string) => (await t.request('GET', '/api/cases/following', { token: tokens[who] })).body.items as { id: string; title: string; status: string; readable: boolean }[];
const noticesTo = (userId: string, topic: string) =>
  t.deps.db.select().from(outbox).where(and(eq(outbox.recipientId, userId), like(outbox.topic, topic)));
const act = async (id: string, who: string, action: string, body: object = {}) => {
  const res = await t.request('POST', `/api/cases/${id}/${action}`, { token: tokens[who], body });
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  here = await gridCentreOf(t);
  tokens = {};
  for (const u of ['gridworker', 'resident', 'dispatcher', 'handler', 'cadre', 'supervisor']) tokens[u] = await t.login(u);
  const ids = await t.deps.db.select({ id: users.id, username: users.username }).from(users);
  residentId = ids.find((u) => u.username === 'resident')!.id;
  cadreId = ids.find((u) => u.username === 'cadre')!.id;
});
afterAll(() => t.close());

describe('following a case instead of reporting it again (关注)', () => {
  let caseId: string;

  it('a resident offered a duplicate follows it once, sees it in their list without its text, and it is on the record', async () => {
    caseId = (await report(t, tokens.gridworker!, { description: pothole, location: here })).id;
    const offered = await t.request('POST', '/api/dispatch/duplicates', { token: tokens.resident, body: { description: potholeAgain, location: here } });
    expect(offered.status).toBe(200);
    expect(offered.body.items.map((d: { id: string }) => d.id)).toContain(caseId);

    const first = await follow(caseId, 'resident');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ caseId, following: true, followers: 1 });
    const again = await follow(caseId, 'resident');
    expect(again.body).toMatchObject({ following: true, followers: 1 });

    const [item] = await following('resident');
    // A resident may not read another person's case: the list names it, without what the other reporter wrote.
    expect(item).toMatchObject({ id: caseId, status: 'received', readable: false, title: '' });
    const entries = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.subjectId, caseId), eq(auditEntries.action, 'followed')));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.changes).toEqual({ followers: { before: 0, after: 1 } });
  });

  it('shows the title to a follower who may read the case', async () => {
    expect((await follow(caseId, 'cadre')).body.followers).toBe(2);
    const [item] = await following('cadre');
    expect(item).toMatchObject({ id: caseId, readable: true, title: expect.stringContaining('坑') });
  });

  it('shows staff how many follow the case and who; a reporter who is a resident sees the count, not the names', async () => {
    const seen = (await t.request('GET', `/api/cases/${caseId}`, { token: tokens.dispatcher })).body;
    expect(seen.followers).toBe(2);
    const names = seen.timeline.filter((e: { action: string }) => e.action === 'followed').map((e: { actor: { displayName: string } | null }) => e.actor?.displayName);
    expect(names).toHaveLength(2);
    expect(names.every(Boolean)).toBe(true);

    const own = (await report(t, tokens.resident!, { description: '我家楼下的垃圾桶三天没人清理了，味道很大' })).id;
    expect((await follow(own, 'cadre')).status).toBe(200);
    const mine = (await t.request('GET', `/api/cases/${own}`, { token: tokens.resident })).body;
    expect(mine.followers).toBe(1);
    const entry = mine.timeline.find((e: { action: string }) => e.action === 'followed');
    expect(entry).toMatchObject({ actor: null, changes: { followers: { before: 0, after: 1 } } });
    expect((await t.request('DELETE', `/api/cases/${own}/follow`, { token: tokens.cadre })).body.followers).toBe(0);
  });

  it('refuses the reporter, an unknown case and a signed-out caller, naming the problem', async () => {
    const own = await follow(caseId, 'gridworker');
    expect(own.status).toBe(409);
    expect(own.body.error.message).toContain('自己上报');
    expect((await follow('00000000-0000-4000-8000-000000000000', 'resident')).status).toBe(404);
    expect((await t.request('POST', `/api/cases/${caseId}/follow`, {})).status).toBe(401);
    expect((await t.request('POST', '/api/cases/not-a-uuid/follow', { token: tokens.resident })).status).toBe(400);
  });

  it('tells followers when the case is resolved and closed, not at the steps between', async () => {
    await act(caseId, 'dispatcher', 'dispatch', { unitId: await unitIdOf(t, '城管局'), reason: '城管局负责' });
    await act(caseId, 'handler', 'accept');
    expect(await noticesTo(residentId, 'case.followed.%')).toHaveLength(0);
    await act(caseId, 'handler', 'resolve', { reply: '已填平路面并设置警示' });
    const resolved = await noticesTo(residentId, 'case.followed.resolved');
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.payload.title).toMatch(/^您关注的工单 .+ 已办结$/);
    // The notice links to no case page the follower may not open, and repeats nothing another reporter wrote.
    expect(resolved[0]!.payload).not.toHaveProperty('caseId');
    expect(resolved[0]!.payload.body).not.toContain('坑');
    expect(await noticesTo(cadreId, 'case.followed.resolved')).toHaveLength(1);
    await act(caseId, 'gridworker', 'rate', { score: 'satisfied' });
    expect(await noticesTo(residentId, 'case.followed.closed')).toHaveLength(1);
  });

  it('refuses to follow a case that is no longer open', async () => {
    const res = await follow(caseId, 'supervisor');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已不在办理中');
  });

  it('unfollows, idempotently', async () => {
    const res = await t.request('DELETE', `/api/cases/${caseId}/follow`, { token: tokens.cadre });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ following: false, followers: 1 });
    expect((await t.request('DELETE', `/api/cases/${caseId}/follow`, { token: tokens.cadre })).body.followers).toBe(1);
    expect(await following('cadre')).toEqual([]);
  });

  it('moves the followers of a merged duplicate, and its reporter, to the case it joins, and tells them', async () => {
    const target = (await report(t, tokens.gridworker!, { description: '幸福路菜市场门口垃圾桶满了好几天没人清运', location: here })).id;
    const duplicate = (await report(t, tokens.cadre!, { description: '幸福路菜市场门口的垃圾好几天没清运，臭气熏天', location: here })).id;
    expect((await follow(duplicate, 'resident')).status).toBe(200);
    await act(duplicate, 'dispatcher', 'merge', { targetCaseId: target, reason: '同一问题' });
    const rows = await t.deps.db.select().from(caseFollowers).where(eq(caseFollowers.caseId, target));
    expect(rows.map((r) => r.userId).sort()).toEqual([residentId, cadreId].sort());
    expect(await t.deps.db.select().from(caseFollowers).where(eq(caseFollowers.caseId, duplicate))).toEqual([]);
    const merged = await noticesTo(residentId, 'case.followed.merged');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.payload.title).toContain('已并入');
    expect((await following('resident')).map((i) => i.id)).toContain(target);
    // The target's trail says that the merge brought it followers.
    const [entry] = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.subjectId, target), eq(auditEntries.action, 'duplicate_merged')));
    expect(entry!.changes).toMatchObject({ followers: { before: 0, after: 2 } });
  });
});
