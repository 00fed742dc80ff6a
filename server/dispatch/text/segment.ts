/**
 * Chinese segmentation and text normalisation. One jieba instance is built on first use (loading the dictionary
 * takes ~200 ms) and shared; user dictionaries (place names, unit names, category terms) are added to it, so a
 * model should be trained after the dictionaries it relies on are loaded.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { AppError } from '../../platform/errors.js';

let jieba: Jieba | undefined;

function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// ASCII only: Chinese text often runs straight on after a link, with no space to end it.
const URL_RE = /(?:https?:\/\/|www\.)[a-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
const MOBILE_RE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
const LANDLINE_RE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const SPACE_RE = /\s+/g;
// A token worth keeping has at least one letter, digit or CJK ideograph.
const CONTENT_RE = /[\p{L}\p{N}]/u;

/** Maps full-width ASCII forms and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Normalises a report: half-width forms, lower-case Latin, no URLs or phone numbers, single spaces. */
export function normalizeText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(URL_RE, ' ')
    .replace(MOBILE_RE, ' ')
    .replace(LANDLINE_RE, ' ')
    .replace(SPACE_RE, ' ')
    .trim();
}

/** True for tokens that carry content (not punctuation or spaces). */
export function isContentToken(token: string): boolean {
  return CONTENT_RE.test(token);
}

/** Segments already-normalised text into content tokens (no HMM: stable output for known dictionaries). */
export function segmentNormalized(normalized: string): string[] {
  if (normalized.length === 0) return [];
  const seen = recent.get(normalized);
  if (seen) return seen;
  const tokens = instance().cut(normalized, false).filter(isContentToken);
  recent.set(normalized, tokens);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
  return tokens;
}

/**
 * The last few segmentations, shared (callers must not change the arrays): classifying one report segments the same
 * text for the hashed features (its title twice) and for the embedding view. Cleared when a dictionary is added.
 */
const recent = new Map<string, string[]>();
const RECENT = 8;

/** Normalises and segments a text into content tokens. */
export function segment(text: string): string[] {
  return segmentNormalized(normalizeText(text));
}

/** One entry of a user dictionary: a word, an optional frequency and an optional part-of-speech tag. */
export interface UserWord {
  word: string;
  freq?: number;
  tag?: string;
}

/** Parses user dictionary lines "word [freq] [tag]"; blank lines and lines starting with # are skipped. */
export function parseUserDictionary(lines: string | readonly string[]): UserWord[] {
  const all = typeof lines === 'string' ? lines.split(/\r?\n/) : lines;
  const words: UserWord[] = [];
  all.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [word, freq, tag, ...rest] = line.split(/\s+/);
    const badFreq = freq !== undefined && !/^\d+$/.test(freq);
    if (word === undefined || rest.length > 0 || badFreq || /[\p{P}]/u.test(word)) {
      throw new AppError('validation_failed', `用户词典第 ${i + 1} 行格式错误，应为“词语 词频 词性”`, { line: i + 1, text: raw });
    }
    words.push({ word, ...(freq !== undefined ? { freq: Number(freq) } : {}), ...(tag !== undefined ? { tag } : {}) });
  });
  return words;
}

/** Adds words (place names, unit names, category terms) to the shared segmenter; returns how many were added. */
export function loadUserDictionary(lines: string | readonly string[]): number {
  const words = parseUserDictionary(lines);
  if (words.length === 0) return 0;
  // jieba needs a frequency to prefer a user word over its pieces; a high default keeps names whole.
  const text = words.map((w) => `${w.word} ${w.freq ?? 100000} ${w.tag ?? 'n'}`).join('\n');
  instance().loadDict(Buffer.from(`${text}\n`, 'utf8'));
  recent.clear();
  return words.length;
}
