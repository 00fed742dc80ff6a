import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
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
