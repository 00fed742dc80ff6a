/**
 * Writes a batch of prepared reports in one transaction: their case numbers, rows, attachments, trail entries,
 * notices, live notification and cockpit facts, for the whole batch at once; a case a rule may dispatch at once is
 * dispatched in the same transaction. Every case is still all-or-nothing: the batch commits or rolls back as one.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { caseAttachments, cases } from '../db/schema/cases.js';
import { newCaseFactsParts, recordCaseFacts } from '../cockpit/record-facts.js';
import { rowsOf } from '../db/rows.js';
import { databaseError } from '../platform/errors.js';
import { rowsOfNamed } from '../db/named-statement.js';
import type { Db } from '../db/client.js';
import { systemActor } from '../platform/actor.js';
import { auditEach, auditEntriesInsert, type AuditRow } from '../platform/audit.js';
import { oneStatement } from '../db/one-statement.js';
import { BatchError } from '../platform/batcher.js';
import type { Deps } from '../platform/context.js';
import { assignUnits } from './assign.js';
import type { CaseRow } from './case-action.js';
import { caseRowsInsert } from './new-case-row.js';
import { enqueueNotices, noticesInsert, type Notice } from './notify.js';
import type { PreparedCase } from './prepare-case.js';
import { areaIds } from './suggest-unit.js';
import { caseEvent } from './live.js';
import type { LiveEvent } from '../platform/live-bus.js';
import type { CasePrediction } from '../dispatch/intake-advice.js';
import { duplicateIds, keepDuplicates, keepOpenDuplicates, predictionKeepingOpen } from '../dispatch/intake-duplicates.js';
import { openStatuses } from '../../common/cases.js';

/**
 * A written case, and its live event when that was notified to other instances with the transaction (a case just
 * received: it has no tasks); null when the case must still be published (one dispatched at once).
 */
export interface WrittenCase {
  row: CaseRow;
  event: LiveEvent | null;
}

/** Reference data changed after the batch was prepared: its cases must be worked out again. */
export class StaleReferenceError extends BatchError {
  constructor(readonly version: number) {
    super(`reference data changed (version ${version})`);
  }
}

/**
 * The parts `cnt` and `nums` of a batch's statement: the day's counter rows (one per China day, locked in day order
 * so that instances never deadlock) counted up by the batch, and `nums.numbers`, the batch's case numbers in its
 * order (QH-20261122-0001; more than four digits when a day needs them). The counter rows stay locked until the
 * statement's transaction commits, so numbers have no gaps (a failed batch rolls its numbers back) and batches take
 * their turns — which costs little, as one batch carries every report that arrived meanwhile.
 */
function countedNumbers(prefix: string, batch: readonly PreparedCase[]): SQL {
  const days = [...new Set(batch.map((p) => p.day))].sort();
  const perDay = new Map(days.map((d) => [d, 0]));
  const seqs = batch.map((p) => perDay.set(p.day, perDay.get(p.day)! + 1).get(p.day)!);
  return sql`cnt as (
      insert into case_counters (day, last) select d, n from unnest(${sql.param(days)}::text[], ${sql.param(days.map((d) => perDay.get(d)!))}::int[]) as x(d, n)
      on conflict (day) do update set last = case_counters.last + excluded.last
      returning day, last),
    nums as (
      select array_agg(${prefix}::text || '-' || u.d || '-' || (case when k < 10000 then lpad(k::text, 4, '0') else k::text end) order by u.o) as numbers
      from unnest(${sql.param(batch.map((p) => p.day))}::text[], ${sql.param(seqs)}::int[], ${sql.param(batch.map((p) => perDay.get(p.day)!))}::int[])
        with ordinality as u(d, s, n, o)
      join cnt on cnt.day = u.d, lateral (select cnt.last - u.n + u.s as k) kk)`;
}

/**
 * The part `ref` of a batch's statement: fails the statement (SQLSTATE JC409, `jiceng_reference_is`, migration 0010)
 * when the reference data changed since any of the batch's reports was worked out. The statement must select from
 * `ref`, or PostgreSQL never runs it.
 */
function referenceCheck(batch: readonly PreparedCase[]): SQL {
  return sql`ref as (select jiceng_reference_is(${sql.param([...new Set(batch.map((p) => p.referenceVersion))])}::int[]) as version)`;
}

/** Runs a batch's statement; a failed reference check becomes StaleReferenceError (the reports are worked out again). */
async function checkingReference<T>(deps: Pick<Deps, 'reference'>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const stale = databaseError(e, 'JC409');
    if (!stale) throw e;
    const version = Number(stale.detail ?? 0);
    deps.reference.saw(version);
    throw new StaleReferenceError(version);
  }
}

/** Checks the reference version and counts the batch's case numbers, in one statement of the batch's transaction. */
async function reserveNumbers(deps: Pick<Deps, 'reference'>, tx: Db, prefix: string, batch: readonly PreparedCase[]): Promise<string[]> {
  const [row] = await checkingReference(deps, () => rowsOf<{ numbers: string[] }>(tx, sql`
    with ${referenceCheck(batch)}, ${countedNumbers(prefix, batch)}
    select numbers, (select version from ref) as version from nums`));
  return row!.numbers;
}

/**
 * The dispatchers' notice of a new case: an urgent one always; any other only when the admin asked for every new case
 * (dispatch settings) — their queue shows it the moment it is written.
 */
function receivedNotice(p: PreparedCase, c: CaseRow): Notice[] {
  const countyId = areaIds(c.areaPath)[0];
  if (!countyId || !p.notifyDispatchers) return [];
  const urgent = c.urgency === 'urgent';
  return [{ to: { unitId: countyId, roles: ['dispatcher'] }, topic: urgent ? 'case.urgent' : 'case.received', title: `${urgent ? '【紧急】' : ''}新工单 ${c.number}`, body: c.title, caseId: c.id, key: `received:${c.id}` }];
}

/** The 'received' trail entry of a case; an anonymous reporter is not named in the trail either. */
function receivedEntry(p: PreparedCase, c: CaseRow): AuditRow {
  return {
    actor: p.trailActor, meta: p.meta, at: c.receivedAt, action: 'received', subjectType: 'case', subjectId: c.id, unitId: null,
    changes: { ...p.trail.changes, number: { before: null, after: c.number } }, reason: p.trail.reason,
    attachments: p.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
  };
}

/** Dispatches a case a rule may send without a person, in the batch's transaction; returns what goes with it. */
async function dispatchAtOnce(tx: Db, work: Deps['work'], p: PreparedCase & { auto: NonNullable<PreparedCase['auto']> }, c: CaseRow) {
  const { suggestion, policy, predicted } = p.auto;
  const now = c.receivedAt;
  const assigned = await assignUnits(tx, work, c, policy, { leadUnitId: suggestion.unitId, assistUnitIds: suggestion.assistUnitIds }, now);
  const [row] = await tx.update(cases).set({ ...assigned.patch, updatedAt: now }).where(eq(cases.id, c.id)).returning();
  const entry: AuditRow = {
    actor: systemActor, meta: p.meta, at: now, action: 'dispatched', subjectType: 'case', subjectId: c.id, unitId: suggestion.unitId,
    changes: { status: { before: 'received', after: 'dispatched' }, leadUnitId: { before: null, after: suggestion.unitId }, assistUnitIds: { before: null, after: suggestion.assistUnitIds } },
    reason: predicted ? '按智能分类与派单规则自动派单 (dispatched by predicted category and rule)' : '按派单规则自动派单 (dispatched by rule)',
  };
  return { row: row!, entry, notices: assigned.notices };
}

/**
 * Case numbers in SQL: `(select numbers from nums)[i]` is the number of the i-th case (1-based) in the batch statement
 * below. Trail entries, notices and the live event get it in place of the empty number they were built with.
 */
const batchNumber = (i: SQL) => sql`(select numbers from nums)[${i}]`;
const numberIn = {
  trail: (v: SQL, i: SQL) => sql`jsonb_set(${v}, '{number,after}', to_jsonb(${batchNumber(i)}))`,
  notice: (v: SQL, i: SQL) => sql`jsonb_set(${v}, '{title}', to_jsonb((${v} ->> 'title') || ${batchNumber(i)}))`,
  live: (v: SQL, i: SQL) => sql`jsonb_set(${v}, '{number}', to_jsonb(${batchNumber(i)}))`,
};

/**
 * The common batch — no attachment to store, no case to dispatch at once — as ONE statement outside any explicit
 * transaction, so it commits by itself and all of it or nothing: the check that the reference data the reports were
 * worked out from is still current (`jiceng_reference_is`, which fails the statement when it is not), the day's counter
 * rows, the case numbers (counted in SQL, gapless as before), the rows — each prediction keeping only the duplicates
 * still open, read in the same statement — their trail entries, notices, cockpit facts and live notification. The
 * counter rows stay locked only while this statement runs and commits; a transaction of several statements held them
 * across round trips that each waited their turn on a busy event loop, and that wait set the pace of intake.
 */
async function writeReceivedAtOnce(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'reference' | 'bus'>, batch: readonly PreparedCase[]): Promise<WrittenCase[]> {
  const rows = batch.map((p) => p.row);
  const predictions = rows.map((r) => r.prediction as CasePrediction | null);
  const now = deps.clock.now();
  const all = rows.map((_, i) => i + 1);
  const notices = rows.flatMap((c, i) => receivedNotice(batch[i]!, c).map((n) => ({ n, i: i + 1 })));
  const notify = deps.bus.notifyInTransaction(rows.map((c) => caseEvent(c, [])), { index: all, value: numberIn.live });
  const statement = sql`
    with ${referenceCheck(batch)},
    open_dups as (select jiceng_open_cases(${sql.param(duplicateIds(predictions))}::uuid[], ${sql.param([...openStatuses])}::text[]) as ids),
    ${countedNumbers(deps.config.JICENG_CASE_PREFIX, batch)},
    cases_in as (${caseRowsInsert(rows, sql`(select numbers from nums)`, predictionKeepingOpen(sql`(select ids from open_dups)`))} returning *),
    trail as (${auditEntriesInsert(now, batch.map((p, i) => receivedEntry(p, rows[i]!)), { index: all, value: numberIn.trail })}),
    ${notices.length ? sql`notices as (${noticesInsert(now, notices.map((x) => x.n), { index: notices.map((x) => x.i), value: numberIn.notice })}),` : sql``}
    ${sql.raw(newCaseFactsParts('cases_in'))}${notify ? sql`, live as (${notify})` : sql``}
    select (select version from ref) as version, (select numbers from nums) as numbers, (select ids from open_dups) as open${notify ? sql`, (select count(*) from live) as notified` : sql``}`;
  // Some 20 kB of SQL in at most four forms (with or without notices, live notification): compiled once per process,
  // parsed once per connection.
  const [written] = await checkingReference(deps, () =>
    rowsOfNamed<{ numbers: string[] | null; open: string[] | null }>(deps.db, 'intake_batch', statement, `${notices.length ? 'n' : ''}${notify ? 'l' : ''}`));
  const numbers = written?.numbers;
  if (!numbers || numbers.length !== rows.length) throw new Error(`intake: the batch statement numbered ${numbers?.length ?? 0} of ${rows.length} cases`);
  // The rows in memory keep what was stored: the duplicates that were still open.
  keepDuplicates(predictions, new Set(written?.open ?? []));
  return rows.map((row, i) => {
    row.number = numbers[i]!;
    return { row, event: caseEvent(row, []) };
  });
}

/**
 * Writes the batch; returns the cases in the batch's order. A batch without attachments or cases to dispatch at once
 * is one statement (`writeReceivedAtOnce`); any other pays five
 * round trips whatever its size: begin, numbers, one statement for the rows with their trail entries, notices and live
 * notification, the cockpit facts, commit (plus one before the numbers to re-read duplicate matches when there are any).
 */
export async function writeCases(deps: Pick<Deps, 'db' | 'clock' | 'work' | 'config' | 'reference' | 'bus'>, batch: readonly PreparedCase[]): Promise<WrittenCase[]> {
  if (batch.every((p) => !p.files.length && !p.auto)) return writeReceivedAtOnce(deps, batch);
  return deps.db.transaction(async (tx) => {
    // Before the numbers: nothing else waits on this batch's counter rows while the matches are re-read.
    await keepOpenDuplicates(tx, batch.map((p) => p.row.prediction as CasePrediction | null));
    const numbers = await reserveNumbers(deps, tx, deps.config.JICENG_CASE_PREFIX, batch);
    const now = deps.clock.now();
    const rows: CaseRow[] = batch.map((p, i) => Object.assign(p.row, { number: numbers[i]! }));
    const received = batch.map((p, i) => ({ p, c: rows[i]!, event: p.auto ? null : caseEvent(rows[i]!, []) }));
    const notify = deps.bus.notifyInTransaction(received.flatMap((r) => (r.event ? [r.event] : [])));
    await tx.execute(oneStatement(
      [caseRowsInsert(rows), auditEntriesInsert(now, received.map((r) => receivedEntry(r.p, r.c))), noticesInsert(now, received.flatMap((r) => receivedNotice(r.p, r.c)))],
      notify ?? undefined,
    ));
    const files = batch.flatMap((p, i) => p.files.map((f) => ({ caseId: rows[i]!.id, kind: f.kind, filename: f.name, mime: f.mime, size: f.size, sha256: f.sha256, content: f.content, uploadedBy: p.trailActor?.id ?? null, createdAt: rows[i]!.receivedAt })));
    if (files.length) await tx.insert(caseAttachments).values(files);
    const written: WrittenCase[] = [];
    const entries: AuditRow[] = [];
    const notices: Notice[] = [];
    for (const { p, c, event } of received) {
      if (!p.auto) {
        written.push({ row: c, event });
        continue;
      }
      const dispatched = await dispatchAtOnce(tx, deps.work, { ...p, auto: p.auto }, c);
      entries.push(dispatched.entry);
      notices.push(...dispatched.notices);
      written.push({ row: dispatched.row, event: null });
    }
    await auditEach(tx, now, entries);
    await enqueueNotices(tx, now, notices);
    await recordCaseFacts(tx, written.map((w) => w.row));
    return written;
  });
}
