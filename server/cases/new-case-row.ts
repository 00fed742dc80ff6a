/**
 * A new case as a whole row, built in the application: the intake writer inserts exactly these values (no RETURNING to
 * parse back), so every column a new case can hold is set here and every other one is null or its starting value.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CaseRow } from './case-action.js';

/** A case row; its number is '' until the writer counts it (numbers are counted per batch). */
export type NewCaseRow = CaseRow;

/** What intake decides about a new case; the rest of the row starts empty. */
export type NewCaseFields = Pick<
  NewCaseRow,
  | 'id' | 'channel' | 'reporterId' | 'anonymous' | 'reporterIndex' | 'reporterCipher' | 'contactCipher' | 'title' | 'description'
  | 'categoryId' | 'urgency' | 'lng' | 'lat' | 'address' | 'gridId' | 'areaPath' | 'suggestedUnitId' | 'slaPolicyId' | 'receivedAt'
  | 'firstResponseDue' | 'warnAt' | 'nextSweepAt' | 'externalRef' | 'prediction'
>;

/** The row of a just-received case (a literal of every column, not a spread: one object shape for all rows). */
export function newCaseRow(f: NewCaseFields): NewCaseRow {
  return {
    id: f.id, number: '', channel: f.channel, reporterId: f.reporterId, anonymous: f.anonymous, reporterIndex: f.reporterIndex,
    reporterCipher: f.reporterCipher, contactCipher: f.contactCipher, title: f.title, description: f.description,
    categoryId: f.categoryId, urgency: f.urgency, lng: f.lng, lat: f.lat, address: f.address, gridId: f.gridId,
    areaPath: f.areaPath, suggestedUnitId: f.suggestedUnitId, slaPolicyId: f.slaPolicyId, receivedAt: f.receivedAt,
    firstResponseDue: f.firstResponseDue, warnAt: f.warnAt, nextSweepAt: f.nextSweepAt, externalRef: f.externalRef,
    prediction: f.prediction,
    status: 'received', statusBeforeSuspend: null, leadUnitId: null,
    dispatchedAt: null, acceptedAt: null, firstResponseAt: null, resolvedAt: null, verifiedAt: null, closedAt: null,
    acceptDue: null, resolveDue: null, card: 'none', escalationLevel: 0, escalationUnitId: null, escalationPath: null,
    returnCount: 0, buckPassing: false, reopenCount: 0, acceptMinutes: null, acceptOnTime: null, resolveMinutes: null,
    resolveOnTime: null, rating: null, reply: null, mergedIntoId: null, updatedAt: f.receivedAt,
  };
}

/**
 * The INSERT of new case rows, one array parameter per column (INSERT … SELECT FROM unnest), for the intake writer to
 * run as part of its batch statement. `numbers`, when given, is a text[] expression that numbers the rows in SQL
 * (counted in the same statement) in place of their `number` fields; `prediction`, an expression over `x.prediction`
 * (the row's prediction as JSON text) that gives the jsonb to store.
 */
export function caseRowsInsert(rows: readonly CaseRow[], numbers?: SQL, prediction?: SQL): SQL {
  const col = <T>(pick: (r: CaseRow) => T) => sql.param(rows.map(pick));
  const at = (d: Date | null) => d?.toISOString() ?? null;
  return sql`
    insert into cases (id, number, channel, reporter_id, anonymous, reporter_index, reporter_cipher, contact_cipher, title, description,
      category_id, urgency, lng, lat, address, grid_id, area_path, status, suggested_unit_id, sla_policy_id, received_at,
      first_response_due, warn_at, card, next_sweep_at, escalation_level, return_count, buck_passing, reopen_count, external_ref,
      prediction, updated_at)
    select id, number, channel, reporter_id, anonymous, reporter_index, reporter_cipher, contact_cipher, title, description,
      category_id, urgency, lng, lat, address, grid_id, area_path, status, suggested_unit_id, sla_policy_id, received_at,
      first_response_due, warn_at, card, next_sweep_at, 0, 0, false, 0, external_ref, ${prediction ?? sql`x.prediction::jsonb`}, updated_at
    from unnest(${col((r) => r.id)}::uuid[], ${numbers ?? col((r) => r.number)}::text[], ${col((r) => r.channel)}::text[], ${col((r) => r.reporterId)}::uuid[],
      ${col((r) => r.anonymous)}::boolean[], ${col((r) => r.reporterIndex)}::text[], ${col((r) => r.reporterCipher)}::text[],
      ${col((r) => r.contactCipher)}::text[], ${col((r) => r.title)}::text[], ${col((r) => r.description)}::text[],
      ${col((r) => r.categoryId)}::uuid[], ${col((r) => r.urgency)}::text[], ${col((r) => r.lng)}::float8[], ${col((r) => r.lat)}::float8[],
      ${col((r) => r.address)}::text[], ${col((r) => r.gridId)}::uuid[], ${col((r) => r.areaPath)}::text[], ${col((r) => r.status)}::text[],
      ${col((r) => r.suggestedUnitId)}::uuid[], ${col((r) => r.slaPolicyId)}::uuid[], ${col((r) => at(r.receivedAt))}::timestamptz[],
      ${col((r) => at(r.firstResponseDue))}::timestamptz[], ${col((r) => at(r.warnAt))}::timestamptz[], ${col((r) => r.card)}::text[],
      ${col((r) => at(r.nextSweepAt))}::timestamptz[], ${col((r) => r.externalRef)}::text[],
      ${col((r) => (r.prediction === null || r.prediction === undefined ? null : JSON.stringify(r.prediction)))}::text[],
      ${col((r) => at(r.updatedAt))}::timestamptz[])
      as x(id, number, channel, reporter_id, anonymous, reporter_index, reporter_cipher, contact_cipher, title, description,
           category_id, urgency, lng, lat, address, grid_id, area_path, status, suggested_unit_id, sla_policy_id, received_at,
           first_response_due, warn_at, card, next_sweep_at, external_ref, prediction, updated_at)`;
}
