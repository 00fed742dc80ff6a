/**
 * Reads smart dispatch's advice stored on a case (`prediction`: the model's top categories and the open cases the
 * report probably repeats). The column is the classifier's to shape, so anything unexpected reads as no advice. Pure.
 */

/** A category the classifier proposes, with its confidence (0–1). */
export interface PredictedCategory {
  code: string;
  name: string;
  confidence: number;
}

/** An open case the report probably repeats. */
export interface LikelyDuplicate {
  id: string;
  number: string;
  similarity: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The proposed categories, best first; empty when the case carries no usable prediction. */
export function predictedCategories(prediction: unknown): PredictedCategory[] {
  if (!isRecord(prediction) || !Array.isArray(prediction.top)) return [];
  return prediction.top
    .filter((c): c is PredictedCategory => isRecord(c) && typeof c.code === 'string' && typeof c.name === 'string' && typeof c.confidence === 'number')
    .map(({ code, name, confidence }) => ({ code, name, confidence }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** The likely duplicates, most similar first; empty when there are none. */
export function likelyDuplicates(prediction: unknown): LikelyDuplicate[] {
  if (!isRecord(prediction) || !Array.isArray(prediction.duplicates)) return [];
  return prediction.duplicates
    .filter((d): d is LikelyDuplicate => isRecord(d) && typeof d.id === 'string' && typeof d.number === 'string' && typeof d.similarity === 'number')
    .map(({ id, number, similarity }) => ({ id, number, similarity }))
    .sort((a, b) => b.similarity - a.similarity);
}
