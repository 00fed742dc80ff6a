import type pg from 'pg';
import { generateReport } from '../server/cases/report-samples.js';
import { mulberry32 } from '../server/org/prng.js';

/** Real rows of the seeded demo county that generated cases point at. */
export interface Reference {
  grids: { id: string; path: string; lng: number; lat: number }[];
  leadUnitIds: string[];
  categoryIds: string[];
  slaPolicyId: string;
}

/** Reads the grids, departments and offices, leaf categories and the default deadline policy of the seeded county. */
export async function readReference(client: pg.ClientBase): Promise<Reference> {
  const grids = (await client.query(`select u.id, u.path, g.centroid_lng as lng, g.centroid_lat as lat from units u join grids g on g.unit_id = u.id order by u.code`)).rows;
  const leads = (await client.query(`select id from units where kind in ('department', 'office') order by code`)).rows;
  const cats = (await client.query(`select c.id from categories c where not exists (select 1 from categories k where k.parent_id = c.id) order by c.code`)).rows;
  const [policy] = (await client.query(`select id from sla_policies where category_id is null and urgency is null and channel is null order by name limit 1`)).rows;
  if (!grids.length || !leads.length || !cats.length || !policy) throw new Error('sweep bench: the demo county is not seeded');
  return { grids, leadUnitIds: leads.map((r) => r.id), categoryIds: cats.map((r) => r.id), slaPolicyId: policy.id };
}

/** Which of the generated cases are overdue in a round: those whose serial number leaves this remainder by 100. */
const overdueWhen = (i: string, residue: number) => `(${i} % 100 = ${residue})`;

/**
 * Inserts open cases from..to (serial numbers) in one INSERT … SELECT generate_series: 30 % dispatched (1-day accept
 * deadline), 70 % accepted or in progress (10-day resolve deadline), spread over the real grids, lead units and
 * categories. Exactly the serials ≡ 0 (mod 100) are overdue as of `now` (yellow card, due up to two days ago, next
 * sweep at the deadline); every other case is due after `now`, its next sweep at its warning or its deadline.
 */
export async function insertCases(client: pg.ClientBase, ref: Reference, now: Date, from: number, to: number): Promise<void> {
  const rng = mulberry32(7);
  const reports = Array.from({ length: 50 }, () => generateReport(rng));
  await client.query(
    `insert into cases (number, channel, title, description, category_id, urgency, lng, lat, address, grid_id, area_path,
       status, lead_unit_id, suggested_unit_id, sla_policy_id, received_at, dispatched_at, accepted_at, first_response_at,
       accept_due, first_response_due, resolve_due, warn_at, card, next_sweep_at, escalation_level, updated_at)
     select 'QH-' || to_char(b.received_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(s.i::text, 7, '0'),
       (array['patrol', 'hotline', 'web', 'mobile', 'cadre'])[1 + s.i % 5],
       ($3::text[])[1 + s.i % 50], ($4::text[])[1 + s.i % 50], ($5::uuid[])[1 + (s.i * 7) % $6],
       case when s.i % 20 = 7 then 'urgent' else 'normal' end,
       ($7::float8[])[s.g] + (s.r2 - 0.5) * 0.002, ($8::float8[])[s.g] + (s.r3 - 0.5) * 0.002, '巡查上报', ($9::uuid[])[s.g], ($10::text[])[s.g],
       s.status, ($11::uuid[])[1 + (s.i * 11) % $12], ($11::uuid[])[1 + (s.i * 11) % $12], $13::uuid,
       b.received_at, a.dispatched_at, c.accepted_at, a.dispatched_at,
       case when s.status = 'dispatched' then a.due else a.dispatched_at + interval '1 day' end,
       b.received_at + interval '4 hours',
       case when s.status = 'dispatched' then a.dispatched_at + interval '10 days' else a.due end,
       c.warn_at,
       case when c.warn_at <= $14::timestamptz then 'yellow' else 'none' end,
       case when c.warn_at <= $14::timestamptz then a.due else c.warn_at end,
       0, coalesce(c.accepted_at, a.dispatched_at)
     from (
       select i, random() as r1, random() as r2, random() as r3,
         case when i % 10 < 3 then 'dispatched' when i % 10 < 6 then 'accepted' else 'in_progress' end as status,
         case when i % 10 < 3 then interval '1 day' else interval '10 days' end as span,
         ${overdueWhen('i', 0)} as overdue,
         1 + (i * 13) % $15 as g
       from generate_series($1::int, $2::int) as i
     ) s
     cross join lateral (select d.due, d.due - s.span as dispatched_at from (select case when s.overdue
         then $14::timestamptz - interval '1 minute' - s.r1 * interval '2 days'
         else $14::timestamptz + interval '1 minute' + s.r1 * (s.span - interval '1 minute') end as due) d) a
     cross join lateral (select a.dispatched_at - interval '10 minutes' - s.r2 * interval '110 minutes' as received_at) b
     cross join lateral (select case when s.status = 'dispatched' then null else a.dispatched_at + s.r3 * interval '20 hours' end as accepted_at,
         a.dispatched_at + s.span * 0.8 as warn_at) c`,
    [
      from, to, reports.map((r) => r.title), reports.map((r) => r.description), ref.categoryIds, ref.categoryIds.length,
      ref.grids.map((g) => g.lng), ref.grids.map((g) => g.lat), ref.grids.map((g) => g.id), ref.grids.map((g) => g.path),
      ref.leadUnitIds, ref.leadUnitIds.length, ref.slaPolicyId, now, ref.grids.length,
    ],
  );
}

/**
 * Makes another 10,000 cases (serials ≡ residue mod 100, none of them due yet) overdue as of `now`: each case's whole
 * history moves back in time so its deadline passed up to two days ago, with the yellow card it would have got.
 * Returns how many cases changed.
 */
export async function makeOverdue(client: pg.ClientBase, now: Date, residue: number): Promise<number> {
  const res = await client.query(
    `update cases c set received_at = c.received_at - m.shift, dispatched_at = c.dispatched_at - m.shift,
       accepted_at = c.accepted_at - m.shift, first_response_at = c.first_response_at - m.shift,
       accept_due = c.accept_due - m.shift, first_response_due = c.first_response_due - m.shift,
       resolve_due = c.resolve_due - m.shift, warn_at = c.warn_at - m.shift, updated_at = c.updated_at - m.shift,
       card = 'yellow', next_sweep_at = m.due - m.shift
     from (select id, due, due - ($1::timestamptz - interval '1 minute' - random() * interval '2 days') as shift
           from (select id, case when status = 'dispatched' then accept_due else resolve_due end as due
                 from cases where ${overdueWhen('right(number, 7)::int', residue)} and card <> 'red') x) m
     where c.id = m.id`,
    [now],
  );
  return res.rowCount ?? 0;
}

/**
 * Runs a bulk load with the table's secondary indexes dropped, then rebuilds them from their own definitions (as
 * pg_dump restores do): building an index once is far cheaper than a million random insertions into it. Indexes
 * backing constraints (primary key, unique number) stay. Returns how many were rebuilt and how long that took (ms).
 */
export async function withoutSecondaryIndexes(client: pg.ClientBase, table: string, load: () => Promise<void>): Promise<{ count: number; ms: number }> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
    [table],
  );
  for (const r of rows) await client.query(`drop index ${r.name}`);
  await load();
  const start = Date.now();
  await client.query(`set maintenance_work_mem = '256MB'`);
  for (const r of rows) await client.query(r.def);
  return { count: rows.length, ms: Date.now() - start };
}
