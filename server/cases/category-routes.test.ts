import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { JICENG_PUBLIC_READ_PER_MINUTE: '4' } });
});
afterAll(() => t.close());

type Item = { id: string; parentId: string | null; level: number; code: string; name: string };

describe('GET /api/categories', () => {
  it('gives signed-out callers the three-level taxonomy, each child under a parent one level up', async () => {
    const res = await t.request<{ items: Item[] }>('GET', '/api/categories', { token: null });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((c) => [c.id, c]));
    const lamp = res.body.items.find((c) => c.code === 'A0301');
    expect(lamp?.name).toBe('路灯不亮');
    expect(lamp?.level).toBe(3);
    const parent = byId.get(lamp!.parentId!);
    expect(parent?.code).toBe('A03');
    expect(byId.get(parent!.parentId!)?.code).toBe('A');
    for (const c of res.body.items) {
      if (c.parentId === null) expect(c.level).toBe(1);
      else expect(byId.get(c.parentId)?.level).toBe(c.level - 1);
    }
  });

  it('gives a signed-in resident the same list', async () => {
    const anonymous = await t.request<{ items: Item[] }>('GET', '/api/categories', { token: null });
    const res = await t.request<{ items: Item[] }>('GET', '/api/categories', { token: await t.login('resident') });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.code)).toEqual(anonymous.body.items.map((c) => c.code));
  });
});

describe('signed-out reads', () => {
  it('are limited per address (the taxonomy and the latest checkpoint alike), signed-in callers are not', async () => {
    const get = (url: string, remoteAddress: string, token?: string) =>
      t.app.inject({ method: 'GET', url, remoteAddress, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/api/categories', '10.7.0.1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await get('/api/categories', '10.7.0.2')).statusCode).toBe(200);
    const token = await t.login('resident');
    for (let i = 0; i < 5; i++) expect((await get('/api/categories', '10.7.0.3', token)).statusCode).toBe(200);

    const checkpoint: number[] = [];
    for (let i = 0; i < 5; i++) checkpoint.push((await get('/api/audit/checkpoints/latest', '10.7.0.4')).statusCode);
    expect(checkpoint.slice(4)).toEqual([429]);
    expect(checkpoint.slice(0, 4)).not.toContain(429);
  });
});
