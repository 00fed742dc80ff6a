/**
 * Evaluation of the category classifier: train on a labelled file (plus unlabelled texts), classify each test
 * report, and report accuracy, macro-F1, per-class scores, training time and the median time per message.
 */
import { performance } from 'node:perf_hooks';
import { calibrationSummary } from './calibrate.js';
import type { CalibrationSummary } from './calibrate.js';
import { trainClassifier } from './classifier.js';
import type { TrainClassifierInput } from './classifier.js';
import { classificationReport, median } from './metrics.js';
import { readReportsJsonl } from './reports-jsonl.js';
import type { ReportRow } from './reports-jsonl.js';
import { readTaxonomyJsonl } from './taxonomy-jsonl.js';

export interface EvaluationResult {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number }>;
  trainSeconds: number;
  msPerMessage: number;
  /** The embedding view's vocabulary and dimensions, or null when the classifier is the sparse model alone. */
  embeddingView: { words: number; dim: number } | null;
  /** Peak resident memory of this process so far, in MB. */
  peakRssMb: number;
  /** Whether the top confidences mean what they say (auto-dispatch acts on them). */
  calibration: CalibrationSummary;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Trains on `train` (+ `unlabelled`) and scores the classifier on `test`. */
export function evaluateClassifier(input: {
  train: readonly ReportRow[];
  test: readonly ReportRow[];
  unlabelled?: readonly ReportRow[];
  descriptions?: TrainClassifierInput['descriptions'];
  seed?: number;
  options?: TrainClassifierInput['options'];
}): EvaluationResult {
  const started = performance.now();
  const classifier = trainClassifier({
    labelled: input.train.map((r) => ({ text: { title: r.title, body: r.body }, label: r.label ?? '' })),
    unlabelled: (input.unlabelled ?? []).map((r) => ({ title: r.title, body: r.body })),
    ...(input.descriptions ? { descriptions: input.descriptions } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(input.options ? { options: input.options } : {}),
  });
  const trainSeconds = (performance.now() - started) / 1000;
  const times: number[] = [];
  const tops = input.test.map((r) => {
    const t0 = performance.now();
    const top = classifier.classify({ title: r.title, body: r.body }, 1)[0];
    times.push(performance.now() - t0);
    return top ?? { label: '', confidence: 0 };
  });
  const predicted = tops.map((t) => t.label);
  const c = calibrationSummary(tops.map((t, i) => ({ confidence: t.confidence, correct: t.label === input.test[i]?.label })));
  const report = classificationReport(input.test.map((r) => r.label ?? ''), predicted);
  const perClass: EvaluationResult['perClass'] = {};
  for (const [label, s] of Object.entries(report.perClass)) {
    perClass[label] = { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) };
  }
  return {
    accuracy: round(report.accuracy), macroF1: round(report.macroF1), perClass,
    trainSeconds: round(trainSeconds, 2), msPerMessage: round(median(times), 3),
    embeddingView: classifier.view ? { words: classifier.view.embedder.words.length, dim: classifier.view.embedder.dim } : null,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    calibration: {
      ece: round(c.ece), meanConfidence: round(c.meanConfidence),
      atThreshold: { threshold: c.atThreshold.threshold, share: round(c.atThreshold.share), accuracy: round(c.atThreshold.accuracy) },
    },
  };
}

/**
 * Reads the JSONL files and evaluates; throws AppError('invalid_file') naming a file that cannot be used. A taxonomy
 * file, when given, adds its category names as descriptions (a variant: the protocol's figure is without it).
 */
export function evaluateFiles(paths: {
  train: string; test: string; unlabelled?: readonly string[]; taxonomy?: string; seed?: number; options?: TrainClassifierInput['options'];
}): EvaluationResult {
  const train = readReportsJsonl(paths.train, true);
  const test = readReportsJsonl(paths.test, true);
  const unlabelled = (paths.unlabelled ?? []).flatMap((p) => readReportsJsonl(p, false));
  const descriptions = paths.taxonomy !== undefined ? readTaxonomyJsonl(paths.taxonomy) : undefined;
  return evaluateClassifier({
    train, test, unlabelled, ...(descriptions ? { descriptions } : {}), ...(paths.seed !== undefined ? { seed: paths.seed } : {}),
    ...(paths.options ? { options: paths.options } : {}),
  });
}
