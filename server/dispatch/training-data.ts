/**
 * The classifier's training data, read from the case ledger. Labelled: cases a person dispatched (an audit entry
 * 'dispatched' with an actor), labelled with the category they had at dispatch — the reporter's or the model's
 * choice the dispatcher let stand, or the one the dispatcher set instead. Cases dispatched by rule alone are left
 * out: learning from them would teach the model its own guesses. Unlabelled: the texts of recent cases (for IDF).
 *
 * The label rule: a category with fewer than MIN_PER_LABEL confirmed cases is learnt as its level-1 class (the
 * letter: A 城乡建设 …), so that rare leaves still teach the broad class; a level-1 class that still has fewer
 * is left out, since it could neither be learnt nor measured.
 */
import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEntries } from '../db/schema/audit.js';
import { cases, categories } from '../db/schema/cases.js';
import type { CategoryIndex } from './category-index.js';

/** Fewest confirmed cases for a category to be learnt as itself. */
export const MIN_PER_LABEL = 5;
/** The newest confirmed cases used for training: bounded time and memory. */
export const MAX_EXAMPLES = 20_000;
const MAX_UNLABELLED = 5_000;
const UNLABELLED_DAYS = 90;

/** One confirmed case. */
export interface ConfirmedCase {
  caseId: string;
  title: string;
  description: string;
  /** The category code at dispatch. */
  code: string;
}

/** A training example after the label rule. */
export interface LabelledExample extends ConfirmedCase {
  label: string;
}

/** Cases a person dispatched, newest first, with their category at dispatch. */
export async function loadConfirmedCases(db: Db, limit = MAX_EXAMPLES): Promise<ConfirmedCase[]> {
  return db
    .select({ caseId: cases.id, title: cases.title, description: cases.description, code: categories.code })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .where(and(
      isNotNull(cases.dispatchedAt),
      sql`exists (select 1 from ${auditEntries} where ${auditEntries.subjectType} = 'case' and ${auditEntries.subjectId} = ${cases.id}::text
        and ${auditEntries.action} = 'dispatched' and ${auditEntries.actorId} is not null)`,
    ))
    // Case numbers, not random ids, break ties: the same ledger always gives the same split and model.
    .orderBy(desc(cases.dispatchedAt), desc(cases.number))
    .limit(limit);
}

/** Texts of recent cases, for the vectoriser's document frequencies. */
export async function loadRecentTexts(db: Db, now: Date): Promise<{ caseId: string; title: string; body: string }[]> {
  const rows = await db
    .select({ caseId: cases.id, title: cases.title, body: cases.description })
    .from(cases)
    .where(gte(cases.receivedAt, new Date(now.getTime() - UNLABELLED_DAYS * 86_400_000)))
    .orderBy(desc(cases.receivedAt))
    .limit(MAX_UNLABELLED);
  return rows;
}

/** Applies the label rule (see the file comment); examples of unknown or rare classes are dropped. */
export function labelExamples(rows: readonly ConfirmedCase[], index: CategoryIndex, minPerLabel = MIN_PER_LABEL): LabelledExample[] {
  const count = (labels: readonly string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const known = rows.filter((r) => index.byCode.has(r.code));
  const own = count(known.map((r) => r.code));
  const relabelled = known.map((r) => ({
    ...r, label: (own.get(r.code) as number) >= minPerLabel ? r.code : (index.byCode.get(r.code)?.rootCode ?? r.code),
  }));
  const final = count(relabelled.map((r) => r.label));
  return relabelled.filter((r) => (final.get(r.label) as number) >= minPerLabel);
}

/** Maps a predicted code into a label set: itself, or its level-1 class when only that is learnt. */
export function toLabelSpace(code: string, labels: ReadonlySet<string>, index: CategoryIndex): string {
  if (labels.has(code)) return code;
  const root = index.byCode.get(code)?.rootCode;
  return root !== undefined && labels.has(root) ? root : code;
}
