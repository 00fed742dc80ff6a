/**
 * Training a new classifier version from the ledger (see training-data.ts for what is learnt). A stratified 20 % of
 * the confirmed cases is held out; the model is trained on the other 80 % and the stored model is exactly the one
 * measured, so its figures are honest. It becomes active only when its macro-F1 on the held-out cases is at least
 * that of the model in service (the keyword classifier before any training) on the same cases.
 */
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { categoryDescriptions } from './category-descriptions.js';
import { trainClassifier } from './text/classifier.js';
import type { Classifier, TrainClassifierInput } from './text/classifier.js';
import { mulberry32 } from './text/hash.js';
import { TrainedClassifier } from './text/trained-classifier.js';
import { classificationReport, stratifiedFolds } from './text/metrics.js';
import { loadCategoryIndex } from './category-index.js';
import type { CategoryIndex } from './category-index.js';
import { modelStoreOf } from './model-store.js';
import { storeVersion } from './model-versions.js';
import { labelExamples, loadConfirmedCases, loadRecentTexts, toLabelSpace } from './training-data.js';
import type { LabelledExample } from './training-data.js';
import { ensureUserDictionary } from './user-dictionary.js';

/** Fewest usable examples (after the label rule) worth training on. */
export const MIN_EXAMPLES = 30;

/** Trains a classifier; the background job passes one that runs in a worker thread. */
export type Trainer = (input: TrainClassifierInput) => Promise<Classifier>;

/** What a training run did. */
export interface TrainingResult {
  version: number;
  activated: boolean;
  examples: number;
  heldOut: number;
  labels: number;
  accuracy: number;
  macroF1: number;
  /** The embedding view's vocabulary size, or null when there were too few unlabelled texts to learn it. */
  embeddingWords: number | null;
  /** The model in service before, scored on the same held-out cases. */
  previous: { version: number; kind: 'keywords' | 'trained'; accuracy: number; macroF1: number } | null;
}

const inProcess: Trainer = async (input) => trainClassifier(input);
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Accuracy and macro-F1 of a classifier on examples, its answers mapped into the examples' label space. */
function score(classifier: Classifier, examples: readonly LabelledExample[], index: CategoryIndex) {
  const labels = new Set(examples.map((e) => e.label));
  const predicted = examples.map((e) => {
    const top = classifier.classify({ title: e.title, body: e.description }, 1)[0];
    return top ? toLabelSpace(top.label, labels, index) : '';
  });
  const r = classificationReport(examples.map((e) => e.label), predicted);
  return { accuracy: round(r.accuracy), macroF1: round(r.macroF1) };
}

/** Trains, measures and stores a new version from the cases dispatchers confirmed. */
export async function trainFromCases(deps: Pick<Deps, 'db' | 'clock'>, options: { seed?: number; trainer?: Trainer } = {}): Promise<TrainingResult> {
  const seed = options.seed ?? 1;
  const now = deps.clock.now();
  await ensureUserDictionary(deps.db);
  const index = await loadCategoryIndex(deps.db);
  const examples = labelExamples(await loadConfirmedCases(deps.db), index);
  const labelCount = new Set(examples.map((e) => e.label)).size;
  if (examples.length < MIN_EXAMPLES || labelCount < 2) {
    throw new AppError('validation_failed', `派单员确认的工单不足，无法训练（可用 ${examples.length} 条，${labelCount} 个类别；至少需要 ${MIN_EXAMPLES} 条、2 个类别）`, {
      examples: examples.length, labels: labelCount, minExamples: MIN_EXAMPLES,
    });
  }
  const held = new Set(stratifiedFolds(examples.map((e) => e.label), 5, mulberry32(seed))[0]);
  const train = examples.filter((_, i) => !held.has(i));
  const test = examples.filter((_, i) => held.has(i));
  const heldIds = new Set(test.map((e) => e.caseId));
  const classifier = await (options.trainer ?? inProcess)({
    labelled: train.map((e) => ({ text: { title: e.title, body: e.description }, label: e.label })),
    // The taxonomy's names and keywords stand for sub-topics the confirmed cases do not cover yet.
    descriptions: categoryDescriptions(new Set(train.map((e) => e.label)), index),
    // Held-out texts stay unseen, even by the document frequencies.
    unlabelled: (await loadRecentTexts(deps.db, now)).filter((t) => !heldIds.has(t.caseId)).map((t) => ({ title: t.title, body: t.body })),
    seed,
  });
  const mine = score(classifier, test, index);
  const store = modelStoreOf(deps);
  store.invalidate();
  const serving = await store.current();
  const previous = serving ? { version: serving.version, kind: serving.kind, ...score(serving.classifier, test, index) } : null;
  const activate = !previous || mine.macroF1 >= previous.macroF1;
  const metrics = {
    accuracy: mine.accuracy, macroF1: mine.macroF1, examples: examples.length, heldOut: test.length, labels: labelCount,
    ...(previous ? { previousVersion: previous.version, previousAccuracy: previous.accuracy, previousMacroF1: previous.macroF1 } : {}),
  };
  const version = await storeVersion(deps.db, { classifier, trainedOn: train.length, metrics, activate, now });
  store.invalidate();
  const embeddingWords = classifier instanceof TrainedClassifier ? (classifier.view?.embedder.words.length ?? null) : null;
  return { version, activated: activate, examples: examples.length, heldOut: test.length, labels: labelCount, ...mine, embeddingWords, previous };
}
