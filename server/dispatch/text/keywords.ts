/**
 * Keywords that name a group of reports: the words most of the group shares and the rest of the corpus does not
 * (document frequency in the group × IDF over all reports).
 */
import { segment } from './segment.js';

// Words that say nothing about a problem, common in citizens' reports.
const STOP = new Set(
  ('我们 你们 他们 这个 那个 这些 那些 什么 怎么 为什么 没有 已经 现在 还是 但是 因为 所以 如果 就是 可以 希望 请问 '
    + '问题 反映 情况 相关 部门 领导 进行 一个 一直 每天 非常 严重 影响 要求 尽快 处理 解决 谢谢 您好 你好 '
    + '目前 今天 昨天 时候 很多 不能 不是 居民 群众 市民 这里 那里 附近 现象 存在 出现 导致 造成 有关 '
    + '很大 特别 还是 总是 经常 实在 太大 一下 一些 有些 大家 自己').split(' '),
);
const WORDY = /^[\p{Script=Han}\p{L}][\p{Script=Han}\p{L}\p{N}]*$/u;

/** Distinct candidate keywords of a text: words of two or more characters, not stop words or bare numbers. */
export function keywordSet(text: string): Set<string> {
  return new Set(segment(text).filter((w) => w.length >= 2 && WORDY.test(w) && !STOP.has(w)));
}

/** Document frequencies of keywords over a corpus of keyword sets. */
export function documentFrequencies(docs: readonly Set<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/** The top keywords of a group of documents, against the document frequencies of the whole corpus. */
export function topKeywords(
  group: readonly Set<string>[],
  corpusDf: ReadonlyMap<string, number>,
  corpusSize: number,
  k = 3,
): string[] {
  const inGroup = documentFrequencies(group);
  return [...inGroup]
    .map(([w, n]) => ({ w, score: n * Math.log((1 + corpusSize) / (1 + (corpusDf.get(w) ?? 0))) + n * 1e-6 }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.w.length - a.w.length || a.w.localeCompare(b.w))
    .slice(0, k)
    .map((x) => x.w);
}
