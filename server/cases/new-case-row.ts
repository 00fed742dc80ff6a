/**
 * A new case as a whole row, built in the application: the intake writer inserts exactly these values (no RETURNING to
 * parse back), so every column a new case can hold is set here and every other one is null or its starting value.
 */
import { sql, type SQL } from 'drizzle-orm';
import { recordSet } from '../db/record-set.js';
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
 * The INSERT of new case rows, all of them in a few parameters whatever their count (db/record-set.ts), for the
 * intake writer to run as part of its batch statement. `numbers`, when given, is a text[] expression that numbers the
 * rows in SQL (counted in the same statement; row i takes element i, 1-based) in place of their `number` fields;
 * `prediction`, an expression over `x.prediction` (the row's prediction, jsonb) that gives the jsonb to store.
 */
export function caseRowsInsert(rows: readonly CaseRow[], numbers?: SQL, prediction?: SQL): SQL {
  const records = rows.map((r, k) => ({
    i: k + 1, id: r.id, number: numbers ? null : r.number, channel: r.channel, reporter_id: r.reporterId, anonymous: r.anonymous,
    reporter_index: r.reporterIndex, reporter_cipher: r.reporterCipher, contact_cipher: r.contactCipher, title: r.title,
    description: r.description, category_id: r.categoryId, urgency: r.urgency, lng: r.lng, lat: r.lat, address: r.address,
    grid_id: r.gridId, area_path: r.areaPath, status: r.status, suggested_unit_id: r.suggestedUnitId, sla_policy_id: r.slaPolicyId,
    received_at: r.receivedAt, first_response_due: r.firstResponseDue, warn_at: r.warnAt, card: r.card, next_sweep_at: r.nextSweepAt,
    external_ref: r.externalRef, prediction: r.prediction ?? null, updated_at: r.updatedAt,
  }));
  return sql`
    insert into cases (id, number, channel, reporter_id, anonymous, reporter_index, reporter_cipher, contact_cipher, title, description,
      category_id, urgency, lng, lat, address, grid_id, area_path, status, suggested_unit_id, sla_policy_id, received_at,
      first_response_due, warn_at, card, next_sweep_at, escalation_level, return_count, buck_passing, reopen_count, external_ref,
      prediction, updated_at)
    select id, ${numbers ? sql`(${numbers})[x.i]` : sql`number`}, channel, reporter_id, anonymous, reporter_index, reporter_cipher, contact_cipher, title, description,
      category_id, urgency, lng, lat, address, grid_id, area_path, status, suggested_unit_id, sla_policy_id, received_at,
      first_response_due, warn_at, card, next_sweep_at, 0, 0, false, 0, external_ref, ${prediction ?? sql`x.prediction`}, updated_at
    from ${recordSet(records, `i int, id uuid, number text, channel text, reporter_id uuid, anonymous boolean, reporter_index text,
      reporter_cipher text, contact_cipher text, title text, description text, category_id uuid, urgency text, lng float8, lat float8,
      address text, grid_id uuid, area_path text, status text, suggested_unit_id uuid, sla_policy_id uuid, received_at timestamptz,
      first_response_due timestamptz, warn_at timestamptz, card text, next_sweep_at timestamptz, external_ref text, prediction jsonb,
      updated_at timestamptz`)}`;
}
