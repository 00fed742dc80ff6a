/**
 * Temperature scaling: SVM scores are not probabilities, so the softmax temperature is chosen to minimise the
 * log-loss of held-out scores. Confidences then mean roughly what they say, which the dispatcher's "auto-dispatch
 * above 0.9" rule depends on.
 */

/** Mean negative log-likelihood of the gold labels under softmax(scores × t). */
export function negLogLikelihood(scores: readonly Float64Array[], gold: readonly number[], t: number): number {
  let total = 0;
  scores.forEach((s, i) => {
    let max = -Infinity;
    for (const v of s) max = Math.max(max, v * t);
    let sum = 0;
    for (const v of s) sum += Math.exp(v * t - max);
    total += Math.log(sum) + max - (s[gold[i] as number] as number) * t;
  });
  return total / Math.max(scores.length, 1);
}

/** Finds the temperature in [0.1, 100] that minimises held-out log-loss (golden-section search on log t). */
export function fitTemperature(scores: readonly Float64Array[], gold: readonly number[]): number {
  if (scores.length === 0) return 1;
  const f = (logT: number) => negLogLikelihood(scores, gold, Math.exp(logT));
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.1);
  let b = Math.log(100);
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 60; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = f(d);
    }
  }
  return Math.exp((a + b) / 2);
}

/** How well top confidences mean what they say, on scored examples. */
export interface CalibrationSummary {
  /** Expected calibration error over 10 equal-width bins of the top confidence. */
  ece: number;
  meanConfidence: number;
  /** The share of examples whose top confidence reaches `threshold`, and the accuracy among them. */
  atThreshold: { threshold: number; share: number; accuracy: number };
}

/** Summarises top-1 confidences against correctness (ECE, and what an auto-dispatch threshold would take). */
export function calibrationSummary(top: readonly { confidence: number; correct: boolean }[], threshold = 0.9): CalibrationSummary {
  const n = Math.max(top.length, 1);
  const bins = Array.from({ length: 10 }, () => ({ count: 0, confidence: 0, correct: 0 }));
  let above = 0;
  let aboveCorrect = 0;
  for (const t of top) {
    const b = bins[Math.min(9, Math.floor(t.confidence * 10))]!;
    b.count++;
    b.confidence += t.confidence;
    b.correct += t.correct ? 1 : 0;
    if (t.confidence >= threshold) {
      above++;
      aboveCorrect += t.correct ? 1 : 0;
    }
  }
  const ece = bins.reduce((s, b) => s + Math.abs(b.confidence - b.correct), 0) / n;
  const meanConfidence = top.reduce((s, t) => s + t.confidence, 0) / n;
  return { ece, meanConfidence, atThreshold: { threshold, share: above / n, accuracy: above ? aboveCorrect / above : 0 } };
}
