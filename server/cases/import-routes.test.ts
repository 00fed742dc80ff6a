import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.js';
import { grids } from '../db/schema/org.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { parseImportFile } from './import-parse.js';

let t: TestApp;
let at: { lng: number; lat: number };

/** A multipart/form-data body with one file, as a browser's form sends it. */
function form(filename: string, content: Buffer, field = 'file') {
  const boundary = `----jiceng${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`, 'utf8');
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(username: string, filename: string, content: Buffer, field = 'file') {
  const { payload, headers } = form(filename, content, field);
  const res = await t.app.inject({ method: 'POST', url: '/api/cases/import', payload, headers: { ...headers, authorization: `Bearer ${await t.login(username)}` } });
  return { status: res.statusCode, body: res.json() };
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

beforeAll(async () => {
  t = await createTestApp();
  const [g] = await t.deps.db.select().from(grids).limit(1);
  at = { lng: g!.centroidLng, lat: g!.centroidLat };
});
afterAll(() => t.close());

describe('POST /api/cases/import', () => {
  it('answers a dispatcher with the per-row report and records the file by name and hash', async () => {
    const res = await upload('dispatcher', '热线工单.csv', csv(['工单编号,诉求内容,经度,纬度', `R-1,幸福路口的路灯坏了一个星期,${at.lng},${at.lat}`, 'R-2,太短']));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 2, created: 1, duplicates: 0, failed: 1 });
    expect(res.body.rows[0]).toMatchObject({ row: 2, status: 'created', externalRef: 'R-1', number: expect.stringMatching(/^QH-\d{8}-\d{4}$/) });
    expect(res.body.rows[1]).toMatchObject({ row: 3, status: 'failed', errors: [{ field: 'description', column: '诉求内容' }] });
    const [entry] = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'cases_imported'), eq(auditEntries.subjectId, res.body.importId)));
    expect(entry!.attachments).toEqual([expect.objectContaining({ name: '热线工单.csv', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(entry!.requestId).toBeTruthy();
  });

  it('fails the whole file with a 400 naming a missing required column', async () => {
    const res = await upload('dispatcher', 'orders.csv', csv(['工单编号,标题,地址', 'R-9,路灯,幸福路']));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_file');
    expect(res.body.error.message).toContain('诉求内容');
    expect(res.body.error.details.missing).toEqual(['诉求内容']);
  });

  it('refuses people who may not import', async () => {
    const res = await upload('handler', 'orders.csv', csv(['工单编号,诉求内容', 'R-3,幸福路口的路灯坏了一个星期']));
    expect(res.status).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/cases/import', ...form('orders.csv', csv(['工单编号,诉求内容'])) });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a file over 5 MB with 413, and takes one of 3 MB (above the 2 MB JSON body limit)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
    const res = await upload('dispatcher', 'big.csv', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const filler = 'x'.repeat(1536 * 1024);
    const ok = await upload('dispatcher', 'wide.csv', csv(['工单编号,诉求内容,备注', `R-4,幸福路口的路灯坏了一个星期,${filler}`, `R-5,东关村的垃圾好几天没人清运,${filler}`]));
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
    expect(ok.body).toMatchObject({ total: 2, created: 2, ignoredColumns: ['备注'] });
  });

  it('wants multipart with a "file" field', async () => {
    const json = await t.request('POST', '/api/cases/import', { token: await t.login('dispatcher'), body: { file: 'x' } });
    expect(json.status).toBe(415);
    const wrongField = await upload('dispatcher', 'orders.csv', csv(['工单编号,诉求内容']), 'upload');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.details.field).toBe('file');
  });
});

describe('the API description', () => {
  it('lists the import and the template', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(Object.keys(paths['/api/cases/import'])).toEqual(['post']);
    expect(paths['/api/cases/import/template'].get.parameters).toEqual([expect.objectContaining({ name: 'format', in: 'query' })]);
  });
});

describe('GET /api/cases/import/template', () => {
  it('downloads an XLSX template that the import itself reads, named 工单导入模板.xlsx', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/import/template?format=xlsx', headers: { authorization: `Bearer ${await t.login('dispatcher')}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('工单导入模板.xlsx')}`);
    const parsed = await parseImportFile(res.rawPayload, '工单导入模板.xlsx');
    expect(Object.keys(parsed.columns)).toHaveLength(11);
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ row: 2, values: { externalRef: '12345-20261115-0001', category: 'A0301', lng: 115.7 } });
  });

  it('also comes as CSV, and is for importers only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/import/template?format=csv', headers: { authorization: `Bearer ${await t.login('dispatcher')}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('\uFEFF工单编号,标题,诉求内容')).toBe(true);
    const denied = await t.request('GET', '/api/cases/import/template', { token: await t.login('resident') });
    expect(denied.status).toBe(403);
  });
});
