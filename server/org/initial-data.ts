import { randomUUID } from 'node:crypto';
import { count, inArray } from 'drizzle-orm';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { audit } from '../platform/audit.js';
import { systemActor } from '../platform/actor.js';
import type { Deps } from '../platform/context.js';
import { hashPassword } from '../platform/password.js';
import { DEMO_PASSWORD, seedDemoCounty } from './seed-demo.js';
import { seedTaxonomyAndPolicies } from '../cases/seed-case-config.js';

/**
 * Makes an empty database usable: in demo mode it loads the demo county; in production it creates the county root and
 * one administrator from JICENG_ADMIN_USERNAME / JICENG_ADMIN_PASSWORD. A database with units is left alone.
 */
export async function ensureInitialData(deps: Deps): Promise<{ demoAccounts?: string[]; demoPassword?: string; seededNow?: boolean }> {
  const [row] = await deps.db.select({ n: count() }).from(units);
  if ((row?.n ?? 0) > 0) {
    return deps.config.demo ? { demoAccounts: await existingDemoAccounts(deps), demoPassword: DEMO_PASSWORD } : {};
  }
  if (deps.config.demo) {
    const { accounts } = await seedDemoCounty(deps);
    return { demoAccounts: accounts, demoPassword: DEMO_PASSWORD, seededNow: true };
  }
  const { JICENG_ADMIN_USERNAME: username, JICENG_ADMIN_PASSWORD: password } = deps.config;
  if (!username || !password) return {};
  const now = deps.clock.now();
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(units).values({ id, parentId: null, kind: 'county', name: '本县', code: 'county', path: `/${id}/`, depth: 0, createdAt: now, updatedAt: now });
    await seedTaxonomyAndPolicies(tx);
    const [admin] = await tx.insert(users).values({ username, displayName: '系统管理员', role: 'admin', unitId: id, passwordHash, createdAt: now, updatedAt: now }).returning();
    await audit({ db: tx, clock: deps.clock, actor: systemActor }, { action: 'bootstrapped', subjectType: 'user', subjectId: admin!.id, unitId: id, reason: 'first start' });
  });
  return {};
}

async function existingDemoAccounts(deps: Deps): Promise<string[] | undefined> {
  const names = ['admin', 'dispatcher', 'supervisor', 'leader', 'gridworker', 'cadre', 'handler', 'township', 'resident'];
  const rows = await deps.db.select({ username: users.username }).from(users).where(inArray(users.username, names));
  const have = new Set(rows.map((r) => r.username));
  const present = names.filter((n) => have.has(n));
  return present.length ? present : undefined;
}
