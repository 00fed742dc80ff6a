import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { sweepDeadlines } from '../sla/sweep.js';
import type { TestApp } from '../test-support/test-app.js';

/**
 * The small fixed data set the KPI tests compute by hand: nine cases, A–I, written through the API with the manual
 * clock (China time), around the 2026 National Day holiday (1–7 October) and the make-up workday Saturday 10 October.
 * Office hours 08:30–12:00 and 13:30–17:30. A0301 路灯不亮: accept within 2 working hours, resolve within 2 working
 * days (900 working minutes); L0101 is urgent: accept within 30 minutes, resolve within 2 hours (natural time).
 *
 * G  Mon 09-14 10:00 received (mobile), never dispatched; escalated by the sweep on 10-13.
 * A  Wed 09-30 16:00 received (hotline), 16:30 dispatched to 城管局, accepted Thu 10-08 09:00 (90 working minutes:
 *    60 on 09-30, none in the holiday, 30 on 10-08; due 10-08 09:30, on time), resolved Sat 10-10 10:00 (1050
 *    working minutes: 60 + 450 + 450 + 90 on the make-up Saturday; due Fri 10-09 16:30, late), rated satisfied.
 * B  Mon 10-12 09:00 received, 09:10 dispatched, 09:40 accepted (30), resolved Tue 10-13 11:10 (570), basically satisfied.
 * C  Mon 10-12 10:00 received (web) in another township; returned twice (buck-passing), dispatched 11:10, accepted
 *    14:00 (80), resolved Wed 10-14 09:00, rated unsatisfied → reopened (dispatched again 09:30), accepted 10:00 (30),
 *    resolved Thu 10-15 09:30 (450), rated satisfied.
 * D  Tue 10-13 09:00 received, 09:05 dispatched, never accepted; escalated by the sweep at 15:00 (red card).
 * E  Tue 10-13 09:30 received, 09:35 merged into D.
 * F  Wed 10-14 20:00 received (patrol), urgent, 20:05 dispatched, 20:20 accepted and 21:30 resolved (0 working minutes).
 * H  Thu 10-15 09:00 received, 09:05 dispatched to 住建局, 09:35 accepted (30), 11:05 resolved, rated unsatisfied →
 *    rectification (in progress again, not resolved).
 * I  Thu 10-15 10:00 received, urgent, never dispatched.
 * The clock ends at Thu 10-15 12:00.
 */
export interface KpiCases {
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>;
  townshipOf: { main: string; other: string };
  gridOf: { main: string; other: string };
  unitOf: { cg: string; zj: string };
}

/** Writes cases A–I through the API. */
export async function writeKpiCases(t: TestApp): Promise<KpiCases> {
  const db = t.deps.db;
  const [gw] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'gridworker'));
  const [main] = await db.select({ id: grids.unitId, lng: grids.centroidLng, lat: grids.centroidLat, path: units.path }).from(grids).innerJoin(units, eq(units.id, grids.unitId)).where(eq(grids.unitId, gw!.unitId));
  const townshipMain = main!.path.split('/')[2]!;
  const all = await db.select({ id: grids.unitId, lng: grids.centroidLng, lat: grids.centroidLat, path: units.path }).from(grids).innerJoin(units, eq(units.id, grids.unitId));
  const other = all.find((g) => g.path.split('/')[2] !== townshipMain)!;
  const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
  const cg = await unitId('城管局');
  const zj = await unitId('住建局');
  const [zjUser] = await db.select({ username: users.username }).from(users).where(and(eq(users.unitId, zj), eq(users.role, 'handler'))).limit(1);

  const tokens = new Map<string, string>();
  const as = async (u: string) => tokens.get(u) ?? (tokens.set(u, await t.login(u)), tokens.get(u)!);
  const at = (local: string) => t.deps.clock.set(new Date(`${local}+08:00`));
  const post = async (user: string, path: string, body: unknown = {}) => {
    const res = await t.request('POST', path, { token: await as(user), body });
    expect([200, 201], `${user} ${path}: ${JSON.stringify(res.body)}`).toContain(res.status);
    return res.body as { id: string };
  };
  const here = { lng: main!.lng, lat: main!.lat };
  const there = { lng: other.lng, lat: other.lat };
  const report = (channel: string, category: string, location: { lng: number; lat: number }) =>
    post('dispatcher', '/api/cases', { description: category === 'L0101' ? '小区消防通道被车辆堵住了，请尽快处理' : '路口的路灯不亮了，晚上走路不方便，请修理', category, channel, location });
  const act = (user: string, id: string, action: string, body: unknown = {}) => post(user, `/api/cases/${id}/${action}`, body);
  const dispatch = (id: string, unit: string) => act('dispatcher', id, 'dispatch', { unitId: unit, reason: '按职责派单' });
  const zjHandler = zjUser!.username;

  at('2026-09-14T10:00:00'); const G = (await report('mobile', 'A0301', here)).id;
  at('2026-09-30T16:00:00'); const A = (await report('hotline', 'A0301', here)).id;
  at('2026-09-30T16:30:00'); await dispatch(A, cg);
  at('2026-10-08T09:00:00'); await act('handler', A, 'accept');
  at('2026-10-10T10:00:00'); await act('handler', A, 'resolve', { reply: '已更换灯泡' });
  at('2026-10-10T10:30:00'); await act('dispatcher', A, 'rate', { score: 'satisfied' });
  at('2026-10-12T09:00:00'); const B = (await report('hotline', 'A0301', here)).id;
  at('2026-10-12T09:10:00'); await dispatch(B, cg);
  at('2026-10-12T09:40:00'); await act('handler', B, 'accept');
  at('2026-10-12T10:00:00'); const C = (await report('web', 'A0301', there)).id;
  at('2026-10-12T10:05:00'); await dispatch(C, cg);
  at('2026-10-12T10:30:00'); await act('handler', C, 'return', { reason: '不属于本局职责' });
  at('2026-10-12T10:40:00'); await dispatch(C, cg);
  at('2026-10-12T11:00:00'); await act('handler', C, 'return', { reason: '仍不属于本局职责' });
  at('2026-10-12T11:10:00'); await dispatch(C, cg);
  at('2026-10-12T14:00:00'); await act('handler', C, 'accept');
  at('2026-10-13T09:00:00'); const D = (await report('hotline', 'A0301', here)).id;
  at('2026-10-13T09:05:00'); await dispatch(D, cg);
  at('2026-10-13T09:30:00'); const E = (await report('hotline', 'A0301', here)).id;
  at('2026-10-13T09:35:00'); await act('dispatcher', E, 'merge', { targetCaseId: D });
  at('2026-10-13T11:10:00'); await act('handler', B, 'resolve', { reply: '已修复' });
  at('2026-10-13T11:30:00'); await act('dispatcher', B, 'rate', { score: 'basically_satisfied' });
  at('2026-10-13T15:00:00'); await sweepDeadlines(t.deps);
  at('2026-10-14T09:00:00'); await act('handler', C, 'resolve', { reply: '已修复' });
  at('2026-10-14T09:30:00'); await act('dispatcher', C, 'rate', { score: 'unsatisfied', followUp: 'reopen' });
  at('2026-10-14T10:00:00'); await act('handler', C, 'accept');
  at('2026-10-14T20:00:00'); const F = (await report('patrol', 'L0101', here)).id;
  at('2026-10-14T20:05:00'); await dispatch(F, cg);
  at('2026-10-14T20:20:00'); await act('handler', F, 'accept');
  at('2026-10-14T21:30:00'); await act('handler', F, 'resolve', { reply: '已疏通' });
  at('2026-10-15T09:00:00'); const H = (await report('hotline', 'A0301', here)).id;
  at('2026-10-15T09:05:00'); await dispatch(H, zj);
  at('2026-10-15T09:30:00'); await act('handler', C, 'resolve', { reply: '已彻底修复' });
  at('2026-10-15T09:35:00'); await act(zjHandler, H, 'accept');
  at('2026-10-15T10:00:00'); await act('dispatcher', C, 'rate', { score: 'satisfied' });
  at('2026-10-15T10:00:00'); const I = (await report('hotline', 'L0101', here)).id;
  at('2026-10-15T11:05:00'); await act(zjHandler, H, 'resolve', { reply: '已处理' });
  at('2026-10-15T11:30:00'); await act('dispatcher', H, 'rate', { score: 'unsatisfied', followUp: 'rectify' });
  at('2026-10-15T12:00:00');
  return {
    ids: { A, B, C, D, E, F, G, H, I },
    townshipOf: { main: townshipMain, other: other.path.split('/')[2]! },
    gridOf: { main: main!.id, other: other.id },
    unitOf: { cg, zj },
  };
}
