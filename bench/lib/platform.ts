import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { createDeps } from '../../server/boot.js';
import { loadConfig } from '../../server/config.js';
import { ensureInitialData } from '../../server/org/initial-data.js';
import type { Deps } from '../../server/platform/context.js';

/** The platform running in this process on a loopback port. */
export interface RunningPlatform {
  deps: Deps;
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real platform's dependencies on a benchmark database, demo county seeded, no background jobs: the same
 * configuration `jiceng serve --demo` builds, with a throw-away data key and data folder.
 */
export async function platformDeps(databaseUrl: string): Promise<{ deps: Deps; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-bench-'));
  const config = loadConfig(
    {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
      JICENG_BACKGROUND: 'false',
      JICENG_DATA_DIR: dataDir,
      JICENG_DATA_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
    },
    { demo: true },
  );
  const deps = await createDeps(config);
  await ensureInitialData(deps);
  return { deps, dataDir };
}

/** Boots the platform as `serve` does (live bus listening included) and listens on 127.0.0.1 on a free port. */
export async function startPlatform(databaseUrl: string): Promise<RunningPlatform> {
  const { deps, dataDir } = await platformDeps(databaseUrl);
  const app = await buildApp(deps, { logger: false, webDir: null });
  await deps.bus.start();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('platform: no listening address');
  return {
    deps,
    app: app as unknown as FastifyInstance,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await deps.bus.stop();
      await deps.database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
