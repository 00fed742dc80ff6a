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

/** Where each setting is kept: its settings key, how its stored value reads, and the value that stores `on`. */
const stored: Record<keyof DispatchSettings, { key: string; read: (value: unknown) => boolean; write: (on: boolean) => Record<string, boolean> }> = {
  autoDispatch: { key: DISPATCH_SETTINGS_KEY, read: autoDispatchFrom, write: (on) => ({ enabled: on }) },
  notifyEveryNewCase: { key: DISPATCH_NOTICES_KEY, read: notifyEveryNewCaseFrom, write: (on) => ({ everyNewCase: on }) },
};
const names = Object.keys(stored) as (keyof DispatchSettings)[];

/** The dispatch settings as stored. */
export async function getDispatchSettings(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<DispatchSettings> {
  authorize(ctx.actor, 'case.configure');
  const rows = await ctx.db.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, names.map((n) => stored[n].key)));
  const read = (n: keyof DispatchSettings) => stored[n].read(rows.find((r) => r.key === stored[n].key)?.value);
  return { autoDispatch: read('autoDispatch'), notifyEveryNewCase: read('notifyEveryNewCase') };
}

/** An administrator changes one or both dispatch settings; each change is on the trail. */
export async function setDispatchSettings(ctx: Ctx, input: Partial<DispatchSettings>): Promise<DispatchSettings> {
  const given = names.filter((n) => input[n] !== undefined);
  if (!given.length) throw new AppError('validation_failed', '请至少给出一项设置 (give autoDispatch or notifyEveryNewCase)', { field: 'autoDispatch' });
  const before = await getDispatchSettings(ctx);
  const after: DispatchSettings = { ...before, ...input };
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    for (const n of given) {
      const { key, write } = stored[n];
      const value = write(after[n]);
      await tx.insert(settings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
      await audit({ ...ctx, db: tx }, { action: 'settings_changed', subjectType: 'settings', subjectId: key, changes: { [n]: { before: before[n], after: after[n] } } });
    }
  });
  return after;
}
