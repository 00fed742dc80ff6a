import { describe, expect, it } from 'vitest';
import { keywordClassifier } from './keyword-classifier.js';

const clf = keywordClassifier({
  城乡建设: ['物业', '违建', '违章搭建', '电梯', '房屋'],
  环境保护: ['噪音', '油烟', '污染', '排放', '异味'],
  交通运输: ['公交', '出租车', '红绿灯', '停车'],
  空类别: [],
});

describe('keywordClassifier', () => {
  it('ranks labels by the keywords a report contains and says which', () => {
    const top = clf.classify('小区物业不管违章搭建，楼下餐馆油烟很大');
    expect(top.map((p) => p.label)).toEqual(['城乡建设', '环境保护']);
    expect(top[0]!.keywords).toEqual(['物业', '违章搭建']);
    expect(top[0]!.confidence + top[1]!.confidence).toBeCloseTo(1, 10);
  });

  it('weighs title matches double and matches full-width text', () => {
    const bodyOnly = clf.classify({ title: '烧烤摊扰民', body: '公交站旁烧烤摊油烟大' });
    expect(bodyOnly[0]!.confidence).toBeCloseTo(0.5, 10);
    const titleFirst = clf.classify({ title: '公交车太少', body: '油烟' });
    expect(titleFirst[0]!.label).toBe('交通运输');
    expect(keywordClassifier({ 交通运输: ['ＡＰＰ'] }).classify('打车app总是闪退')[0]?.label).toBe('交通运输');
  });

  it('returns nothing when no keyword matches, and serialises its table', () => {
    expect(clf.classify('希望多组织一些文艺活动')).toEqual([]);
    expect(clf.toJSON()).toMatchObject({ kind: 'keywords', keywordsByLabel: { 交通运输: ['公交', '出租车', '红绿灯', '停车'] } });
    expect(() => keywordClassifier({})).toThrow(/关键词/);
  });
});
