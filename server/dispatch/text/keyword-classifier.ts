/**
 * Cold start for smart dispatch: before any model is trained, admins keep a keyword list per category and a report
 * is ranked by the keywords it contains (substring match on normalised text, since jieba may split a term).
 * Longer keywords count more (一个“燃气泄漏” says more than “燃气”), and each keyword's repeats count sublinearly.
 */
import { AppError } from '../../platform/errors.js';
import type { Classifier } from './classifier.js';
import { inputText } from './features.js';
import type { TextInput } from './features.js';
import type { Prediction } from './linear-model.js';
import { normalizeText } from './segment.js';

/** A keyword ranking also says which keywords matched, for the dispatcher to see why. */
export interface KeywordPrediction extends Prediction {
  keywords: string[];
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

export interface KeywordClassifierJSON {
  kind: 'keywords';
  version: 1;
  keywordsByLabel: Record<string, string[]>;
}

/** The keyword fallback: a Classifier whose answers carry the matched keywords. */
export interface KeywordClassifier extends Classifier {
  classify(input: TextInput, k?: number): KeywordPrediction[];
  toJSON(): KeywordClassifierJSON;
}

/** Builds a classifier from admin-maintained keywords; labels with no matching keyword are left out. */
export function keywordClassifier(keywordsByLabel: Record<string, readonly string[]>): KeywordClassifier {
  const labels = Object.keys(keywordsByLabel).sort();
  if (labels.length === 0) throw new AppError('validation_failed', '关键词表不能为空', { field: 'keywordsByLabel' });
  const table = labels.map((label) => ({
    label,
    words: [...new Set((keywordsByLabel[label] ?? []).map((w) => normalizeText(w)).filter((w) => w.length > 0))],
  }));
  // Keywords by their first two characters (one-character keywords by that character): a report is scanned once for
  // the prefixes it contains, and only keywords with such a prefix are searched for — a few dozen of the thousands.
  const byPrefix = new Map<string, Set<string>>();
  for (const { words } of table) {
    for (const w of words) {
      const key = w.slice(0, 2);
      byPrefix.set(key, (byPrefix.get(key) ?? new Set()).add(w));
    }
  }
  const present = (text: string): Set<string> => {
    const found = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      for (const key of [text[i]!, text.slice(i, i + 2)]) for (const w of byPrefix.get(key) ?? []) found.add(w);
    }
    return found;
  };
  return {
    kind: 'keywords',
    labels,
    classify(input: TextInput, k = 3): KeywordPrediction[] {
      const title = typeof input === 'string' ? '' : normalizeText(input.title ?? '');
      const text = normalizeText(inputText(input));
      const candidates = present(text);
      const scored = table.map(({ label, words }) => {
        let score = 0;
        const hits: string[] = [];
        for (const w of words) {
          const n = candidates.has(w) ? occurrences(text, w) : 0;
          if (n === 0) continue;
          hits.push(w);
          // A keyword in the title counts double: titles name the problem.
          score += Math.sqrt(w.length) * (1 + Math.log(n)) * (title.includes(w) ? 2 : 1);
        }
        return { label, score, keywords: hits };
      });
      const total = scored.reduce((s, x) => s + x.score, 0);
      return scored
        .filter((x) => x.score > 0)
        .map((x) => ({ label: x.label, confidence: x.score / total, keywords: x.keywords }))
        .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label))
        .slice(0, k);
    },
    toJSON: (): KeywordClassifierJSON => ({
      kind: 'keywords', version: 1, keywordsByLabel: Object.fromEntries(table.map((t) => [t.label, t.words])),
    }),
  };
}
