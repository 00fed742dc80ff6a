// 数据驾驶舱: figures from the API, filters, drill-down to the cases, the grid map, reports, the wall display and 360 px.
// The server starts on a county with 3,000 synthetic cases over two years and last month's reports.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { loginThroughForm, openPage, pageWidth, paintedPixels } from './support/browser.js';
import { desktop, password, phone, pointInFirstGrid, screenshots, useServerAndBrowser } from './support/suite.js';

const { server, browser } = useServerAndBrowser({ prepare: [['seed', '--synthetic', '3000'], ['cockpit', 'report']] });

interface Summary {
  period: { from: string; to: string };
  kpis: Record<string, number | null>;
}
interface CasePage {
  items: { id: string; number: string }[];
  total: number;
}

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

async function openCockpit(page: Page): Promise<void> {
  await page.getByTestId('menu-cockpit').click();
  await page.waitForURL((url) => url.pathname === '/cockpit');
  await page.locator('[data-testid="cockpit-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

const kpiValue = (page: Page, kpi: string) => page.getByTestId(`kpi-${kpi}`).getAttribute('data-value');

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(900); // let ECharts finish its entry animation
  await page.screenshot({ path: path.join(screenshots, name), fullPage });
}

describe('the cockpit, as the county leader', () => {
  it('shows the API’s KPIs and live counters, draws the map, and follows a township and a period', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'leader', password);
      const summary = await getJson<Summary>(context.request, '/api/cockpit/summary');
      expect(summary.kpis.received).toBeGreaterThan(50);
      await openCockpit(page);

      expect(await kpiValue(page, 'received')).toBe(String(summary.kpis.received));
      expect(await page.getByTestId('kpi-received').getByTestId('kpi-value').innerText()).toBe(summary.kpis.received!.toLocaleString('zh-CN'));
      const rate = summary.kpis.resolutionRate!;
      expect(await page.getByTestId('kpi-resolutionRate').getByTestId('kpi-value').innerText()).toBe(`${(rate * 100).toFixed(1)}%`);
      expect(await page.getByTestId('cockpit-period').innerText()).toContain(`${summary.period.from} 至 ${summary.period.to}`);

      const live = await getJson<{ openNow: number }>(context.request, '/api/cockpit/live');
      await expect.poll(() => page.getByTestId('live-openNow').locator('.live-value').innerText(), { timeout: 15_000 }).toBe(live.openNow.toLocaleString('zh-CN'));

      // The map is drawn: thousands of shaded pixels, not an empty canvas.
      await page.getByTestId('cockpit-map').locator('canvas').first().waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(() => paintedPixels(page, '[data-testid="cockpit-map"]'), { timeout: 20_000 }).toBeGreaterThan(20_000);
      await expect.poll(() => paintedPixels(page, '[data-testid="trend-chart"]'), { timeout: 20_000 }).toBeGreaterThan(5_000);
      await shot(page, 'cockpit-1440.png');

      // The busiest township, so its figures surely differ from the county's.
      const townships = await getJson<{ groups: { key: string; name: string; kpis: { received: number } }[] }>(context.request, '/api/cockpit/breakdown?by=township');
      const township = townships.groups[0]!;
      expect(township.kpis.received).toBeLessThan(summary.kpis.received!);
      await page.getByTestId('filter-area').click();
      await page.keyboard.type(township.name);
      await page.locator('.ant-select-tree-title', { hasText: township.name }).first().click();
      await expect.poll(() => kpiValue(page, 'received'), { timeout: 15_000 }).toBe(String(township.kpis.received));
      expect(new URL(page.url()).searchParams.get('townshipId')).toBe(township.key);
      const scoped = await getJson<Summary>(context.request, `/api/cockpit/summary?townshipId=${township.key}`);
      await expect.poll(() => kpiValue(page, 'overdue')).toBe(String(scoped.kpis.overdue));

      // The period: the last 7 days of that township.
      // antd gives the test id to both inputs of the range; the first opens the picker with its presets.
      await page.getByTestId('filter-period').first().click();
      await page.locator('.ant-picker-presets li', { hasText: '近7天' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('from'), { timeout: 10_000 }).not.toBeNull();
      const from = new URL(page.url()).searchParams.get('from');
      const to = new URL(page.url()).searchParams.get('to');
      const week = await getJson<Summary>(context.request, `/api/cockpit/summary?townshipId=${township.key}&from=${from}&to=${to}`);
      expect(week.period).toEqual({ from, to });
      await expect.poll(() => kpiValue(page, 'received'), { timeout: 15_000 }).toBe(String(week.kpis.received));
      expect(week.kpis.received).toBeLessThan(township.kpis.received);
    } finally {
      await context.close();
    }
  });

  it('opens the cases behind a league-table row, a KPI card and a grid of the map', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'leader', password);
      await openCockpit(page);
      const drawer = page.getByTestId('drill-list');

      // A league-table row: the unit's cases of the period, as the API lists them.
      const league = await getJson<{ groups: { key: string; name: string; rank: number | null; kpis: { received: number } }[] }>(
        context.request,
        '/api/cockpit/breakdown?by=unit&sort=resolvedOnTimeRate&order=desc',
      );
      const row = page.getByTestId('league-row').first();
      await row.waitFor({ timeout: 20_000 });
      // The table shows the server's order and ranks: units with too few cases to rank follow, without a rank.
      const shown = () => page.getByTestId('league-row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-unit'), e.getAttribute('data-rank')]));
      await expect.poll(shown, { timeout: 15_000 }).toEqual(league.groups.map((g) => [g.name, g.rank === null ? '' : String(g.rank)]));
      const unitName = await row.getAttribute('data-unit');
      const unit = league.groups.find((g) => g.name === unitName)!;
      await row.click();
      await expect.poll(() => drawer.getAttribute('data-total'), { timeout: 15_000 }).toBe(String(unit.kpis.received));
      const cases = await getJson<CasePage>(context.request, `/api/cockpit/cases?unitId=${unit.key}&kpi=received&page=1&pageSize=10`);
      expect(cases.total).toBe(unit.kpis.received);
      await expect.poll(() => drawer.getByTestId('case-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-case-number')))).toEqual(
        cases.items.map((c) => c.number),
      );
      await shot(page, 'cockpit-drill-1440.png', false);
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });

      // A KPI card: the total is the figure on the card.
      const overdue = await kpiValue(page, 'overdue');
      await page.getByTestId('kpi-overdue').click();
      await expect.poll(() => drawer.getAttribute('data-total'), { timeout: 15_000 }).toBe(overdue);
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });

      // A grid of the map: the drawer names the grid, and its total is the grid's figure on the map.
      const map = await getJson<{ items: { name: string; received: number }[] }>(context.request, '/api/cockpit/map?metric=cases');
      await page.getByTestId('cockpit-map').scrollIntoViewIfNeeded();
      await expect.poll(() => paintedPixels(page, '[data-testid="cockpit-map"]'), { timeout: 20_000 }).toBeGreaterThan(20_000);
      const drillTitle = page.locator('.drill-drawer .ant-drawer-title');
      // A click while the chart redraws (a live update, the closing drawer's layout) can fall between two paints: the
      // map is clicked again until a drawer opens.
      for (let attempt = 1; ; attempt++) {
        const box = await page.getByTestId('cockpit-map').boundingBox();
        if (!box) throw new Error('the map has no box');
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const opened = await drillTitle.waitFor({ timeout: 5_000 }).then(() => true, () => false);
        if (opened) break;
        if (attempt === 3) throw new Error('clicking the middle of the map opened no drawer, three times');
      }
      const title = await drillTitle.innerText();
      const grid = map.items.find((i) => title.startsWith(`${i.name} ·`));
      expect(grid, title).toBeDefined();
      await expect.poll(() => drawer.getAttribute('data-total'), { timeout: 15_000 }).toBe(String(grid!.received));

      // And a case in the list opens its page; a grid without cases in the period lists none.
      if (grid!.received > 0) {
        const first = drawer.getByTestId('case-card').first();
        const number = await first.getAttribute('data-case-number');
        expect(number).toMatch(/^[A-Z]+-\d{8}-(\d{4,}|S\d{8})$/); // a case taken in, or a demo one (S…)
        await first.locator('a').first().click();
        await page.locator(`[data-testid="case-page"][data-case-number="${number}"]`).waitFor({ timeout: 20_000 });
      } else {
        expect(await drawer.getByTestId('case-card').count()).toBe(0);
      }
    } finally {
      await context.close();
    }
  });

  it('lists last month’s reports with a spreadsheet and a printable page', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'leader', password);
      await openCockpit(page);
      const { items } = await getJson<{ items: { unitId: string | null; unitName: string; format: string }[] }>(context.request, '/api/cockpit/reports');
      const county = items.find((r) => r.unitId === null)!;
      expect(county).toBeDefined();
      const first = page.getByTestId('report-row').first();
      await first.waitFor({ timeout: 20_000 });
      expect(await first.innerText()).toContain(county.unitName);

      const xlsx = await context.request.get((await first.getByTestId('report-xlsx').getAttribute('href'))!);
      expect(xlsx.status()).toBe(200);
      expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
      const html = await context.request.get((await first.getByTestId('report-print').getAttribute('href'))!);
      expect(await html.text()).toContain(`${county.unitName} `);
      expect(await first.getByTestId('report-print').getAttribute('target')).toBe('_blank');
    } finally {
      await context.close();
    }
  });

  it('turns into a dark 1920×1080 wall display in full screen, without scrolling', async () => {
    const wall = { width: 1920, height: 1080 };
    const { context, page } = await openPage(browser(), server().baseUrl, wall);
    try {
      await loginThroughForm(page, 'leader', password);
      await openCockpit(page);
      await page.getByTestId('cockpit-fullscreen').click();
      await page.locator('[data-testid="cockpit-page"][data-wall="true"]').waitFor({ timeout: 10_000 });
      const state = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { fullscreenElement: { getAttribute(n: string): string | null; scrollHeight: number; clientHeight: number } | null } }).document;
        const el = doc.fullscreenElement;
        return { testId: el?.getAttribute('data-testid') ?? null, scrollHeight: el?.scrollHeight ?? 0, clientHeight: el?.clientHeight ?? 0 };
      });
      expect(state.testId).toBe('cockpit-page');
      expect(state.scrollHeight).toBeLessThanOrEqual(state.clientHeight + 1);
      await expect.poll(() => paintedPixels(page, '[data-testid="cockpit-map"]'), { timeout: 20_000 }).toBeGreaterThan(20_000);
      await shot(page, 'cockpit-wall-1920.png', false);
      await page.getByTestId('cockpit-fullscreen').click();
      await page.locator('[data-testid="cockpit-page"][data-wall="false"]').waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });

  it('fits a phone (360 px)', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'leader', password);
      await page.goto('/cockpit');
      await page.locator('[data-testid="cockpit-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => paintedPixels(page, '[data-testid="cockpit-map"]'), { timeout: 20_000 }).toBeGreaterThan(5_000);
      const width = await pageWidth(page);
      expect(width).toBeLessThanOrEqual(phone.width);
      await shot(page, 'cockpit-360.png');
    } finally {
      await context.close();
    }
  });
});

describe('the cockpit, as township staff', () => {
  it('shows only the township’s figures and areas', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'township', password);
      const summary = await getJson<Summary>(context.request, '/api/cockpit/summary');
      await openCockpit(page);
      expect(await kpiValue(page, 'received')).toBe(String(summary.kpis.received));
      // The area filter starts at the staff's own township, the one every grid of the map lies in.
      const { items: units } = await getJson<{ items: { id: string; kind: string; name: string }[] }>(context.request, '/api/org/units');
      const own = units.filter((u) => u.kind === 'township');
      expect(own).toHaveLength(1);
      await page.getByTestId('filter-area').click();
      await expect.poll(() => page.locator('.ant-select-tree-title').allInnerTexts()).toEqual([own[0]!.name]);
      const map = await getJson<{ items: { townshipId: string }[] }>(context.request, '/api/cockpit/map');
      expect([...new Set(map.items.map((i) => i.townshipId))]).toEqual([own[0]!.id]);
    } finally {
      await context.close();
    }
  });
});

describe('热点问题, as the county leader', () => {
  it('ranks the API’s hot issues, opens one onto the cases behind it, and a case from there', async () => {
    // A burst of one problem in the grid worker's grid, reported through the API as the app would.
    const login = await fetch(`${server().baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gridworker', password }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const grids = (await (await fetch(`${server().baseUrl}/api/org/grids`, { headers: auth })).json()) as { features: { geometry: { coordinates: number[][][] } }[] };
    const location = pointInFirstGrid(grids);
    const texts = [
      '东方红小区北门的污水井堵了，污水漫到路面上，臭味很大',
      '东方红小区北门污水井堵塞，污水流到马路上，臭气熏天',
      '东方红小区北门那个污水井又堵了，路上全是污水，很臭',
      '东方红小区北门污水井堵塞好几天了，污水漫路，臭味大',
    ];
    const burst: string[] = [];
    for (const description of texts) {
      const res = await fetch(`${server().baseUrl}/api/cases`, { method: 'POST', headers: auth, body: JSON.stringify({ description, location }) });
      expect(res.status).toBe(201);
      burst.push(((await res.json()) as { number: string }).number);
    }

    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'leader', password);
      await page.getByTestId('menu-hot-issues').click();
      await page.locator('[data-testid="hot-issues"][data-ready="true"]').waitFor({ timeout: 30_000 });
      const answer = await getJson<{ items: { label: string; keywords: string[]; caseList: { number: string }[]; cases: number }[]; casesConsidered: number }>(
        context.request, '/api/dispatch/hotspots?days=14&level=township');
      const ours = answer.items.findIndex((i) => burst.every((n) => i.caseList.some((c) => c.number === n)));
      expect(ours, 'the burst is one hot issue').toBeGreaterThanOrEqual(0);
      await expect.poll(() => page.getByTestId('hot-issue').count()).toBe(answer.items.length);
      expect(await page.getByTestId('hot-issues-considered').innerText()).toContain(String(answer.casesConsidered));

      const head = page.locator(`[data-testid="hot-issue"][data-rank="${ours + 1}"]`);
      expect(await head.getByTestId('hot-issue-label').innerText()).toBe(answer.items[ours]!.keywords.join(' · ') || answer.items[ours]!.label);
      expect(await head.getByTestId('hot-issue-cases').innerText()).toBe(`${answer.items[ours]!.cases} 件`);
      await head.click();
      const list = page.getByTestId('hot-issue-case-list').filter({ has: page.locator(`[data-case-number="${burst[0]}"]`) });
      await list.waitFor({ timeout: 15_000 });
      for (const n of burst) expect(await list.locator(`[data-case-number="${n}"]`).count()).toBe(1);
      await shot(page, 'hot-issues-1440.png');

      await list.locator(`[data-case-number="${burst[3]}"]`).click();
      await page.waitForURL((url) => url.pathname.startsWith('/cases/'));
      await expect.poll(() => page.getByTestId('case-description').innerText(), { timeout: 15_000 }).toBe(texts[3]);
    } finally {
      await context.close();
    }
  });

  it('reads on a phone (360 px), the issue and its cases without sideways scrolling', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'leader', password);
      await page.goto('/hot-issues');
      await page.locator('[data-testid="hot-issues"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="hot-issue"][data-rank="1"]').click();
      await page.getByTestId('hot-issue-case').first().waitFor({ timeout: 15_000 });
      const width = await pageWidth(page);
      expect(width).toBeLessThanOrEqual(360);
      await shot(page, 'hot-issues-360.png');
    } finally {
      await context.close();
    }
  });
});
