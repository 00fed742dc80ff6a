/**
 * Scheduled retraining. Every ten minutes each serving instance asks whether a new version is due: when
 * JICENG_CLASSIFIER_RETRAIN_CASES cases were dispatched since the last training, or JICENG_CLASSIFIER_RETRAIN_HOURS
 * have passed and any were (the first version: once MIN_EXAMPLES cases are dispatched). One instance at a time
 * trains, holding a lease in the settings table (a plain row, so it works on the embedded database too, where a
 * long transaction would block every other query). Training runs in a worker thread when a trainer is given.
 */
import { and, count, desc, gt, gte, isNotNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import { cases } from '../db/schema/cases.js';
import { classifierModels } from '../db/schema/dispatch.js';
import { settings } from '../db/schema/org.js';
import type { Deps } from '../platform/context.js';
import { every, type Repeating } from '../platform/every.js';
import { MIN_EXAMPLES, trainFromCases } from './train.js';
import type { Trainer, TrainingResult } from './train.js';
import { workerTrainer } from './worker-trainer.js';

const LEASE_KEY = 'dispatch.classifier.training';
const LEASE_MS = 2 * 3_600_000;
const CHECK_MS = 10 * 60_000;

type Lease = { leaseUntil?: string; lastAttemptAt?: string; lastOutcome?: string };

/** Since when new dispatches count: the last attempt or the last stored version, whichever is later. */
async function lastTraining(db: Db): Promise<Date | null> {
  const [[model], [lease]] = await Promise.all([
    db.select({ at: classifierModels.createdAt }).from(classifierModels).orderBy(desc(classifierModels.createdAt)).limit(1),
    db.select({ value: settings.value }).from(settings).where(sql`${settings.key} = ${LEASE_KEY}`),
  ]);
  const attempt = (lease?.value as Lease | undefined)?.lastAttemptAt;
  const times = [model?.at?.getTime(), attempt ? Date.parse(attempt) : undefined].filter((t): t is number => Number.isFinite(t));
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Cases dispatched (with a category) since a moment; bounded by the received-at index to the 30 days before it. */
async function dispatchedSince(db: Db, since: Date | null): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(
      isNotNull(cases.categoryId),
      since ? gt(cases.dispatchedAt, since) : isNotNull(cases.dispatchedAt),
      since ? gte(cases.receivedAt, new Date(since.getTime() - 30 * 86_400_000)) : undefined,
    ));
  return row?.n ?? 0;
}

/** Whether a new version is due now, and why. */
export async function retrainingDue(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<{ due: boolean; reason: string }> {
  const since = await lastTraining(deps.db);
  const fresh = await dispatchedSince(deps.db, since);
  const hours = deps.config.JICENG_CLASSIFIER_RETRAIN_HOURS;
  if (!since) return { due: fresh >= MIN_EXAMPLES, reason: `${fresh} dispatched cases, first version needs ${MIN_EXAMPLES}` };
  if (fresh >= deps.config.JICENG_CLASSIFIER_RETRAIN_CASES) return { due: true, reason: `${fresh} cases dispatched since ${since.toISOString()}` };
  const elapsed = (deps.clock.now().getTime() - since.getTime()) / 3_600_000;
  if (hours > 0 && elapsed >= hours && fresh > 0) return { due: true, reason: `${Math.floor(elapsed)} h and ${fresh} new cases since the last training` };
  return { due: false, reason: `${fresh} cases dispatched since ${since.toISOString()}` };
}

/** Takes the training lease unless another instance holds it. */
async function claimLease(db: Db, now: Date): Promise<boolean> {
  const value = { leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() };
  const rows = await db
    .insert(settings)
    .values({ key: LEASE_KEY, value, updatedAt: now })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: sql`${settings.value} || ${JSON.stringify(value)}::jsonb`, updatedAt: now },
      where: sql`coalesce((${settings.value}->>'leaseUntil')::timestamptz, '-infinity') <= ${now.toISOString()}::timestamptz`,
    })
    .returning({ key: settings.key });
  return rows.length > 0;
}

async function releaseLease(db: Db, now: Date, outcome: string): Promise<void> {
  const value: Lease = { leaseUntil: now.toISOString(), lastAttemptAt: now.toISOString(), lastOutcome: outcome };
  await db.update(settings).set({ value, updatedAt: now }).where(sql`${settings.key} = ${LEASE_KEY}`);
}

/** Trains a new version when one is due and no other instance is training; null when nothing was done. */
export async function retrainIfDue(deps: Pick<Deps, 'db' | 'clock' | 'config'>, trainer?: Trainer): Promise<TrainingResult | null> {
  if (!(await retrainingDue(deps)).due) return null;
  if (!(await claimLease(deps.db, deps.clock.now()))) return null;
  try {
    const result = await trainFromCases(deps, trainer ? { trainer } : {});
    await releaseLease(deps.db, deps.clock.now(), `version ${result.version}${result.activated ? ' activated' : ' kept inactive'}`);
    return result;
  } catch (e) {
    await releaseLease(deps.db, deps.clock.now(), `failed: ${(e as Error).message}`);
    throw e;
  }
}

/** The background job of a serving instance: checks every ten minutes, trains in a worker thread. */
export function startRetraining(deps: Deps, log: FastifyBaseLogger): Repeating {
  return every(CHECK_MS, async () => {
    const r = await retrainIfDue(deps, workerTrainer);
    if (r) log.info({ version: r.version, activated: r.activated, macroF1: r.macroF1, previous: r.previous }, 'classifier retrained');
  }, (e) => log.error({ err: e, job: 'classifier.retrain' }, 'background job failed'));
}
