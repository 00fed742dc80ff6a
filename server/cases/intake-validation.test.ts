import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.js';
import { caseAttachments, cases } from '../db/schema/cases.js';
import { grids } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';

let t: TestApp;
let token: string;
let at: { lng: number; lat: number };
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

async function totals() {
  const [[c], [a], [f]] = await Promise.all([
    t.deps.db.select({ n: count() }).from(cases),
    t.deps.db.select({ n: count() }).from(auditEntries),
    t.deps.db.select({ n: count() }).from(caseAttachments),
  ]);
  return { cases: c!.n, audit: a!.n, files: f!.n };
}

beforeAll(async () => {
  t = await createTestApp();
  token = await t.login('gridworker');
  const [me] = await t.deps.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'gridworker'));
  const [g] = await t.deps.db.select().from(grids).where(eq(grids.unitId, me!.unitId));
  at = { lng: g!.centroidLng, lat: g!.centroidLat };
});
afterAll(() => t.close());

const bad: { name: string; body: Record<string, unknown>; status: number; code: string; mentions: string }[] = [
  { name: 'no description', body: { title: '路灯' }, status: 400, code: 'validation_failed', mentions: 'description' },
  { name: 'a description too short', body: { description: '灯' }, status: 400, code: 'validation_failed', mentions: 'description' },
  { name: 'a location outside the county', body: { description: '路灯不亮了，晚上很黑', location: { lng: 116.4, lat: 39.9 } }, status: 400, code: 'invalid_location', mentions: 'outside the county' },
  { name: 'an impossible coordinate', body: { description: '路灯不亮了，晚上很黑', location: { lng: 500, lat: 37 } }, status: 400, code: 'validation_failed', mentions: 'location.lng' },
  { name: 'a control character (PostgreSQL stores no NUL)', body: { description: '路灯不亮了，\u0000晚上很黑' }, status: 400, code: 'validation_failed', mentions: 'description' },
  { name: 'an unknown category', body: { description: '路灯不亮了，晚上很黑', category: 'Z9999' }, status: 400, code: 'unknown_category', mentions: 'Z9999' },
  {
    name: 'an oversized attachment',
    body: { description: '路灯不亮了，晚上很黑', attachments: [{ filename: 'big.jpg', contentBase64: Buffer.concat([jpeg, Buffer.alloc(MAX_ATTACHMENT_BYTES)]).toString('base64') }] },
    status: 413,
    code: 'payload_too_large',
    mentions: '10 MB',
  },
  {
    name: 'a mislabelled attachment (a PNG called .jpg)',
    body: { description: '路灯不亮了，晚上很黑', attachments: [{ filename: 'photo.jpg', mime: 'image/jpeg', contentBase64: png.toString('base64') }] },
    status: 400,
    code: 'invalid_attachment',
    mentions: 'image/png',
  },
  {
    name: 'an attachment that is not a photo, voice note or PDF',
    body: { description: '路灯不亮了，晚上很黑', attachments: [{ filename: 'run.exe', contentBase64: Buffer.from('MZ\x90\x00 this is not an image at all').toString('base64') }] },
    status: 415,
    code: 'unsupported_media_type',
    mentions: 'run.exe',
  },
  { name: 'a hotline case from a grid worker', body: { description: '路灯不亮了，晚上很黑', channel: 'hotline' }, status: 403, code: 'forbidden', mentions: 'hotline' },
];

describe('intake rejects bad input with a 4xx that names the problem, and writes nothing', () => {
  for (const b of bad) {
    it(b.name, async () => {
      const before = await totals();
      const res = await t.request('POST', '/api/cases', { token, body: { location: at, ...b.body } });
      expect(res.status).toBe(b.status);
      expect(res.body.error.code).toBe(b.code);
      expect(JSON.stringify(res.body.error)).toContain(b.mentions);
      expect(await totals()).toEqual(before);
    });
  }

  it('accepts a good photo and records its hash in the trail', async () => {
    const res = await t.request('POST', '/api/cases', { token, body: { description: '路灯不亮了，晚上很黑', location: at, attachments: [{ filename: '现场.png', contentBase64: png.toString('base64') }] } });
    expect(res.status).toBe(201);
    const detail = await t.request('GET', `/api/cases/${res.body.id}`, { token });
    expect(detail.body.attachments).toHaveLength(1);
    expect(detail.body.attachments[0]).toMatchObject({ kind: 'photo', mime: 'image/png', size: png.length });
    expect(detail.body.timeline[0].attachments[0].sha256).toBe(detail.body.attachments[0].sha256);
  });

  it('takes anonymous public reports without signing in', async () => {
    const res = await t.request('POST', '/api/cases', { body: { description: '桥下有人非法倾倒垃圾', location: at } });
    expect(res.status).toBe(201);
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, res.body.id));
    expect(row).toMatchObject({ anonymous: true, reporterId: null, reporterIndex: null, channel: 'web' });
  });
});

describe('anonymity, attachments and automatic dispatch', () => {
  it('only an admin can reveal an anonymous reporter, with a reason, and the lookup is on the trail', async () => {
    const resident = await t.login('resident');
    const c = await t.request('POST', '/api/cases', { token: resident, body: { description: '有人在河边非法采砂，晚上机器声很大', location: at, anonymous: true } });
    expect((await t.request('POST', `/api/cases/${c.body.id}/reveal-reporter`, { token: await t.login('dispatcher'), body: { reason: '需要核实情况' } })).status).toBe(403);
    const admin = await t.login('admin');
    const revealed = await t.request('POST', `/api/cases/${c.body.id}/reveal-reporter`, { token: admin, body: { reason: '公安机关依法调取' } });
    expect(revealed.status).toBe(200);
    expect(revealed.body.reporter).toMatchObject({ username: 'resident', phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) });
    const detail = await t.request('GET', `/api/cases/${c.body.id}`, { token: admin });
    expect(detail.body.reporter).toBeNull();
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'reporter_revealed', reason: '公安机关依法调取' });
  });

  it('serves an attachment only to those who may read the case, with safe headers', async () => {
    const c = await t.request('POST', '/api/cases', { token, body: { description: '垃圾桶满了没人清理', location: at, attachments: [{ filename: '垃圾.png', contentBase64: png.toString('base64') }] } });
    const detail = await t.request('GET', `/api/cases/${c.body.id}`, { token });
    const url = `/api/cases/${c.body.id}/attachments/${detail.body.attachments[0].id}`;
    const ok = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.equals(png)).toBe(true);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-disposition']).toContain('attachment');
    const resident = await t.login('resident');
    const other = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${resident}` } });
    expect(other.statusCode).toBe(404);
    // Nor through a case the resident may read: the file must belong to the case named in the path.
    const own = await t.request('POST', '/api/cases', { token: resident, body: { description: '楼道里的灯坏了好几天了' } });
    expect(own.status).toBe(201);
    const borrowed = await t.app.inject({ method: 'GET', url: `/api/cases/${own.body.id}/attachments/${detail.body.attachments[0].id}`, headers: { authorization: `Bearer ${resident}` } });
    expect(borrowed.statusCode).toBe(404);
  });

  it('dispatches by rule without a person only when an admin allows it', async () => {
    const admin = await t.login('admin');
    const lamp = () => t.request('POST', '/api/cases', { token, body: { description: '路灯不亮，晚上很黑', location: at, category: 'A0301' } });
    expect((await lamp()).body.status).toBe('received');
    expect((await t.request('PUT', '/api/settings/dispatch', { token: await t.login('dispatcher'), body: { autoDispatch: true } })).status).toBe(403);
    const none = await t.request('PUT', '/api/settings/dispatch', { token: admin, body: {} });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('notifyEveryNewCase');
    expect((await t.request('PUT', '/api/settings/dispatch', { token: admin, body: { autoDispatch: true } })).body).toEqual({ autoDispatch: true, notifyEveryNewCase: false });
    const auto = await lamp();
    expect(auto.body.status).toBe('dispatched');
    const detail = await t.request('GET', `/api/cases/${auto.body.id}`, { token: admin });
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'dispatched']);
    expect(detail.body.timeline[1].actor).toMatchObject({ role: 'system' });
    await t.request('PUT', '/api/settings/dispatch', { token: admin, body: { autoDispatch: false } });
  });
});

describe('text at the edges', () => {
  it('derives a title that never cuts an emoji in half', async () => {
    const description = `${'路'.repeat(29)}😀后面还有很多字描述问题`;
    const res = await t.request('POST', '/api/cases', { token, body: { description, location: at } });
    expect(res.status).toBe(201);
    const detail = await t.request('GET', `/api/cases/${res.body.id}`, { token });
    expect(detail.body.title).toBe(`${'路'.repeat(29)}😀`);
  });
});
