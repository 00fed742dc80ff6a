import { describe, expect, it } from 'vitest';
import { trainClassifier } from './classifier.js';
import { tinyLabelled, tinyTest } from './fixtures/tiny-corpus.js';
import { keywordClassifier } from './keyword-classifier.js';
import { classifierFromJSON } from './load-classifier.js';

describe('classifierFromJSON', () => {
  it('restores both kinds with the same answers', () => {
    const trained = trainClassifier({ labelled: tinyLabelled, options: { features: { dimBits: 16, minDf: 1 } } });
    const keywords = keywordClassifier({ 交通运输: ['公交', '出租车'], 环境保护: ['噪音', '废水'] });
    for (const clf of [trained, keywords]) {
      const back = classifierFromJSON(JSON.parse(JSON.stringify(clf.toJSON())));
      expect(back.kind).toBe(clf.kind);
      for (const t of tinyTest) expect(back.classify(t.text)).toEqual(clf.classify(t.text));
    }
  });

  it('rejects unknown formats', () => {
    expect(() => classifierFromJSON({ kind: 'neural' })).toThrow(/格式/);
    expect(() => classifierFromJSON(null)).toThrow(/格式/);
  });
});
