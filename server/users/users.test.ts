import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('user management', () => {
  it('creates a user whose phone is encrypted at rest and masked when shown', async () => {
    const [unit] = await t.deps.db.select().from(units).where(eq(units.name, '城管局'));
    const res = await t.request('POST', '/api/users', { token: admin, body: { username: 'zhangwei', displayName: '张伟', role: 'handler', unitId: unit!.id, password: 'secret-pass-1', phone: '13912345678' } });
    expect(res.status).toBe(201);
    expect(res.body.user.phoneMasked).toBe('139****5678');
    const [row] = await t.deps.db.select().from(users).where(eq(users.username, 'zhangwei'));
    expect(row!.phoneCipher).not.toContain('13912345678');
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    const me = await t.request('GET', '/api/me', { token: await t.login('zhangwei', 'secret-pass-1') });
    expect(me.body.user).toMatchObject({ username: 'zhangwei', displayName: '张伟', role: 'handler' });
  });

  it('refuses duplicates and bad fields by name', async () => {
    const [unit] = await t.deps.db.select().from(units).where(eq(units.name, '城管局'));
    const dup = await t.request('POST', '/api/users', { token: admin, body: { username: 'handler', displayName: '重复', role: 'handler', unitId: unit!.id, password: 'secret-pass-1' } });
    expect(dup.status).toBe(409);
    const bad = await t.request('POST', '/api/users', { token: admin, body: { username: 'a', displayName: '', role: 'boss', unitId: 'x', password: '1' } });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'role', 'unitId', 'password']));
  });

  it('disabling a user ends their sessions at once, though signed-in callers are remembered for a few seconds', async () => {
    const token = await t.login('cadre');
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200); // now remembered by the session cache
    const [u] = await t.deps.db.select().from(users).where(eq(users.username, 'cadre'));
    expect((await t.request('PATCH', `/api/users/${u!.id}`, { token: admin, body: { active: false } })).status).toBe(200);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
  });

  it('pages and filters, and an admin cannot disable themselves', async () => {
    const page = await t.request('GET', '/api/users?role=grid_worker&pageSize=10&page=2', { token: admin });
    expect(page.body.items).toHaveLength(10);
    expect(page.body.total).toBe(120);
    expect(page.body.items.every((u: { role: string }) => u.role === 'grid_worker')).toBe(true);
    const nul = await t.request('GET', '/api/users?q=%E5%BC%A0%00', { token: admin });
    expect(nul.status).toBe(400);
    expect(nul.body.error.details.issues[0].path).toBe('q');
    const [me] = await t.deps.db.select().from(users).where(eq(users.username, 'admin'));
    expect((await t.request('PATCH', `/api/users/${me!.id}`, { token: admin, body: { active: false } })).status).toBe(409);
  });
});
