/**
 * MinHash signatures of character shingles, for near-duplicate reports. Character bigrams suit short Chinese
 * texts: no segmentation errors, and two wordings of one problem share most bigrams. A signature also keeps the
 * shingle count, so that containment (a short report inside a longer one) can be estimated besides Jaccard.
 */
import { fmix32, hash32, mulberry32 } from './hash.js';
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

/** The MinHash signature of a text: for each of n hash functions, the least hash over its shingles. */
export function minhashSignature(text: string, numHashes = DEFAULT_NUM_HASHES, k = 2): MinHashSignature {
  const set = shingles(text, k);
  const hashes = new Uint32Array(numHashes).fill(0xffffffff);
  const s = seeds(numHashes);
  for (const sh of set) {
    const h = hash32(sh);
    for (let i = 0; i < numHashes; i++) {
      const v = fmix32((h ^ (s[i] as number)) >>> 0);
      if (v < (hashes[i] as number)) hashes[i] = v;
    }
  }
  return { hashes, size: set.size };
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
