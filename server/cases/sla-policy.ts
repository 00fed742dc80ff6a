import type { Channel, Urgency } from '../../common/cases.js';
import type { slaPolicies } from '../db/schema/cases.js';
import { AppError } from '../platform/errors.js';
import type { CategoryRow } from './categories.js';
import type { ReferenceSnapshot } from './reference-data.js';

export type SlaPolicy = typeof slaPolicies.$inferSelect;

/**
 * The deadline policy of a case: among active policies whose non-empty matchers all fit, the most specific one
 * (a category match weighs most, the deeper the better, then urgency, then channel).
 */
export function pickSlaPolicy(ref: ReferenceSnapshot, c: { lineage: CategoryRow[]; urgency: Urgency; channel: Channel }): SlaPolicy {
  let best: { p: SlaPolicy; score: number } | null = null;
  for (const p of ref.policies) {
    let score = 0;
    if (p.categoryId) {
      const at = c.lineage.findIndex((cat) => cat.id === p.categoryId);
      if (at < 0) continue;
      score += 100 - at * 10;
    }
    if (p.urgency) {
      if (p.urgency !== c.urgency) continue;
      score += 1000; // an urgent case always takes the urgent clock
    }
    if (p.channel) {
      if (p.channel !== c.channel) continue;
      score += 5;
    }
    if (!best || score > best.score) best = { p, score };
  }
  if (!best) throw new AppError('config_invalid', '没有可用的时限策略 (no SLA policy matches; add a default policy)');
  return best.p;
}
