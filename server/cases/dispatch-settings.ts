import { eq } from 'drizzle-orm';
import { settings } from '../db/schema/org.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';

export const DISPATCH_SETTINGS_KEY = 'dispatch.auto';

/** Whether a stored 'dispatch.auto' value allows automatic dispatch (anything but `{enabled: true}` does not). */
export function autoDispatchFrom(value: unknown): boolean {
  return (value as { enabled?: boolean } | undefined)?.enabled === true;
}

/** Whether rules marked for automatic dispatch may send cases without a dispatcher. */
export async function getDispatchSettings(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<{ autoDispatch: boolean }> {
  authorize(ctx.actor, 'case.configure');
  const [row] = await ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, DISPATCH_SETTINGS_KEY));
  return { autoDispatch: autoDispatchFrom(row?.value) };
}

/** An administrator allows or stops automatic dispatch by rule; the change is on the trail. */
export async function setDispatchSettings(ctx: Ctx, input: { autoDispatch: boolean }): Promise<{ autoDispatch: boolean }> {
  const before = await getDispatchSettings(ctx);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx
      .insert(settings)
      .values({ key: DISPATCH_SETTINGS_KEY, value: { enabled: input.autoDispatch }, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: { enabled: input.autoDispatch }, updatedAt: now } });
    await audit({ ...ctx, db: tx }, { action: 'settings_changed', subjectType: 'settings', subjectId: DISPATCH_SETTINGS_KEY, changes: { autoDispatch: { before: before.autoDispatch, after: input.autoDispatch } } });
  });
  return { autoDispatch: input.autoDispatch };
}
