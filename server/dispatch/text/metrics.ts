/** Classification metrics: accuracy, per-class precision/recall/F1 and macro-F1. */

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassScores>;
}

/** Scores predictions against gold labels; classes are those of either list, macro-F1 averages over gold classes. */
export function classificationReport(gold: readonly string[], predicted: readonly string[]): ClassificationReport {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const labels = [...new Set([...gold, ...predicted])].sort();
  const perClass: Record<string, ClassScores> = {};
  let correct = 0;
  gold.forEach((g, i) => (correct += g === predicted[i] ? 1 : 0));
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support: tp + fn };
  }
  const goldLabels = labels.filter((l) => (perClass[l]?.support ?? 0) > 0);
  const macroF1 = goldLabels.reduce((s, l) => s + (perClass[l]?.f1 ?? 0), 0) / Math.max(goldLabels.length, 1);
  return { accuracy: gold.length > 0 ? correct / gold.length : 0, macroF1, perClass };
}

/** Median of a list of numbers (0 for an empty list). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Stratified k-fold split: returns, for each fold, the indices held out; deterministic given the seed order. */
export function stratifiedFolds(labels: readonly string[], k: number, random: () => number): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(label) as number[];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    for (const i of idx) folds[next++ % k]!.push(i);
  }
  return folds;
}
