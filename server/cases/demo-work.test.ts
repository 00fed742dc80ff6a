import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemoWork } from './demo-work.js';

interface Item { id: string; number: string; status: string; urgency: string; channel: string }

let t: TestApp;
let work: Awaited<ReturnType<typeof seedDemoWork>>;
beforeAll(async () => {
  t = await createTestApp();
  work = await seedDemoWork(t.deps);
});
afterAll(() => t.close());

const list = async (username: string, query: string): Promise<Item[]> => {
  const res = await t.request('GET', `/api/cases?${query}`, { token: await t.login(username) });
  expect(res.status).toBe(200);
  return (res.body as { items: Item[] }).items;
};

describe('the work a demo county starts with', () => {
  it('puts fresh reports in the dispatcher’s queue, an urgent one and a hotline call among them', async () => {
    expect(work).toEqual({ received: 6, dispatched: 1, accepted: 1 });
    const queue = await list('dispatcher', 'status=received');
    expect(queue).toHaveLength(6);
    expect(queue.some((c) => c.urgency === 'urgent')).toBe(true);
    expect(queue.map((c) => c.channel).sort()).toEqual(['cadre', 'hotline', 'patrol', 'patrol', 'web', 'web']);
  });

  it('offers the dispatcher the resident’s repeat report as a duplicate of the patrol’s first one', async () => {
    const token = await t.login('dispatcher');
    const [repeat] = (await list('resident', 'mine=true')).filter((c) => c.status === 'received');
    const seen = (await t.request('GET', `/api/cases/${repeat!.id}`, { token })).body as { prediction?: { duplicates?: { number: string }[] } };
    const sent = await list('handler', 'status=accepted');
    expect(seen.prediction?.duplicates?.map((d) => d.number)).toContain(sent[0]!.number);
  });

  it('shows the leader the patrol’s first report, raised three times and followed once, as a hot issue', async () => {
    const sent = await list('handler', 'status=accepted');
    const hot = (await t.request('GET', '/api/dispatch/hotspots?days=14', { token: await t.login('leader') })).body as { items: { caseList: { number: string }[]; cases: number; reporters: number }[] };
    const issue = hot.items.find((i) => i.caseList.some((c) => c.number === sent[0]!.number));
    expect(issue).toMatchObject({ cases: 3, reporters: 4 });
    const following = (await t.request('GET', '/api/cases/following', { token: await t.login('cadre') })).body as { items: { number: string }[] };
    expect(following.items.map((i) => i.number)).toEqual([sent[0]!.number]);
  });

  it('gives the 城管 handler one case to sign for and one signed, each with its trail', async () => {
    const waiting = await list('handler', 'status=dispatched');
    const signed = await list('handler', 'status=accepted');
    expect([waiting.length, signed.length]).toEqual([1, 1]);
    const page = (await t.request('GET', `/api/cases/${signed[0]!.id}`, { token: await t.login('handler') })).body as { timeline: { action: string }[] };
    expect(page.timeline.map((e) => e.action)).toEqual(['received', 'followed', 'dispatched', 'accepted']);
  });
});
