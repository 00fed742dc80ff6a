/**
 * Class-balanced self-training: each round, every label takes the unlabelled texts it wins most clearly (its score
 * is the highest and above a floor), a fixed number per label, and the model is retrained with those pseudo-labels
 * at a lower cost. A fixed number per label matters: citizen boards are dominated by housing complaints, and
 * taking a share of each predicted class would drown the small classes in confirmation bias.
 */
import type { LinearModel } from './linear-model.js';
import type { SparseVector } from './sparse.js';

export interface SelfTrainingOptions {
  /** Rounds of pseudo-labelling; 0 turns self-training off. */
  rounds: number;
  /** Pseudo-labels added per label and round. */
  perClass: number;
  /** Cost of a pseudo-labelled example relative to a labelled one. */
  weight: number;
  /** A pseudo-label needs a score above this. */
  minScore: number;
}

export const defaultSelfTraining: SelfTrainingOptions = { rounds: 1, perClass: 20, weight: 0.5, minScore: 0 };

/** Trains a model on labelled vectors, then refines it with pseudo-labelled unlabelled vectors. */
export function selfTrain(
  xs: readonly SparseVector[],
  ys: readonly string[],
  unlabelled: readonly SparseVector[],
  train: (xs: readonly SparseVector[], ys: readonly string[], weights: readonly number[]) => LinearModel,
  o: SelfTrainingOptions = defaultSelfTraining,
): LinearModel {
  const px = [...xs];
  const py = [...ys];
  const pw = xs.map(() => 1);
  let model = train(px, py, pw);
  const used = new Uint8Array(unlabelled.length);
  for (let round = 0; round < o.rounds && unlabelled.length > 0; round++) {
    const best = new Int32Array(unlabelled.length);
    const top = new Float64Array(unlabelled.length);
    unlabelled.forEach((u, i) => {
      const s = model.scores(u);
      let b = 0;
      for (let k = 1; k < s.length; k++) if ((s[k] as number) > (s[b] as number)) b = k;
      best[i] = b;
      top[i] = s[b] as number;
    });
    let added = 0;
    model.labels.forEach((label, k) => {
      const candidates: number[] = [];
      for (let i = 0; i < unlabelled.length; i++) {
        if (!used[i] && best[i] === k && (top[i] as number) > o.minScore) candidates.push(i);
      }
      candidates.sort((a, b) => (top[b] as number) - (top[a] as number) || a - b);
      for (const i of candidates.slice(0, o.perClass)) {
        used[i] = 1;
        px.push(unlabelled[i] as SparseVector);
        py.push(label);
        pw.push(o.weight);
        added++;
      }
    });
    if (added === 0) break;
    model = train(px, py, pw);
  }
  return model;
}
