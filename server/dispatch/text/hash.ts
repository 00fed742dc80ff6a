/**
 * 32-bit string hashing for feature hashing and signatures. FNV-1a over UTF-16 code units is cheap and can be
 * continued across pieces (so bigrams and n-grams need no string concatenation); its low bits are weak, so every
 * finished hash goes through murmur3's fmix32 before it is masked to a bucket.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Feeds one UTF-16 code unit into a running FNV-1a hash. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** Feeds a whole string into a running FNV-1a hash. */
export function fnvString(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), FNV_PRIME);
  return x >>> 0;
}

/** Murmur3's finaliser: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A well-mixed 32-bit hash of a string, with a seed to get independent hash families. */
export function hash32(s: string, seed = 0): number {
  return fmix32(fnvString(fnvStep(FNV_OFFSET, seed & 0xffff), s));
}

/** A small seeded PRNG (mulberry32) so that training and signatures are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given PRNG. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}
