/**
 * Storing classifier versions. Versions are numbered 1, 2, … under a transaction lock, so two instances training at
 * once cannot take the same number; at most one version is active. A trained model takes megabytes (a weight per
 * feature bucket and label), so only the newest KEEP_INACTIVE inactive versions are kept beside the active one.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { classifierModels } from '../db/schema/dispatch.js';
import type { ModelVersionInfo } from '../../common/model-versions.js';
import type { Classifier } from './text/classifier.js';

export const KEEP_INACTIVE = 5;

/** A stored version without its (large) model. */
export type VersionInfo = ModelVersionInfo;

/** Stores a trained classifier as the next version, active or not; returns its number. */
export async function storeVersion(
  db: Db,
  input: { classifier: Classifier; trainedOn: number; metrics: Record<string, number>; activate: boolean; now: Date },
): Promise<number> {
  const model = input.classifier.toJSON();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jiceng.classifier_models'))`);
    const [last] = await tx.select({ version: classifierModels.version }).from(classifierModels).orderBy(desc(classifierModels.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    if (input.activate) await tx.update(classifierModels).set({ active: false }).where(eq(classifierModels.active, true));
    await tx.insert(classifierModels).values({
      version, kind: input.classifier.kind === 'keywords' ? 'keywords' : 'linear', createdAt: input.now,
      trainedOn: input.trainedOn, metrics: input.metrics, model, active: input.activate,
    });
    const stale = await tx
      .select({ version: classifierModels.version })
      .from(classifierModels)
      .where(eq(classifierModels.active, false))
      .orderBy(desc(classifierModels.version))
      .offset(KEEP_INACTIVE);
    if (stale.length) {
      await tx.delete(classifierModels).where(and(eq(classifierModels.active, false), inArray(classifierModels.version, stale.map((s) => s.version))));
    }
    return version;
  });
}

/** The stored versions, newest first, without their models. */
export async function listVersions(db: Db): Promise<VersionInfo[]> {
  const rows = await db
    .select({
      version: classifierModels.version, kind: classifierModels.kind, createdAt: classifierModels.createdAt,
      trainedOn: classifierModels.trainedOn, metrics: classifierModels.metrics, active: classifierModels.active,
    })
    .from(classifierModels)
    .orderBy(desc(classifierModels.version));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
