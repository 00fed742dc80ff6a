import { describe, expect, it } from 'vitest';
import { generateReport } from '../../cases/report-samples.js';
import { defaultTaxonomy, type TaxonomyNode } from '../../cases/taxonomy-data.js';
import { mulberry32 } from '../../org/prng.js';
import { keywordClassifier } from './keyword-classifier.js';
import { normalizeText } from './segment.js';

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

describe('keywordClassifier on the demo taxonomy', () => {
  it('ranks generated reports exactly as searching every keyword of every category would', () => {
    const leaves: Record<string, string[]> = {};
    const walk = (nodes: readonly TaxonomyNode[]) => {
      for (const n of nodes) {
        if (n.children?.length) walk(n.children);
        else leaves[n.code] = [...n.keywords];
      }
    };
    walk(defaultTaxonomy);
    const fast = keywordClassifier(leaves);
    // The reference: every keyword of every label searched with indexOf, as the classifier did before its prefix index.
    const naive = (text: string, title: string) => {
      const scored = Object.keys(leaves).sort().map((label) => {
        let score = 0;
        for (const w of [...new Set(leaves[label]!.map((k) => normalizeText(k)).filter(Boolean))]) {
          let n = 0;
          for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) n++;
          if (n) score += Math.sqrt(w.length) * (1 + Math.log(n)) * (title.includes(w) ? 2 : 1);
        }
        return { label, score };
      });
      const total = scored.reduce((s, x) => s + x.score, 0);
      return scored.filter((x) => x.score > 0).map((x) => ({ label: x.label, confidence: x.score / total }))
        .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label)).slice(0, 3);
    };
    const rng = mulberry32(11);
    for (let i = 0; i < 300; i++) {
      const r = generateReport(rng);
      const got = fast.classify({ title: r.title, body: r.description }).map((p) => ({ label: p.label, confidence: p.confidence }));
      expect(got).toEqual(naive(normalizeText(`${r.title}\n${r.description}`), normalizeText(r.title)));
    }
  });
});
