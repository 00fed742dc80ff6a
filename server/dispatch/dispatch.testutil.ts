/** Shared steps of smart dispatch's tests: places in the demo county, reporting, dispatching, reading a case back. */
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { cases } from '../db/schema/cases.js';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import type { TestApp } from '../test-support/test-app.js';
import type { CasePrediction } from './intake-advice.js';

/** The centre of a demo user's grid (the grid worker's own grid by default). */
export async function gridCentreOf(t: TestApp, username = 'gridworker'): Promise<{ lng: number; lat: number; gridId: string }> {
  const [me] = await t.deps.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, username));
  const [g] = await t.deps.db.select().from(grids).where(eq(grids.unitId, me!.unitId));
  return { lng: g!.centroidLng, lat: g!.centroidLat, gridId: g!.unitId };
}

/** A grid centre at least `km` kilometres from a point. */
export async function farGridCentre(t: TestApp, from: { lng: number; lat: number }, km: number): Promise<{ lng: number; lat: number; gridId: string }> {
  const all = await t.deps.db.select().from(grids);
  const far = all.find((g) => Math.hypot((g.centroidLng - from.lng) * 94, (g.centroidLat - from.lat) * 111) > km);
  if (!far) throw new Error(`no grid ${km} km away`);
  return { lng: far.centroidLng, lat: far.centroidLat, gridId: far.unitId };
}

/** The id of a unit by its name. */
export async function unitIdOf(t: TestApp, name: string): Promise<string> {
  const [u] = await t.deps.db.select({ id: units.id }).from(units).where(and(eq(units.name, name)));
  return u!.id;
}

/** Reports a case through the API and expects it to be taken in. */
export async function report(t: TestApp, token: string | null, body: Record<string, unknown>): Promise<{ id: string; status: string; urgency: string; suggestedUnitId: string | null }> {
  const res = await t.request('POST', '/api/cases', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A dispatcher sends a case to a unit, setting (or confirming) its category. */
export async function dispatchAs(t: TestApp, token: string, caseId: string, unitId: string, category?: string): Promise<void> {
  const res = await t.request('POST', `/api/cases/${caseId}/dispatch`, { token, body: { unitId, ...(category ? { category } : {}), reason: '按分类派单' } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The smart-dispatch fields of a stored case. */
export async function storedCase(t: TestApp, id: string) {
  const [c] = await t.deps.db
    .select({ status: cases.status, urgency: cases.urgency, categoryId: cases.categoryId, leadUnitId: cases.leadUnitId, slaPolicyId: cases.slaPolicyId, prediction: cases.prediction })
    .from(cases)
    .where(eq(cases.id, id));
  return { ...c!, prediction: c!.prediction as CasePrediction | null };
}
