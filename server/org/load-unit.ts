import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema/org.js';
import type { Actor } from '../platform/actor.js';
import { notFoundOrNoAccess } from '../platform/errors.js';
import { pathAllowed, type Reach } from '../platform/policies.js';

/** Loads one unit the actor may reach; "not found or no access" otherwise, so nobody learns what exists. */
export async function loadUnitInReach(db: Db, actor: Actor, reach: Reach, id: string): Promise<typeof units.$inferSelect> {
  const [unit] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  if (!unit || !pathAllowed(actor, reach, unit.path)) throw notFoundOrNoAccess('组织单元');
  return unit;
}
