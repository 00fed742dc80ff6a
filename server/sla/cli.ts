import { createDeps } from '../boot.js';
import type { Config } from '../config.js';
import { AppError } from '../platform/errors.js';
import { sweepDeadlines } from './sweep.js';

export const SLA_HELP = 'sla sweep [--at <ISO time>]     run one deadline sweep (warnings, escalations) as of a time';

/** `jiceng sla sweep [--at ISO]`: one sweep of deadlines, as the server's sweeper would do it, printed as JSON. */
export async function runSlaCli(argv: string[], config: () => Config): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'sweep') {
    process.stderr.write(`usage: jiceng ${SLA_HELP}\n`);
    return 2;
  }
  const atIndex = rest.indexOf('--at');
  const atText = atIndex >= 0 ? rest[atIndex + 1] : undefined;
  const at = atText ? new Date(atText) : new Date();
  if (atIndex >= 0 && (!atText || Number.isNaN(at.getTime()))) {
    throw new AppError('bad_request', `--at needs an ISO time such as 2026-10-08T10:00:00+08:00 (got ${atText ?? 'nothing'})`);
  }
  const deps = await createDeps(config());
  try {
    const result = await sweepDeadlines(deps, { now: at });
    process.stdout.write(`${JSON.stringify({ at: at.toISOString(), ...result })}\n`);
    return 0;
  } finally {
    await deps.database.close();
  }
}
