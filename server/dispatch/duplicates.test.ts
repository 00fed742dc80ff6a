import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { farGridCentre, gridCentreOf, report as reportNow, storedCase, unitIdOf } from './dispatch.testutil.js';

let t: TestApp;
let here: { lng: number; lat: number };
let near: { lng: number; lat: number };
let far: { lng: number; lat: number };
let tokens: Record<string, string>;

const manhole = '幸福小区3号楼门口的下水道井盖不见了，晚上路过很容易掉下去';
const manholeAgain = '幸福小区3号楼门口下水道的井盖丢了，晚上走路容易踩空掉下去，请尽快处理';
const rubbish = '菜市场门口垃圾堆了好几天没人清运，臭味很大';
const rubbishAgain = '菜市场门口的垃圾好几天没人清运了，臭味很大，麻烦处理';
const lamp = '幸福小区3号楼楼下的路灯坏了好几天了，一到夜里就漆黑一片，老人出门很不方便';

/** Reports a minute after the previous report, as people do. */
const report = (...args: Parameters<typeof reportNow>) => {
  t.deps.clock.advance(60_000);
  return reportNow(...args);
};
const ids = (items: { id: string }[]) => items.map((i) => i.id);
const duplicatesOf = async (id: string, username = 'dispatcher') =>
  t.request('GET', `/api/cases/${id}/duplicates`, { token: tokens[username] });

beforeAll(async () => {
  t = await createTestApp();
  const c = await gridCentreOf(t);
  here = { lng: c.lng, lat: c.lat };
  near = { lng: c.lng + 0.0005, lat: c.lat + 0.0007 }; // about 90 m away
  const f = await farGridCentre(t, here, 3);
  far = { lng: f.lng, lat: f.lat };
  tokens = {};
  for (const u of ['gridworker', 'resident', 'dispatcher', 'handler', 'cadre']) tokens[u] = await t.login(u);
});
afterAll(() => t.close());

describe('duplicates of a case', () => {
  let first: string;
  let second: string;

  it('finds an open case reported nearby in other words, at intake and for the dispatcher', async () => {
    first = (await report(t, tokens.gridworker!, { description: manhole, location: here })).id;
    second = (await report(t, tokens.resident!, { description: manholeAgain, location: near })).id;
    const stored = await storedCase(t, second);
    expect(stored.prediction?.duplicates?.map((d) => d.id)).toEqual([first]);
    const res = await duplicatesOf(second);
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([first]);
    const [match] = res.body.items;
    expect(match.similarity).toBeGreaterThanOrEqual(0.35);
    expect(match.distanceMeters).toBeLessThan(200);
    expect(match).toMatchObject({ visible: true, title: expect.stringContaining('井盖'), status: 'received' });
    // Suggestions look back: the earlier case is not told to merge into the later one.
    expect(ids((await duplicatesOf(first)).body.items)).toEqual([]);
  });

  it('does not match the same words far away, nor another problem at the same place', async () => {
    const elsewhere = (await report(t, tokens.gridworker!, { description: manhole, location: far })).id;
    expect(ids((await duplicatesOf(elsewhere)).body.items)).toEqual([]);
    const other = (await report(t, tokens.gridworker!, { description: lamp, location: here })).id;
    expect(ids((await duplicatesOf(other)).body.items)).not.toContain(first);
  });

  it('does not offer closed cases', async () => {
    const done = (await report(t, tokens.gridworker!, { description: rubbish, category: 'B0201', location: here })).id;
    const unit = await unitIdOf(t, '城管局');
    const steps: [string, string, object][] = [
      ['dispatcher', 'dispatch', { unitId: unit, reason: '城管局负责' }],
      ['handler', 'accept', {}],
      ['handler', 'resolve', { reply: '已清运完毕' }],
      ['gridworker', 'rate', { score: 'satisfied' }],
    ];
    for (const [who, action, body] of steps) {
      const res = await t.request('POST', `/api/cases/${done}/${action}`, { token: tokens[who], body });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    expect((await storedCase(t, done)).status).toBe('closed');
    const again = (await report(t, tokens.gridworker!, { description: rubbishAgain, location: here })).id;
    expect(ids((await duplicatesOf(again)).body.items)).toEqual([]);
    expect((await storedCase(t, again)).prediction?.duplicates ?? []).toEqual([]); // intake's own check agrees
    // The same report beside an open one is found, so it was closure that excluded it.
    const open = (await report(t, tokens.gridworker!, { description: rubbish, location: here })).id;
    expect(ids((await duplicatesOf(open)).body.items)).toEqual([again]);
    expect(ids((await storedCase(t, open)).prediction?.duplicates ?? [])).toEqual([again]);
  });

  it('only people who may read the case get suggestions', async () => {
    expect((await duplicatesOf(first, 'resident')).status).toBe(404);
  });
});

describe('the report form check', () => {
  it('shows a resident the open cases a draft repeats, hiding what they may not read', async () => {
    const res = await t.request('POST', '/api/dispatch/duplicates', { token: tokens.resident, body: { description: manholeAgain, location: here } });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(2);
    const own = res.body.items.find((i: { visible: boolean }) => i.visible);
    const other = res.body.items.find((i: { visible: boolean }) => !i.visible);
    expect(own.title).toContain('井盖');
    expect(other).toMatchObject({ title: '', status: 'received', number: expect.stringMatching(/^QH-/) });
  });

  it('a dispatcher sees every match; a report outside the county is refused', async () => {
    const res = await t.request('POST', '/api/dispatch/duplicates', { token: tokens.dispatcher, body: { description: manhole, location: near } });
    expect(res.body.items.every((i: { visible: boolean }) => i.visible)).toBe(true);
    expect(res.body.items.length).toBe(2);
    const outside = await t.request('POST', '/api/dispatch/duplicates', { token: tokens.dispatcher, body: { description: manhole, location: { lng: 10, lat: 10 } } });
    expect(outside.status).toBe(400);
  });

  it('forgets cases older than 30 days', async () => {
    t.deps.clock.advance(31 * 86_400_000);
    const res = await t.request('POST', '/api/dispatch/duplicates', { token: tokens.dispatcher, body: { description: manhole, location: here } });
    expect(res.body.items).toEqual([]);
  });
});
