/**
 * Stratified k-fold cross-validation of the classifier on labelled data only: the way to tune options without ever
 * looking at a test set. Each text's features are counted once; each fold refits IDF on its own training part plus
 * the unlabelled texts, exactly as training on the whole set would.
 */
import { countFeatures } from './features.js';
import type { TextInput } from './features.js';
import { trainFromCounts, resolveOptions } from './classifier.js';
import type { TrainClassifierInput } from './classifier.js';
import { mulberry32 } from './hash.js';
import { classificationReport, stratifiedFolds } from './metrics.js';
import type { ClassificationReport } from './metrics.js';
import type { SparseVector } from './sparse.js';

/** Cross-validates the classifier; predictions of all repeats are pooled into one report. */
export function crossValidate(input: {
  labelled: readonly { text: TextInput; label: string }[];
  unlabelled?: readonly TextInput[];
  folds?: number;
  repeats?: number;
  seed?: number;
  options?: TrainClassifierInput['options'];
}): ClassificationReport {
  const o = resolveOptions(input.options);
  const seed = input.seed ?? 1;
  const ys = input.labelled.map((l) => l.label);
  const lc = input.labelled.map((l) => countFeatures(l.text, o.features));
  const uc = (input.unlabelled ?? []).map((t) => countFeatures(t, o.features));
  const gold: string[] = [];
  const predicted: string[] = [];
  for (let rep = 0; rep < (input.repeats ?? 1); rep++) {
    for (const fold of stratifiedFolds(ys, input.folds ?? 5, mulberry32(seed * 1000 + rep))) {
      const held = new Set(fold);
      const rest = ys.map((_, i) => i).filter((i) => !held.has(i));
      const pick = (i: number) => lc[i] as SparseVector;
      const clf = trainFromCounts(rest.map(pick), rest.map((i) => ys[i] as string), uc, o, seed);
      for (const i of fold) {
        gold.push(ys[i] as string);
        predicted.push(clf.model.predict(clf.extractor.weight(pick(i)))[0]?.label ?? '');
      }
    }
  }
  return classificationReport(gold, predicted);
}
