import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { balancedWeights, trainClassifier } from './classifier.js';
import { TrainedClassifier } from './trained-classifier.js';
import { boardMessages } from './fixtures/board-corpus.js';
import { tinyLabelled, tinyTest, tinyUnlabelled } from './fixtures/tiny-corpus.js';

// Small buckets keep the tests fast; the production default is 2^20.
const options = { features: { dimBits: 16, minDf: 1 } };

describe('trainClassifier', () => {
  const clf = trainClassifier({ labelled: tinyLabelled, unlabelled: tinyUnlabelled, seed: 3, options });

  it('classifies unseen reports of the trained categories', () => {
    const correct = tinyTest.filter((t) => clf.classify(t.text)[0]?.label === t.label).length;
    expect(correct).toBeGreaterThanOrEqual(4);
    expect(clf.labels).toEqual(['交通运输', '城乡建设', '环境保护']);
  });

  it('returns top-k labels with confidences that are ranked and sum to at most one', () => {
    const top = clf.classify({ title: '公交车太挤', body: '早高峰公交车挤不上去' }, 2);
    expect(top).toHaveLength(2);
    expect(top[0]!.label).toBe('交通运输');
    expect(top[0]!.confidence).toBeGreaterThan(top[1]!.confidence);
    const all = clf.classify('公交车太挤', 10);
    expect(all).toHaveLength(3);
    expect(all.reduce((s, p) => s + p.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic given a seed and survives a JSON round trip', () => {
    const again = trainClassifier({ labelled: tinyLabelled, unlabelled: tinyUnlabelled, seed: 3, options });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(clf.toJSON()));
    const restored = TrainedClassifier.fromJSON(JSON.parse(JSON.stringify(clf.toJSON())));
    for (const t of tinyTest) expect(restored.classify(t.text, 3)).toEqual(clf.classify(t.text, 3));
  });

  it('calibrates a temperature on held-out folds', () => {
    expect(clf.model.temperature).toBeGreaterThan(0.1);
    expect(clf.model.temperature).not.toBe(1);
    const raw = trainClassifier({ labelled: tinyLabelled, seed: 3, options: { ...options, calibrate: false } });
    expect(raw.model.temperature).toBe(1);
  });

  it('learns a sub-topic no labelled example covers from a category description', () => {
    const radiation = { title: '电磁辐射', body: '新建的基站辐射太大' };
    const confidence = (c: TrainedClassifier) => c.classify(radiation, 3).find((p) => p.label === '环境保护')?.confidence ?? 0;
    const described = trainClassifier({
      labelled: tinyLabelled, unlabelled: tinyUnlabelled, seed: 3, options,
      descriptions: [
        { label: '环境保护', text: { title: '辐射 电磁污染 基站' } },
        // A label no example has would be a class that can be neither learnt nor measured: it is dropped.
        { label: '教育文体', text: { title: '学校 招生' } },
      ],
    });
    expect(described.labels).toEqual(clf.labels);
    expect(clf.classify(radiation, 1)[0]!.label).not.toBe('环境保护');
    expect(described.classify(radiation, 1)[0]!.label).toBe('环境保护');
    expect(confidence(described)).toBeGreaterThan(confidence(clf) + 0.3);
  });

  it('rejects training data with fewer than two labels', () => {
    const one = tinyLabelled.filter((l) => l.label === '交通运输');
    try {
      trainClassifier({ labelled: one });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('validation_failed');
    }
  });
});

describe('trainClassifier with the embedding view', () => {
  const board = boardMessages(240, 4).map((m) => m.text);
  const viewOptions = { ...options, view: { minTexts: 200, embedding: { dim: 8, minCount: 3, window: 3 } } };
  const clf = trainClassifier({ labelled: tinyLabelled, unlabelled: board, seed: 3, options: viewOptions });

  it('learns the view when there are enough unlabelled texts, and not below the minimum', () => {
    expect(clf.view?.model.labels).toEqual(clf.labels);
    expect(clf.toJSON().version).toBe(2);
    const few = trainClassifier({ labelled: tinyLabelled, unlabelled: board.slice(0, 199), seed: 3, options: viewOptions });
    expect(few.view).toBeUndefined();
    expect(few.toJSON().version).toBe(1);
  });

  it('adds the view\'s scores at its weight and ranks by calibrated confidences', () => {
    const text = { title: '的士不打表', body: '的士司机故意绕路，车费乱收' };
    const x = clf.extractor.transform(text);
    const e = clf.view!.embedder.embed(text);
    const sparse = clf.model.scores(x);
    const view = clf.view!.model.scores(e);
    expect(clf.view!.weight).toBe(0.3);
    clf.scores(x, e).forEach((s, k) => expect(s).toBeCloseTo(sparse[k]! + 0.3 * view[k]!, 9));
    const top = clf.classify(text, 3);
    expect(top[0]!.label).toBe('交通运输');
    expect(top[0]!.confidence).toBeGreaterThan(top[1]!.confidence);
    expect(clf.classify(text, 10).reduce((a, p) => a + p.confidence, 0)).toBeCloseTo(1, 6);
    expect(clf.model.temperature).not.toBe(1);
  });

  it('classifies held-out reports by the view alone better than chance', () => {
    const right = tinyTest.filter((t) => {
      const s = clf.view!.model.scores(clf.view!.embedder.embed(t.text));
      return clf.labels[s.indexOf(Math.max(...s))] === t.label;
    }).length;
    expect(right).toBeGreaterThanOrEqual(4);
  });

  it('learns its word vectors from a further corpus too (text that is never classified)', () => {
    const corpus = Array.from({ length: 12 }, (_, i) => `经核实，网约车平台已整改，第${i}件乘客投诉已办结`);
    const more = trainClassifier({ labelled: tinyLabelled, unlabelled: board, corpus, seed: 3, options: viewOptions });
    expect(more.view!.embedder.words).toContain('整改');
    expect(clf.view!.embedder.words).not.toContain('整改');
  });

  it('predicts exactly alike after a JSON round trip, and trains deterministically', () => {
    const restored = TrainedClassifier.fromJSON(JSON.parse(JSON.stringify(clf.toJSON())));
    for (const t of [...tinyTest.map((x) => x.text), ...board.slice(0, 20)]) expect(restored.classify(t, 3)).toEqual(clf.classify(t, 3));
    const again = trainClassifier({ labelled: tinyLabelled, unlabelled: board, seed: 3, options: viewOptions });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(clf.toJSON()));
  });
});

describe('balancedWeights', () => {
  it('gives every class the same total cost, counting examples at their weights', () => {
    const ys = ['a', 'a', 'a', 'b', 'b', 'b'];
    expect(balancedWeights(ys.slice(0, 4))).toEqual([2 / 3, 2 / 3, 2 / 3, 2]);
    // Three pseudo-labelled 'b' at weight 0.1 must not make 'b' look like a large class.
    const w = [1, 1, 1, 1, 0.1, 0.1];
    const m = balancedWeights(ys, w);
    const total = (l: string) => ys.reduce((s, y, i) => s + (y === l ? w[i]! * m[i]! : 0), 0);
    expect(total('a')).toBeCloseTo(total('b'), 10);
    expect(m[3]).toBeGreaterThan(m[0]!);
  });
});

