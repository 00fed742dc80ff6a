import type { FastifyBaseLogger } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../db/schema/cockpit.js';
import type { Repeating } from '../platform/every.js';
import { createTestDeps } from '../test-support/test-db.js';
import { startCockpitJobs } from './jobs.js';

let deps: Awaited<ReturnType<typeof createTestDeps>>;
let jobs: Repeating[] = [];
const failures: unknown[] = [];

/** A logger that keeps what the jobs report as failed, so the test can see them. */
const log = {
  error: (o: unknown) => failures.push(o),
  info: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
  child: () => log,
} as unknown as FastifyBaseLogger;

beforeAll(async () => {
  deps = await createTestDeps({ demo: true });
});
afterAll(async () => {
  await Promise.all(jobs.map((j) => j.stop()));
  await deps.database.close();
});

describe('the cockpit’s background jobs', () => {
  it('a server that was down on the 1st writes last month’s reports as soon as it starts, not an hour later', async () => {
    deps.clock.set('2026-11-03T09:00:00+08:00');
    const countyReports = () =>
      deps.db
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.kind, 'monthly'), eq(reports.period, '2026-10'), isNull(reports.unitId)))
        .then((rows) => rows.length);
    expect(await countyReports()).toBe(0);
    jobs = startCockpitJobs(deps, log);
    // The hourly check would not run for an hour; the catch-up must come within seconds.
    await expect.poll(countyReports, { timeout: 20_000, interval: 200 }).toBe(2);
    expect(failures).toEqual([]);
  });
});
