import http from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grids } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
afterAll(() => t.close());

/** Opens an event stream and collects the case events it receives. */
function listen(token: string) {
  const events: { id: string; status: string }[] = [];
  const req = http.get(`${base}/api/cases/events`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
    res.setEncoding('utf8');
    let buf = '';
    res.on('data', (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: case') && data) events.push(JSON.parse(data.slice(6)));
      }
    });
  });
  return { events, close: () => req.destroy() };
}

const until = async (ok: () => boolean, ms = 3000) => {
  for (const end = Date.now() + ms; Date.now() < end && !ok(); ) await new Promise((r) => setTimeout(r, 25));
};

describe('live updates', () => {
  it('pushes a new case to the dispatcher and to nobody who may not see it', async () => {
    const dispatcher = listen(await t.login('dispatcher'));
    const resident = listen(await t.login('resident'));
    await new Promise((r) => setTimeout(r, 200));
    const [me] = await t.deps.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'gridworker'));
    const [g] = await t.deps.db.select().from(grids).where(eq(grids.unitId, me!.unitId));
    const c = await t.request('POST', '/api/cases', { token: await t.login('gridworker'), body: { description: '路口红绿灯不亮了，车辆通行混乱', location: { lng: g!.centroidLng, lat: g!.centroidLat } } });
    await until(() => dispatcher.events.some((e) => e.id === c.body.id));
    expect(dispatcher.events).toContainEqual({ id: c.body.id, number: c.body.number, status: 'received' });
    // The resident's stream works — their own report, sent after, reaches it — yet the grid worker's case never did.
    const own = await t.request('POST', '/api/cases', { token: await t.login('resident'), body: { description: '楼下的垃圾桶三天没人清理了，气味很大' } });
    expect(own.status).toBe(201);
    await until(() => resident.events.some((e) => e.id === own.body.id));
    expect(resident.events.map((e) => e.id)).toEqual([own.body.id]);
    dispatcher.close();
    resident.close();
  });

  it('refuses a stream without signing in', async () => {
    const res = await t.request('GET', '/api/cases/events');
    expect(res.status).toBe(401);
  });
});
