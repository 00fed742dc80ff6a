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
  // Prefixes are keyed by their UTF-16 code units as one integer, so the scan makes no strings.
  const byOne = new Map<number, string[]>();
  const byTwo = new Map<number, string[]>();
  const two = (a: number, b: number) => ((a << 16) | b) | 0;
  // Where each keyword stands in each label's list (label index, position): a report's score and its list of hits are
  // summed in the list's order, whichever order the keywords were found in.
  const owners = new Map<string, { label: number; at: number }[]>();
  table.forEach(({ words }, label) => {
    words.forEach((w, at) => {
      if (!owners.has(w)) {
        const index = w.length === 1 ? byOne : byTwo;
        const key = w.length === 1 ? w.charCodeAt(0) : two(w.charCodeAt(0), w.charCodeAt(1));
        const list = index.get(key);
        if (list) list.push(w);
        else index.set(key, [w]);
        owners.set(w, []);
      }
      owners.get(w)!.push({ label, at });
    });
  });
  const present = (text: string): Set<string> => {
    const found = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const one = byOne.get(c);
      if (one) for (const w of one) found.add(w);
      if (i + 1 < text.length) {
        const pair = byTwo.get(two(c, text.charCodeAt(i + 1)));
        if (pair) for (const w of pair) found.add(w);
      }
    }
    return found;
  };
  return {
    kind: 'keywords',
    labels,
    classify(input: TextInput, k = 3): KeywordPrediction[] {
      const title = typeof input === 'string' ? '' : normalizeText(input.title ?? '');
      const text = normalizeText(inputText(input));
      // The hits of each label: the keywords found in the text, with their place in the label's list and their count.
      const hitsOf = new Map<number, { at: number; word: string; n: number }[]>();
      for (const w of present(text)) {
        const n = occurrences(text, w);
        if (n === 0) continue;
        for (const { label, at } of owners.get(w)!) {
          const list = hitsOf.get(label);
          if (list) list.push({ at, word: w, n });
          else hitsOf.set(label, [{ at, word: w, n }]);
        }
      }
      const scored = [...hitsOf].sort((a, b) => a[0] - b[0]).map(([label, hits]) => {
        let score = 0;
        hits.sort((a, b) => a.at - b.at);
        // A keyword in the title counts double: titles name the problem.
        for (const { word, n } of hits) score += Math.sqrt(word.length) * (1 + Math.log(n)) * (title.includes(word) ? 2 : 1);
        return { label: table[label]!.label, score, keywords: hits.map((h) => h.word) };
      });
      // Every label here has a hit, so a score above 0.
      const total = scored.reduce((s, x) => s + x.score, 0);
      return scored
        .map((x) => ({ label: x.label, confidence: x.score / total, keywords: x.keywords }))
        .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label))
        .slice(0, k);
    },
    toJSON: (): KeywordClassifierJSON => ({
      kind: 'keywords', version: 1, keywordsByLabel: Object.fromEntries(table.map((t) => [t.label, t.words])),
    }),
  };
}
