/**
 * The evidence job of a running server: every JICENG_AUDIT_CHECKPOINT_SECONDS, or as soon as
 * JICENG_AUDIT_CHECKPOINT_ENTRIES entries wait in the queue, sequence the trail and sign a checkpoint. Every
 * instance may run it; the sequencer's advisory lock lets one at a time work and the others find nothing to do.
 */
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import { checkpoint } from './checkpointer.js';
import { rowsOf } from '../db/rows.js';
import { requireSigningKey } from './signing-key.js';

/** How often the queue length is looked at between checkpoints. */
const POLL_MS = 1000;

type Log = Pick<FastifyBaseLogger, 'info' | 'error' | 'warn'>;

/** A running evidence job. */
export interface AuditJob {
  /** Runs one round now (tests, shutdown); resolves when it is done. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** True when at least n entries wait to be sequenced (counting stops at n, on the partial index). */
async function queueReached(deps: Pick<Deps, 'db'>, n: number): Promise<boolean> {
  const [row] = await rowsOf<{ n: number | string }>(deps.db, sql`select count(*) as n from (select 1 from audit_entries where seq is null limit ${n}) q`);
  return Number(row?.n ?? 0) >= n;
}

/**
 * Starts the job. The signing key is loaded at once, so a production server without one stops at boot with a
 * ConfigError rather than failing later. With an app, the job stops when the app closes (before the database does).
 */
export function startAuditBackground(deps: Deps, app?: { log: Log; addHook(name: 'onClose', hook: () => Promise<void>): unknown }): AuditJob {
  requireSigningKey(deps.config);
  const log: Log = app?.log ?? { info: () => undefined, warn: () => undefined, error: (o: unknown) => console.error(o) };
  const every = deps.config.JICENG_AUDIT_CHECKPOINT_SECONDS * 1000;
  const threshold = deps.config.JICENG_AUDIT_CHECKPOINT_ENTRIES;
  let last = 0;
  let loggedSize = -1;
  let running: Promise<void> | null = null;
  let stopped = false;

  const round = async () => {
    try {
      const cp = await checkpoint(deps);
      last = Date.now();
      // Logged when the signed tree grew (and once at start), not every round of an idle log.
      if (cp && cp.treeSize !== loggedSize) {
        loggedSize = cp.treeSize;
        log.info({ treeSize: cp.treeSize, rootHash: cp.rootHash }, 'evidence checkpoint');
      }
    } catch (err) {
      log.error({ err }, 'evidence checkpoint failed');
    }
  };
  const runOnce = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = async () => {
    if (stopped || running) return;
    try {
      if (Date.now() - last >= every || (await queueReached(deps, threshold))) await runOnce();
    } catch (err) {
      log.warn({ err }, 'evidence queue check failed');
    }
  };
  const timer = setInterval(() => void tick(), Math.min(POLL_MS, every));
  timer.unref();
  void tick();

  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
  app?.addHook('onClose', stop);
  return { runOnce, stop };
}
