/**
 * Weighted counts of unordered word pairs (a, b), a ≠ b, in an open-addressing hash table of typed arrays: one
 * 32-bit key and one 32-bit float per slot. A JavaScript Map of the same few million pairs took over a gigabyte (an
 * object per entry and boxed doubles); this takes 8 bytes a slot at a load of at most one half.
 */
import { fmix32 } from './hash.js';

const EMPTY = 0xffffffff;

/** Largest vocabulary whose pair keys a·n + b fit in 32 bits below the empty marker. */
export const MAX_PAIR_VOCABULARY = 65_535;

/** Pair counts over a vocabulary of n words. */
export class PairCounts {
  private keys: Uint32Array;
  private weights: Float32Array;
  private used = 0;

  constructor(readonly n: number, initialCapacity = 1 << 16) {
    if (n > MAX_PAIR_VOCABULARY) throw new RangeError(`pair counts support at most ${MAX_PAIR_VOCABULARY} words, got ${n}`);
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.keys = new Uint32Array(cap).fill(EMPTY);
    this.weights = new Float32Array(cap);
  }

  /** Number of distinct pairs counted. */
  get size(): number {
    return this.used;
  }

  /** Adds w to the count of the unordered pair {a, b}. */
  add(a: number, b: number, w: number): void {
    const key = a < b ? a * this.n + b : b * this.n + a;
    const mask = this.keys.length - 1;
    let slot = fmix32(key) & mask;
    for (;;) {
      const k = this.keys[slot] as number;
      if (k === key) {
        this.weights[slot] = (this.weights[slot] as number) + w;
        return;
      }
      if (k === EMPTY) break;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.weights[slot] = w;
    this.used++;
    if (this.used * 2 > this.keys.length) this.grow();
  }

  /** Calls f for every pair (a < b) in slot order: deterministic for the same sequence of additions. */
  forEach(f: (a: number, b: number, w: number) => void): void {
    for (let s = 0; s < this.keys.length; s++) {
      const key = this.keys[s] as number;
      if (key === EMPTY) continue;
      f(Math.floor(key / this.n), key % this.n, this.weights[s] as number);
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldWeights = this.weights;
    this.keys = new Uint32Array(oldKeys.length * 2).fill(EMPTY);
    this.weights = new Float32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let s = 0; s < oldKeys.length; s++) {
      const key = oldKeys[s] as number;
      if (key === EMPTY) continue;
      let slot = fmix32(key) & mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.weights[slot] = oldWeights[s] as number;
    }
  }
}
