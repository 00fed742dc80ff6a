/**
 * The administrator's settings of smart dispatch (settings key 'dispatch.classifier'): the confidence at which a
 * predicted category is used for a report that came without one, and whether such a case may then be dispatched
 * by the category → unit rules without a person.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema/org.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';

export const CLASSIFIER_SETTINGS_KEY = 'dispatch.classifier';

export const classifierSettingsSchema = z.object({
  minConfidence: z.number().min(0).max(1),
  autoDispatch: z.boolean(),
});

export type ClassifierSettings = z.infer<typeof classifierSettingsSchema>;

/** Until an admin decides: use a prediction only when the model is fairly sure, and let a person dispatch it. */
export const defaultClassifierSettings: ClassifierSettings = { minConfidence: 0.7, autoDispatch: false };

/** The settings a stored value means: defaults for missing or malformed fields. */
export function classifierSettingsFrom(value: unknown): ClassifierSettings {
  const parsed = classifierSettingsSchema.partial().safeParse(value ?? {});
  return { ...defaultClassifierSettings, ...(parsed.success ? parsed.data : {}) };
}

/** The settings in force; no permission check. */
export async function readClassifierSettings(db: Db): Promise<ClassifierSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, CLASSIFIER_SETTINGS_KEY));
  return classifierSettingsFrom(row?.value);
}

/** The settings, for the admin's settings page. */
export async function getClassifierSettings(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<ClassifierSettings> {
  authorize(ctx.actor, 'case.configure');
  return readClassifierSettings(ctx.db);
}

/** An administrator changes the threshold or automatic dispatch of predicted categories; the change is on the trail. */
export async function setClassifierSettings(ctx: Ctx, input: ClassifierSettings): Promise<ClassifierSettings> {
  const before = await getClassifierSettings(ctx);
  const value = { minConfidence: input.minConfidence, autoDispatch: input.autoDispatch };
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx
      .insert(settings)
      .values({ key: CLASSIFIER_SETTINGS_KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
    await audit({ ...ctx, db: tx }, {
      action: 'settings_changed', subjectType: 'settings', subjectId: CLASSIFIER_SETTINGS_KEY,
      changes: {
        minConfidence: { before: before.minConfidence, after: value.minConfidence },
        autoDispatch: { before: before.autoDispatch, after: value.autoDispatch },
      },
    });
  });
  return value;
}
