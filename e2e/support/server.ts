import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A server started for one test file, on its own port and its own empty data directory. */
export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** The last lines the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function assertBuilt(): void {
  for (const file of ['dist/server/main.js', 'dist/web/index.html']) {
    if (!fs.existsSync(path.join(repoRoot, file))) {
      throw new Error(`${file} is missing: run \`npm run build\` before the browser tests (they build nothing)`);
    }
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as { status?: string };
      if (response.ok && body.status === 'ok') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs / 1000} s:\n${output()}`);
}

/** Runs one `jiceng` command on the data directory and fails with its output when it fails. */
async function runCommand(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  const child = spawn(process.execPath, ['bin/jiceng.mjs', ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`jiceng ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`);
}

/** How to start a server for a test file. */
export interface ServerOptions {
  timeoutMs?: number;
  /**
   * `jiceng` commands run on the fresh data directory before serving, e.g. `['seed', '--synthetic', '3000']` for a
   * county with two years of cases (the cockpit's figures), then `['cockpit', 'report']` for last month's reports.
   */
  prepare?: string[][];
}

/** Starts the built server (`node bin/jiceng.mjs serve`) on the embedded database and waits until it is healthy. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  assertBuilt();
  const port = await freePort();
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'jiceng-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    JICENG_DATA_DIR: dataDir,
    JICENG_SKIP_BUILD: '1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  try {
    for (const args of options.prepare ?? []) await runCommand(args, env, 150_000);
  } catch (e) {
    await fs.promises.rm(dataDir, { recursive: true, force: true });
    throw e;
  }
  const child = spawn(process.execPath, ['bin/jiceng.mjs', 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => lines.join('\n');
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await fs.promises.rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output, timeoutMs);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, dataDir, output, stop };
}
