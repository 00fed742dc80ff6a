import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const byName = async (name: string) => (await t.deps.db.select().from(units).where(eq(units.name, name)))[0]!;

describe('managing the organisation tree', () => {
  it('adds, renames and moves a unit, keeping its history', async () => {
    const township = await byName('柳河镇');
    const created = await t.request('POST', '/api/org/units', { token: admin, body: { parentId: township.id, kind: 'office', name: '便民服务中心' } });
    expect(created.status).toBe(201);
    const id = created.body.unit.id;
    const renamed = await t.request('PATCH', `/api/org/units/${id}`, { token: admin, body: { name: '党群便民服务中心' } });
    expect(renamed.body.unit.name).toBe('党群便民服务中心');
    const other = await byName('石桥镇');
    const moved = await t.request('PATCH', `/api/org/units/${id}`, { token: admin, body: { parentId: other.id } });
    expect(moved.status).toBe(200);
    const [row] = await t.deps.db.select().from(units).where(eq(units.id, id));
    expect(row!.path).toBe(`${other.path}${id}/`);
    const history = await t.request('GET', `/api/org/units/${id}/history`, { token: admin });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['unit_created', 'unit_updated', 'unit_updated']);
    expect(history.body.items[1].changes.name).toEqual({ before: '便民服务中心', after: '党群便民服务中心' });
    const [me] = await t.deps.db.select().from(users).where(eq(users.username, 'admin'));
    expect(history.body.items.map((h: { actor: { id: string; displayName: string } }) => h.actor)).toEqual(Array(3).fill({ id: me!.id, displayName: me!.displayName }));
  });

  it('moves a whole subtree: the village and its grids follow', async () => {
    const village = (await t.deps.db.select().from(units).where(eq(units.kind, 'village')))[0]!;
    const target = (await t.deps.db.select().from(units).where(eq(units.kind, 'township'))).find((u) => !village.path.startsWith(u.path))!;
    expect((await t.request('PATCH', `/api/org/units/${village.id}`, { token: admin, body: { parentId: target.id } })).status).toBe(200);
    const children = await t.deps.db.select().from(units).where(eq(units.parentId, village.id));
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) expect(c.path.startsWith(`${target.path}${village.id}/`)).toBe(true);
  });

  it('refuses a tree that makes no sense, naming why', async () => {
    const county = (await t.deps.db.select().from(units).where(eq(units.kind, 'county')))[0]!;
    const village = (await t.deps.db.select().from(units).where(eq(units.kind, 'village')))[0]!;
    const grid = (await t.deps.db.select().from(units).where(eq(units.parentId, village.id)))[0]!;
    const r1 = await t.request('POST', '/api/org/units', { token: admin, body: { parentId: county.id, kind: 'grid', name: '错位网格' } });
    expect(r1.status).toBe(400);
    expect(r1.body.error.details.field).toBe('kind');
    const r2 = await t.request('PATCH', `/api/org/units/${village.id}`, { token: admin, body: { parentId: grid.id } });
    expect(r2.status).toBe(400);
    const r3 = await t.request('POST', '/api/org/units', { token: await t.login('leader'), body: { parentId: county.id, kind: 'department', name: '新部门' } });
    expect(r3.status).toBe(403);
  });

  it('redraws a grid only with a valid polygon, and the locator follows the new boundary', async () => {
    const [g] = await t.deps.db.select().from(grids).limit(1);
    const bowtie = { type: 'Polygon', coordinates: [[[115.6, 37.0], [115.61, 37.01], [115.61, 37.0], [115.6, 37.01], [115.6, 37.0]]] };
    const bad = await t.request('PATCH', `/api/org/grids/${g!.unitId}`, { token: admin, body: { boundary: bowtie } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('boundary');
    const [unchanged] = await t.deps.db.select().from(grids).where(eq(grids.unitId, g!.unitId));
    expect(unchanged!.boundary).toEqual(g!.boundary);

    const inside = await t.request('GET', `/api/org/locate?lng=${g!.centroidLng}&lat=${g!.centroidLat}`, { token: admin });
    expect(inside.body.grid.id).toBe(g!.unitId);
    const outside = await t.request('GET', '/api/org/locate?lng=116.0&lat=37.5', { token: admin });
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('invalid_location');
  });
});
