/**
 * Recognises urgent reports (gas leak, fire, collapse, people trapped or hurt …) so that they jump the queue.
 * Hazard patterns are matched sentence by sentence: a negation just before a hazard in its clause (没有起火) or a
 * denial after it (检查后不存在泄漏) cancels it; a sign that it is over (已扑灭), only a risk (隐患, 担心) or a drill
 * (演练) lowers it. Each hazard counts once, at its strongest mention; alarm words add a little.
 */
import {
  deniedAfter, drillCue, intensifiers, negationBefore, resolvedCue, riskAfter, riskBefore, urgencyRules,
} from './urgency-rules.js';
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

const SENTENCE_SPLIT = /[.!?;。！？；\n]+/;
const CLAUSE_MARK = /[,:，：、]/g;

/** Weight of a hazard pattern in one sentence, in context: 0 when denied, damped when over or only a risk. */
function sentenceWeight(sentences: readonly string[], i: number, re: RegExp, weight: number): number {
  const sentence = sentences[i] as string;
  const m = re.exec(sentence);
  if (!m) return 0;
  const before = sentence.slice(0, m.index);
  const clauseStart = Math.max(0, ...[...before.matchAll(CLAUSE_MARK)].map((x) => (x.index ?? 0) + 1));
  if (negationBefore.test(before.slice(clauseStart))) return 0;
  const rest = sentence.slice(m.index + m[0].length);
  const after = `${rest}。${sentences[i + 1] ?? ''}`;
  if (deniedAfter.test(after)) return 0;
  let w = weight;
  if (resolvedCue.test(after)) w *= 0.3;
  if (riskBefore.test(before) || riskAfter.test(rest)) w *= 0.4;
  return w;
}

/** Decides whether a report is urgent and why. */
export function assessUrgency(text: string, threshold = URGENT_THRESHOLD): UrgencyResult {
  const norm = normalizeText(text);
  const sentences = norm.split(SENTENCE_SPLIT).filter((c) => c.length > 0);
  const found: { reason: string; weight: number }[] = [];
  for (const rule of urgencyRules) {
    let best = 0;
    for (let i = 0; i < sentences.length; i++) {
      for (const p of rule.patterns) best = Math.max(best, sentenceWeight(sentences, i, p.re, p.weight));
    }
    if (best > 0) found.push({ reason: rule.reason, weight: best });
  }
  found.sort((a, b) => b.weight - a.weight);
  let score = found.reduce((s, f) => s + f.weight, 0);
  // Alarm words add at most 1, and only to a report that already names a hazard.
  if (score > 0) score += Math.min(1, 0.5 * (norm.match(intensifiers)?.length ?? 0));
  if (drillCue.test(norm)) score *= 0.2;
  score = Math.round(score * 100) / 100;
  return { urgent: score >= threshold, score, reasons: found.map((f) => f.reason) };
}
