/**
 * The set-based INSERT of synthetic cases: rows from generate_series, every random draw a deterministic hash of the
 * case's number and a stream number (hashint8extended), every choice an equality join with a small lookup table made
 * by synthetic-model.ts. Case i's day grows with i (ids and numbers are then nearly in index order, which keeps the
 * load fast).
 *
 * Working time is approximated: a case's accept and resolve times are drawn in working minutes, and its timestamps
 * put that many minutes × 3.2 after the dispatch (24 hours ÷ 7.5 office hours), so natural gaps look right on
 * average without a holiday calendar in SQL. On-time flags compare the drawn working minutes with the default limits
 * (2 working hours to accept, 5 working days to resolve; urgent: 30 and 120 minutes).
 */

// Each step ends in OFFSET 0 so PostgreSQL computes its columns once per row instead of inlining the expressions
// into every later use (which multiplied the work many times over).

/** Lookup-table sizes (slots) for drawing by weight. */
export const DAY_SLOTS = 65536;
export const MINUTE_SLOTS = 1024;
export const CATEGORY_SLOTS = 4096;
export const GRID_SLOTS = 1024;
export const CHANNEL_SLOTS = 100;

const R = (k: number) => `((hashint8extended(g.i, ${k}) & 2147483647)::float8 / 2147483648.0)`;
const T = (k: number) => `((hashint8extended(b.i, ${k}) & 2147483647)::float8 / 2147483648.0)`;
const minutes = (expr: string) => `((${expr}) * interval '1 minute')`;
const NAT = 3.2;

/** The INSERT of cases from..to (offset + 1 … offset + total for this load), as of now (ISO), with the number prefix. */
export function syntheticInsertSql(p: { from: number; to: number; total: number; offset: number; now: string; prefix: string; normalPolicy: string; urgentPolicy: string; textsPerCategory: number }): string {
  const now = `'${p.now}'::timestamptz`;
  return `
insert into cases (id, number, channel, title, description, category_id, urgency, lng, lat, grid_id, area_path, status, lead_unit_id,
  suggested_unit_id, sla_policy_id, received_at, dispatched_at, accepted_at, first_response_at, resolved_at, verified_at, closed_at,
  accept_due, first_response_due, resolve_due, card, escalation_level, return_count, buck_passing, reopen_count, rating, reply,
  accept_minutes, accept_on_time, resolve_minutes, resolve_on_time, anonymous, updated_at)
with b as (
  select g.i, ds.day, ms.minute, cs.cat, ch.channel,
    case when ${R(5)} < 0.25 then h.grid else gs.grid end as grid
  from generate_series(${p.from}::int8, ${p.to}::int8) g(i)
  join syn_day_slot ds on ds.s = ((g.i - 1 - ${p.offset}) * ${DAY_SLOTS} / ${p.total})::int
  join syn_minute_slot ms on ms.s = floor(${R(2)} * ${MINUTE_SLOTS})::int
  join syn_cat_slot cs on cs.s = floor(${R(3)} * ${CATEGORY_SLOTS})::int
  join syn_grid_slot gs on gs.s = floor(${R(4)} * ${GRID_SLOTS})::int
  join syn_hot h on h.cat = cs.cat and h.k = floor(${R(6)} * 3)::int
  join syn_channel_slot ch on ch.s = floor(${R(1)} * ${CHANNEL_SLOTS})::int
  offset 0
), t as (
  select b.*, c.id as category_id, c.typical, gr.id as grid_id, gr.path, gr.lng, gr.lat, l.unit,
    (c.urgent or ${T(7)} < 0.02) as urgent,
    to_timestamp((b.day * 1440 + b.minute) * 60 - 28800) as received_at,
    ${T(8)} as r_disp, ${T(9)} as r_acc, ${T(10)} as r_acc_kind,
    sqrt(-2 * ln(1 - ${T(11)})) * cos(2 * pi() * ${T(12)}) as z,
    case when ${T(13)} < 0.015 then 2 when ${T(13)} < 0.06 then 1 else 0 end as returns,
    ${T(14)} < 0.015 as merged, ${T(15)} as r_esc, ${T(16)} as r_rated, ${T(17)} as r_rating, ${T(18)} as r_reopen, ${T(19)} as r_started
  from b join syn_cat c on c.idx = b.cat join syn_grid gr on gr.idx = b.grid join syn_lead l on l.cat = b.cat and l.grid = b.grid
  offset 0
), w as (
  select t.*,
    5 + floor(r_disp * case when urgent then 20 else 180 end) as disp_min,
    case when urgent then floor(r_acc * 40) when r_acc_kind < 0.88 then floor(r_acc * 120) when r_acc_kind < 0.98 then 120 + floor(r_acc * 780) else 900 + floor(r_acc * 2100) end as acc_w,
    greatest(10, floor(typical * exp(0.7 * z))) as res_w,
    case when urgent then 30 else 120 end as acc_limit,
    case when urgent then 120 else 2250 end as res_limit
  from t offset 0
), x as (
  select w.*,
    received_at + ${minutes('disp_min')} + returns * interval '1 day' as disp_at,
    acc_w > acc_limit or acc_w + res_w > res_limit as late,
    r_rated < 0.8 and r_rating >= 0.9 and r_reopen < 0.7 as reopened
  from w offset 0
), y as (
  select x.*,
    disp_at + ${minutes(`acc_w * ${NAT}`)} as acc_at,
    disp_at + ${minutes(`(acc_w + res_w) * ${NAT}`)} + case when reopened then interval '3 days' else interval '0' end as res_at,
    disp_at + ${minutes(`acc_limit * ${NAT}`)} as acc_due,
    disp_at + ${minutes(`res_limit * ${NAT}`)} as res_due
  from x offset 0
), s as (
  select y.*,
    case when merged then 'merged' when disp_at > ${now} then 'received' when acc_at > ${now} then 'dispatched'
      when res_at > ${now} then case when r_started < 0.5 then 'accepted' else 'in_progress' end
      when res_at + interval '3 days' > ${now} then 'resolved' else 'closed' end as status
  from y offset 0
), f as (
  select s.*,
    status not in ('received', 'merged') as was_dispatched,
    status not in ('received', 'merged', 'dispatched') as was_accepted,
    status in ('resolved', 'closed') as was_resolved,
    status = 'closed' and r_rated < 0.8 as was_rated,
    (status = 'dispatched' and ${now} > acc_due) or (status in ('accepted', 'in_progress') and ${now} > res_due) as overdue_now
  from s offset 0
)
select
  (lpad(to_hex((extract(epoch from received_at) * 1000)::int8), 12, '0') || '7' || lpad(to_hex(hashint8extended(i, 31) & 4095), 3, '0')
    || '8' || lpad(to_hex(hashint8extended(i, 32) & 4095), 3, '0') || lpad(to_hex(i), 12, '0'))::uuid,
  '${p.prefix}-' || to_char(date '1970-01-01' + day, 'YYYYMMDD') || '-S' || lpad(i::text, 8, '0'),
  channel, tx.title, tx.description, category_id, case when urgent then 'urgent' else 'normal' end, lng, lat, grid_id, path, status,
  case when was_dispatched then unit end, unit, case when urgent then '${p.urgentPolicy}'::uuid else '${p.normalPolicy}'::uuid end,
  received_at, case when was_dispatched then disp_at end, case when was_accepted then acc_at end, case when was_accepted then acc_at end,
  case when was_resolved then res_at end,
  case when status = 'closed' then res_at + interval '1 day' end, case when status = 'closed' then res_at + interval '1 day' end,
  case when was_dispatched then acc_due end, received_at + interval '1 day', case when was_dispatched then res_due end,
  case when overdue_now then 'red' else 'none' end,
  case when not was_dispatched then 0 when late and r_esc < 0.08 then 2 when overdue_now or (late and r_esc < 0.3) then 1 else 0 end,
  returns, returns >= 2, case when was_resolved and reopened then 1 else 0 end,
  case when was_rated then case when reopened then case when r_started < 0.5 then 'basically_satisfied' else 'unsatisfied' end
    when r_rating < 0.72 then 'satisfied' when r_rating < 0.9 then 'basically_satisfied' else 'unsatisfied' end end,
  case when was_resolved then '已处理完毕，经现场核实问题已解决。' end,
  case when was_accepted then acc_w end, case when was_accepted then acc_w <= acc_limit end,
  case when was_resolved then acc_w + res_w end, case when was_resolved then acc_w + res_w <= res_limit end,
  false,
  coalesce(case when status = 'closed' then res_at + interval '1 day' end, case when was_resolved then res_at end, case when was_accepted then acc_at end,
    case when was_dispatched then disp_at end, received_at)
from f join syn_text tx on tx.cat = f.cat and tx.k = (f.i % ${p.textsPerCategory})::int`;
}
