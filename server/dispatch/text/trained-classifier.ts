/**
 * A trained category classifier: the hashed TF-IDF vectoriser and its linear model, and optionally the embedding
 * view (embedding-view.ts) with a linear model of its own whose scores are added at a weight. Confidences are a
 * softmax of the combined scores at one temperature, fitted on held-out folds of the whole pipeline (classifier.ts),
 * and kept as the sparse model's temperature so that version-1 models (no view) load unchanged.
 */
import type { Classifier } from './classifier.js';
import { DocumentEmbedder } from './embedding-view.js';
import type { DocumentEmbedderJSON } from './embedding-view.js';
import { FeatureExtractor } from './features.js';
import type { TextInput } from './features.js';
import { LinearModel, rankLabels } from './linear-model.js';
import type { LinearModelJSON, Prediction } from './linear-model.js';
import type { SparseVector } from './sparse.js';

/** The second view: document vectors, their linear model, and the weight of its scores. */
export interface EmbeddingView {
  embedder: DocumentEmbedder;
  model: LinearModel;
  weight: number;
}

/** Version 1: the sparse model alone; version 2 adds the embedding view. */
export interface TrainedClassifierJSON {
  kind: 'trained';
  version: 1 | 2;
  features: ReturnType<FeatureExtractor['toJSON']>;
  /** Its temperature applies to the combined scores. */
  model: LinearModelJSON;
  view?: { weight: number; embedder: DocumentEmbedderJSON; model: LinearModelJSON };
}

/** A trained classifier: the vectoriser, the linear model, and the embedding view when there was text to learn it. */
export class TrainedClassifier implements Classifier {
  readonly kind = 'trained';
  constructor(readonly extractor: FeatureExtractor, readonly model: LinearModel, readonly view?: EmbeddingView) {
    if (view && view.model.labels.join('\n') !== model.labels.join('\n')) {
      throw new Error('the embedding view must have the same labels, in the same order, as the sparse model');
    }
  }

  get labels(): readonly string[] {
    return this.model.labels;
  }

  /** The top-k labels for a text, with calibrated confidences. */
  classify(input: TextInput, k = 3): Prediction[] {
    return this.predictVectors(this.extractor.transform(input), this.view?.embedder.embed(input)).slice(0, k);
  }

  /** Decision scores from an already vectorised text: the sparse model's plus the view's at its weight. */
  scores(x: SparseVector, e?: SparseVector): Float64Array {
    const s = this.model.scores(x);
    if (this.view && e) {
      const v = this.view.model.scores(e);
      for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) + this.view.weight * (v[k] as number);
    }
    return s;
  }

  /** All labels ranked by confidence, from an already vectorised text (cross-validation vectorises each text once). */
  predictVectors(x: SparseVector, e?: SparseVector): Prediction[] {
    return rankLabels(this.labels, this.scores(x, e), this.model.temperature);
  }

  toJSON(): TrainedClassifierJSON {
    const base = { kind: 'trained' as const, features: this.extractor.toJSON(), model: this.model.toJSON() };
    if (!this.view) return { ...base, version: 1 };
    const view = { weight: this.view.weight, embedder: this.view.embedder.toJSON(), model: this.view.model.toJSON() };
    return { ...base, version: 2, view };
  }

  /** Rebuilds a classifier stored with toJSON. */
  static fromJSON(json: TrainedClassifierJSON): TrainedClassifier {
    const view = json.view
      ? { weight: json.view.weight, embedder: DocumentEmbedder.fromJSON(json.view.embedder), model: LinearModel.fromJSON(json.view.model) }
      : undefined;
    return new TrainedClassifier(FeatureExtractor.fromJSON(json.features), LinearModel.fromJSON(json.model), view);
  }
}
