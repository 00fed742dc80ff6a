/**
 * MinHash signatures of character shingles, for near-duplicate reports. Character bigrams suit short Chinese
 * texts: no segmentation errors, and two wordings of one problem share most bigrams. A signature also keeps the
 * shingle count, so that containment (a short report inside a longer one) can be estimated besides Jaccard.
 */
import { FNV_OFFSET, fmix32, fnvStep, hash32, mulberry32 } from './hash.js';
import { normalizeText } from './segment.js';

export interface MinHashSignature {
  hashes: Uint32Array;
  /** Number of distinct shingles of the text. */
  size: number;
}

export const DEFAULT_NUM_HASHES = 64;
const NON_CONTENT = /[^\p{L}\p{N}]+/gu;
// Courtesy and request phrases every report may carry: shared by unrelated reports, they would fake similarity.
const BOILERPLATE = new RegExp([
  '你们?好', '谢谢(?:你们|您)?', '麻烦(?:你们|您)?(?:看一下)?', '请问', '紧急情况', '网格员上报',
  '我是(?:这里的|本小区的?|附近的)?(?:住户|居民|业主|村民)',
  '(?:希望|请求|恳请|强烈要求|请)(?:有关|相关)?(?:部门|领导)?(?:尽快|及时|早日|速)?(?:来)?(?:处理|解决|看看|管一管|落实|处置)?',
  '(?:有关|相关)部门', '尽快(?:处理|解决)?', '(?:已经|多次)?反映过?(?:一次|多次|好几次)?了?',
].join('|'), 'g');

/** Strips courtesy and request phrases, so that similarity rests on what is reported. */
export function reportCore(text: string): string {
  return normalizeText(text).replace(BOILERPLATE, ' ');
}

/** Distinct character k-shingles of a report's core, punctuation and spaces removed (a shorter text is one shingle). */
export function shingles(text: string, k = 2): Set<string> {
  const chars = Array.from(reportCore(text).replace(NON_CONTENT, ''));
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < k) out.add(chars.join(''));
  for (let i = 0; i + k <= chars.length; i++) out.add(chars.slice(i, i + k).join(''));
  return out;
}

const seedCache = new Map<number, Uint32Array>();
function seeds(n: number): Uint32Array {
  let s = seedCache.get(n);
  if (!s) {
    const random = mulberry32(0x5eed);
    s = Uint32Array.from({ length: n }, () => Math.floor(random() * 2 ** 32));
    seedCache.set(n, s);
  }
  return s;
}

/** `hash32` of a string, continued by one code point's UTF-16 units (FNV-1a runs over code units). */
function fnvCodePoint(h: number, cp: number): number {
  if (cp <= 0xffff) return fnvStep(h, cp);
  return fnvStep(fnvStep(h, ((cp - 0x10000) >> 10) + 0xd800), ((cp - 0x10000) & 0x3ff) + 0xdc00);
}
const FNV_START = fnvStep(FNV_OFFSET, 0);

/**
 * `hash32` of each distinct character bigram of a report's core — the hashes of `shingles(text, 2)`, in the same
 * order — worked out from code points, without a string per bigram: intake signs every report.
 */
function bigramHashes(text: string): number[] {
  const core = reportCore(text).replace(NON_CONTENT, '');
  const cps: number[] = [];
  // By code point, as Array.from splits a string (a lone surrogate is a character of its own).
  for (let i = 0; i < core.length; ) {
    const cp = core.codePointAt(i) as number;
    cps.push(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  if (cps.length === 0) return [];
  if (cps.length === 1) return [fmix32(fnvCodePoint(FNV_START, cps[0] as number))];
  const seen = new Set<number>();
  const out: number[] = [];
  for (let i = 0; i + 1 < cps.length; i++) {
    const a = cps[i] as number;
    const b = cps[i + 1] as number;
    // Code points are below 0x110000, so the pair is one exact number.
    const key = a * 0x110000 + b;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fmix32(fnvCodePoint(fnvCodePoint(FNV_START, a), b)));
  }
  return out;
}

/** The MinHash signature of a text: for each of n hash functions, the least hash over its shingles. */
export function minhashSignature(text: string, numHashes = DEFAULT_NUM_HASHES, k = 2): MinHashSignature {
  const shingleHashes = k === 2 ? bigramHashes(text) : [...shingles(text, k)].map((sh) => hash32(sh));
  const hashes = new Uint32Array(numHashes).fill(0xffffffff);
  const s = seeds(numHashes);
  const n = shingleHashes.length;
  // Slot by slot, the least of fmix32(shingle hash ^ seed) over the shingles. fmix32 is written out in 32-bit integer
  // operations, and the least is kept in a register as a signed integer offset by 2^31 (the same order as the unsigned
  // value): no call, no conversion of an unsigned value to a double, and one store per slot.
  for (let i = 0; i < numHashes && n > 0; i++) {
    const seed = (s[i] as number) | 0;
    let least = 0x7fffffff;
    for (let j = 0; j < n; j++) {
      let x = (shingleHashes[j] as number) ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x = (x ^ (x >>> 16)) ^ 0x80000000;
      if (x < least) least = x;
    }
    hashes[i] = (least ^ 0x80000000) >>> 0;
  }
  return { hashes, size: n };
}

/** Estimated Jaccard similarity of two signatures (0 when either text was empty). */
export function jaccardEstimate(a: MinHashSignature, b: MinHashSignature): number {
  if (a.size === 0 || b.size === 0 || a.hashes.length !== b.hashes.length) return 0;
  let same = 0;
  for (let i = 0; i < a.hashes.length; i++) if (a.hashes[i] === b.hashes[i]) same++;
  return same / a.hashes.length;
}

/**
 * Similarity of two reports in [0, 1]: the mean of Jaccard and containment (shared shingles over the smaller
 * set), because a terse report of a problem is as much a duplicate of a long one as two long ones are.
 */
export function signatureSimilarity(a: MinHashSignature, b: MinHashSignature): number {
  const j = jaccardEstimate(a, b);
  if (j === 0) return 0;
  const shared = (j * (a.size + b.size)) / (1 + j);
  const containment = Math.min(1, shared / Math.min(a.size, b.size));
  return (j + containment) / 2;
}

/** Similarity of two texts via their signatures. */
export function textSimilarity(a: string, b: string, numHashes = DEFAULT_NUM_HASHES): number {
  return signatureSimilarity(minhashSignature(a, numHashes), minhashSignature(b, numHashes));
}
