import { randomUUID } from 'node:crypto';
import type { Role } from '../../common/roles.js';
import { grids, settings, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { auditMany } from '../platform/audit.js';
import { systemActor } from '../platform/actor.js';
import type { Deps } from '../platform/context.js';
import { hashPassword } from '../platform/password.js';
import { buildDemoCounty } from './demo-county.js';
import { gridGeometry } from './grid-geometry.js';
import { seedDispatchRules, seedTaxonomyAndPolicies } from '../cases/seed-case-config.js';

/** The demo password of every demo account; printed at start-up and in the README. Demo mode only. */
export const DEMO_PASSWORD = 'demo123456';

/** The sign-in names of the demo accounts, one per role, and how to pick the person behind each. */
const demoAccounts: { username: string; role: Role; pick: (p: { role: Role; unitCode: string }, unitName: string) => boolean }[] = [
  { username: 'admin', role: 'admin', pick: (p) => p.role === 'admin' },
  { username: 'dispatcher', role: 'dispatcher', pick: (p) => p.role === 'dispatcher' },
  { username: 'supervisor', role: 'supervisor', pick: (p) => p.role === 'supervisor' },
  { username: 'leader', role: 'leader', pick: (p) => p.role === 'leader' },
  { username: 'gridworker', role: 'grid_worker', pick: (p) => p.role === 'grid_worker' },
  { username: 'cadre', role: 'cadre', pick: (p) => p.role === 'cadre' },
  { username: 'handler', role: 'handler', pick: (p, unitName) => p.role === 'handler' && unitName.includes('城管') },
  { username: 'township', role: 'township_staff', pick: (p) => p.role === 'township_staff' },
  { username: 'resident', role: 'resident', pick: (p) => p.role === 'resident' },
];

/** Loads the fictional county 青禾县 — its tree, grids, offices and people — in one transaction. */
export async function seedDemoCounty(deps: Pick<Deps, 'db' | 'clock' | 'box'>): Promise<{ accounts: string[] }> {
  const county = buildDemoCounty();
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const byCode = new Map<string, { id: string; path: string; depth: number; name: string }>();
  const allUnits = [county.county, ...county.townships, ...county.departments, ...county.offices, ...county.villages, ...county.grids];
  const unitRows = allUnits.map((u) => {
    const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
    if (u.parentCode && !parent) throw new Error(`demo county: ${u.code} names unknown parent ${u.parentCode}`);
    const id = randomUUID();
    const node = { id, path: `${parent?.path ?? '/'}${id}/`, depth: (parent?.depth ?? -1) + 1, name: u.name };
    byCode.set(u.code, node);
    return { id, parentId: parent?.id ?? null, kind: u.kind, name: u.name, code: u.code, path: node.path, depth: node.depth, createdAt: now, updatedAt: now };
  });

  // Residents are not staff of the county; a few demo residents live in the first villages.
  const residents = ['刘秀兰', '赵建国', '孙丽娟'].map((displayName, i) => ({
    key: `resident-${i + 1}`,
    displayName,
    role: 'resident' as const,
    unitCode: county.villages[i]!.code,
    phone: `1390000${String(i + 1).padStart(4, '0')}`,
  }));
  const taken = new Set<string>();
  const userRows = [...county.people, ...residents].map((p) => {
    const unit = byCode.get(p.unitCode);
    if (!unit) throw new Error(`demo county: person ${p.key} names unknown unit ${p.unitCode}`);
    const account = demoAccounts.find((a) => a.role === p.role && !taken.has(a.username) && a.pick(p, unit.name));
    if (account) taken.add(account.username);
    return {
      id: randomUUID(),
      username: account?.username ?? p.key,
      displayName: p.displayName,
      role: p.role,
      unitId: unit.id,
      passwordHash,
      phoneCipher: p.phone ? deps.box.seal(p.phone) : null,
      phoneIndex: p.phone ? deps.box.index(p.phone) : null,
      createdAt: now,
      updatedAt: now,
    };
  });
  const missing = demoAccounts.filter((a) => !taken.has(a.username)).map((a) => a.username);
  if (missing.length) throw new Error(`demo county: no person for demo accounts ${missing.join(', ')}`);

  const workerOf = new Map(userRows.filter((u) => u.role === 'grid_worker').map((u) => [u.unitId, u.id]));
  const gridRows = county.grids.map((g) => {
    const id = byCode.get(g.code)!.id;
    return { unitId: id, ...gridGeometry(g.boundary), gridWorkerId: workerOf.get(id) ?? null, updatedAt: now };
  });

  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < unitRows.length; i += 500) await tx.insert(units).values(unitRows.slice(i, i + 500));
    await tx.insert(grids).values(gridRows);
    await tx.insert(users).values(userRows);
    await seedDispatchRules(tx, await seedTaxonomyAndPolicies(tx));
    await tx.insert(settings).values({ key: 'demo', value: { seededAt: now.toISOString(), county: county.county.name } });
    await auditMany({ db: tx, clock: deps.clock, actor: systemActor }, [
      ...unitRows.map((u) => ({ action: 'unit_created', subjectType: 'unit', subjectId: u.id, unitId: u.id, changes: { name: { before: null, after: u.name } }, reason: '演示数据 demo data' })),
      ...userRows.map((u) => ({ action: 'user_created', subjectType: 'user', subjectId: u.id, unitId: u.unitId, changes: { username: { before: null, after: u.username } }, reason: '演示数据 demo data' })),
    ]);
  });
  return { accounts: demoAccounts.map((a) => a.username) };
}
