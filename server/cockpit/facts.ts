import { openStatuses } from '../../common/cases.js';
import type { CaseRow } from '../cases/case-action.js';
import { cockpitMeasures, type CockpitMeasure } from '../db/schema/cockpit.js';
import { bucketOf } from './buckets.js';
import { dayNumberOf } from './days.js';

/** Stands for "none" in a key column (no category yet, no lead unit yet, no place). */
export const NONE = '00000000-0000-0000-0000-000000000000';

const FIRST_RESPONSE_MS = 48 * 3600_000;

/** Where a case is counted: its received day, its place at three depths, category, channel and lead unit. */
export interface FactKey {
  day: number;
  township: string;
  village: string;
  area: string;
  category: string;
  channel: string;
  unit: string;
}

/** What the cockpit counts for one case: the key, a value per measure (cockpitMeasures order) and its two buckets. */
export interface CaseFacts {
  key: FactKey;
  values: number[];
  acceptBucket: number | null;
  resolveBucket: number | null;
}

/**
 * The place of an area path '/county/township/village/grid/': the township (first level below the county), the
 * village and the area itself; a path that stops higher repeats its deepest unit, so every case has all three.
 */
export function placeOf(areaPath: string): Pick<FactKey, 'township' | 'village' | 'area'> {
  const ids = areaPath.split('/').filter(Boolean);
  const area = ids[ids.length - 1] ?? NONE;
  const township = ids[1] ?? area;
  return { township, village: ids[2] ?? township, area };
}

/** The facts of a case as it stands (docs/KPIS.md gives each definition in words; facts-sql.ts the same in SQL). */
export function caseFacts(c: CaseRow): CaseFacts {
  const open = openStatuses.includes(c.status);
  const urgent = c.urgency === 'urgent';
  const accepted = c.acceptedAt !== null;
  const acceptTimed = c.acceptMinutes !== null;
  const resolved = c.resolvedAt !== null;
  const resolveTimed = resolved && c.resolveMinutes !== null;
  const acceptLate = accepted && c.acceptOnTime !== true;
  const resolveLate = resolved && c.resolveOnTime !== true;
  const v: Record<CockpitMeasure, number | boolean> = {
    received: 1,
    merged: c.status === 'merged',
    urgent,
    open,
    open_urgent: open && urgent,
    overdue_open: open && c.card === 'red',
    dispatched: c.dispatchedAt !== null,
    accepted,
    accepted_on_time: accepted && c.acceptOnTime === true,
    accept_timed: acceptTimed,
    accept_minutes: acceptTimed ? c.acceptMinutes! : 0,
    responded_48h: c.firstResponseAt !== null && c.firstResponseAt.getTime() - c.receivedAt.getTime() <= FIRST_RESPONSE_MS,
    resolved,
    resolved_on_time: resolved && c.resolveOnTime === true,
    resolve_timed: resolveTimed,
    resolve_minutes: resolveTimed ? c.resolveMinutes! : 0,
    resolved_ever: resolved || c.reopenCount > 0,
    returned: c.returnCount > 0,
    returns: c.returnCount,
    buck_passing: c.buckPassing,
    escalated: c.escalationLevel > 0,
    supervision_orders: c.escalationLevel,
    overdue: acceptLate || resolveLate || c.escalationLevel > 0,
    rated: c.rating !== null,
    satisfied: c.rating === 'satisfied',
    basically_satisfied: c.rating === 'basically_satisfied',
    reopened: c.reopenCount > 0,
    reopens: c.reopenCount,
  };
  return {
    key: { day: dayNumberOf(c.receivedAt), ...placeOf(c.areaPath), category: c.categoryId ?? NONE, channel: c.channel, unit: c.leadUnitId ?? NONE },
    values: cockpitMeasures.map((m) => Number(v[m])),
    acceptBucket: acceptTimed ? bucketOf(c.acceptMinutes!) : null,
    resolveBucket: resolveTimed ? bucketOf(c.resolveMinutes!) : null,
  };
}

/** True when two facts are the same (nothing to record). */
export function sameFacts(a: CaseFacts, b: CaseFacts): boolean {
  const ka = a.key;
  const kb = b.key;
  return (
    ka.day === kb.day && ka.township === kb.township && ka.village === kb.village && ka.area === kb.area && ka.category === kb.category &&
    ka.channel === kb.channel && ka.unit === kb.unit && a.acceptBucket === b.acceptBucket && a.resolveBucket === b.resolveBucket &&
    a.values.every((x, i) => x === b.values[i])
  );
}
