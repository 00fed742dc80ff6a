import { describe, expect, it } from 'vitest';
import { countFeatures, defaultFeatureOptions, FeatureExtractor } from './features.js';
import { cosine, norm } from './sparse.js';

const opts = { ...defaultFeatureOptions, dimBits: 16 };
const corpus = [
  '小区门口垃圾堆积无人清理', '道路两旁垃圾很多', '公交车经常晚点', '公交线路希望延长到新区',
  '学校门口交通拥堵', '垃圾分类宣传不到位',
];

describe('features', () => {
  it('counts words and character n-grams into sorted buckets', () => {
    const v = countFeatures('垃圾垃圾', opts);
    for (let i = 1; i < v.indices.length; i++) expect(v.indices[i]!).toBeGreaterThan(v.indices[i - 1]!);
    // words: 垃圾×2; chars: 垃×2 圾×2 垃圾×2 圾垃×1 垃圾垃 圾垃圾 (1 each): 6 distinct buckets unless two collide.
    expect(v.indices.length).toBeLessThanOrEqual(7);
    expect(v.indices.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...v.values)).toBe(2);
  });

  it('weights titles more than bodies', () => {
    const fx = FeatureExtractor.fit(corpus, opts);
    const q = fx.transform('公交车');
    const inTitle = fx.transform({ title: '公交车晚点', body: '小区门口垃圾很多' });
    const inBody = fx.transform({ title: '小区门口垃圾很多', body: '公交车晚点' });
    expect(cosine(q, inTitle)).toBeGreaterThan(cosine(q, inBody));
  });

  it('gives unit vectors, rarer terms more weight, and round-trips through JSON', () => {
    const fx = FeatureExtractor.fit(corpus, { ...opts, minDf: 1 });
    const v = fx.transform('垃圾分类宣传');
    expect(norm(v)).toBeCloseTo(1, 5);
    const json = JSON.parse(JSON.stringify(fx.toJSON()));
    const back = FeatureExtractor.fromJSON(json);
    expect(Array.from(back.transform('垃圾分类宣传').values)).toEqual(Array.from(v.values));
    const common = fx.idf[countFeatures('垃圾', opts).indices[0]!]!;
    const rare = fx.idf[countFeatures('宣传', opts).indices[0]!]!;
    expect(rare).toBeGreaterThan(common);
  });

  it('drops buckets below minDf and folds digits', () => {
    const fx = FeatureExtractor.fit(['三号楼', '三号楼电梯'], { ...opts, minDf: 2 });
    expect(fx.transform('电梯').indices.length).toBe(0);
    expect(countFeatures('3号楼', opts).indices).toEqual(countFeatures('7号楼', opts).indices);
  });
});
