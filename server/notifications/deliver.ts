import { and, eq, inArray, sql } from 'drizzle-orm';
import { outbox } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import type { Deps } from '../platform/context.js';
import type { NotificationDriver, Recipient } from './drivers.js';
import type { Role } from '../../common/roles.js';

/** Retry delays after a failed delivery: 10 s, 1 min, 5 min, 30 min, then every 2 hours. */
export const retryDelaysMs = [10_000, 60_000, 300_000, 1_800_000, 7_200_000];
/** After this many attempts a notice is given up (and stays in the outbox with its last error). */
export const MAX_ATTEMPTS = 10;

type Row = typeof outbox.$inferSelect;

async function recipientsOf(deps: Pick<Deps, 'db' | 'box'>, row: Row): Promise<Recipient[]> {
  const people = row.recipientId
    ? await deps.db.select({ id: users.id, phoneCipher: users.phoneCipher }).from(users).where(and(eq(users.id, row.recipientId), eq(users.active, true)))
    : await deps.db
        .select({ id: users.id, phoneCipher: users.phoneCipher })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .where(and(eq(users.active, true), sql`${units.path} like (select path from units where id = ${row.recipientUnitId}) || '%'`, inArray(users.role, (row.recipientRoles ?? []) as Role[])));
  return people.map((p) => ({ userId: p.id, phone: p.phoneCipher ? deps.box.open(p.phoneCipher) : null }));
}

/**
 * Delivers due notices from the outbox: claims a batch with SKIP LOCKED (so several instances share the work),
 * expands unit addressees to their people, sends through the channel's driver, and marks each notice delivered —
 * or schedules a retry with backoff. Drivers are idempotent per notice, so a crash between send and mark is harmless.
 */
export async function deliverOutbox(deps: Pick<Deps, 'db' | 'clock' | 'box'>, drivers: NotificationDriver[], batchSize = 100): Promise<{ delivered: number; failed: number }> {
  const now = deps.clock.now();
  const byChannel = new Map(drivers.map((d) => [d.channel, d]));
  let delivered = 0;
  let failed = 0;
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(sql`${outbox.deliveredAt} is null`, sql`${outbox.nextAttemptAt} <= ${now}`, sql`${outbox.attempts} < ${MAX_ATTEMPTS}`))
      .orderBy(outbox.id)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    for (const row of rows) {
      try {
        const driver = byChannel.get(row.channel);
        if (!driver) throw new Error(`no driver for channel ${row.channel}`);
        // A savepoint per notice: one failing delivery must not abort the others in the batch.
        await tx.transaction(async (sp) => {
          for (const r of await recipientsOf({ ...deps, db: sp }, row)) await driver.send(sp, r, row.payload, row.dedupeKey, now);
          await sp.update(outbox).set({ deliveredAt: now, attempts: row.attempts + 1, lastError: null }).where(eq(outbox.id, row.id));
        });
        delivered++;
      } catch (e) {
        const delay = retryDelaysMs[Math.min(row.attempts, retryDelaysMs.length - 1)]!;
        await tx
          .update(outbox)
          .set({ attempts: row.attempts + 1, lastError: String((e as Error).message ?? e).slice(0, 500), nextAttemptAt: new Date(now.getTime() + delay) })
          .where(eq(outbox.id, row.id));
        failed++;
      }
    }
  });
  return { delivered, failed };
}
