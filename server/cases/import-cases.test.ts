import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.js';
import { auditEntries } from '../db/schema/audit.js';
import { caseCounters, cases, categories } from '../db/schema/cases.js';
import { grids } from '../db/schema/org.js';
import type { Ctx } from '../platform/context.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { getCase } from './get-case.js';
import { importCases, type ImportReport } from './import-cases.js';

let t: TestApp;
let dispatcher: Ctx;
let handler: Ctx;
let spots: { lng: number; lat: number }[];

async function ctxOf(username: string): Promise<Ctx> {
  const auth = await authenticate(t.deps, await t.login(username));
  return { ...t.deps, actor: auth!.actor, meta: { requestId: 'test' } };
}

const header = ['工单编号', '标题', '诉求内容', '问题分类', '地址', '经度', '纬度', '来电人', '联系电话', '紧急程度', '来电时间', '备注'];

/** Five work orders: three good, one without a description, one located in Beijing (outside the county). */
function fiveOrders(prefix: string): (string | number)[][] {
  const [a, b] = spots;
  return [
    [`${prefix}-1`, '路灯不亮', '幸福路口的路灯坏了，晚上很黑, 老人说"太危险了"', 'A0301', '幸福路口', a!.lng, a!.lat, '张三', '13812345678', '一般', '2026-11-15 09:30', '回访过'],
    [`${prefix}-2`, '', '', 'A0301', '', '', '', '李四', '13900001111', '', '', ''],
    [`${prefix}-3`, '', '小区门口下水道堵了，污水漫到路上', '路灯不亮', '', b!.lng, b!.lat, '王五', '0318-1234567', '紧急', '', ''],
    [`${prefix}-4`, '', '北京来的工单，位置在县外面', '', '', 116.5, 39.9, '', '', '', '', ''],
    [`${prefix}-5`, '', '村里的垃圾好几天没人清运了\n味道很大', '', '城关镇东关村', '', '', '', '', '', '', ''],
  ];
}

/** A CSV in the way Excel writes one: every field quoted when it has to be, CRLF line ends. */
function toCsv(rows: (string | number)[][]): string {
  const q = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

/** GBK bytes of a text, from a table built by decoding every two-byte GBK code (Node can decode GBK but not encode it). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no GBK code for ${ch}`);
  }
  return Buffer.from(bytes);
}

function expectFiveOrdersReport(report: ImportReport, firstDataRow: number) {
  expect(report).toMatchObject({ total: 5, created: 3, duplicates: 0, failed: 2 });
  expect(report.rows.map((r) => [r.row, r.status])).toEqual([
    [firstDataRow, 'created'],
    [firstDataRow + 1, 'failed'],
    [firstDataRow + 2, 'created'],
    [firstDataRow + 3, 'failed'],
    [firstDataRow + 4, 'created'],
  ]);
  expect(report.rows[1]!.errors!.map((e) => e.field)).toEqual(['description']);
  expect(report.rows[1]!.externalRef).toMatch(/-2$/);
  expect(report.rows[3]!.errors).toEqual([expect.objectContaining({ field: 'location', message: expect.stringContaining('不在本县范围内') })]);
}

beforeAll(async () => {
  t = await createTestApp();
  dispatcher = await ctxOf('dispatcher');
  handler = await ctxOf('handler');
  spots = (await t.deps.db.select({ lng: grids.centroidLng, lat: grids.centroidLat }).from(grids).limit(2)).map((g) => ({ lng: g.lng, lat: g.lat }));
});
afterAll(() => t.close());

describe('importing hotline work orders', () => {
  it('creates the good rows of a CSV, reports the bad ones by field, and a second import creates nothing new', async () => {
    const file = { buffer: Buffer.from(toCsv([header, ...fiveOrders('CSV')]), 'utf8'), filename: '热线工单.csv' };
    const report = await importCases(dispatcher, file);
    expectFiveOrdersReport(report, 2);
    expect(report.rows[1]!.errors![0]!.column).toBe('诉求内容');
    expect(report.rows[3]!.errors![0]!.column).toBe('经度/纬度');
    expect(report.ignoredColumns).toEqual(['备注']);

    const rows = await t.deps.db.select().from(cases).where(and(eq(cases.channel, 'import'), inArray(cases.externalRef, ['CSV-1', 'CSV-2', 'CSV-3', 'CSV-4', 'CSV-5'])));
    expect(rows.map((r) => r.externalRef).sort()).toEqual(['CSV-1', 'CSV-3', 'CSV-5']);
    const first = await getCase(dispatcher, report.rows[0]!.caseId!);
    expect(first.description).toBe('幸福路口的路灯坏了，晚上很黑, 老人说"太危险了"');
    expect(first.contact).toEqual({ name: '张**', phoneMasked: '138****5678' });
    expect(rows.find((r) => r.externalRef === 'CSV-1')!.contactCipher).not.toContain('13812345678');
    const received = first.timeline[0]!;
    expect(received.action).toBe('received');
    expect(received.changes?.hotlineReceivedAt?.after).toBe('2026-11-15T01:30:00.000Z');
    expect(received.changes?.importId?.after).toBe(report.importId);
    // The category given by name resolves to its code; 紧急 makes the case urgent.
    const third = await getCase(dispatcher, report.rows[2]!.caseId!);
    expect(third.category?.code).toBe('A0301');
    expect(third.urgency).toBe('urgent');
    expect((await getCase(dispatcher, report.rows[4]!.caseId!)).location).toEqual({ lng: null, lat: null, address: '城关镇东关村' });

    const [entry] = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'cases_imported'), eq(auditEntries.subjectId, report.importId)));
    expect(entry!.subjectType).toBe('import');
    expect(entry!.actorId).toBe(dispatcher.actor.id);
    expect(entry!.changes).toMatchObject({ total: { after: 5 }, created: { after: 3 }, duplicates: { after: 0 }, failed: { after: 2 } });

    // The re-import is answered from the check before intake: it does not even use up case numbers.
    const counters = await t.deps.db.select().from(caseCounters);
    const again = await importCases(dispatcher, file);
    expect(await t.deps.db.select().from(caseCounters)).toEqual(counters);
    expect(again).toMatchObject({ total: 5, created: 0, duplicates: 3, failed: 2 });
    expect(again.rows.filter((r) => r.status === 'duplicate').map((r) => r.caseId)).toEqual(report.rows.filter((r) => r.status === 'created').map((r) => r.caseId));
    const after = await t.deps.db.select({ id: cases.id }).from(cases).where(and(eq(cases.channel, 'import'), inArray(cases.externalRef, ['CSV-1', 'CSV-3', 'CSV-5'])));
    expect(after).toHaveLength(3);
  });

  it('reads an XLSX the same way: English headers, a title row above them, number and date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('导出');
    sheet.addRow(['12345热线工单导出（2026-11-15）']);
    sheet.addRow(['work order no', 'title', 'description', 'category', 'address', 'lng', 'lat', 'name', 'phone', 'urgency', 'receivedAt', 'memo']);
    for (const r of fiveOrders('XLSX')) {
      const row = [...r];
      row[8] = r[8] === '13812345678' ? 13812345678 : r[8]!; // a phone typed as a number
      sheet.addRow(row.map((v, i) => (i === 10 && v ? new Date(`${String(v).replace(' ', 'T')}:00Z`) : v === '' ? null : v)));
    }
    const report = await importCases(dispatcher, { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), filename: 'orders.xlsx' });
    expectFiveOrdersReport(report, 3);
    const first = await getCase(dispatcher, report.rows[0]!.caseId!);
    expect(first.contact).toEqual({ name: '张**', phoneMasked: '138****5678' });
    expect(first.timeline[0]!.changes?.hotlineReceivedAt?.after).toBe('2026-11-15T01:30:00.000Z');
    expect((await importCases(dispatcher, { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), filename: 'orders.xlsx' })).duplicates).toBe(3);
  });

  it('decodes a CSV saved in GBK by Excel', async () => {
    const text = toCsv([['工单编号', '诉求内容', '问题分类'], ['GBK-1', '东关村路口的路灯不亮，晚上很黑', '路灯不亮']]);
    const report = await importCases(dispatcher, { buffer: gbk(text), filename: 'gbk.csv' });
    expect(report.created).toBe(1);
    const c = await getCase(dispatcher, report.rows[0]!.caseId!);
    expect(c.description).toBe('东关村路口的路灯不亮，晚上很黑');
    const [category] = await t.deps.db.select({ name: categories.name }).from(categories).where(eq(categories.code, c.category!.code));
    expect(category!.name).toBe('路灯不亮');
  });

  it('two imports of one file at once still create each work order once', async () => {
    const file = { buffer: Buffer.from(toCsv([header, ...fiveOrders('RACE')]), 'utf8'), filename: 'race.csv' };
    const [a, b] = await Promise.all([importCases(dispatcher, file), importCases(dispatcher, file)]);
    expect(a!.created + b!.created).toBe(3);
    expect(a!.duplicates + b!.duplicates).toBe(3);
    const rows = await t.deps.db.select({ id: cases.id }).from(cases).where(and(eq(cases.channel, 'import'), inArray(cases.externalRef, ['RACE-1', 'RACE-3', 'RACE-5'])));
    expect(rows).toHaveLength(3);
  });

  it('takes a large file in batches: every row in order, a work order repeated in the file only once', async () => {
    const [a] = spots;
    const orders = Array.from({ length: 150 }, (_, i) => [`BULK-${i + 1}`, '', `第${i + 1}号工单：东风路${i + 1}号门口的井盖丢了`, 'A0301', '', a!.lng, a!.lat, '', '', '', '', '']);
    orders.splice(100, 0, ['BULK-7', '', '第7号工单又打来一次：东风路7号门口的井盖丢了', 'A0301', '', a!.lng, a!.lat, '', '', '', '', '']);
    const report = await importCases(dispatcher, { buffer: Buffer.from(toCsv([header, ...orders]), 'utf8'), filename: 'bulk.csv' });
    expect(report).toMatchObject({ total: 151, created: 150, duplicates: 1, failed: 0 });
    expect(report.rows.map((r) => r.row)).toEqual(Array.from({ length: 151 }, (_, i) => i + 2));
    expect(report.rows.map((r) => r.externalRef)).toEqual(orders.map((o) => o[0]));
    const repeat = report.rows[100]!;
    expect(repeat).toMatchObject({ status: 'duplicate', externalRef: 'BULK-7', caseId: report.rows[6]!.caseId, number: report.rows[6]!.number });
    const stored = await t.deps.db.select({ id: cases.id, ref: cases.externalRef, description: cases.description }).from(cases).where(eq(cases.channel, 'import'));
    const bulk = stored.filter((c) => c.ref?.startsWith('BULK-'));
    expect(bulk).toHaveLength(150);
    for (const r of report.rows.filter((x) => x.status === 'created')) {
      expect(bulk.find((c) => c.id === r.caseId)!.description).toBe(`第${r.externalRef!.slice(5)}号工单：东风路${r.externalRef!.slice(5)}号门口的井盖丢了`);
    }
    expect(new Set(report.rows.map((r) => r.number)).size).toBe(150);
  });

  it('is for dispatchers and admins only', async () => {
    const file = { buffer: Buffer.from(toCsv([header, ...fiveOrders('DENY')]), 'utf8'), filename: 'deny.csv' };
    await expect(importCases(handler, file)).rejects.toMatchObject({ code: 'forbidden' });
    const rows = await t.deps.db.select({ id: cases.id }).from(cases).where(inArray(cases.externalRef, ['DENY-1']));
    expect(rows).toHaveLength(0);
  });
});
