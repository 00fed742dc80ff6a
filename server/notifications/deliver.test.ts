import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, outbox } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { enqueueNotices } from '../cases/notify.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { deliverOutbox } from './deliver.js';
import { inAppDriver, type NotificationDriver } from './drivers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('outbox delivery', () => {
  it('expands a unit addressee to its people with those roles, once, even when delivery runs again', async () => {
    const [dept] = await t.deps.db.select({ id: units.id }).from(units).where(eq(units.name, '城管局'));
    const handlers = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.unitId, dept!.id));
    await enqueueNotices(t.deps.db, t.deps.clock.now(), [{ to: { unitId: dept!.id, roles: ['handler'] }, topic: 'test', title: '测试通知', body: '内容', key: 'test:unit' }]);
    await enqueueNotices(t.deps.db, t.deps.clock.now(), [{ to: { unitId: dept!.id, roles: ['handler'] }, topic: 'test', title: '测试通知', body: '内容', key: 'test:unit' }]);
    expect(await deliverOutbox(t.deps, [inAppDriver])).toEqual({ delivered: 1, failed: 0 });
    expect(await deliverOutbox(t.deps, [inAppDriver])).toEqual({ delivered: 0, failed: 0 });
    const got = await t.deps.db.select().from(messages).where(eq(messages.title, '测试通知'));
    expect(got.map((m) => m.userId).sort()).toEqual(handlers.map((h) => h.id).sort());
    const res = await t.request('GET', '/api/messages', { token: await t.login('handler') });
    const [me] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'handler'));
    const unread = await t.deps.db.select().from(messages).where(and(eq(messages.userId, me!.id), isNull(messages.readAt)));
    expect(unread.map((m) => m.title)).toContain('测试通知');
    expect(res.body.unread).toBe(unread.length);
    expect(res.body.items.some((m: { title: string }) => m.title === '测试通知')).toBe(true);
  });

  it('retries a failing driver with backoff and keeps the error', async () => {
    const [admin] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    let calls = 0;
    const flaky: NotificationDriver = {
      channel: 'sms',
      async send() {
        calls++;
        if (calls === 1) throw new Error('gateway timeout');
      },
    };
    await enqueueNotices(t.deps.db, t.deps.clock.now(), [{ to: { userId: admin!.id }, topic: 'test', title: '短信', body: 'x', key: 'test:sms', channel: 'sms' }]);
    expect(await deliverOutbox(t.deps, [flaky])).toEqual({ delivered: 0, failed: 1 });
    let [row] = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, 'test:sms'));
    expect(row!.lastError).toBe('gateway timeout');
    expect(row!.nextAttemptAt.getTime() - t.deps.clock.now().getTime()).toBe(10_000);
    expect(await deliverOutbox(t.deps, [flaky])).toEqual({ delivered: 0, failed: 0 }); // not yet due
    t.deps.clock.advance(10_000);
    expect(await deliverOutbox(t.deps, [flaky])).toEqual({ delivered: 1, failed: 0 });
    [row] = await t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, 'test:sms'));
    expect(row!.attempts).toBe(2);
    expect(row!.deliveredAt).not.toBeNull();
  });
});

describe('messages', () => {
  it('are marked read by their own addressee only', async () => {
    const [me] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'handler'));
    await enqueueNotices(t.deps.db, t.deps.clock.now(), [{ to: { userId: me!.id }, topic: 'test', title: '只给承办人', body: 'x', key: 'test:read' }]);
    await deliverOutbox(t.deps, [inAppDriver]);
    const handler = await t.login('handler');
    const mine = (await t.request('GET', '/api/messages?unread=true', { token: handler })).body;
    const message = mine.items.find((m: { title: string }) => m.title === '只给承办人');
    expect(message.readAt).toBeNull();
    const url = `/api/messages/${message.id}/read`;
    expect((await t.request('POST', url, { token: await t.login('dispatcher') })).status).toBe(404);
    expect((await t.request('POST', url, { token: null })).status).toBe(401);
    const [still] = await t.deps.db.select().from(messages).where(eq(messages.id, message.id));
    expect(still!.readAt).toBeNull();
    expect((await t.request('POST', url, { token: handler })).status).toBe(204);
    const after = (await t.request('GET', '/api/messages?unread=true', { token: handler })).body;
    expect(after.unread).toBe(mine.unread - 1);
    expect(after.items.map((m: { id: string }) => m.id)).not.toContain(message.id);
  });
});
