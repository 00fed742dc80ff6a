import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { JICENG_LOGIN_RATE_PER_MINUTE: '12' } });
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.9.0.${username.length}` });

describe('sign-in', () => {
  it('returns a token and the user, and sets an httpOnly SameSite session cookie that works on its own', async () => {
    const res = await login('leader', 'demo123456');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'leader', role: 'leader', unitName: '青禾县' });
    const cookie = res.cookies.find((c) => c.name === 'jiceng_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', value: body.token });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { jiceng_session: cookie.value } });
    expect(me.json().user).toMatchObject({ username: 'leader', role: 'leader' });
    const bearer = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(bearer.statusCode).toBe(200);
  });

  it('gives one answer for a wrong password and an unknown user', async () => {
    const wrong = await login('cadre', 'nope-nope');
    const unknown = await login('nobody', 'nope-nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('supervisor', `wrong-${i}`)).statusCode).toBe(401);
    const locked = await login('supervisor', 'demo123456');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    t.deps.clock.advance(16 * 60_000);
    expect((await login('supervisor', 'demo123456')).statusCode).toBe(200);
  });

  it('limits sign-in attempts per address', async () => {
    const from = (i: number) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `x${i}`, password: 'whatever1' }, remoteAddress: '10.1.2.3' });
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await from(i)).statusCode);
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(12)).toEqual([429, 429]);
  });

  it('ends the session on logout and refuses disabled users', async () => {
    const token = (await login('dispatcher', 'demo123456')).json().token;
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    await t.deps.db.update(users).set({ active: false }).where(eq(users.username, 'resident'));
    expect((await login('resident', 'demo123456')).statusCode).toBe(401);
  });

  it('a remembered session still ends when it expires', async () => {
    const token = (await login('leader', 'demo123456')).json().token;
    const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    t.deps.clock.advance((t.deps.config.JICENG_SESSION_HOURS + 1) * 3600_000);
    expect((await me()).statusCode).toBe(401);
  });

  it('names the fields of a bad request instead of failing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username": 5', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].path).toBe('password');
    // A NUL cannot reach PostgreSQL (it stores none): named, not a 500.
    const nul = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'demo123456' } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details.issues[0].path).toBe('username');
  });
});
