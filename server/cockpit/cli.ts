import { parseArgs } from 'node:util';
import { createDeps } from '../boot.js';
import type { Config } from '../config.js';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { foldDeltas } from './fold.js';
import { rebuildRollups } from './rebuild.js';
import { generateMonthlyReports, lastMonth } from './reports.js';
import { seedSynthetic } from './synthetic.js';

export const COCKPIT_HELP = `cockpit rebuild               recompute the cockpit's facts and rollups from the case table
  cockpit fold                  fold pending fact changes into the rollups now
  cockpit report [--month YYYY-MM]  generate and store the monthly reports (default: last month)`;

/** `jiceng cockpit rebuild | fold | report [--month YYYY-MM]`. */
export async function runCockpitCli(argv: string[], config: () => Config): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { month: { type: 'string' } }, allowPositionals: true, strict: false });
  const sub = positionals[0];
  if (sub !== 'rebuild' && sub !== 'fold' && sub !== 'report') {
    process.stderr.write(`usage: jiceng ${COCKPIT_HELP}\n`);
    return 2;
  }
  const deps = await createDeps(config());
  try {
    const started = Date.now();
    if (sub === 'rebuild') {
      const { cases } = await rebuildRollups(deps.db, (step, ms) => process.stdout.write(`  ${step}: ${ms} ms\n`));
      process.stdout.write(`rebuilt the cockpit from ${cases} cases in ${Date.now() - started} ms\n`);
    } else if (sub === 'fold') {
      process.stdout.write(`folded ${await foldDeltas(deps.db)} changes in ${Date.now() - started} ms\n`);
    } else {
      const month = typeof values.month === 'string' ? values.month : lastMonth(deps.clock.now());
      const written = await generateMonthlyReports(deps, month);
      process.stdout.write(`${written} report files for ${month} stored in ${Date.now() - started} ms (GET /api/cockpit/reports)\n`);
    }
    return 0;
  } finally {
    await deps.database.close();
  }
}

/** `jiceng seed --synthetic N`: after the demo county, N synthetic cases and their rollups (nothing without the flag). */
export async function seedSyntheticFromArgv(deps: Deps, argv: string[]): Promise<void> {
  const at = argv.indexOf('--synthetic');
  if (at < 0) return;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new AppError('bad_request', `--synthetic needs a number of cases (got ${argv[at + 1] ?? 'nothing'})`);
  const result = await seedSynthetic(deps, n, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${result.loaded} synthetic cases loaded with their rollups in ${(result.ms / 1000).toFixed(1)} s (${result.totalCases} cases in all)\n`);
}
