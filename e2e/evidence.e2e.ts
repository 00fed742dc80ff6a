// 存证: the case page's evidence tab checks every entry in the browser, downloads a bundle the CLI verifies, and shows
// an entry changed on its way to the browser as failed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { repoRoot } from './support/server.js';
import { loginThroughForm, openPage, pageWidth } from './support/browser.js';
import { desktop, password, phone, screenshots, useServerAndBrowser } from './support/suite.js';

const { server, browser } = useServerAndBrowser();
const run = promisify(execFile);

// A real 1×1 PNG: the server sniffs the content.
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function call<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const login = await fetch(`${server().baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${server().baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${url}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A case taken through intake (with a photo), dispatch, acceptance and resolution (with another photo). */
async function caseWithTrail(): Promise<{ id: string; number: string }> {
  const created = await call<{ id: string; number: string; suggestedUnitId: string }>('gridworker', 'POST', '/api/cases', {
    description: '幸福路口的路灯坏了一个星期，晚上一片漆黑，"老人"走路容易摔倒',
    category: 'A0301',
    attachments: [{ filename: '路灯.png', mime: 'image/png', contentBase64: png }],
  });
  await call('dispatcher', 'POST', `/api/cases/${created.id}/dispatch`, { unitId: created.suggestedUnitId });
  await call('handler', 'POST', `/api/cases/${created.id}/accept`, {});
  await call('handler', 'POST', `/api/cases/${created.id}/resolve`, {
    reply: '已更换灯泡并检修线路，路灯恢复正常',
    attachments: [{ filename: '修好了.png', mime: 'image/png', contentBase64: png }],
  });
  return created;
}

async function openEvidence(page: Page, id: string): Promise<void> {
  await page.goto(`/cases/${id}`);
  await page.getByTestId('tab-evidence').click();
  await page.getByTestId('evidence-panel').waitFor({ timeout: 30_000 });
}

describe('the evidence tab', () => {
  let theCase = { id: '', number: '' };

  it('verifies every entry and the checkpoint in the browser, and downloads a bundle the CLI verifies', async () => {
    theCase = await caseWithTrail();
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'dispatcher', password);
      await openEvidence(page, theCase.id);
      const bundle = (await (await context.request.get(`/api/cases/${theCase.id}/evidence`)).json()) as { entries: { entry: { action: string } }[] };
      const entries = page.getByTestId('evidence-entry');
      expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(bundle.entries.map((e) => e.entry.action));
      expect(await entries.count()).toBe(4);
      expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['verified', 'verified', 'verified', 'verified']);
      expect(await page.getByTestId('evidence-entry-verdict').allInnerTexts()).toEqual(Array(4).fill('已验证'));
      expect(await page.getByTestId('evidence-checkpoint-verdict').getAttribute('data-verdict')).toBe('verified');
      expect(await page.getByTestId('evidence-manifest-verdict').getAttribute('data-verdict')).toBe('verified');
      expect(await page.getByTestId('evidence-summary').getAttribute('data-ok')).toBe('true');
      expect(await page.getByTestId('evidence-panel').innerText()).toContain('受理');
      await expect.poll(() => page.getByTestId('evidence-file-verdict').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).toEqual(['ok', 'ok']);
      await page.screenshot({ path: path.join(screenshots, 'evidence-1440.png'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-download').click()]);
      expect(download.suggestedFilename()).toBe(`存证-${theCase.number}.json`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-evidence-'));
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; entries: unknown[] };
      expect(saved.format).toBe('jiceng-evidence-v1');
      expect(saved.entries).toHaveLength(4);
      // The hint on the page is the real command: it verifies the downloaded file offline.
      expect(await page.getByTestId('evidence-panel').innerText()).toContain(`npx jiceng audit verify-bundle ${download.suggestedFilename()}`);
      const { stdout } = await run(process.execPath, ['bin/jiceng.mjs', 'audit', 'verify-bundle', file], { cwd: repoRoot });
      expect(stdout).toContain('存证包完整 (bundle intact): 4 entries');
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await context.close();
    }
  });

  it('fails an entry changed on its way to the browser, and only that entry', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, desktop);
    try {
      await loginThroughForm(page, 'gridworker', password);
      await page.route('**/api/cases/*/evidence', async (route) => {
        const response = await route.fetch();
        const json = (await response.json()) as { entries: { entry: { reason: string | null } }[] };
        json.entries[2]!.entry.reason = '已签收（被改过）';
        await route.fulfill({ response, json });
      });
      await openEvidence(page, theCase.id);
      const statuses = await page.getByTestId('evidence-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(statuses).toEqual(['verified', 'verified', 'failed', 'verified']);
      expect(await page.getByTestId('evidence-entry-verdict').nth(2).innerText()).toContain('验证失败');
      expect(await page.getByTestId('evidence-summary').getAttribute('data-ok')).toBe('false');
      expect(await page.getByTestId('evidence-manifest-verdict').getAttribute('data-verdict')).toBe('failed');
    } finally {
      await context.close();
    }
  });

  it('reads on a phone (360 px)', async () => {
    const { context, page } = await openPage(browser(), server().baseUrl, phone);
    try {
      await loginThroughForm(page, 'gridworker', password);
      await openEvidence(page, theCase.id);
      expect(await page.getByTestId('evidence-summary').getAttribute('data-ok')).toBe('true');
      const width = await pageWidth(page);
      expect(width).toBeLessThanOrEqual(phone.width);
      await page.screenshot({ path: path.join(screenshots, 'evidence-360.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
