/**
 * Recognises urgent reports (gas leak, fire, collapse, people trapped or hurt …) so that they jump the queue.
 * Hazard patterns are scored clause by clause: a negation just before a hazard cancels it, a sign that the hazard
 * is over (已扑灭) or only a risk (隐患, 担心) lowers it. Each hazard counts once, at its strongest clause.
 */
import { intensifiers, negationBefore, resolvedCue, riskCue, urgencyRules } from './urgency-rules.js';
import { normalizeText } from './segment.js';

export interface UrgencyResult {
  urgent: boolean;
  /** Sum of the hazards' weights after negation and damping; 3 is one clear hazard. */
  score: number;
  /** The hazards found, in Chinese, strongest first. */
  reasons: string[];
}

/** Score at or above which a report is urgent: one clear hazard, or two weaker signs. */
export const URGENT_THRESHOLD = 2.5;

const CLAUSE_SPLIT = /[,.!?;:，。！？；：\n]+/;

/** Weight of a hazard in one clause, with its context: 0 when negated, damped when over or only a risk. */
function clauseWeight(clauses: readonly string[], i: number, re: RegExp, weight: number): number {
  const clause = clauses[i] as string;
  const m = re.exec(clause);
  if (!m) return 0;
  if (negationBefore.test(clause.slice(0, m.index))) return 0;
  let w = weight;
  const after = `${clause.slice(m.index)}，${clauses[i + 1] ?? ''}`;
  if (resolvedCue.test(after)) w *= 0.3;
  if (riskCue.test(clause)) w *= 0.4;
  return w;
}

/** Decides whether a report is urgent and why. */
export function assessUrgency(text: string, threshold = URGENT_THRESHOLD): UrgencyResult {
  const norm = normalizeText(text);
  const clauses = norm.split(CLAUSE_SPLIT).filter((c) => c.length > 0);
  const found: { reason: string; weight: number }[] = [];
  for (const rule of urgencyRules) {
    let best = 0;
    for (let i = 0; i < clauses.length; i++) {
      for (const p of rule.patterns) best = Math.max(best, clauseWeight(clauses, i, p.re, p.weight));
    }
    if (best > 0) found.push({ reason: rule.reason, weight: best });
  }
  found.sort((a, b) => b.weight - a.weight);
  let score = found.reduce((s, f) => s + f.weight, 0);
  // Alarm words add at most 1, and only to a report that already names a hazard.
  if (score > 0) score += Math.min(1, 0.5 * (norm.match(intensifiers)?.length ?? 0));
  score = Math.round(score * 100) / 100;
  return { urgent: score >= threshold, score, reasons: found.map((f) => f.reason) };
}
