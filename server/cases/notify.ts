import type { Role } from '../../common/roles.js';
import type { Db } from '../db/client.js';
import { sql, type SQL } from 'drizzle-orm';
import { recordSet, type JsonFill } from '../db/record-set.js';

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
 * may rewrite the payloads in SQL (each a jsonb object with title, body, caseId, link).
 */
export function noticesInsert(now: Date, notices: readonly Notice[], fillPayloads?: JsonFill): SQL {
  const records = notices.map((n, k) => ({
    i: fillPayloads?.index[k] ?? null, c: n.channel ?? 'inapp', r: 'userId' in n.to ? n.to.userId : null, u: 'unitId' in n.to ? n.to.unitId : null,
    roles: 'unitId' in n.to ? n.to.roles.join(',') : null, t: n.topic, p: { title: n.title, body: n.body, ...(n.caseId ? { caseId: n.caseId, link: `/cases/${n.caseId}` } : {}) }, k: n.key,
  }));
  return sql`
    insert into outbox (channel, recipient_id, recipient_unit_id, recipient_roles, topic, payload, dedupe_key, created_at, next_attempt_at)
    select c, r, u, case when roles is null then null else string_to_array(roles, ',') end, t, ${fillPayloads ? fillPayloads.value(sql`x.p`, sql`x.i`) : sql`p`}, k, ${now}, ${now}
    from ${recordSet(records, 'i int, c text, r uuid, u uuid, roles text, t text, p jsonb, k text')}
    on conflict (dedupe_key) do nothing`;
}

/** The roles that act for a unit and should hear about its cases. */
export const unitStaffRoles: readonly Role[] = ['handler', 'township_staff', 'cadre', 'grid_worker'];
