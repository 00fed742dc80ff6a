// The shell: sign-in, the role menus, the page guard. One server and one Chromium for the whole file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleLabels } from '../common/roles.js';
import { menuFor } from '../web/src/app/menu.js';
import { repoRoot } from './support/server.js';
import { loginThroughForm, openPage } from './support/browser.js';
import { demoAccounts, desktop, pageReady, password, useServerAndBrowser, visibleMenu } from './support/suite.js';

const { server, browser } = useServerAndBrowser();

describe('the login page', () => {
  it('shows the server’s refusal and saves the README screenshot', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      const refusal = await context.request.post('/api/auth/login', { data: { username: 'nobody-here', password: 'wrong-password' } });
      expect(refusal.status()).toBe(401);
      const { error } = (await refusal.json()) as { error: { message: string } };

      await page.goto('/login');
      await expect.poll(() => page.title()).toBe('基层通');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.getByTestId('login-username').fill('nobody-here');
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor({ state: 'visible' });
      expect(await page.getByTestId('login-error').innerText()).toContain(error.message);

      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor();
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot.png') });
      expect(fs.statSync(path.join(repoRoot, 'docs', 'screenshot.png')).size).toBeLessThan(300 * 1024);

      // English is one click away and is remembered across visits; Chinese comes back the same way.
      const submitText = () => page.getByTestId('login-submit').innerText();
      expect((await submitText()).replace(/\s/g, '')).toBe('登录');
      await page.getByTestId('lang-switch').getByText('EN').click();
      await expect.poll(submitText).toBe('Sign in');
      await page.reload();
      await expect.poll(submitText).toBe('Sign in');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByTestId('lang-switch').getByText('中').click();
      await expect.poll(async () => (await submitText()).replace(/\s/g, '')).toBe('登录');
    } finally {
      await context.close();
    }
  });
});

describe('each demo account sees exactly its role’s menu', () => {
  it.each(demoAccounts)('$username ($role)', async ({ username, role }) => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, username, password);
      expect(new URL(page.url()).pathname).toBe('/home');
      const me = (await (await context.request.get('/api/me')).json()) as { user: { displayName: string; role: string } };
      expect(me.user.role).toBe(role);
      expect(await page.getByTestId('current-user').innerText()).toBe(me.user.displayName);
      expect(await page.getByTestId('current-role').innerText()).toBe(roleLabels[role]);

      const expected = menuFor(role).map((item) => `menu-${item.key}`).sort();
      expect(await visibleMenu(page)).toEqual(expected);

      // No dead links: every entry opens its page and the server gives the role the data it needs.
      for (const item of menuFor(role)) {
        await page.getByTestId(`menu-${item.key}`).click();
        await page.waitForURL((url) => url.pathname === item.path);
        await page.locator(pageReady[item.key]).first().waitFor({ timeout: 15_000 });
        expect(await page.locator('.ant-result-403, .ant-result-404, .ant-result-error').count()).toBe(0);
        if (item.key === 'org-map') {
          // An empty map is right only when the server gives the role no grid at all.
          const grids = (await (await context.request.get('/api/org/grids')).json()) as { features: unknown[] };
          expect(await page.getByTestId('grid-map-empty').count()).toBe(grids.features.length === 0 ? 1 : 0);
        }
      }
    } finally {
      await context.close();
    }
  });

  it('refuses a page outside the role’s menu', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'resident', password);
      await page.goto('/admin/users');
      await page.locator('.ant-result-403').waitFor({ state: 'visible' });
      expect(await page.getByTestId('users-table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('a first start in demo mode', () => {
  it('brings two years of demo cases and today\'s work, so lists, the queue and the cockpit have something to show', async () => {
    const base = server().baseUrl;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader', password }) });
    const { token } = (await login.json()) as { token: string };
    const get = async (url: string) => (await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const all = (await get('/api/cases?pageSize=1')) as { total: number };
    expect(all.total).toBe(3000 + 8); // JICENG_DEMO_CASES' default, and today's eight reports
    const queue = (await get('/api/cases?status=received&pageSize=1')) as { total: number };
    expect(queue.total).toBe(6); // the two others went to the 城管 handler
    const summary = (await get('/api/cockpit/summary')) as { kpis: { received: number } };
    expect(summary.kpis.received).toBeGreaterThan(0); // the last 30 days, from the rollups
  });
});
