/**
 * An inverted index of MinHash signatures: for each slot of a signature, the items whose least hash in that slot has
 * the same value. Two signatures' Jaccard estimate is the share of slots where they agree, so the items sharing no
 * slot with a query estimate 0 and can never be near duplicates; the index hands back the others (a few false ones
 * too: keys keep only part of the hash, so that they stay small integers), and ranking stays with the caller.
 * A busy grid's duplicate check thus compares a report with the handful of cases that share a slot with it instead of
 * with all its open cases.
 */
import type { MinHashSignature } from './minhash.js';

/** The key of slot `slot` holding `value`: the value's low 24 bits and the slot, a small integer (a V8 Smi). */
const keyOf = (value: number, slot: number) => (((value & 0xffffff) << 6) | (slot & 63)) >>> 0;

export class MinHashIndex<T> {
  private readonly postings = new Map<number, T[]>();

  add(item: T, signature: MinHashSignature): void {
    const h = signature.hashes;
    for (let i = 0; i < h.length; i++) {
      const key = keyOf(h[i]!, i);
      const list = this.postings.get(key);
      if (list) list.push(item);
      else this.postings.set(key, [item]);
    }
  }

  /** Removes an item added with this signature (nothing happens if it is not there). */
  remove(item: T, signature: MinHashSignature): void {
    const h = signature.hashes;
    for (let i = 0; i < h.length; i++) {
      const key = keyOf(h[i]!, i);
      const list = this.postings.get(key);
      const at = list ? list.indexOf(item) : -1;
      if (at < 0) continue;
      if (list!.length === 1) this.postings.delete(key);
      else list!.splice(at, 1);
    }
  }

  /** Every item whose signature agrees with `signature` in at least one slot (and perhaps a few that do not). */
  sharing(signature: MinHashSignature, into: Set<T> = new Set()): Set<T> {
    const h = signature.hashes;
    for (let i = 0; i < h.length; i++) {
      const list = this.postings.get(keyOf(h[i]!, i));
      if (list) for (const item of list) into.add(item);
    }
    return into;
  }

  clear(): void {
    this.postings.clear();
  }
}
