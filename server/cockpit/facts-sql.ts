import { openStatuses } from '../../common/cases.js';
import { cockpitMeasures, type CockpitMeasure } from '../db/schema/cockpit.js';
import { bucketSql } from './buckets.js';
import { NONE } from './facts.js';

/**
 * What the cockpit counts for one case (docs/KPIS.md gives each definition in words), as SQL over a row of `cases`
 * aliased c: what `cockpit rebuild` computes for every case, what every change records for the cases it touches
 * (record-facts.ts) and what the drill-down filters on. Working-time durations are not computed here: the application
 * stores them on the case at the transition (accept_minutes, resolve_minutes), and these read them.
 */
const open = `c.status in (${openStatuses.map((s) => `'${s}'`).join(', ')})`;
const accepted = 'c.accepted_at is not null';
const resolved = 'c.resolved_at is not null';
const acceptTimed = 'c.accept_minutes is not null';
const resolveTimed = `(${resolved} and c.resolve_minutes is not null)`;

/** Each measure of one case as a boolean (flags) or integer (counts, minutes) SQL expression. */
export const measureSql: Record<CockpitMeasure, string> = {
  received: 'true',
  merged: `c.status = 'merged'`,
  urgent: `c.urgency = 'urgent'`,
  open,
  open_urgent: `(${open} and c.urgency = 'urgent')`,
  overdue_open: `(${open} and c.card = 'red')`,
  dispatched: 'c.dispatched_at is not null',
  accepted,
  accepted_on_time: `(${accepted} and c.accept_on_time is true)`,
  accept_timed: acceptTimed,
  accept_minutes: `(case when ${acceptTimed} then c.accept_minutes else 0 end)`,
  responded_48h: `(c.first_response_at is not null and c.first_response_at <= c.received_at + interval '48 hours')`,
  resolved,
  resolved_on_time: `(${resolved} and c.resolve_on_time is true)`,
  resolve_timed: resolveTimed,
  resolve_minutes: `(case when ${resolveTimed} then c.resolve_minutes else 0 end)`,
  resolved_ever: `(${resolved} or c.reopen_count > 0)`,
  returned: 'c.return_count > 0',
  returns: 'c.return_count',
  buck_passing: 'c.buck_passing',
  escalated: 'c.escalation_level > 0',
  supervision_orders: 'c.escalation_level',
  overdue: `((${accepted} and c.accept_on_time is not true) or (${resolved} and c.resolve_on_time is not true) or c.escalation_level > 0)`,
  rated: 'c.rating is not null',
  satisfied: `coalesce(c.rating = 'satisfied', false)`,
  basically_satisfied: `coalesce(c.rating = 'basically_satisfied', false)`,
  reopened: 'c.reopen_count > 0',
  reopens: 'c.reopen_count',
};

const counts = new Set<CockpitMeasure>(['returns', 'supervision_orders', 'reopens', 'accept_minutes', 'resolve_minutes']);

/** A measure as a number (flags as 0/1). */
export function measureValueSql(m: CockpitMeasure): string {
  return counts.has(m) ? measureSql[m] : `(${measureSql[m]})::int`;
}

/** The key columns of a case in SQL: China day number, place at three depths, category, channel, lead unit. */
export const keySql = {
  day: `floor((extract(epoch from c.received_at) + 28800) / 86400)::int`,
  area: `coalesce(nullif(split_part(rtrim(c.area_path, '/'), '/', -1), ''), '${NONE}')::uuid`,
  township: `coalesce(nullif(split_part(c.area_path, '/', 3), ''), nullif(split_part(rtrim(c.area_path, '/'), '/', -1), ''), '${NONE}')::uuid`,
  village: `coalesce(nullif(split_part(c.area_path, '/', 4), ''), nullif(split_part(c.area_path, '/', 3), ''), nullif(split_part(rtrim(c.area_path, '/'), '/', -1), ''), '${NONE}')::uuid`,
  category: `coalesce(c.category_id, '${NONE}'::uuid)`,
  channel: 'c.channel',
  unit: `coalesce(c.lead_unit_id, '${NONE}'::uuid)`,
};

/** The columns of cockpit_case_facts, in the order factsSelectSql() gives them. */
export const factsColumns = ['case_id', ...Object.keys(keySql), ...cockpitMeasures, 'accept_bucket', 'resolve_bucket'];

/** The select list of one case's facts row (the columns of factsColumns). */
export function factsSelectSql(): string {
  const cols = [
    'c.id',
    ...Object.values(keySql),
    ...cockpitMeasures.map((m) => measureValueSql(m)),
    `(case when ${acceptTimed} then ${bucketSql('c.accept_minutes')} end)`,
    `(case when ${resolveTimed} then ${bucketSql('c.resolve_minutes')} end)`,
  ];
  return cols.join(',\n  ');
}

/** The condition "this case counts in measure m" (for the drill-down from a figure to its cases), on `cases`
 *  under the given alias. */
export function measureCondition(m: CockpitMeasure, alias = 'c'): string {
  const expr = measureSql[m].replace(/\bc\./g, `${alias}.`);
  return counts.has(m) ? `(${expr}) > 0` : `(${expr})`;
}
