/**
 * The segmenter's user dictionary, built from the platform's own data: the names of units (townships, villages,
 * grids, departments, offices) and of categories, and the categories' keywords. jieba otherwise cuts 青禾县 place
 * names and terms such as 消防通道 into pieces. The segmenter is one per process, so words are added once each.
 */
import { categories } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import type { Db } from '../db/client.js';
import { loadUserDictionary } from './text/segment.js';

const loaded = new Set<string>();
// A dictionary word is letters and digits only (the parser refuses punctuation) and short enough to be a term.
const WORD = /^[\p{L}\p{N}]{2,20}$/u;

/** The words worth adding for these names and keywords: whole names, without punctuation or spaces. */
export function dictionaryWords(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    for (const part of raw.split(/[\s\p{P}\p{S}]+/u)) if (WORD.test(part) && !/^\p{N}+$/u.test(part)) out.add(part);
  }
  return [...out];
}

/** Loads the unit and category words of this deployment into the segmenter; returns how many were new. */
export async function ensureUserDictionary(db: Db): Promise<number> {
  const [unitRows, categoryRows] = await Promise.all([
    db.select({ name: units.name }).from(units),
    db.select({ name: categories.name, keywords: categories.keywords }).from(categories),
  ]);
  const words = dictionaryWords([
    ...unitRows.map((u) => u.name),
    ...categoryRows.flatMap((c) => [c.name, ...c.keywords]),
  ]).filter((w) => !loaded.has(w));
  if (words.length === 0) return 0;
  loadUserDictionary(words);
  for (const w of words) loaded.add(w);
  return words.length;
}

/** The words this process has added, in order (a worker thread loads the same ones into its own segmenter). */
export function loadedDictionaryWords(): string[] {
  return [...loaded];
}
