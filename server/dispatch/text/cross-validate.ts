/**
 * Repeated k-fold cross-validation of the classifier on labelled data only: the way to tune options without ever
 * looking at a test set. Each text's features are counted once; each fold refits IDF on its own training part plus
 * the unlabelled texts, exactly as training on the whole set would. Unlabelled texts identical to a held-out text are
 * left out of that fold, since a test text is never in the unlabelled pool either. Folds are stratified, or
 * leave-cluster-out (cluster-folds.ts) to imitate a test set with sub-topics the labelled sample lacks. The embedding
 * view's word vectors take ~20 s to learn, so they are learnt once, from the unlabelled texts less every labelled
 * text: no fold's held-out text is ever among them.
 */
import { countFeatures, FeatureExtractor, inputText } from './features.js';
import type { TextInput } from './features.js';
import { describedCounts, trainFromCounts, resolveOptions, viewEnabled } from './classifier.js';
import { DocumentEmbedder, tokenise } from './embedding-view.js';
import type { TrainClassifierInput } from './classifier.js';
import { clusterFolds } from './cluster-folds.js';
import { mulberry32 } from './hash.js';
import { classificationReport, stratifiedFolds } from './metrics.js';
import type { ClassificationReport } from './metrics.js';
import type { SparseVector } from './sparse.js';

/** The pooled report of all repeats, and accuracy and macro-F1 of each repeat (for their spread). */
export interface CrossValidationReport extends ClassificationReport {
  runs: { accuracy: number; macroF1: number }[];
}

/** Cross-validates the classifier; predictions of all repeats are pooled into one report. */
export function crossValidate(input: {
  labelled: readonly { text: TextInput; label: string }[];
  unlabelled?: readonly TextInput[];
  /** Further text for the word vectors only (classifier.ts); the caller leaves out any tied to a labelled text. */
  corpus?: readonly string[];
  /** Category descriptions: in the training part of every fold, never held out. */
  descriptions?: TrainClassifierInput['descriptions'];
  folds?: number;
  repeats?: number;
  seed?: number;
  split?: 'stratified' | 'cluster';
  options?: TrainClassifierInput['options'];
}): CrossValidationReport {
  const o = resolveOptions(input.options);
  const seed = input.seed ?? 1;
  const k = input.folds ?? 5;
  const ys = input.labelled.map((l) => l.label);
  const lc = input.labelled.map((l) => countFeatures(l.text, o.features));
  const unlabelled = input.unlabelled ?? [];
  const uc = unlabelled.map((t) => countFeatures(t, o.features));
  const described = describedCounts(input.descriptions ?? [], o.features);
  const labelledKeys = input.labelled.map((l) => inputText(l.text));
  const unlabelledKeys = unlabelled.map(inputText);
  const labelledKeySet = new Set(labelledKeys);
  const tokens = viewEnabled(o, unlabelled.length) ? unlabelled.map(tokenise) : [];
  const vectorTexts = tokens.filter((_, j) => !labelledKeySet.has(unlabelledKeys[j] as string));
  // As in training, the view needs enough unlabelled texts; a further corpus only adds to its word vectors.
  const embedder = viewEnabled(o, vectorTexts.length) ? DocumentEmbedder.learn([...vectorTexts, ...(input.corpus ?? []).map(tokenise)], o.view) : undefined;
  const lv = embedder ? input.labelled.map((l) => embedder.embed(l.text)) : [];
  const uv = embedder ? tokens.map((t) => embedder.embed(t)) : [];
  const dv = embedder ? (input.descriptions ?? []).map((d) => embedder.embed(d.text)) : [];
  // Clusters are found once, on vectors weighted by IDF of every text (unsupervised, labels unused).
  const clusterSpace = input.split === 'cluster' ? FeatureExtractor.fitCounts([...lc, ...uc], o.features) : undefined;
  const gold: string[] = [];
  const predicted: string[] = [];
  const runs: CrossValidationReport['runs'] = [];
  for (let rep = 0; rep < (input.repeats ?? 1); rep++) {
    const random = mulberry32(seed * 1000 + rep);
    const folds = clusterSpace ? clusterFolds(lc.map((c) => clusterSpace.weight(c)), ys, k, random) : stratifiedFolds(ys, k, random);
    const repGold: string[] = [];
    const repPredicted: string[] = [];
    for (const fold of folds) {
      const held = new Set(fold);
      const heldKeys = new Set(fold.map((i) => labelledKeys[i]));
      const rest = ys.map((_, i) => i).filter((i) => !held.has(i));
      const pick = (i: number) => lc[i] as SparseVector;
      const inPool = (_: unknown, j: number) => !heldKeys.has(unlabelledKeys[j]);
      const view = embedder && {
        embedder, labelled: rest.map((i) => lv[i] as SparseVector), unlabelled: uv.filter(inPool), described: dv,
      };
      const clf = trainFromCounts(rest.map(pick), rest.map((i) => ys[i] as string), uc.filter(inPool), o, seed + rep, described, view);
      for (const i of fold) {
        repGold.push(ys[i] as string);
        repPredicted.push(clf.predictVectors(clf.extractor.weight(pick(i)), lv[i])[0]?.label ?? '');
      }
    }
    const r = classificationReport(repGold, repPredicted);
    runs.push({ accuracy: r.accuracy, macroF1: r.macroF1 });
    gold.push(...repGold);
    predicted.push(...repPredicted);
  }
  return { ...classificationReport(gold, predicted), runs };
}
