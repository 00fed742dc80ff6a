import type { Role } from '../../common/roles.js';
import type { Db } from '../db/client.js';
import { sql, type SQL } from 'drizzle-orm';

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

/** Writes notices to the outbox in the caller's transaction (one statement for any number); the deliverer sends them after commit. */
export async function enqueueNotices(db: Db, now: Date, notices: Notice[]): Promise<void> {
  if (notices.length) await db.execute(noticesInsert(now, notices));
}

/**
 * The INSERT of `enqueueNotices`, for a caller that runs it as part of a larger statement (the intake writer), which
 * may rewrite the payloads in SQL (given a text[] of JSON with title, body, caseId, link, it gives a jsonb[]).
 */
export function noticesInsert(now: Date, notices: readonly Notice[], fillPayloads?: (payloads: SQL) => SQL): SQL {
  const col = <T>(pick: (n: Notice) => T) => sql.param(notices.map(pick));
  const payloads = col((n) => JSON.stringify({ title: n.title, body: n.body, ...(n.caseId ? { caseId: n.caseId, link: `/cases/${n.caseId}` } : {}) }));
  return sql`
    insert into outbox (channel, recipient_id, recipient_unit_id, recipient_roles, topic, payload, dedupe_key, created_at, next_attempt_at)
    select c, r, u, case when roles is null then null else string_to_array(roles, ',') end, t, p, k, ${now}, ${now}
    from unnest(${col((n) => n.channel ?? 'inapp')}::text[], ${col((n) => ('userId' in n.to ? n.to.userId : null))}::uuid[],
                ${col((n) => ('unitId' in n.to ? n.to.unitId : null))}::uuid[], ${col((n) => ('unitId' in n.to ? n.to.roles.join(',') : null))}::text[],
                ${col((n) => n.topic)}::text[], ${fillPayloads ? fillPayloads(sql`${payloads}`) : payloads}::jsonb[],
                ${col((n) => n.key)}::text[]) as x(c, r, u, roles, t, p, k)
    on conflict (dedupe_key) do nothing`;
}

/** The roles that act for a unit and should hear about its cases. */
export const unitStaffRoles: readonly Role[] = ['handler', 'township_staff', 'cadre', 'grid_worker'];
