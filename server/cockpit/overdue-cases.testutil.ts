import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/**
 * Inserts `count` open cases of the demo county that are all overdue as of `now`, in one statement (intake through
 * the API would take minutes for a thousand). They vary in what the cockpit counts: channel, grid, category, lead
 * unit, urgency; a third still waits to be accepted, the others were accepted (some late, with working minutes) and
 * wait to be resolved. Each has its yellow card and its next sweep at its deadline, as the sweeper would have left it.
 */
export async function insertOverdueCases(db: Db, count: number, now: Date): Promise<void> {
  await db.execute(sql`
    with ref as (
      select (select array_agg(c.id order by c.code) from categories c where not exists (select 1 from categories k where k.parent_id = c.id)) as cats,
        (select array_agg(u.id order by u.code) from units u join grids g on g.unit_id = u.id) as grids,
        (select array_agg(u.path order by u.code) from units u join grids g on g.unit_id = u.id) as paths,
        (select array_agg(id order by code) from units where kind in ('department', 'office')) as leads,
        (select id from sla_policies where category_id is null and urgency is null and channel is null order by name limit 1) as policy),
    s as (
      select i, ${now}::timestamptz - (1 + i % 2000) * interval '1 minute' as due,
        case when i % 3 = 0 then 'dispatched' when i % 3 = 1 then 'accepted' else 'in_progress' end as status
      from generate_series(1, ${count}) as i)
    insert into cases (number, channel, title, description, category_id, urgency, grid_id, area_path, status, lead_unit_id,
      sla_policy_id, received_at, dispatched_at, accepted_at, first_response_at, accept_due, first_response_due, resolve_due,
      warn_at, card, next_sweep_at, accept_minutes, accept_on_time, updated_at)
    select 'T-' || lpad(s.i::text, 6, '0'), (array['patrol', 'hotline', 'web', 'mobile', 'cadre'])[1 + s.i % 5], '批量超时工单', '批量超时工单 ' || s.i,
      ref.cats[1 + (s.i * 7) % cardinality(ref.cats)], case when s.i % 17 = 0 then 'urgent' else 'normal' end,
      ref.grids[1 + (s.i * 13) % cardinality(ref.grids)], ref.paths[1 + (s.i * 13) % cardinality(ref.paths)], s.status,
      ref.leads[1 + (s.i * 11) % cardinality(ref.leads)], ref.policy,
      t.dispatched - interval '25 minutes', t.dispatched, t.accepted, t.accepted,
      case when s.status = 'dispatched' then s.due else t.dispatched + interval '1 day' end,
      t.dispatched + interval '4 hours',
      case when s.status = 'dispatched' then t.dispatched + interval '10 days' else s.due end,
      s.due - interval '1 day', 'yellow', s.due,
      case when t.accepted is null then null else s.i % 700 end, case when t.accepted is null then null else s.i % 9 <> 0 end,
      coalesce(t.accepted, t.dispatched)
    from s cross join ref
    cross join lateral (select case when s.status = 'dispatched' then s.due - interval '1 day' else s.due - interval '10 days' end as dispatched) d
    cross join lateral (select d.dispatched, case when s.status = 'dispatched' then null else d.dispatched + (s.i % 300) * interval '1 minute' end as accepted) t`);
}
