import { buildApp } from '../app.js';
import type { App } from '../platform/http/app-type.js';
import type { Deps } from '../platform/context.js';
import type { ManualClock } from '../platform/clock.js';
import { DEMO_PASSWORD } from '../org/seed-demo.js';
import { createTestDeps } from './test-db.js';

/** A test server on a fresh database with the demo county: inject requests, sign in as demo accounts. */
export interface TestApp {
  app: App;
  deps: Deps & { clock: ManualClock };
  /** Signs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** Sends an API request as a signed-in user (or anonymously with token null) and returns status and JSON. */
  request<T = any>(method: string, url: string, options?: { token?: string | null; body?: unknown }): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** Builds the whole HTTP app on a fresh demo database. */
export async function createTestApp(options: { config?: Record<string, string> } = {}): Promise<TestApp> {
  const deps = await createTestDeps({ demo: true, config: options.config });
  const app = await buildApp(deps, { webDir: null });
  const tokens = new Map<string, string>();
  const request: TestApp['request'] = async (method, url, { token, body } = {}) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : undefined) as never };
  };
  return {
    app,
    deps,
    request,
    async login(username, password = DEMO_PASSWORD) {
      const cached = tokens.get(username);
      if (cached && password === DEMO_PASSWORD) return cached;
      const res = await request('POST', '/api/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.token);
      return res.body.token as string;
    },
    async close() {
      await app.close();
      await deps.database.close();
    },
  };
}
