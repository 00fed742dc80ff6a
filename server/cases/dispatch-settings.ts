import { inArray } from 'drizzle-orm';
import { settings } from '../db/schema/org.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';

export const DISPATCH_SETTINGS_KEY = 'dispatch.auto';
export const DISPATCH_NOTICES_KEY = 'dispatch.notices';

/** The dispatch centre's settings an administrator keeps. */
export interface DispatchSettings {
  /** Whether rules marked for automatic dispatch may send cases without a dispatcher. */
  autoDispatch: boolean;
  /**
   * Whether every new case is announced to the dispatchers' message bell. Off by default: the dispatchers' queue
   * shows new cases as they arrive, and a message for each would bury the few that need attention — an urgent
   * case is always announced, whatever this says.
   */
  notifyEveryNewCase: boolean;
}

/** Whether a stored 'dispatch.auto' value allows automatic dispatch (anything but `{enabled: true}` does not). */
export function autoDispatchFrom(value: unknown): boolean {
  return (value as { enabled?: boolean } | undefined)?.enabled === true;
}

/** Whether a stored 'dispatch.notices' value asks for a message on every new case (anything but `{everyNewCase: true}` does not). */
export function notifyEveryNewCaseFrom(value: unknown): boolean {
  return (value as { everyNewCase?: boolean } | undefined)?.everyNewCase === true;
}

/** The dispatch settings as stored. */
export async function getDispatchSettings(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<DispatchSettings> {
  authorize(ctx.actor, 'case.configure');
  const rows = await ctx.db.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, [DISPATCH_SETTINGS_KEY, DISPATCH_NOTICES_KEY]));
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return { autoDispatch: autoDispatchFrom(value(DISPATCH_SETTINGS_KEY)), notifyEveryNewCase: notifyEveryNewCaseFrom(value(DISPATCH_NOTICES_KEY)) };
}

/** An administrator changes one or both dispatch settings; each change is on the trail. */
export async function setDispatchSettings(ctx: Ctx, input: Partial<DispatchSettings>): Promise<DispatchSettings> {
  if (input.autoDispatch === undefined && input.notifyEveryNewCase === undefined) {
    throw new AppError('validation_failed', '请至少给出一项设置 (give autoDispatch or notifyEveryNewCase)', { field: 'autoDispatch' });
  }
  const before = await getDispatchSettings(ctx);
  const after: DispatchSettings = { ...before, ...input };
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const put = async (key: string, value: Record<string, boolean>) => {
      await tx.insert(settings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
    };
    if (input.autoDispatch !== undefined) {
      await put(DISPATCH_SETTINGS_KEY, { enabled: after.autoDispatch });
      await audit({ ...ctx, db: tx }, { action: 'settings_changed', subjectType: 'settings', subjectId: DISPATCH_SETTINGS_KEY, changes: { autoDispatch: { before: before.autoDispatch, after: after.autoDispatch } } });
    }
    if (input.notifyEveryNewCase !== undefined) {
      await put(DISPATCH_NOTICES_KEY, { everyNewCase: after.notifyEveryNewCase });
      await audit({ ...ctx, db: tx }, { action: 'settings_changed', subjectType: 'settings', subjectId: DISPATCH_NOTICES_KEY, changes: { notifyEveryNewCase: { before: before.notifyEveryNewCase, after: after.notifyEveryNewCase } } });
    }
  });
  return after;
}
