import type { Role } from '../../common/roles.js';
import type { Db } from '../db/client.js';
import { outbox } from '../db/schema/cases.js';

/** A notification to one user, or to every user of a unit with one of the roles. */
export interface Notice {
  to: { userId: string } | { unitId: string; roles: readonly Role[] };
  topic: string;
  title: string;
  body: string;
  caseId?: string;
  /** Makes the notice idempotent: the same key is enqueued once. */
  key: string;
  channel?: 'inapp' | 'sms' | 'email';
}

/** Writes notices to the outbox in the caller's transaction; the deliverer sends them after commit. */
export async function enqueueNotices(db: Db, now: Date, notices: Notice[]): Promise<void> {
  if (!notices.length) return;
  await db
    .insert(outbox)
    .values(
      notices.map((n) => ({
        channel: n.channel ?? 'inapp',
        recipientId: 'userId' in n.to ? n.to.userId : null,
        recipientUnitId: 'unitId' in n.to ? n.to.unitId : null,
        recipientRoles: 'unitId' in n.to ? [...n.to.roles] : null,
        topic: n.topic,
        payload: { title: n.title, body: n.body, ...(n.caseId ? { caseId: n.caseId, link: `/cases/${n.caseId}` } : {}) },
        dedupeKey: n.key,
        createdAt: now,
        nextAttemptAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** The roles that act for a unit and should hear about its cases. */
export const unitStaffRoles: readonly Role[] = ['handler', 'township_staff', 'cadre', 'grid_worker'];
