// The pages: grid map, user management, the admin forms, and the phone layout.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleLabels } from '../common/roles.js';
import { menuFor } from '../web/src/app/menu.js';
import { loginThroughForm, openPage, pageWidth } from './support/browser.js';
import {
  demoAccounts,
  desktop,
  password,
  phone,
  screenshots,
  useServerAndBrowser,
  visibleMenu,
  waitForPaintedMap,
} from './support/suite.js';

const { server, browser } = useServerAndBrowser();

describe('the grid map', () => {
  it('draws the grid worker’s grid and shows its details on click', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'gridworker', password);
      const grids = (await (await context.request.get('/api/org/grids')).json()) as {
        features: { properties: { name: string } }[];
      };
      expect(grids.features.length).toBeGreaterThan(0);
      await page.getByTestId('menu-org-map').click();
      await waitForPaintedMap(page);
      expect(await page.getByTestId('grid-summary').innerText()).toContain(String(grids.features.length));

      const box = await page.getByTestId('grid-map').boundingBox();
      if (!box) throw new Error('the map has no box');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const names = grids.features.map((f) => f.properties.name);
      await expect.poll(() => page.getByTestId('grid-details').innerText()).toMatch(new RegExp(names.join('|')));
    } finally {
      await context.close();
    }
  });

  it('draws every grid for the admin (screenshot at 1440×900)', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'admin', password);
      const grids = (await (await context.request.get('/api/org/grids')).json()) as { features: unknown[] };
      await page.goto('/org/map');
      const painted = await waitForPaintedMap(page);
      expect(painted).toBeGreaterThan(50_000);
      // Every grid of the county, not just the admin's own corner of it.
      expect(grids.features.length).toBeGreaterThan(100);
      expect(await page.getByTestId('grid-summary').innerText()).toContain(String(grids.features.length));
      await page.waitForTimeout(800); // let ECharts finish its entry animation before the picture
      await page.screenshot({ path: path.join(screenshots, 'grid-map-1440.png') });
    } finally {
      await context.close();
    }
  });
});

describe('user management', () => {
  it('lists the users the API lists and finds each demo account', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'admin', password);
      const firstPage = (await (await context.request.get('/api/users?page=1&pageSize=20')).json()) as {
        items: { username: string }[];
        total: number;
      };
      await page.getByTestId('menu-admin-users').click();
      const table = page.getByTestId('users-table');
      const usernames = () => table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
      await expect.poll(usernames).toEqual(firstPage.items.map((u) => u.username));
      await page.screenshot({ path: path.join(screenshots, 'users-1440.png') });

      const search = page.getByTestId('users-search').locator('input');
      for (const { username } of demoAccounts) {
        await search.fill(username);
        await search.press('Enter');
        await expect.poll(usernames).toContain(username);
      }
    } finally {
      await context.close();
    }
  });
});

describe('dispatch settings', () => {
  it('an admin turns on a message for every new case and sets the classifier threshold; the server keeps both', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'admin', password);
      await page.getByTestId('menu-admin-settings').click();
      const every = page.getByTestId('setting-notify-every-case');
      await expect.poll(() => every.getAttribute('aria-checked')).toBe('false');
      await every.click();
      await expect.poll(() => every.getAttribute('aria-checked')).toBe('true');
      const kept = async () => ((await (await context.request.get('/api/settings/dispatch')).json()) as { notifyEveryNewCase: boolean }).notifyEveryNewCase;
      await expect.poll(kept).toBe(true);
      // Animations off: the switch just clicked would otherwise be caught halfway.
      await page.screenshot({ path: path.join(screenshots, 'dispatch-settings-1440.png'), animations: 'disabled' });
      await page.reload();
      await expect.poll(() => page.getByTestId('setting-notify-every-case').getAttribute('aria-checked')).toBe('true');
      await page.getByTestId('setting-notify-every-case').click();
      await expect.poll(kept).toBe(false);

      // The classifier's threshold, in per cent on the page and as a share on the server.
      const threshold = async () => ((await (await context.request.get('/api/settings/classifier')).json()) as { minConfidence: number }).minConfidence;
      // antd puts the test id on the input itself or on its wrapper, depending on the version.
      const field = page.locator('input[data-testid="setting-min-confidence"], [data-testid="setting-min-confidence"] input').first();
      await expect.poll(() => field.inputValue()).toBe('70');
      await field.fill('85');
      await page.getByTestId('setting-min-confidence-save').click();
      await expect.poll(threshold).toBe(0.85);
      await field.fill('70');
      await page.getByTestId('setting-min-confidence-save').click();
      await expect.poll(threshold).toBe(0.7);
    } finally {
      await context.close();
    }
  });
});

describe('admin forms', () => {
  it('adds a unit under a township, renames it, and reads both changes in its history', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'admin', password);
      await page.goto('/org');
      await page.getByTestId('unit-tree').getByText('城关街道', { exact: true }).click();
      await expect.poll(() => page.getByTestId('unit-name-value').innerText()).toBe('城关街道');
      await page.getByTestId('unit-add-child').click();
      await page.getByTestId('unit-name').fill('试点社区');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await expect.poll(() => page.getByTestId('unit-name-value').innerText()).toBe('试点社区');
      expect(await page.getByTestId('unit-tree').getByText('试点社区', { exact: true }).count()).toBe(1);

      await page.getByTestId('unit-edit').click();
      await page.getByTestId('unit-name').fill('试点社区二');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await expect.poll(() => page.getByTestId('unit-name-value').innerText()).toBe('试点社区二');
      const history = page.getByTestId('unit-history');
      await expect.poll(() => history.locator('.history-entry').count()).toBe(2);
      const text = await history.innerText();
      expect(text).toContain('创建');
      expect(text).toContain('修改');
      expect(text).toMatch(/试点社区\s*→\s*试点社区二/);
    } finally {
      await context.close();
    }
  });

  it('creates a user who can then sign in with the role given', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'admin', password);
      await page.goto('/admin/users');
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-username').fill('e2e.worker');
      await page.getByTestId('user-display-name').fill('测试网格员');
      // The role from its list and the unit from its tree, each picked again until its field shows it, with the list
      // closed: a pick made while a list was still opening or closing did not always take (under load it left the
      // field empty, the form invalid and the dialog open after 确定), and an open list could lie over the next field.
      const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      const pick = async (field: string, search: string | null, option: string, shown: string) => {
        const input = page.getByTestId(field);
        await expect.poll(async () => {
          if (!(await input.innerText()).includes(shown)) {
            if (!(await openList.count())) {
              await input.click();
              if (search) await page.keyboard.type(search);
            }
            const item = page.locator(option);
            await item.waitFor({ state: 'visible', timeout: 5_000 });
            await item.click();
          }
          if (await openList.count()) await page.getByTestId('user-display-name').click();
          return (await input.innerText()).includes(shown) && (await openList.count()) === 0;
        }, { timeout: 30_000, interval: 500 }).toBe(true);
      };
      await pick('user-role', null, '.ant-select-item-option[title="网格员"]', '网格员');
      await pick('user-unit', '南关社区第1网格', '.ant-select-tree-node-content-wrapper[title="南关社区第1网格（网格）"]', '南关社区第1网格');
      await page.getByTestId('user-password').fill('e2e-secret-1');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.locator('.ant-modal').waitFor({ state: 'hidden' }).catch(async (e: unknown) => {
        const errors = await page.locator('.ant-form-item-explain-error').allInnerTexts();
        throw new Error(`the dialog stayed open after 确定; form errors: ${errors.join('; ') || 'none'} (${String(e)})`);
      });
      const search = page.getByTestId('users-search').locator('input');
      await search.fill('e2e.worker');
      await search.press('Enter');
      const rows = page.getByTestId('users-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('测试网格员')]);
      expect(await rows.first().innerText()).toContain('南关社区第1网格');

      const other = await openPage(browser(), server().baseUrl, desktop);
      try {
        await loginThroughForm(other.page, 'e2e.worker', 'e2e-secret-1');
        expect(await other.page.getByTestId('current-role').innerText()).toBe(roleLabels.grid_worker);
        expect(await visibleMenu(other.page)).toEqual(menuFor('grid_worker').map((i) => `menu-${i.key}`).sort());
      } finally {
        await other.context.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe('on a 360 px phone', () => {
  it('moves the menu into a drawer and still draws the map', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor();
      await page.screenshot({ path: path.join(screenshots, 'login-360.png') });
      await loginThroughForm(page, 'admin', password);
      expect(await visibleMenu(page)).toEqual([]);
      await page.getByTestId('nav-toggle').click();
      await expect.poll(() => visibleMenu(page)).toEqual(menuFor('admin').map((i) => `menu-${i.key}`).sort());
      await page.waitForTimeout(500); // the drawer slides in
      await page.screenshot({ path: path.join(screenshots, 'menu-drawer-360.png') });
      await page.getByTestId('menu-org-map').click();
      await expect.poll(() => visibleMenu(page)).toEqual([]);
      await waitForPaintedMap(page);
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(screenshots, 'grid-map-360.png'), fullPage: true });
      const width = await pageWidth(page);
      expect(width).toBeLessThanOrEqual(phone.width);
    } finally {
      await context.close();
    }
  });
});
