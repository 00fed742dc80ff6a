import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { verifyBundle } from './bundle.js';
import { verifyCheckpoint } from './checkpoint.js';
import { evidenceConfig, TEST_SIGNING_KEY } from './evidence.testutil.js';
import { fromHex } from './hash.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';
import { verifyLog } from './verify-log.js';
import { checkpoint } from './checkpointer.js';

let t: TestApp;
let caseId: string;
const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from('JFIF a pretend photo of a broken lamp')]);
const photoSha = createHash('sha256').update(photo).digest('hex');

beforeAll(async () => {
  t = await createTestApp({ config: evidenceConfig('sha256') });
  const res = await t.request('POST', '/api/cases', {
    token: await t.login('resident'),
    body: { description: '村口路灯坏了一个星期，晚上很黑', attachments: [{ filename: '路灯.jpg', contentBase64: photo.toString('base64') }] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  caseId = res.body.id;
});
afterAll(() => t.close());

describe('GET /api/cases/:id/evidence', () => {
  it('gives the reporter a bundle of the whole case trail that verifies offline, files included', async () => {
    const res = await t.request('GET', `/api/cases/${caseId}/evidence`, { token: await t.login('resident') });
    expect(res.status).toBe(200);
    const bundle = res.body;
    expect(bundle.subject).toEqual({ type: 'case', id: caseId });
    expect(bundle.entries.map((e: { entry: { action: string; subjectId: string } }) => [e.entry.action, e.entry.subjectId])).toEqual([['received', caseId]]);
    expect(bundle.algorithm).toBe('sha256');
    expect(bundle.attachments).toEqual([{ name: '路灯.jpg', sha256: photoSha, size: photo.length }]);
    const result = await verifyBundle(bundle, { trustedKeyIds: [TEST_SIGNING_KEY.keyId] });
    expect(result.problems).toEqual([]);
  });

  it('is "not found or no access" for someone who may not read the case, and 401 signed out', async () => {
    const other = await t.request('GET', `/api/cases/${caseId}/evidence`, { token: await t.login('resident-2') });
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(/not found or no access/);
    const missing = await t.request('GET', `/api/cases/00000000-0000-4000-8000-000000000000/evidence`, { token: await t.login('admin') });
    expect(missing.body.error.message).toBe(other.body.error.message);
    expect((await t.request('GET', `/api/cases/${caseId}/evidence`)).status).toBe(401);
  });

  it('serves the attachment files as opaque downloads', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/evidence/attachments/${photoSha}`, headers: { authorization: `Bearer ${await t.login('resident')}` } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(photo)).toBe(true);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="__.jpg"; filename*=UTF-8''${encodeURIComponent('路灯.jpg')}`);
    const wrong = await t.request('GET', `/api/cases/${caseId}/evidence/attachments/${'0'.repeat(64)}`, { token: await t.login('resident') });
    expect(wrong.status).toBe(404);
    const hidden = await t.request('GET', `/api/cases/${caseId}/evidence/attachments/${photoSha}`, { token: await t.login('resident-2') });
    expect(hidden.status).toBe(404);
  });
});

describe('the published checkpoint and proofs', () => {
  it('documents the routes in the OpenAPI description', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/audit/checkpoints/latest', '/api/audit/proofs/inclusion', '/api/cases/{id}/evidence']));
    expect(res.body.paths['/api/audit/checkpoints/latest'].get.security).toEqual([]);
  });

  it('publishes the latest checkpoint to anyone, with the key that checks it', async () => {
    const res = await t.request('GET', '/api/audit/checkpoints/latest');
    expect(res.status).toBe(200);
    const { signature, publicKey, ...cp } = res.body;
    expect(cp.keyId).toBe(TEST_SIGNING_KEY.keyId);
    expect(publicKey).toBe(TEST_SIGNING_KEY.publicKeyPem);
    expect(verifyCheckpoint(cp, signature, publicKey)).toBe(true);
  });

  it('proves inclusion and consistency against signed roots, for signed-in users only', async () => {
    const token = await t.login('gridworker');
    const first = (await t.request('GET', '/api/audit/checkpoints/latest')).body;
    const seq = first.treeSize - 1;
    const inc = await t.request('GET', `/api/audit/proofs/inclusion?seq=${seq}&treeSize=${first.treeSize}`, { token });
    expect(inc.status).toBe(200);
    expect(inc.body.rootHash).toBe(first.rootHash);
    expect(verifyInclusion('sha256', fromHex(inc.body.leafHash), seq, first.treeSize, inc.body.inclusionProof.map(fromHex), fromHex(first.rootHash))).toBe(true);

    const half = Math.max(1, Math.floor(first.treeSize / 2));
    const con = await t.request('GET', `/api/audit/proofs/consistency?first=${half}&second=${first.treeSize}`, { token });
    expect(con.status).toBe(200);
    expect(con.body.secondRoot).toBe(first.rootHash);
    expect(verifyConsistency('sha256', half, first.treeSize, fromHex(con.body.firstRoot), fromHex(first.rootHash), con.body.consistencyProof.map(fromHex))).toBe(true);

    expect((await t.request('GET', `/api/audit/proofs/inclusion?seq=0`)).status).toBe(401);
    const beyond = await t.request('GET', `/api/audit/proofs/inclusion?seq=${first.treeSize}&treeSize=${first.treeSize}`, { token });
    expect(beyond.status).toBe(400);
    const tooBig = await t.request('GET', `/api/audit/proofs/consistency?first=1&second=${first.treeSize + 10_000}`, { token });
    expect(tooBig.status).toBe(400);
  });
});

describe('the log behind the routes', () => {
  it('holds every entry the demo county, the sign-ins and the case wrote, all sequenced and intact', async () => {
    await checkpoint(t.deps);
    const log = await verifyLog(t.deps, { trustedKeyIds: [TEST_SIGNING_KEY.keyId] });
    expect(log.problems).toEqual([]);
    const [all] = await t.deps.db.select({ n: count() }).from(auditEntries);
    expect(all!.n).toBeGreaterThan(1);
    expect(log.treeSize).toBe(all!.n);
    expect(log.queued).toBe(0);
  });
});
