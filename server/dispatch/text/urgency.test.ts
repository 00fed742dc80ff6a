import { describe, expect, it } from 'vitest';
import { generateReport, paraphrase } from '../../cases/report-samples.js';
import { mulberry32, pick } from '../../org/prng.js';
import { generateUrgencySet } from './fixtures/urgency-set.js';
import { normalizeText } from './segment.js';
import { assessUrgency, URGENT_THRESHOLD, type UrgencyResult } from './urgency.js';
import {
  deniedAfter, drillCue, intensifiers, negationBefore, resolvedCue, riskAfter, riskBefore, urgencyRules,
} from './urgency-rules.js';

describe('assessUrgency', () => {
  it.each([
    ['三单元二楼楼道里煤气味很重，敲门没人应', '燃气泄漏'],
    ['幸福路菜市场后面的仓库着火了，火势很大', '火灾'],
    ['老街那栋旧房子的外墙倒塌了，砸到了路边的车', '坍塌'],
    ['小区5号楼电梯突然停了，里面有两个人被困', '人员被困'],
    ['河边有个小孩落水了，请赶紧派人', '溺水'],
    ['暴雨后地下通道积水过膝，车辆被淹', '洪水内涝'],
    ['烧烤店门口有人持刀打架', '暴力冲突'],
    ['工地上一名工人触电，倒在地上', '触电'],
    ['化工厂的罐车翻了，危险化学品泄漏', '危化品泄漏'],
    ['公交站台有位老人晕倒了，没有反应', '有人晕倒'],
    ['楼下餐馆发生爆炸，玻璃全碎了', '爆炸'],
  ])('flags %s as urgent (%s)', (text, reason) => {
    const r = assessUrgency(text);
    expect(r.urgent).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(URGENT_THRESHOLD);
    expect(r.reasons).toContain(reason);
  });

  it('leaves ordinary complaints alone', () => {
    for (const text of ['小区路灯坏了一个月没人修', '楼上装修噪音太大，周末早上七点就开始', '希望增加一条公交线路到新区']) {
      const r = assessUrgency(text);
      expect(r).toEqual({ urgent: false, score: 0, reasons: [] });
    }
  });

  it('cancels a negated hazard', () => {
    const r = assessUrgency('厨房冒了点烟，但是没有起火，也没有人受伤');
    expect(r.urgent).toBe(false);
    expect(r.reasons).not.toContain('火灾');
    expect(r.reasons).not.toContain('人员受伤');
  });

  it('damps a hazard that is already over', () => {
    const live = assessUrgency('垃圾站起火了');
    const over = assessUrgency('垃圾站起火了，现在火已经扑灭');
    expect(live.urgent).toBe(true);
    expect(over.urgent).toBe(false);
    expect(over.score).toBeLessThan(live.score);
    expect(over.reasons).toContain('火灾');
  });

  it('damps a mere risk', () => {
    const r = assessUrgency('楼道堆满杂物，存在火灾隐患，希望清理');
    expect(r.urgent).toBe(false);
    expect(r.score).toBeGreaterThan(0);
  });

  it('adds weaker signs together and counts alarm words only with a hazard', () => {
    expect(assessUrgency('救命，赶紧来人').urgent).toBe(false);
    const weak = assessUrgency('老房子墙体开裂，裂缝越来越大');
    const both = assessUrgency('老房子墙体开裂，旁边高压线掉落在地上');
    expect(weak.urgent).toBe(false);
    expect(both.score).toBeGreaterThan(weak.score);
    expect(both.urgent).toBe(true);
  });

  it('reads full-width text and ranks the strongest hazard first', () => {
    const r = assessUrgency('ＸＸ路口两车相撞，有人受伤！附近有积水');
    expect(r.urgent).toBe(true);
    expect(r.reasons[0]).toBe('人员受伤');
  });
});

/**
 * The implementation before the whole-text prefilter (kept verbatim as the reference): every rule, every sentence,
 * every pattern. The current one must give exactly its results.
 */
function referenceAssessUrgency(text: string, threshold = URGENT_THRESHOLD): UrgencyResult {
  const SENTENCE_SPLIT = /[.!?;。！？；\n]+/;
  const CLAUSE_MARK = /[,:，：、]/g;
  const sentenceWeight = (sentences: readonly string[], i: number, re: RegExp, weight: number): number => {
    const sentence = sentences[i] as string;
    const m = re.exec(sentence);
    if (!m) return 0;
    const before = sentence.slice(0, m.index);
    const clauseStart = Math.max(0, ...[...before.matchAll(CLAUSE_MARK)].map((x) => (x.index ?? 0) + 1));
    if (negationBefore.test(before.slice(clauseStart))) return 0;
    const rest = sentence.slice(m.index + m[0].length);
    const after = `${rest}。${sentences[i + 1] ?? ''}`;
    if (deniedAfter.test(after)) return 0;
    let w = weight;
    if (resolvedCue.test(after)) w *= 0.3;
    if (riskBefore.test(before) || riskAfter.test(rest)) w *= 0.4;
    return w;
  };
  const norm = normalizeText(text);
  const sentences = norm.split(SENTENCE_SPLIT).filter((c) => c.length > 0);
  const found: { reason: string; weight: number }[] = [];
  for (const rule of urgencyRules) {
    let best = 0;
    for (let i = 0; i < sentences.length; i++) {
      for (const p of rule.patterns) best = Math.max(best, sentenceWeight(sentences, i, p.re, p.weight));
    }
    if (best > 0) found.push({ reason: rule.reason, weight: best });
  }
  found.sort((a, b) => b.weight - a.weight);
  let score = found.reduce((s, f) => s + f.weight, 0);
  if (score > 0) score += Math.min(1, 0.5 * (norm.match(intensifiers)?.length ?? 0));
  if (drillCue.test(norm)) score *= 0.2;
  score = Math.round(score * 100) / 100;
  return { urgent: score >= threshold, score, reasons: found.map((f) => f.reason) };
}

/** Random texts of hazard words, negations, cues, alarm words, fillers and every kind of separator. */
function fuzzTexts(n: number, seed: number): string[] {
  const pieces = [
    '起火', '着火', '明火', '火灾隐患', '冒火星', '浓烟', '冒烟', '煤气', '燃气', '天然气管', '泄漏', '漏气', '味', '燃气味很重',
    '闻到', '一股', '爆炸', '炸开', '倒塌', '塌了', '随时会倒', '快要塌', '墙体开裂', '被困', '困在', '电梯里卡住人', '出不来',
    '落水', '掉进河', '被水冲走', '积水', '积水过膝', '水淹进屋', '内涝', '倒灌', '洪水', '持刀', '拿着刀', '打架', '打人',
    '触电', '被电到', '电线断了', '漏电', '氨气', '往外漏', '化学品', '侧翻', '毒气', '刺鼻的气味', '车祸', '相撞', '被撞',
    '受伤', '流血', '晕倒', '抽搐', '跳楼', '轻生', '老人', '孩子', '走失', '不见了', '没有', '没', '无', '未', '不是', '并非',
    '排除', '谣言', '假的', '不存在', '是误报', '虚惊一场', '没有发现', '并无', '没事', '已', '已经', '早已', '扑灭', '救出',
    '控制住', '恢复', '疏散', '送医', '担心', '可能', '怕', '以防', '去年', '宣传', '隐患', '风险', '危险性', '紧急', '救命',
    '快来人', '110', '119', '危险', '立即', '演练', '模拟', '演习', '小区', '楼道', '今天', '有人', '的', '了', '很', '在', '重',
    'ABC', 'Ｘ', '３号楼', '，', ',', ':', '：', '、', '。', '.', '!', '！', '?', '？', ';', '；', '\n', ' ', '　', '  ',
    'http://x.cn/a?b=1', '13812345678', '010-12345678',
  ];
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(rng() * 25) }, () => pick(rng, pieces)).join(''));
}

describe('assessUrgency gives exactly the results of the reference implementation', () => {
  const check = (texts: readonly string[]) => {
    let urgent = 0;
    let hazard = 0;
    for (const text of texts) {
      const want = referenceAssessUrgency(text);
      expect(assessUrgency(text), text).toEqual(want);
      if (want.urgent) urgent++;
      if (want.score > 0) hazard++;
    }
    return { urgent, hazard };
  };

  it('on generated reports (title and description as intake joins them, description alone, paraphrases)', () => {
    const rng = mulberry32(20261201);
    const texts: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const r = generateReport(rng);
      texts.push(`${r.title} ${r.description}`, r.description);
      if (i % 4 === 0) texts.push(paraphrase(rng, `${r.title} ${r.description}`));
    }
    const { urgent, hazard } = check(texts);
    // Both paths are exercised: most reports name no hazard, some are urgent.
    expect(urgent).toBeGreaterThan(200);
    expect(hazard).toBeLessThan(texts.length / 2);
  });

  it('on the labelled urgency sets of the text core and the detection benchmark', () => {
    const fixture = [...generateUrgencySet(1000, 1), ...generateUrgencySet(400, 2)].map((x) => x.text);
    const samples = Array.from({ length: 2000 }, ((rng) => () => generateReport(rng))(mulberry32(7)));
    check([...fixture, ...samples.map((r) => `${r.title} ${r.description}`)]);
  });

  it('on random mixtures of hazard words, negations, cues and separators', () => {
    const { urgent, hazard } = check(fuzzTexts(5000, 11));
    expect(urgent).toBeGreaterThan(500);
    expect(hazard).toBeLessThan(5000);
  });

  it('on edge cases and at other thresholds', () => {
    const texts = [
      '', ' ', '。。。', '\n', '演练', '救命！紧急！119', '模拟演练：没有起火', '没有起火', '起火', '起火。演练', '火灾隐患',
      '3号楼:没有人，被困', '楼道、无人受伤', '　ＦＩＲＥ　起火　', '燃气\n泄漏', '燃气。泄漏', '危化品。泄漏', '氨气!!往外漏',
      '路灯坏了', '燃气费涨了', ...fuzzTexts(200, 12),
    ];
    check(texts);
    for (const threshold of [0, -1, 0.5, 1, 3, 10, Number.NaN, Number.NEGATIVE_INFINITY]) {
      for (const text of texts) expect(assessUrgency(text, threshold), `${text} @ ${threshold}`).toEqual(referenceAssessUrgency(text, threshold));
    }
  });

  it('keeps the rule expressions stateless (no g or y flag), as skipping them assumes', () => {
    for (const re of [...urgencyRules.flatMap((r) => r.patterns.map((p) => p.re)), negationBefore, deniedAfter, resolvedCue, riskBefore, riskAfter, drillCue]) {
      expect(re.global || re.sticky, String(re)).toBe(false);
    }
  });
});
