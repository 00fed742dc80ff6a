import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's chromium (never a downloaded browser), or the one CHROMIUM_PATH names. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; playwright gives every launch a fresh temporary profile (user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args, headless: true });
}

/** A new browser context (own cookies) with one page, at the given viewport, speaking Chinese. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the login form and waits for the signed-in layout. */
export async function loginThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor({ state: 'visible', timeout: 30_000 });
}

/** The page's full width in CSS pixels: more than the viewport's means the page scrolls sideways. */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
}

// The root tsconfig has no DOM library (it checks the server); these are the few browser shapes used in the page.
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
type BrowserGlobal = { document: { querySelectorAll(selector: string): ArrayLike<CanvasLike> } };

/**
 * Counts pixels that are neither transparent nor near-white over every canvas under `selector`:
 * proof that a chart actually drew, not just that its element exists.
 */
export async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvases = (globalThis as unknown as BrowserGlobal).document.querySelectorAll(`${sel} canvas`);
    let painted = 0;
    for (let c = 0; c < canvases.length; c += 1) {
      const canvas = canvases[c];
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || canvas.width === 0 || canvas.height === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
        if (a > 0 && (r < 240 || g < 240 || b < 240)) painted += 1;
      }
    }
    return painted;
  }, selector);
}
