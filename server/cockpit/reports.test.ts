import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { monthlyReportsIfDue } from './jobs.js';
import { writeKpiCases, type KpiCases } from './kpi-cases.testutil.js';
import { generateMonthlyReports } from './reports.js';

let t: TestApp;
let k: KpiCases;
let leader: string;

beforeAll(async () => {
  t = await createTestApp();
  k = await writeKpiCases(t);
  leader = await t.login('leader');
}, 120_000);
afterAll(() => t.close());

const download = async (url: string, token = leader) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
};

describe('monthly reports', () => {
  it('the county report shows October against September, the slow units and the top problems, as XLSX', async () => {
    const res = await download('/api/cockpit/reports/monthly.xlsx?month=2026-10');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('月度报告'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const rows = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const overview = rows('概览');
    expect(overview[0]![0]).toBe('青禾县 2026-10 月度工单报告');
    expect(overview.find((r) => r[0] === '受理量')).toEqual(['受理量', '7', '2', '+250.0%']);
    expect(overview.find((r) => r[0] === '疑似推诿')).toEqual(['疑似推诿', '1', '0', '+1']);
    // No unit resolved 5 of October's cases (城管局 resolved B, C and F), so the slow-units sheet has its header only.
    expect(rows('办结最慢的单位')).toHaveLength(1);
    expect(rows('主要问题').slice(1).map((r) => [r[1], r[3], r[4]])).toEqual([['A0301', 5, 2], ['L0101', 2, 0]]);
  });

  it('a unit report is about the cases the unit leads; the HTML page is printable and self-contained', async () => {
    const res = await download(`/api/cockpit/reports/monthly.html?month=2026-10&unitId=${k.unitOf.zj}`);
    expect(res.status).toBe(200);
    const html = res.body.toString('utf8');
    expect(html).toContain('<title>住建局 2026-10 月度工单报告</title>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toMatch(/<td>受理量<\/td><td>1<\/td><td>0<\/td>/);
  });

  it('stored on schedule: last month when missing, once; listed and downloadable within reach', async () => {
    t.deps.clock.set('2026-11-01T00:30:00+08:00');
    const written = await monthlyReportsIfDue(t.deps);
    // The county, the six townships, and 城管局 and 住建局 (the units that led October's cases); two formats each.
    expect(written).toBe((1 + 6 + 2) * 2);
    expect(await monthlyReportsIfDue(t.deps)).toBe(0);
    const september = await generateMonthlyReports(t.deps, '2026-09');
    expect(september).toBeGreaterThanOrEqual((1 + 6) * 2);
    const list = await t.request('GET', '/api/cockpit/reports', { token: leader });
    expect(list.body.items.filter((r: { period: string }) => r.period === '2026-09')).toHaveLength(september);
    expect(list.body.items.filter((r: { period: string }) => r.period === '2026-10')).toHaveLength(18);
    const county = list.body.items.find((r: { period: string; unitId: string | null; format: string }) => r.period === '2026-10' && r.unitId === null && r.format === 'xlsx');
    const file = await download(`/api/cockpit/reports/${county.id}`);
    expect([file.status, file.body.length]).toEqual([200, county.size]);

    const township = await t.login('township');
    const [me] = await t.deps.db.select({ path: units.path }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.username, 'township'));
    const mine = me!.path.split('/')[2];
    const theirs = (await t.request('GET', '/api/cockpit/reports', { token: township })).body.items;
    expect(theirs.filter((r: { period: string }) => r.period === '2026-10').map((r: { format: string }) => r.format).sort()).toEqual(['html', 'xlsx']);
    expect(theirs.every((r: { unitId: string }) => r.unitId === mine)).toBe(true);
    expect((await download(`/api/cockpit/reports/${county.id}`, township)).status).toBe(404);
  });
});
