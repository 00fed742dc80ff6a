import type { Actor } from '../platform/actor.js';
import type { FieldChange } from '../db/schema/audit.js';
import type { RequestMeta } from '../platform/audit.js';
import type { Deps } from '../platform/context.js';
import { AppError, isUniqueViolation } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { takeTurn } from '../platform/turns.js';
import type { CaseRow } from './case-action.js';
import { recentCasesOf } from '../dispatch/recent-cases.js';
import { intakeWriterOf } from './intake-writer.js';
import { publishCaseChange } from './live.js';
import { prepareCase } from './prepare-case.js';
import type { CreateCaseInput } from './schema.js';
import { StaleReferenceError } from './write-cases.js';

/**
 * Takes a report in (受理): checks it, finds its grid, category, urgency, deadline policy and suggested unit, and
 * records it with its attachments, trail entry and notices — dispatching it at once when a rule and the admin allow
 * that. Reports arriving together are written by one transaction (cases/intake-writer.ts); if reference data changed
 * meanwhile, the report is worked out again from the new data. Reports are worked out one per turn of the event loop
 * (platform/turns.ts).
 */
export async function createCase(
  deps: Deps & { meta?: RequestMeta },
  actor: Actor | null,
  input: CreateCaseInput,
  options: { trail?: { changes?: Record<string, FieldChange>; reason?: string } } = {},
): Promise<CaseRow> {
  if (actor) authorize(actor, 'case.create');
  // Working a report out is the CPU-heavy part of intake: one report a turn, so that the database's answer to the batch
  // in flight is heard between two of them, not after a whole burst (the next batch waits for it).
  await takeTurn();
  for (let attempt = 1; ; attempt++) {
    const ref = await deps.reference.current();
    let prepared;
    try {
      prepared = await prepareCase(deps, ref, actor, input, options);
    } catch (e) {
      // A refusal may come from cached data that has just changed (a category switched back on): check before saying no.
      if (attempt >= 3 || (await deps.reference.fresh()).version === ref.version) throw e;
      continue;
    }
    try {
      const written = await intakeWriterOf(deps).submit(prepared);
      // Known to the duplicate check before anyone hears of it, so a repeat report a moment later finds it.
      recentCasesOf(deps).add(written.row);
      if (written.event) deps.bus.emitLocal(written.event);
      else publishCaseChange(deps, written.row);
      return written.row;
    } catch (e) {
      // The only unique value a report brings is its external (hotline) reference.
      if (isUniqueViolation(e)) throw new AppError('already_exists', `已有外部编号为“${input.externalRef}”的工单 (a case with this external reference exists)`, { field: 'externalRef' });
      if (!(e instanceof StaleReferenceError) || attempt >= 3) throw e;
    }
  }
}
