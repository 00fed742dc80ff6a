import type { FastifyBaseLogger } from 'fastify';
import { deliverOutbox } from './notifications/deliver.js';
import { inAppDriver, loggingDriver } from './notifications/drivers.js';
import type { Deps } from './platform/context.js';
import { every, type Repeating } from './platform/every.js';
import { sweepDeadlines } from './sla/sweep.js';
import { startRetraining } from './dispatch/retrain-job.js';
import { startCockpitJobs } from './cockpit/jobs.js';

/**
 * The jobs a serving instance runs beside HTTP: the deadline sweeper and the outbox deliverer. Both claim their work
 * with SKIP LOCKED, so any number of instances can run them on one PostgreSQL.
 */
export function startBackground(deps: Deps, log: FastifyBaseLogger): Repeating[] {
  const drivers = [inAppDriver, loggingDriver('sms', log), loggingDriver('email', log)];
  const report = (job: string) => (e: unknown) => log.error({ err: e, job }, 'background job failed');
  return [
    every(deps.config.JICENG_SWEEP_SECONDS * 1000, async () => {
      const r = await sweepDeadlines(deps);
      if (r.warned || r.escalated) log.info(r, 'deadline sweep');
    }, report('sla.sweep')),
    every(1000, async () => {
      // Drain the outbox, a batch at a time.
      while ((await deliverOutbox(deps, drivers)).delivered >= 100);
    }, report('outbox.deliver')),
    // Smart dispatch: a new classifier version daily, or sooner after many dispatches (dispatch/retrain-job.ts).
    startRetraining(deps, log),
    // The cockpit: fold fact changes into the rollups; monthly reports on the 1st (cockpit/jobs.ts).
    ...startCockpitJobs(deps, log),
  ];
}
