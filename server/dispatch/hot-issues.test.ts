import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../db/schema/org.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { gridCentreOf, report } from './dispatch.testutil.js';

let t: TestApp;
let grid: { lng: number; lat: number; gridId: string };
let burst: string[];
let townshipName: string;

const complaints: [string | null, string][] = [
  ['gridworker', '幸福小区南门的垃圾站好几天没人清运了，垃圾堆成了山，臭味熏天'],
  ['cadre', '南门垃圾站的垃圾一直没人拉走，天热臭得受不了'],
  ['resident', '幸福小区南门垃圾站垃圾满了溢出来，好几天没清运'],
  ['township', '小区南门垃圾站臭气熏天，垃圾好多天没人运走'],
  [null, '幸福小区南门垃圾站又堆满了，没人清运，苍蝇很多'],
];
const others = ['楼上装修噪音太大，中午也不停', '小区门口的路灯坏了，晚上很黑', '公交车站牌被车撞歪了'];

beforeAll(async () => {
  t = await createTestApp();
  grid = await gridCentreOf(t);
  const [g] = await t.deps.db.select({ path: units.path }).from(units).where(eq(units.id, grid.gridId));
  const townshipId = g!.path.split('/').filter(Boolean)[1]!;
  townshipName = (await t.deps.db.select({ name: units.name }).from(units).where(eq(units.id, townshipId)))[0]!.name;
  const at = { lng: grid.lng, lat: grid.lat };
  burst = [];
  for (const [who, description] of complaints) {
    t.deps.clock.advance(3_600_000);
    burst.push((await report(t, who ? await t.login(who) : null, { description, location: at })).id);
  }
  for (const description of others) await report(t, await t.login('gridworker'), { description, location: at });
});
afterAll(() => t.close());

describe('hot issues', () => {
  it('group a burst of similar reports in one township, with distinct reporters and growth', async () => {
    const res = await t.request('GET', '/api/dispatch/hotspots?days=14&level=township', { token: await t.login('leader') });
    expect(res.status).toBe(200);
    expect(res.body.casesConsidered).toBe(complaints.length + others.length);
    const [top, ...rest] = res.body.items;
    expect([...top.caseIds].sort()).toEqual([...burst].sort());
    expect(top).toMatchObject({ placeName: townshipName, cases: 5, reporters: 5, growth: { last7Days: 5, previous7Days: 0 } });
    expect(top.label).toContain('垃圾');
    // The cases behind it, newest first, with what a leader needs to open them.
    expect(top.caseList.map((c: { id: string }) => c.id).sort()).toEqual([...burst].sort());
    expect(top.caseList[0]).toMatchObject({ number: expect.any(String), title: expect.stringContaining('垃圾'), status: 'received' });
    const times = top.caseList.map((c: { receivedAt: string }) => c.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(top.heat).toBeGreaterThan(5);
    expect(rest).toEqual([]);
  });

  it('by grid, the place is the grid', async () => {
    const res = await t.request('GET', '/api/dispatch/hotspots?level=grid', { token: await t.login('dispatcher') });
    expect(res.body.items[0]).toMatchObject({ placeId: grid.gridId, cases: 5 });
  });

  it('are scoped: a department with no task on these cases sees none, the grid worker of the grid sees them', async () => {
    const handler = await t.request('GET', '/api/dispatch/hotspots', { token: await t.login('handler') });
    expect(handler.body).toMatchObject({ items: [], casesConsidered: 0 });
    const own = await t.request('GET', '/api/dispatch/hotspots', { token: await t.login('gridworker') });
    expect(own.body.items[0].cases).toBe(5);
    expect((await t.request('GET', '/api/dispatch/hotspots?days=0', { token: await t.login('leader') })).status).toBe(400);
  });

  it('are cached for a minute, then computed again', async () => {
    const token = await t.login('leader');
    const before = await t.request('GET', '/api/dispatch/hotspots', { token });
    await report(t, await t.login('resident'), { description: '南门垃圾站的垃圾还是没人清运，臭味很大', location: { lng: grid.lng, lat: grid.lat } });
    expect((await t.request('GET', '/api/dispatch/hotspots', { token })).body).toEqual(before.body);
    t.deps.clock.advance(61_000);
    const after = await t.request('GET', '/api/dispatch/hotspots', { token });
    expect(after.body.items[0].cases).toBe(6);
  });

  it('count a person once however they took part: under their name, anonymously, or by following', async () => {
    const token = await t.login('leader');
    const at = { lng: grid.lng, lat: grid.lat };
    const topNow = async () => {
      t.deps.clock.advance(61_000);
      return (await t.request('GET', '/api/dispatch/hotspots', { token })).body.items[0];
    };
    const before = await topNow();
    // The cadre, who reported under their name above, reports the same again anonymously: one more case, no more people.
    await report(t, await t.login('cadre'), { description: '南门垃圾站的垃圾好几天没清运了，臭味很重', location: at, anonymous: true });
    const again = await topNow();
    expect(again).toMatchObject({ cases: before.cases + 1, reporters: before.reporters });
    // Someone new follows one of the cases: one more person; the same person then reports it anonymously: still one.
    const supervisor = await t.login('supervisor');
    expect((await t.request('POST', `/api/cases/${burst[0]}/follow`, { token: supervisor })).status).toBe(200);
    const followed = await topNow();
    expect(followed).toMatchObject({ cases: again.cases, reporters: again.reporters + 1 });
    await report(t, supervisor, { description: '幸福小区南门垃圾站还是没人清运，垃圾堆满了', location: at, anonymous: true });
    expect(await topNow()).toMatchObject({ cases: again.cases + 1, reporters: again.reporters + 1 });
  });
});
