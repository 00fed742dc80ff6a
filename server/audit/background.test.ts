import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAuditBackground, type AuditJob } from './background.js';
import { evidenceConfig, queueEntries } from './evidence.testutil.js';
import { latestCheckpoint } from './log-store.js';
import { createTestDeps } from '../test-support/test-db.js';

describe('the evidence background job', () => {
  let deps: Awaited<ReturnType<typeof createTestDeps>>;
  let job: AuditJob;
  beforeAll(async () => {
    // A long interval: only the queue threshold (5 entries) can trigger the second round.
    deps = await createTestDeps({ config: { ...evidenceConfig(), JICENG_AUDIT_CHECKPOINT_SECONDS: '3600', JICENG_AUDIT_CHECKPOINT_ENTRIES: '5' } });
    await queueEntries(deps, 2);
  });
  afterAll(async () => {
    await job.stop();
    await deps.database.close();
  });

  it('checkpoints at start, then as soon as enough entries wait', async () => {
    job = startAuditBackground(deps);
    await vi.waitFor(async () => expect((await latestCheckpoint(deps.db))?.treeSize).toBe(2), { timeout: 5000 });
    await queueEntries(deps, 4);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await latestCheckpoint(deps.db))?.treeSize).toBe(2);
    await queueEntries(deps, 1);
    await vi.waitFor(async () => expect((await latestCheckpoint(deps.db))?.treeSize).toBe(7), { timeout: 5000 });
  });

  it('logs a checkpoint when the tree grew, not every round', async () => {
    const quiet = await createTestDeps({ config: { ...evidenceConfig(), JICENG_AUDIT_CHECKPOINT_SECONDS: '3600', JICENG_AUDIT_CHECKPOINT_ENTRIES: '1000' } });
    const info = vi.fn();
    const log = { info, warn: vi.fn(), error: vi.fn() };
    const logged = () => info.mock.calls.filter(([, msg]) => msg === 'evidence checkpoint').map(([o]) => (o as { treeSize: number }).treeSize);
    await queueEntries(quiet, 3);
    const quietJob = startAuditBackground(quiet, { log, addHook: () => undefined });
    try {
      await vi.waitFor(() => expect(logged()).toEqual([3]), { timeout: 5000 });
      await quietJob.runOnce();
      await quietJob.runOnce();
      expect(logged()).toEqual([3]);
      await queueEntries(quiet, 2);
      await quietJob.runOnce();
      expect(logged()).toEqual([3, 5]);
    } finally {
      await quietJob.stop();
      await quiet.database.close();
    }
  });
});
