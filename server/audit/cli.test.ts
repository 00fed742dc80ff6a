import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../platform/paths.js';
import { runAuditCli, type CliIo } from './cli.js';
import { asAttacker, TEST_SIGNING_KEY } from './evidence.testutil.js';
import { downloadFiles, exportBundle, tamperScene } from './tamper.testutil.js';

type Scene = Awaited<ReturnType<typeof tamperScene>>;
let s: Scene;
let dir: string;
let bundleFile: string;
let filesDir: string;

function capture(): CliIo & { text: () => string } {
  const lines: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => lines.push(l), text: () => lines.join('\n') };
}
const noConfig = () => {
  throw new Error('verify-bundle must not load the configuration');
};

beforeAll(async () => {
  s = await tamperScene();
  const bundle = await exportBundle(s.ctx, s.caseId);
  if (typeof bundle === 'string') throw new Error(bundle);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-cli-'));
  bundleFile = path.join(dir, 'bundle.json');
  fs.writeFileSync(bundleFile, JSON.stringify(bundle, null, 2));
  filesDir = await downloadFiles(s.ctx, s.caseId, bundle);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(filesDir, { recursive: true, force: true });
  await s.deps.database.close();
});

describe('jiceng audit verify-bundle', () => {
  it('exits 0 for an intact bundle and its files, with no configuration and no database', async () => {
    const io = capture();
    const code = await runAuditCli(['verify-bundle', bundleFile, '--attachments', filesDir, '--trusted-key', TEST_SIGNING_KEY.keyId], noConfig, io);
    expect(io.text()).toMatch(/bundle intact\): 4 entries, signed by key [0-9a-f]{16} \(trusted\)/);
    expect(code).toBe(0);
  });

  it('exits 1 naming the entry when the bundle file was edited, and 2 on bad usage', async () => {
    const edited = JSON.parse(fs.readFileSync(bundleFile, 'utf8'));
    edited.entries[2].entry.reason = '逾期未办';
    const file = path.join(dir, 'edited.json');
    fs.writeFileSync(file, JSON.stringify(edited));
    const io = capture();
    expect(await runAuditCli(['verify-bundle', file], noConfig, io)).toBe(1);
    expect(io.text()).toMatch(/entries\[2\] \(leafIndex 7\): .*inclusion proof does not verify/);
    expect(await runAuditCli(['verify-bundle'], noConfig, capture())).toBe(2);
    expect(await runAuditCli(['verify-bundle', file, '--bogus'], noConfig, capture())).toBe(2);
  });

  it('runs from the command line as `jiceng audit verify-bundle`', async () => {
    const run = promisify(execFile);
    const cli = ['--import', 'tsx', path.join(projectRoot, 'server', 'main.ts'), 'audit', 'verify-bundle'];
    // An environment the server could not even boot with: the command must not need it.
    const env = { ...process.env, DATABASE_URL: 'not-a-url' };
    const ok = await run(process.execPath, [...cli, bundleFile, '--attachments', filesDir], { cwd: projectRoot, env });
    expect(ok.stdout).toMatch(/bundle intact/);
    const bad = await run(process.execPath, [...cli, path.join(dir, 'edited.json')], { cwd: projectRoot, env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/NOT intact/) });
  }, 60_000);
});

describe('jiceng audit verify and checkpoint', () => {
  const open = async () => ({ ...s.deps.database, close: async () => undefined });

  it('passes an intact log and signs a checkpoint on demand', async () => {
    const io = capture();
    expect(await runAuditCli(['verify'], () => s.deps.config, io, open)).toBe(0);
    expect(io.text()).toMatch(/evidence log intact\): 13 entries, 2 checkpoints/);
    const cp = capture();
    expect(await runAuditCli(['checkpoint'], () => s.deps.config, cp, open)).toBe(0);
    expect(cp.text()).toMatch(/checkpoint: tree size 13, root [0-9a-f]{64}/);
  });

  it('exits 1 naming the first bad entry by seq and id', async () => {
    await asAttacker(s.deps.db, [sql`update audit_entries set action = 'case.cancel' where seq = 8`]);
    const io = capture();
    expect(await runAuditCli(['verify'], () => s.deps.config, io, open)).toBe(1);
    expect(io.text()).toMatch(/first problem: entry seq 8 \(id \d+\)/);
  });
});
