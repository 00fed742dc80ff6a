import type { FastifyBaseLogger } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { reports } from '../db/schema/cockpit.js';
import type { Deps } from '../platform/context.js';
import { every, type Repeating } from '../platform/every.js';
import { foldDeltas } from './fold.js';
import { generateMonthlyReports, lastMonth } from './reports.js';

/** Folds pending fact changes into the rollups every two seconds (readers add what is not folded yet themselves). */
const FOLD_MS = 2000;
/** Looks for a missing monthly report when the server starts (a server that was down on the 1st catches up at once)
 *  and every hour after (the first run on the 1st writes last month's). */
const REPORT_CHECK_MS = 3600_000;

/** Generates last month's reports unless the county report for it exists; returns the files written. */
export async function monthlyReportsIfDue(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const month = lastMonth(deps.clock.now());
  const [done] = await deps.db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.kind, 'monthly'), eq(reports.period, month), isNull(reports.unitId)))
    .limit(1);
  return done ? 0 : generateMonthlyReports(deps, month);
}

/** The cockpit's background jobs: folding rollups and the monthly reports. */
export function startCockpitJobs(deps: Deps, log: FastifyBaseLogger): Repeating[] {
  const report = (job: string) => (e: unknown) => log.error({ err: e, job }, 'background job failed');
  return [
    every(FOLD_MS, () => foldDeltas(deps.db), report('cockpit.fold')),
    every(REPORT_CHECK_MS, async () => {
      const written = await monthlyReportsIfDue(deps);
      if (written) log.info({ written }, 'monthly reports generated');
    }, report('cockpit.reports'), { firstAfterMs: 0 }),
  ];
}
