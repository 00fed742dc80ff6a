import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { projectRoot } from './platform/paths.js';

describe('configuration', () => {
  it('defaults to the embedded database in demo mode on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, database: 'embedded', demo: true });
  });

  it('needs --demo for demo mode on a PostgreSQL server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }, { demo: true }).demo).toBe(true);
  });

  it('names every bad setting', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JICENG_DATA_KEY: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).message;
      for (const field of ['PORT', 'DATABASE_URL', 'JICENG_DATA_KEY']) expect(text).toContain(field);
    }
  });

  it('makes the CLI exit with code 1 and a clear message', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], { cwd: projectRoot, env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
  });
});
