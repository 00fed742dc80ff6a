import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../common/roles.js';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

type UnitRow = typeof units.$inferSelect;

// Each demo account against its own unit, a sibling (same parent and kind) and the parent unit.
// county-wide roles see all three; scoped roles see only their own subtree; residents see no unit data.
const expectations: { username: string; role: Role; own: number; sibling: number; parent: number }[] = [
  { username: 'admin', role: 'admin', own: 200, sibling: 200, parent: 200 },
  { username: 'leader', role: 'leader', own: 200, sibling: 200, parent: 200 },
  { username: 'supervisor', role: 'supervisor', own: 200, sibling: 200, parent: 200 },
  { username: 'dispatcher', role: 'dispatcher', own: 200, sibling: 200, parent: 200 },
  { username: 'township', role: 'township_staff', own: 200, sibling: 404, parent: 404 },
  { username: 'cadre', role: 'cadre', own: 200, sibling: 404, parent: 404 },
  { username: 'gridworker', role: 'grid_worker', own: 200, sibling: 404, parent: 404 },
  { username: 'handler', role: 'handler', own: 200, sibling: 404, parent: 404 },
  { username: 'resident', role: 'resident', own: 403, sibling: 403, parent: 403 },
];

let t: TestApp;
let all: UnitRow[];
const unitOf = new Map<string, UnitRow>();

beforeAll(async () => {
  t = await createTestApp();
  all = await t.deps.db.select().from(units);
  for (const e of expectations) {
    const [u] = await t.deps.db.select({ unitId: users.unitId, role: users.role }).from(users).where(eq(users.username, e.username));
    expect(u?.role).toBe(e.role);
    unitOf.set(e.username, all.find((x) => x.id === u!.unitId)!);
  }
});
afterAll(() => t.close());

/** The unit whose subtree a scoped role may see: its anchor (village for a cadre, township for township staff). */
function anchorOf(username: string): UnitRow {
  const own = unitOf.get(username)!;
  const kind = username === 'cadre' ? 'village' : username === 'township' ? 'township' : null;
  if (!kind) return own;
  return all.filter((u) => u.kind === kind && own.path.startsWith(u.path)).sort((a, b) => b.depth - a.depth)[0]!;
}

/** A sibling of the unit; the county has none, so county-wide roles are tried on a township instead. */
function siblingOf(u: UnitRow): UnitRow {
  const s = u.parentId ? all.find((x) => x.parentId === u.parentId && x.kind === u.kind && x.id !== u.id) : all.find((x) => x.kind === 'township');
  if (!s) throw new Error(`no sibling for ${u.name}`);
  return s;
}

describe('unit reads are scoped by role', () => {
  for (const e of expectations) {
    it(`${e.username} (${e.role}): own ${e.own}, sibling ${e.sibling}, parent ${e.parent}`, async () => {
      const token = await t.login(e.username);
      const anchor = anchorOf(e.username);
      const parent = all.find((x) => x.id === anchor.parentId);
      const targets = { own: anchor, sibling: siblingOf(anchor), parent: parent ?? anchor };
      for (const which of ['own', 'sibling', 'parent'] as const) {
        if (which === 'parent' && !parent) continue; // the county has no parent
        const res = await t.request('GET', `/api/org/units/${targets[which].id}`, { token });
        expect(res.status, `${which} ${targets[which].name}`).toBe(e[which]);
        if (res.status === 404) expect(res.body.error.message).toContain('not found or no access');
      }
    });

    it(`${e.username} (${e.role}): the unit list holds exactly the reachable subtree`, async () => {
      const token = await t.login(e.username);
      const res = await t.request('GET', '/api/org/units', { token });
      if (e.own === 403) {
        expect(res.status).toBe(403);
        return;
      }
      expect(res.status).toBe(200);
      const ids = new Set<string>(res.body.items.map((u: { id: string }) => u.id));
      const anchor = anchorOf(e.username);
      const expected = e.sibling === 200 ? all.filter((u) => u.active) : all.filter((u) => u.active && u.path.startsWith(anchor.path));
      expect(ids.size).toBe(expected.length);
      for (const u of expected) expect(ids.has(u.id)).toBe(true);
      expect(ids.has(siblingOf(anchor).id)).toBe(e.sibling === 200);
    });

    it(`${e.username} (${e.role}): grids on the map are scoped the same way`, async () => {
      const token = await t.login(e.username);
      const res = await t.request('GET', '/api/org/grids', { token });
      if (e.own === 403) {
        expect(res.status).toBe(403);
        return;
      }
      const anchor = anchorOf(e.username);
      const countyWide = e.sibling === 200 || e.role === 'handler'; // departments serve the whole county
      const expected = all.filter((u) => u.kind === 'grid' && (countyWide || u.path.startsWith(anchor.path)));
      expect(res.body.features.map((f: { id: string }) => f.id).sort()).toEqual(expected.map((u) => u.id).sort());
    });
  }
});

describe('user management is for administrators', () => {
  it('lists users to admin and refuses everyone else', async () => {
    for (const e of expectations) {
      const res = await t.request('GET', '/api/users', { token: await t.login(e.username) });
      expect(res.status, e.username).toBe(e.role === 'admin' ? 200 : 403);
    }
  });

  it('refuses every change to units, grids and users to everyone else, even inside their own reach', async () => {
    const [grid] = await t.deps.db.select().from(grids).limit(1);
    const before = { units: await t.deps.db.select().from(units), users: await t.deps.db.select().from(users), grid };
    for (const e of expectations.filter((x) => x.role !== 'admin')) {
      const token = await t.login(e.username);
      const own = unitOf.get(e.username)!;
      const [me] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.username, e.username));
      const attempts = [
        await t.request('POST', '/api/org/units', { token, body: { parentId: own.id, kind: 'office', name: '越权单位' } }),
        await t.request('PATCH', `/api/org/units/${own.id}`, { token, body: { name: '越权改名' } }),
        await t.request('PATCH', `/api/org/grids/${grid!.unitId}`, { token, body: { gridWorkerId: null } }),
        await t.request('POST', '/api/users', { token, body: { username: `x-${e.username}`, displayName: '越权', role: 'admin', unitId: own.id, password: 'secret-pass-1' } }),
        await t.request('PATCH', `/api/users/${me!.id}`, { token, body: { role: 'admin' } }),
      ];
      expect(attempts.map((a) => a.status), e.username).toEqual([403, 403, 403, 403, 403]);
    }
    expect(await t.deps.db.select().from(units)).toEqual(before.units);
    expect(await t.deps.db.select().from(users)).toEqual(before.users);
    expect((await t.deps.db.select().from(grids).where(eq(grids.unitId, grid!.unitId)))[0]).toEqual(before.grid);
  });

  it('refuses anonymous callers with 401', async () => {
    expect((await t.request('GET', '/api/org/units')).status).toBe(401);
    expect((await t.request('GET', '/api/users')).status).toBe(401);
  });
});
