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

/** Where the clause holding the end of `before` starts: just after its last clause mark (, : ， ： 、), else 0. */
function clauseStart(before: string): number {
  for (let j = before.length - 1; j >= 0; j--) {
    const c = before.charCodeAt(j);
    if (c === 0x2c || c === 0x3a || c === 0xff0c || c === 0xff1a || c === 0x3001) return j + 1;
  }
  return 0;
}

/** Weight of a hazard pattern in one sentence, in context: 0 when denied, damped when over or only a risk. */
function sentenceWeight(sentences: readonly string[], i: number, re: RegExp, weight: number): number {
  const sentence = sentences[i] as string;
  const m = re.exec(sentence);
  if (!m) return 0;
  const before = sentence.slice(0, m.index);
  if (negationBefore.test(before.slice(clauseStart(before)))) return 0;
  const rest = sentence.slice(m.index + m[0].length);
  const after = `${rest}。${sentences[i + 1] ?? ''}`;
  if (deniedAfter.test(after)) return 0;
  let w = weight;
  if (resolvedCue.test(after)) w *= 0.3;
  if (riskBefore.test(before) || riskAfter.test(rest)) w *= 0.4;
  return w;
}

/**
 * True when a pattern that matches in a sentence surely matches in the whole normalised text the sentence was cut
 * from, also as one alternative of a union: no flags (g or y would carry lastIndex from call to call, i or u would
 * change the other alternatives), no assertion that looks outside the match (^, $, \b, \B, lookahead, lookbehind)
 * and no group reference (a union renumbers the groups). Read conservatively: anything unsure counts as unsafe.
 */
function scansWholeText(re: RegExp): boolean {
  if (re.flags !== '') return false;
  const src = re.source;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      if (!inClass && /[1-9bBk]/.test(src[i + 1] ?? '')) return false;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '^' || c === '$') return false;
    else if (c === '(' && src[i + 1] === '?' && src[i + 2] !== ':') return false;
  }
  return true;
}

/** Each pattern with whether a whole-text test may rule it out before the sentence by sentence search. */
const plan = urgencyRules.map((rule) => ({
  reason: rule.reason,
  patterns: rule.patterns.map((p) => ({ re: p.re, weight: p.weight, gated: scansWholeText(p.re) })),
}));

/**
 * All hazard patterns in one expression, tested once on the whole normalised text: most reports name no hazard,
 * and when this finds nothing no pattern can match any sentence. Null (never skip) if some pattern is not safe.
 */
const anyHazard = plan.every((r) => r.patterns.every((p) => p.gated))
  ? new RegExp(plan.flatMap((r) => r.patterns.map((p) => `(?:${p.re.source})`)).join('|'))
  : null;

/** Decides whether a report is urgent and why. */
export function assessUrgency(text: string, threshold = URGENT_THRESHOLD): UrgencyResult {
  const norm = normalizeText(text);
  // No hazard found: the score is 0 (alarm words only add to a hazard, a drill only scales it).
  if (anyHazard && !anyHazard.test(norm)) return { urgent: 0 >= threshold, score: 0, reasons: [] };
  const sentences = norm.split(SENTENCE_SPLIT).filter((c) => c.length > 0);
  const found: { reason: string; weight: number }[] = [];
  for (const rule of plan) {
    let best = 0;
    for (const p of rule.patterns) {
      // A pattern absent from the whole text is absent from each of its sentences.
      if (p.gated && !p.re.test(norm)) continue;
      for (let i = 0; i < sentences.length; i++) best = Math.max(best, sentenceWeight(sentences, i, p.re, p.weight));
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
