/**
 * The category classifier of smart dispatch: hashed TF-IDF features (IDF from labelled and unlabelled texts), a
 * one-vs-rest linear SVM, self-training with class quotas on the unlabelled texts, category descriptions (names and
 * keywords) as always-trained examples, and softmax confidences at a temperature fitted on held-out folds. With
 * enough unlabelled text, a second view (embedding-view.ts: word vectors learnt from that text) trains a linear
 * model of its own whose scores are added to the sparse model's. The result (trained-classifier.ts) serialises to
 * JSON so that each trained version can be stored.
 */
import { AppError } from '../../platform/errors.js';
import { fitTemperature } from './calibrate.js';
import { DocumentEmbedder, defaultViewOptions, tokenise } from './embedding-view.js';
import type { ViewOptions } from './embedding-view.js';
import { countFeatures, defaultFeatureOptions, FeatureExtractor } from './features.js';
import type { FeatureOptions, TextInput } from './features.js';
import { mulberry32 } from './hash.js';
import type { Prediction } from './linear-model.js';
import { stratifiedFolds } from './metrics.js';
import { defaultSelfTraining, selfTrain } from './self-training.js';
import type { SelfTrainingOptions } from './self-training.js';
import type { SparseVector } from './sparse.js';
import { TrainedClassifier } from './trained-classifier.js';
import { trainSoftmax } from './train-softmax.js';
import { trainSvm } from './train-svm.js';
import type { SvmOptions } from './train-svm.js';

/** Anything that ranks categories for a text: a trained model or the keyword fallback. */
export interface Classifier {
  readonly kind: 'trained' | 'keywords';
  readonly labels: readonly string[];
  /** The top-k labels with confidences, highest first. */
  classify(input: TextInput, k?: number): Prediction[];
  toJSON(): object;
}

export interface ClassifierOptions {
  features: FeatureOptions;
  /** SVM cost; large because tf-idf classes are nearly separable and the data are few. */
  c: number;
  loss: SvmOptions['loss'];
  /** The linear learner: the SVM (better on cross-validation) or softmax regression. */
  algorithm: 'svm' | 'softmax';
  /** L2 strength of softmax regression. */
  lambda: number;
  /** Scale each class's cost by total / (classes × its total weight), so small classes are not ignored. */
  balanced: boolean;
  selfTraining: SelfTrainingOptions;
  /** The embedding view; used only when there are at least view.minTexts unlabelled texts. */
  view: ViewOptions;
  calibrate: boolean;
}

/**
 * Chosen by repeated cross-validation on labelled data only (stratified and leave-cluster-out folds, see
 * cross-validate.ts). Self-training with class quotas is on (see self-training.ts); prior correction is not offered
 * here: adjusting to priors estimated on the unlabelled board lowered macro-F1 even under simulated shift (priors.ts).
 */
export const defaultClassifierOptions: ClassifierOptions = {
  features: defaultFeatureOptions, c: 30, loss: 'squared-hinge', algorithm: 'svm', lambda: 1e-5, balanced: true,
  selfTraining: defaultSelfTraining, view: defaultViewOptions, calibrate: true,
};

export interface TrainClassifierInput {
  labelled: readonly { text: TextInput; label: string }[];
  unlabelled?: readonly TextInput[];
  /**
   * Category descriptions (a category's name, its sub-categories' names, its keywords) as extra labelled examples:
   * they name sub-topics the labelled cases may not cover yet. Always in training, never held out. Also weakly
   * labelled examples (e.g. from the unit a reply names, reply-units.ts) at a weight below 1.
   */
  descriptions?: readonly { text: TextInput; label: string; weight?: number }[];
  /**
   * Further text for the embedding view's word vectors only (e.g. the official replies to unlabelled messages):
   * never classified, never pseudo-labelled. Ignored when the view is off.
   */
  corpus?: readonly string[];
  seed?: number;
  options?: Partial<Omit<ClassifierOptions, 'features' | 'selfTraining' | 'view'>> & {
    features?: Partial<FeatureOptions>;
    selfTraining?: Partial<SelfTrainingOptions>;
    view?: Partial<ViewOptions>;
  };
}

/** Cost multipliers that give every class the same total cost, counting each example at its own weight. */
export function balancedWeights(ys: readonly string[], weights: readonly number[] = ys.map(() => 1)): number[] {
  const total = new Map<string, number>();
  ys.forEach((y, i) => total.set(y, (total.get(y) ?? 0) + (weights[i] as number)));
  const sum = [...total.values()].reduce((a, b) => a + b, 0);
  return ys.map((y) => sum / (total.size * (total.get(y) as number)));
}

/** Fills in defaults for partial classifier options. */
export function resolveOptions(opt: TrainClassifierInput['options'] = {}): ClassifierOptions {
  return {
    ...defaultClassifierOptions, ...opt,
    features: { ...defaultClassifierOptions.features, ...opt.features },
    selfTraining: { ...defaultClassifierOptions.selfTraining, ...opt.selfTraining },
    view: { ...defaultClassifierOptions.view, ...opt.view, embedding: { ...defaultClassifierOptions.view.embedding, ...opt.view?.embedding } },
  };
}

/** Trains the category classifier from labelled reports and (optionally) unlabelled ones. */
export function trainClassifier(input: TrainClassifierInput): TrainedClassifier {
  const o = resolveOptions(input.options);
  const ys = input.labelled.map((l) => l.label);
  const unlabelled = input.unlabelled ?? [];
  const descriptions = input.descriptions ?? [];
  const view = viewEnabled(o, unlabelled.length) ? learnView(input.labelled, unlabelled, descriptions, o, input.corpus ?? []) : undefined;
  return trainFromCounts(
    input.labelled.map((l) => countFeatures(l.text, o.features)),
    ys,
    unlabelled.map((t) => countFeatures(t, o.features)),
    o,
    input.seed ?? 1,
    describedCounts(descriptions, o.features),
    view,
  );
}

/** Learns the word vectors and embeds every text; the segmented texts are garbage once it returns. */
function learnView(
  labelled: TrainClassifierInput['labelled'], unlabelled: readonly TextInput[], descriptions: NonNullable<TrainClassifierInput['descriptions']>,
  o: ClassifierOptions, corpus: readonly string[] = [],
): ViewVectors {
  const tokens = unlabelled.map(tokenise);
  const embedder = DocumentEmbedder.learn([...tokens, ...corpus.map(tokenise)], o.view);
  return {
    embedder,
    labelled: labelled.map((l) => embedder.embed(l.text)),
    unlabelled: tokens.map((t) => embedder.embed(t)),
    described: descriptions.map((d) => embedder.embed(d.text)),
  };
}

/** Whether the embedding view is learnt from this many unlabelled texts. */
export function viewEnabled(o: ClassifierOptions, unlabelledTexts: number): boolean {
  return o.view.weight > 0 && unlabelledTexts >= o.view.minTexts;
}

/** The embedding view's document vectors, aligned with trainFromCounts's labelled, unlabelled and described inputs. */
export interface ViewVectors {
  embedder: DocumentEmbedder;
  labelled: readonly SparseVector[];
  unlabelled: readonly SparseVector[];
  described: readonly SparseVector[];
}

/** Feature counts and labels of category descriptions, as trainFromCounts takes them. */
export interface DescribedCounts {
  counts: readonly SparseVector[];
  ys: readonly string[];
  /** Cost of each (default 1). */
  weights?: readonly number[];
}

/** Counts the features of category descriptions (made with the same feature options as the examples). */
export function describedCounts(descriptions: TrainClassifierInput['descriptions'] = [], features: FeatureOptions): DescribedCounts {
  return {
    counts: descriptions.map((d) => countFeatures(d.text, features)), ys: descriptions.map((d) => d.label),
    weights: descriptions.map((d) => d.weight ?? 1),
  };
}

/** Trains from raw feature counts (made with o.features), so cross-validation can count each text once. */
export function trainFromCounts(
  labelledCounts: readonly SparseVector[],
  ys: readonly string[],
  unlabelledCounts: readonly SparseVector[],
  o: ClassifierOptions,
  seed: number,
  described: DescribedCounts = { counts: [], ys: [] },
  view?: ViewVectors,
): TrainedClassifier {
  if (ys.some((y) => typeof y !== 'string' || y.trim() === '')) {
    throw new AppError('validation_failed', '训练样本的类别不能为空', { field: 'labelled.label' });
  }
  if (new Set(ys).size < 2) {
    throw new AppError('validation_failed', '训练样本至少需要两个类别', { field: 'labelled', labels: [...new Set(ys)] });
  }
  const extractor = FeatureExtractor.fitCounts([...labelledCounts, ...unlabelledCounts], o.features);
  const xs = labelledCounts.map((c) => extractor.weight(c));
  const us = unlabelledCounts.map((c) => extractor.weight(c));
  // A description of a label no example has would add a class that can be neither learnt nor measured.
  const known = new Set(ys);
  const keep = described.ys.map((y, i) => (known.has(y) ? i : -1)).filter((i) => i >= 0);
  const ds = keep.map((i) => extractor.weight(described.counts[i] as SparseVector));
  const dys = keep.map((i) => described.ys[i] as string);
  const dws = keep.map((i) => described.weights?.[i] ?? 1);
  const learner = (c: number, dimBits: number, algorithm: ClassifierOptions['algorithm']) =>
    (x: readonly SparseVector[], y: readonly string[], w: readonly number[]) => {
      // Pseudo-labels count at their own weight, so that a class they crowd is not mistaken for a large one.
      const cls = o.balanced ? balancedWeights(y, w) : y.map(() => 1);
      const weights = w.map((v, i) => v * (cls[i] as number));
      return algorithm === 'softmax'
        ? trainSoftmax(x, y, { lambda: o.lambda, seed, dimBits }, weights)
        : trainSvm(x, y, { c, loss: o.loss, seed, dimBits }, weights);
    };
  const sparseLearner = learner(o.c, o.features.dimBits, o.algorithm);
  const viewLearner = view && learner(o.view.c, Math.max(1, Math.ceil(Math.log2(view.embedder.dim))), 'svm');
  const vds = view ? keep.map((i) => view.described[i] as SparseVector) : [];
  // Descriptions join every fit, the held-out temperature's folds included, but are never scored themselves. Each
  // view picks its own pseudo-labels, as in the experiment that measured the combination.
  const fit = (rows: readonly number[]): TrainedClassifier => {
    const y = [...rows.map((i) => ys[i] as string), ...dys];
    const w = [...rows.map(() => 1), ...dws];
    const model = selfTrain([...rows.map((i) => xs[i] as SparseVector), ...ds], y, us, sparseLearner, o.selfTraining, w);
    if (!view || !viewLearner) return new TrainedClassifier(extractor, model);
    const vm = selfTrain([...rows.map((i) => view.labelled[i] as SparseVector), ...vds], y, view.unlabelled, viewLearner, o.selfTraining, w);
    return new TrainedClassifier(extractor, model, { embedder: view.embedder, model: vm, weight: o.view.weight });
  };
  const clf = fit(ys.map((_, i) => i));
  if (o.calibrate) {
    clf.model.temperature = heldOutTemperature(ys, fit, (m, i) => m.scores(xs[i] as SparseVector, view?.labelled[i]), seed);
  }
  return clf;
}

/** Fits the softmax temperature on 3-fold out-of-fold scores of the whole training pipeline on the labelled data. */
function heldOutTemperature(
  ys: readonly string[],
  fit: (rows: readonly number[]) => TrainedClassifier,
  score: (m: TrainedClassifier, row: number) => Float64Array,
  seed: number,
): number {
  const scores: Float64Array[] = [];
  const gold: number[] = [];
  for (const fold of stratifiedFolds(ys, 3, mulberry32(seed))) {
    const held = new Set(fold);
    const rest = ys.map((_, i) => i).filter((i) => !held.has(i));
    if (new Set(rest.map((i) => ys[i])).size < 2) continue;
    const m = fit(rest);
    for (const i of fold) {
      const k = m.labels.indexOf(ys[i] as string);
      if (k < 0) continue;
      scores.push(score(m, i));
      gold.push(k);
    }
  }
  return fitTemperature(scores, gold);
}
