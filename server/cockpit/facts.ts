/**
 * Stands for "none" in a key column of the cockpit's facts and rollups (no category yet, no lead unit yet, no place).
 * What each case counts is defined once, in SQL (facts-sql.ts): the rebuild computes it for every case, and
 * record-facts.ts for the cases each change touches, from the stored rows.
 */
export const NONE = '00000000-0000-0000-0000-000000000000';
