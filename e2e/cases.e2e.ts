// The case ledger by clicking: report → dispatch → accept → resolve → rate, and the live queue. One server for the file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loginThroughForm, openPage, pageWidth, paintedPixels } from './support/browser.js';
import { desktop, password, phone, pointInFirstGrid, screenshots, useServerAndBrowser } from './support/suite.js';

const { server, browser } = useServerAndBrowser();

// A real 1×1 PNG: the server sniffs the content, so the photo must be one.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Opens a menu page by clicking its entry (through the drawer on a phone). */
async function openMenu(page: Page, key: string): Promise<void> {
  const toggle = page.getByTestId('nav-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.getByTestId(`menu-${key}`).click();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let antd's transitions settle before the picture
  await page.screenshot({ path: path.join(screenshots, name), fullPage: true });
}

/** Signs in through the API, as a script or another system would, and returns the bearer token. */
async function tokenOf(username: string): Promise<string> {
  const res = await fetch(`${server().baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Taps the middle of the report form's map, which shows the grid worker's grid, and waits for the place to show. */
async function pickMapCentre(page: Page, context: BrowserContext): Promise<void> {
  const map = page.getByTestId('location-map');
  await map.locator('canvas').first().waitFor({ state: 'attached', timeout: 30_000 });
  await expect.poll(() => paintedPixels(page, '[data-testid="location-map"]'), { timeout: 20_000 }).toBeGreaterThan(2_000);
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const grids = (await (await context.request.get('/api/org/grids')).json()) as { features: { properties: { name: string } }[] };
  const gridName = grids.features[0]?.properties.name ?? '';
  await expect.poll(() => page.getByTestId('report-place').innerText(), { timeout: 15_000 }).toContain(gridName);
}

describe('the case loop, by clicking', () => {
  let number = '';

  it('a grid worker reports a broken street lamp on the map and gets its number', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'gridworker', password);
      await openMenu(page, 'cases-new');
      await page.locator('[data-testid="report-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
      // A text that reads as an emergency gets the warning and the urgent switch; this report is not one.
      await page.getByTestId('report-description').fill('幸福路口的电线杆倒了，电线掉落在地上，还冒火花');
      await page.getByTestId('urgency-hint').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('urgency-hint').innerText()).toContain('119');
      expect(await page.getByTestId('report-urgent').getAttribute('aria-checked')).toBe('true');
      await page.getByTestId('report-urgent').click();
      await page.getByTestId('report-description').fill('幸福路口的路灯已经坏了一个星期，晚上黑灯瞎火，老人走路容易摔倒');
      await page.getByTestId('urgency-hint').waitFor({ state: 'detached', timeout: 15_000 });

      await pickMapCentre(page, context);

      await page.getByTestId('report-category').click();
      await page.keyboard.type('路灯不亮');
      await page.locator('.ant-cascader-menu-item', { hasText: '路灯不亮' }).first().click();
      await expect.poll(() => page.getByTestId('report-category').innerText()).toContain('路灯不亮');
      await page.getByTestId('report-attachments').locator('input[type=file]').setInputFiles({ name: '路灯.png', mimeType: 'image/png', buffer: png });
      await shot(page, 'report-360.png');

      await page.getByTestId('report-submit').click();
      const shown = page.getByTestId('report-number');
      await shown.waitFor({ timeout: 30_000 });
      number = (await shown.innerText()).trim();
      expect(number).toMatch(/^[A-Z]+-\d{8}-\d{4}$/);
      await shot(page, 'report-done-360.png');
    } finally {
      await context.close();
    }
  });

  it('the dispatcher finds it in the workbench and sends it to the suggested unit, 城管局', async () => {
    expect(number).not.toBe('');
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'dispatcher', password);
      await openMenu(page, 'cases-dispatch');
      const row = page.locator(`[data-testid="queue-row"][data-case-number="${number}"]`);
      await row.waitFor({ timeout: 30_000 });
      await expect.poll(() => row.getByTestId('suggested-unit').innerText(), { timeout: 15_000 }).toBe('城管局');
      await shot(page, 'dispatch-1440.png');
      await row.getByTestId('queue-open').click();
      const oneClick = page.getByTestId('dispatch-suggested');
      await oneClick.waitFor({ timeout: 15_000 });
      expect(await oneClick.innerText()).toContain('城管局');
      await shot(page, 'dispatch-drawer-1440.png');
      await oneClick.click();
      await row.waitFor({ state: 'detached', timeout: 15_000 });
    } finally {
      await context.close();
    }
  });

  it('the 城管 handler accepts it and resolves it with a reply from the task list', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'handler', password);
      await openMenu(page, 'cases-tasks');
      const card = page.locator(`[data-testid="case-card"][data-case-number="${number}"]`);
      await card.waitFor({ timeout: 30_000 });
      expect(await card.getByTestId('case-deadline').innerText()).toMatch(/剩余|已超时/);
      await card.getByTestId('task-accept').click();
      await card.getByTestId('task-resolve').waitFor({ timeout: 15_000 });
      await expect.poll(() => card.getByTestId('case-status').innerText(), { timeout: 15_000 }).toBe('已签收');
      await shot(page, 'tasks-360.png');
      await card.getByTestId('task-resolve').click();
      await page.getByTestId('action-reply').fill('已更换灯泡并检修线路，路灯恢复正常');
      await page.getByTestId('action-submit').click();
      await card.waitFor({ state: 'detached', timeout: 15_000 });
    } finally {
      await context.close();
    }
  });

  it('the grid worker rates it 满意 from my reports: closed, with every step on the timeline', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'gridworker', password);
      await openMenu(page, 'cases-mine');
      const card = page.locator(`[data-testid="case-card"][data-case-number="${number}"]`);
      await card.waitFor({ timeout: 30_000 });
      await expect.poll(() => card.getByTestId('case-status').innerText(), { timeout: 15_000 }).toBe('已办结');
      await card.locator('a').first().click();
      await page.locator(`[data-testid="case-page"][data-case-number="${number}"]`).waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('case-file').count()).toBe(1);
      await page.getByTestId('action-rate').click();
      await page.getByTestId('rate-satisfied').click();
      // On a loaded machine the click can land before the form listens: see the choice take before sending it.
      await expect.poll(() => page.locator('[data-testid="rate-score"] .ant-radio-button-wrapper-checked').innerText(), { timeout: 10_000 }).toBe('满意');
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-form-rate').waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => page.getByTestId('case-status').first().innerText(), { timeout: 15_000 }).toBe('已结案');
      expect(await page.getByTestId('case-rating').innerText()).toBe('满意');
      const entries = page.getByTestId('timeline-entry');
      expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['received', 'dispatched', 'accepted', 'resolved', 'rated']);
      const text = await page.getByTestId('case-timeline').innerText();
      for (const word of ['受理', '派单', '签收', '办结', '评价']) expect(text).toContain(word);
      expect(text).toContain('已更换灯泡并检修线路');
      await shot(page, 'case-360.png');

      await openMenu(page, 'cases-mine');
      // The list may show its cached page for a moment while it re-reads.
      await expect.poll(() => card.getByTestId('case-status').innerText(), { timeout: 15_000 }).toBe('已结案');
      await shot(page, 'my-reports-360.png');
    } finally {
      await context.close();
    }
  });

  it('shows the closed case at 1440 px', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'dispatcher', password);
      expect(number).not.toBe('');
      const found = (await (await context.request.get(`/api/cases?q=${number}`)).json()) as { items: { id: string }[] };
      expect(found.items).toHaveLength(1);
      await page.goto(`/cases/${found.items[0]!.id}`);
      await page.locator(`[data-testid="case-page"][data-case-number="${number}"]`).waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('case-status').first().innerText(), { timeout: 15_000 }).toBe('已结案');
      const actions = await page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
      expect(actions).toEqual(['received', 'dispatched', 'accepted', 'resolved', 'rated']);
      // The place is drawn, not just an empty canvas.
      await expect.poll(() => paintedPixels(page, '[data-testid="location-map"]'), { timeout: 20_000 }).toBeGreaterThan(2_000);
      await shot(page, 'case-1440.png');
    } finally {
      await context.close();
    }
  });
});

describe('a 12345 call entered by the dispatcher', () => {
  it('shows the server’s refusal on the phone field, then files the call with the number masked', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'dispatcher', password);
      await openMenu(page, 'cases-new');
      await page.locator('[data-testid="report-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await page.getByTestId('report-caller-name').fill('王建华');
      await page.getByTestId('report-caller-phone').fill('call me maybe');
      await page.getByTestId('report-description').fill('来电反映：小区门口下水道堵塞，污水冒到路面上');
      await page.getByTestId('report-submit').click();
      const phoneItem = page.locator('.ant-form-item', { has: page.getByTestId('report-caller-phone') });
      await expect.poll(() => phoneItem.locator('.ant-form-item-explain-error').allInnerTexts(), { timeout: 15_000 }).toEqual([
        expect.stringContaining('电话号码格式不正确'),
      ]);
      await shot(page, 'report-hotline-1440.png');

      await page.getByTestId('report-caller-phone').fill('13800001234');
      await page.getByTestId('report-submit').click();
      const shown = page.getByTestId('report-number');
      await shown.waitFor({ timeout: 30_000 });
      const found = (await (await context.request.get(`/api/cases?q=${(await shown.innerText()).trim()}`)).json()) as { items: { id: string }[] };
      const c = (await (await context.request.get(`/api/cases/${found.items[0]?.id}`)).json()) as { channel: string; contact: { phoneMasked: string } };
      expect(c.channel).toBe('hotline');
      expect(c.contact.phoneMasked).toBe('138****1234');
    } finally {
      await context.close();
    }
  });

  it('lists it in the workbench on a phone', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'dispatcher', password);
      await openMenu(page, 'cases-dispatch');
      await page.locator('[data-testid="queue-row"]').first().waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="suggested-unit"]').first().waitFor({ timeout: 15_000 });
      await shot(page, 'dispatch-360.png');
      const width = await pageWidth(page);
      expect(width).toBeLessThanOrEqual(phone.width);
    } finally {
      await context.close();
    }
  });
});

describe('the supervision board', () => {
  it('counts the yellow and red cards the API counts', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'supervisor', password);
      await openMenu(page, 'cases-supervision');
      await page.locator('[data-testid="supervision-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
      for (const card of ['red', 'yellow']) {
        const { total } = (await (await context.request.get(`/api/cases?card=${card}`)).json()) as { total: number };
        expect(await page.getByTestId(`count-${card}`).innerText()).toContain(String(total));
      }
      await shot(page, 'supervision-1440.png');
    } finally {
      await context.close();
    }
  });
});

describe('the workbench, live', () => {
  it('shows a case reported through the API without reloading', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'dispatcher', password);
      await openMenu(page, 'cases-dispatch');
      await page.locator('[data-testid="dispatch-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
      // A mark on the window survives only if the page is never reloaded.
      await page.evaluate(() => ((globalThis as unknown as { liveMark: number }).liveMark = 42));

      const res = await fetch(`${server().baseUrl}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf('cadre')}` },
        body: JSON.stringify({ description: '村口的路灯闪个不停，晚上像在放烟花，吵得睡不着', category: 'A0301', urgency: 'urgent' }),
      });
      expect(res.status).toBe(201);
      const created = (await res.json()) as { number: string };

      const row = page.locator(`[data-testid="queue-row"][data-case-number="${created.number}"]`);
      await row.waitFor({ timeout: 20_000 });
      expect(await row.getByTestId('case-urgent').innerText()).toBe('紧急');
      expect(await page.evaluate(() => (globalThis as unknown as { liveMark?: number }).liveMark)).toBe(42);
    } finally {
      await context.close();
    }
  });
});

describe('already reported: following the open case instead of reporting it again', () => {
  it('offers the grid worker a case the hotline took in for the same grid, follows it, and lists it under 我关注的', async () => {
    // The hotline took the call first, for a point in the grid worker's grid (the middle of its first vertices).
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'gridworker', password);
      const grids = (await (await context.request.get('/api/org/grids')).json()) as { features: { geometry: { coordinates: number[][][] } }[] };
      const location = pointInFirstGrid(grids);
      const res = await fetch(`${server().baseUrl}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf('dispatcher')}` },
        body: JSON.stringify({
          description: '和平街菜市场东门的下水道井盖不见了，晚上路过很容易掉下去，请尽快补上', location, channel: 'hotline', contact: { phone: '13912345678' },
        }),
      });
      expect(res.status).toBe(201);
      const taken = (await res.json()) as { number: string };

      await openMenu(page, 'cases-new');
      await page.locator('[data-testid="report-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await page.getByTestId('report-description').fill('和平街菜市场东门下水道的井盖丢了，晚上走路容易掉下去');
      await pickMapCentre(page, context);
      const offered = page.locator(`[data-testid="duplicate-offer-item"][data-case-number="${taken.number}"]`);
      await offered.waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('duplicate-offer').innerText()).toContain('已有人反映过类似问题');
      await shot(page, 'duplicate-offer-360.png');
      // Following is not anonymous: with 匿名 on, no offer.
      await page.getByTestId('report-anonymous').click();
      await page.getByTestId('duplicate-offer').waitFor({ state: 'detached', timeout: 15_000 });
      await page.getByTestId('report-anonymous').click();
      await offered.waitFor({ timeout: 15_000 });
      await offered.getByTestId('duplicate-offer-follow').click();

      await page.getByTestId('report-followed').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('report-followed').innerText()).toContain(`已关注工单 ${taken.number}`);
      await page.getByTestId('report-view-following').click();
      const card = page.locator(`[data-testid="followed-card"][data-case-number="${taken.number}"]`);
      await card.waitFor({ timeout: 15_000 });
      expect(await card.innerText()).toContain('井盖');

      // Nothing was filed twice: the grid worker's own reports do not hold it, and the case counts one follower.
      const mine = (await (await context.request.get('/api/cases?mine=true&q=和平街菜市场东门')).json()) as { total: number };
      expect(mine.total).toBe(0);

      // The grid worker may read the case: the card opens it, and the case page counts its follower.
      await card.locator('a').click();
      await expect.poll(() => page.getByTestId('case-followers').innerText(), { timeout: 15_000 }).toContain('1 人关注');
      await page.goBack();
      await card.getByTestId('followed-unfollow').click();
      await page.getByTestId('following-empty').waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });
});
