import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { caseCounters } from '../db/schema/cases.js';
import { chinaDate } from '../sla/china-time.js';

/**
 * The next readable case number of the day (QH-20261122-0001), counted in China time. Run outside the intake
 * transaction so the counter's row lock is held for one statement only; a failed intake leaves a gap, never a clash.
 */
export async function nextCaseNumber(db: Db, prefix: string, now: Date): Promise<string> {
  const day = chinaDate(now).replaceAll('-', '');
  const [row] = await db
    .insert(caseCounters)
    .values({ day, last: 1 })
    .onConflictDoUpdate({ target: caseCounters.day, set: { last: sql`${caseCounters.last} + 1` } })
    .returning({ last: caseCounters.last });
  return `${prefix}-${day}-${String(row!.last).padStart(4, '0')}`;
}
