/** Restores a stored classifier version of either kind (trained model or keyword table). */
import { AppError } from '../../platform/errors.js';
import type { Classifier } from './classifier.js';
import { TrainedClassifier } from './trained-classifier.js';
import type { TrainedClassifierJSON } from './trained-classifier.js';
import { keywordClassifier } from './keyword-classifier.js';
import type { KeywordClassifierJSON } from './keyword-classifier.js';

/** Rebuilds a classifier from the JSON its toJSON() produced. */
export function classifierFromJSON(json: unknown): Classifier {
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind === 'trained') return TrainedClassifier.fromJSON(json as TrainedClassifierJSON);
  if (kind === 'keywords') return keywordClassifier((json as KeywordClassifierJSON).keywordsByLabel);
  throw new AppError('validation_failed', '无法识别的分类模型格式', { kind });
}
