import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.js';
import { categories, messages, outbox, slaPolicies } from '../db/schema/cases.js';
import { users } from '../db/schema/users.js';
import { deliverOutbox } from '../notifications/deliver.js';
import { inAppDriver } from '../notifications/drivers.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { dispatchAs, gridCentreOf, report, storedCase, unitIdOf } from './dispatch.testutil.js';

let t: TestApp;
let here: { lng: number; lat: number };
let tokens: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const { lng, lat } = await gridCentreOf(t);
  here = { lng, lat };
  tokens = { gridworker: await t.login('gridworker'), admin: await t.login('admin'), dispatcher: await t.login('dispatcher'), resident: await t.login('resident') };
});
afterAll(() => t.close());

const codeOf = async (categoryId: string | null) =>
  categoryId ? (await t.deps.db.select({ code: categories.code }).from(categories).where(eq(categories.id, categoryId)))[0]?.code : null;

describe('intake before any training (cold start)', () => {
  it('ranks a report by the categories keywords, stores the top three and takes the category it is sure of', async () => {
    const c = await report(t, tokens.gridworker!, { description: '幸福路口的路灯坏了，晚上黑灯瞎火的，老人走路不方便', location: here });
    const stored = await storedCase(t, c.id);
    expect(stored.prediction?.modelVersion).toBe(0);
    expect(stored.prediction?.kind).toBe('keywords');
    expect(stored.prediction?.top[0]).toMatchObject({ code: 'A0301', name: '路灯不亮' });
    expect(stored.prediction?.top[0]?.keywords).toContain('黑灯瞎火');
    expect(stored.prediction!.top.length).toBeLessThanOrEqual(3);
    expect(await codeOf(stored.categoryId)).toBe('A0301');
    // The rule for 路灯不亮 names 城管局; the reporter chose no category, so the suggestion comes from the prediction.
    expect(c.suggestedUnitId).toBe(await unitIdOf(t, '城管局'));
    const [entry] = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.subjectId, c.id), eq(auditEntries.action, 'received')));
    expect(entry?.changes?.predictedBy?.after).toMatchObject({ modelVersion: 0 });
  });

  it('keeps the reporter’s own category and still stores the prediction for the dispatcher', async () => {
    const c = await report(t, tokens.gridworker!, { description: '小区门口的路灯一直不亮', category: 'B0201', location: here });
    const stored = await storedCase(t, c.id);
    expect(await codeOf(stored.categoryId)).toBe('B0201');
    expect(stored.prediction?.top[0]?.code).toBe('A0301');
  });

  it('leaves a report with no keyword to a person: no category, no suggestion', async () => {
    const c = await report(t, tokens.gridworker!, { description: '上次说的那个事情还没有下文，麻烦回个电话', location: here });
    const stored = await storedCase(t, c.id);
    expect(stored.prediction).toMatchObject({ modelVersion: 0, kind: 'keywords', top: [] });
    expect(stored.categoryId).toBeNull();
    expect(c.suggestedUnitId).toBeNull();
  });

  it('never dispatches on a keyword match alone, even with automatic dispatch on', async () => {
    expect((await t.request('PUT', '/api/settings/dispatch', { token: tokens.admin, body: { autoDispatch: true } })).status).toBe(200);
    expect((await t.request('PUT', '/api/settings/classifier', { token: tokens.admin, body: { minConfidence: 0.5, autoDispatch: true } })).status).toBe(200);
    const c = await report(t, tokens.gridworker!, { description: '东街的路灯坏了好几天了', location: here });
    expect(c.status).toBe('received');
    expect(await codeOf((await storedCase(t, c.id)).categoryId)).toBe('A0301');
    // A category the reporter chose still goes by the rule, as before smart dispatch.
    const chosen = await report(t, tokens.gridworker!, { description: '东街的路灯坏了好几天了', category: 'A0301', location: here });
    expect(chosen.status).toBe('dispatched');
  });

  it('lists show the prediction for the workbench', async () => {
    const res = await t.request('GET', '/api/cases?pageSize=5', { token: tokens.dispatcher });
    expect(res.status).toBe(200);
    expect(res.body.items[0].prediction.modelVersion).toBe(0);
  });
});

describe('classifier settings', () => {
  it('are for admins only, validated, and on the trail', async () => {
    expect((await t.request('GET', '/api/settings/classifier', { token: tokens.dispatcher })).status).toBe(403);
    const before = (await t.request('GET', '/api/settings/classifier', { token: tokens.admin })).body;
    expect((await t.request('PUT', '/api/settings/classifier', { token: tokens.dispatcher, body: { minConfidence: 0, autoDispatch: true } })).status).toBe(403);
    expect((await t.request('GET', '/api/settings/classifier', { token: tokens.admin })).body).toEqual(before);
    expect((await t.request('GET', '/api/dispatch/model', { token: tokens.dispatcher })).status).toBe(403);
    expect((await t.request('GET', '/api/dispatch/model', { token: null })).status).toBe(401);
    expect((await t.request('GET', '/api/dispatch/model', { token: tokens.admin })).body.serving).toMatchObject({ version: 0, kind: 'keywords' });
    expect((await t.request('PUT', '/api/settings/classifier', { token: tokens.admin, body: { minConfidence: 1.5, autoDispatch: true } })).status).toBe(400);
    const put = await t.request('PUT', '/api/settings/classifier', { token: tokens.admin, body: { minConfidence: 0.8, autoDispatch: false } });
    expect(put.body).toEqual({ minConfidence: 0.8, autoDispatch: false });
    expect((await t.request('GET', '/api/settings/classifier', { token: tokens.admin })).body).toEqual({ minConfidence: 0.8, autoDispatch: false });
    const trail = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.subjectId, 'dispatch.classifier'), eq(auditEntries.action, 'settings_changed')));
    expect(trail.at(-1)?.changes).toEqual({ minConfidence: { before: 0.5, after: 0.8 }, autoDispatch: { before: true, after: false } });
  });
});

describe('urgent reports', () => {
  it('go on the urgent clock and reach the dispatchers as case.urgent at the next delivery', async () => {
    const c = await report(t, tokens.resident!, { description: '楼道里一股很重的煤气味，好像燃气泄漏了，大家都不敢开灯', location: here });
    expect(c.urgency).toBe('urgent');
    const stored = await storedCase(t, c.id);
    const [policy] = await t.deps.db.select().from(slaPolicies).where(eq(slaPolicies.id, stored.slaPolicyId!));
    expect(policy?.urgency).toBe('urgent');
    const [notice] = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, `received:${c.id}`));
    expect(notice?.topic).toBe('case.urgent');
    expect(notice?.recipientRoles).toEqual(['dispatcher']);
    await deliverOutbox(t.deps, [inAppDriver]);
    const [dispatcher] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'dispatcher'));
    const inbox = await t.deps.db.select().from(messages).where(and(eq(messages.userId, dispatcher!.id), eq(messages.caseId, c.id)));
    expect(inbox.map((m) => m.title)).toEqual([expect.stringMatching(/^【紧急】新工单/)]);
  });

  it('the report form can ask whether a text reads as urgent', async () => {
    const urgent = await t.request('GET', `/api/dispatch/urgency?text=${encodeURIComponent('电梯卡住了，有人被困在里面')}`, { token: tokens.resident });
    expect(urgent.status).toBe(200);
    expect(urgent.body.urgent).toBe(true);
    expect(urgent.body.reasons).toContain('人员被困');
    const calm = await t.request('GET', `/api/dispatch/urgency?text=${encodeURIComponent('小区的路灯不亮')}`, { token: tokens.resident });
    expect(calm.body).toMatchObject({ urgent: false, score: 0 });
    expect((await t.request('GET', '/api/dispatch/urgency?text=x', { token: null })).status).toBe(401);
  });
});

describe('dispatching a predicted case', () => {
  it('a dispatcher can still override the predicted category, which becomes the case’s category', async () => {
    const c = await report(t, tokens.gridworker!, { description: '路边的路灯杆被车撞歪了，随时会倒', location: here });
    await dispatchAs(t, tokens.dispatcher!, c.id, await unitIdOf(t, '住建局'), 'A0101');
    expect(await codeOf((await storedCase(t, c.id)).categoryId)).toBe('A0101');
  });
});
