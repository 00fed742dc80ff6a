import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../common/roles.js';
import type { MenuKey } from '../../web/src/app/menu.js';
import { repoRoot, startServer } from './server.js';
import type { RunningServer, ServerOptions } from './server.js';
import { launchBrowser, paintedPixels } from './browser.js';

export const password = 'demo123456';

/** The demo accounts the server seeds in demo mode, with the role each must have. */
export const demoAccounts: { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'dispatcher', role: 'dispatcher' },
  { username: 'supervisor', role: 'supervisor' },
  { username: 'leader', role: 'leader' },
  { username: 'gridworker', role: 'grid_worker' },
  { username: 'cadre', role: 'cadre' },
  { username: 'handler', role: 'handler' },
  { username: 'township', role: 'township_staff' },
  { username: 'resident', role: 'resident' },
];

export const screenshots = path.join(repoRoot, 'e2e', 'screenshots');
export const desktop = { width: 1440, height: 900 };
export const phone = { width: 360, height: 740 };

/** What each page shows once its data has arrived from the server under the role's scope. */
export const pageReady: Record<MenuKey, string> = {
  home: '[data-testid="welcome-card"]',
  org: '[data-testid="unit-tree"] .ant-tree-treenode',
  'org-map': '[data-testid="grid-map"] canvas, [data-testid="grid-map-empty"]',
  'admin-users': '[data-testid="users-table"] tbody tr.ant-table-row',
  'admin-settings': '[data-testid="dispatch-settings"][data-ready="true"] [data-testid="setting-notify-every-case"]',
  'cases-new': '[data-testid="report-page"][data-ready="true"] [data-testid="report-submit"]',
  'cases-mine': '[data-testid="my-reports"][data-ready="true"]',
  'cases-dispatch': '[data-testid="dispatch-page"][data-ready="true"]',
  'cases-tasks': '[data-testid="tasks-page"][data-ready="true"]',
  'cases-supervision': '[data-testid="supervision-page"][data-ready="true"]',
  cockpit: '[data-testid="cockpit-page"][data-ready="true"] [data-testid="kpi-received"]',
  'hot-issues': '[data-testid="hot-issues"][data-ready="true"]',
};

/** Starts one server (prepared as `options` says) and one browser for the calling test file and stops both after it. */
export function useServerAndBrowser(options: ServerOptions = {}): { server: () => RunningServer; browser: () => Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
    fs.mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not running (beforeAll failed?)`);
    return value;
  };
  return { server: () => need(server, 'the server'), browser: () => need(browser, 'the browser') };
}

/** The data-testids of the menu entries the user can see right now. */
export async function visibleMenu(page: Page): Promise<string[]> {
  const items = await page.locator('[data-testid^="menu-"]:visible').all();
  const ids = await Promise.all(items.map((item) => item.getAttribute('data-testid')));
  return ids.filter((id): id is string => id !== null).sort();
}

/** Waits until the grid map's canvas has really drawn, and returns how many pixels are painted. */
export async function waitForPaintedMap(page: Page): Promise<number> {
  await page.getByTestId('grid-map').locator('canvas').first().waitFor({ state: 'attached', timeout: 30_000 });
  // A few thousand coloured pixels: an empty or failed chart is white or transparent.
  await expect.poll(() => paintedPixels(page, '[data-testid="grid-map"]'), { timeout: 20_000 }).toBeGreaterThan(5_000);
  return paintedPixels(page, '[data-testid="grid-map"]');
}

/** A point inside the first grid of a GET /api/org/grids answer: the mean of its outer ring's corners (the demo's grids are convex enough). */
export function pointInFirstGrid(grids: { features: { geometry: { coordinates: number[][][] } }[] }): { lng: number; lat: number } {
  const ring = grids.features[0]!.geometry.coordinates[0]!.slice(0, -1);
  return { lng: ring.reduce((s, p) => s + p[0]!, 0) / ring.length, lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length };
}
