import { describe, expect, it } from 'vitest';
import { crossValidate } from './cross-validate.js';
import { tinyLabelled, tinyUnlabelled } from './fixtures/tiny-corpus.js';

describe('crossValidate', () => {
  const base = { labelled: tinyLabelled, unlabelled: tinyUnlabelled, folds: 5, seed: 2 };
  const options = { features: { dimBits: 16, minDf: 1 }, calibrate: false };

  it('scores every labelled example once per repeat, reports each repeat and beats chance', () => {
    const r = crossValidate({ ...base, repeats: 2, options });
    const support = Object.values(r.perClass).reduce((s, c) => s + c.support, 0);
    expect(support).toBe(2 * tinyLabelled.length);
    expect(r.accuracy).toBeGreaterThan(1 / 3);
    expect(r.runs).toHaveLength(2);
    for (const run of r.runs) expect(run.macroF1).toBeGreaterThan(0);
    expect((r.runs[0]!.accuracy + r.runs[1]!.accuracy) / 2).toBeCloseTo(r.accuracy, 10);
  });

  it('is deterministic and reacts to options', () => {
    const a = crossValidate({ ...base, options });
    expect(crossValidate({ ...base, options })).toEqual(a);
    const blind = crossValidate({ ...base, options: { ...options, features: { ...options.features, titleWeight: 0, charMax: 0 } } });
    expect(blind).not.toEqual(a);
  });

  it('can hold out clusters of similar texts instead of stratified folds', () => {
    const r = crossValidate({ ...base, split: 'cluster', options });
    expect(Object.values(r.perClass).reduce((s, c) => s + c.support, 0)).toBe(tinyLabelled.length);
    expect(r.accuracy).toBeGreaterThan(1 / 3);
    expect(crossValidate({ ...base, split: 'cluster', options })).toEqual(r);
  });
});
