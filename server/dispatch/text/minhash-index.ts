/**
 * An inverted index of MinHash signatures: for each slot of a signature, the items whose least hash in that slot has
 * the same value. Two signatures' Jaccard estimate is the share of slots where they agree, so the items sharing no
 * slot with a query estimate 0 and can never be near duplicates; the index hands back the others (a few false ones
 * too: keys keep only part of the hash, so that they stay small integers), and ranking stays with the caller.
 * Items with the same signature — the same text reported again — form one entry: a report repeated a dozen times costs
 * the index one entry, and the caller one similarity, since they share one signature object (`add` returns it).
 * A busy grid's duplicate check thus compares a report with the handful of texts that share a slot with it instead of
 * with all its open cases.
 */
import { fmix32 } from './hash.js';
import type { MinHashSignature } from './minhash.js';

/** The key of slot `slot` holding `value`: the value's low 24 bits and the slot, a small integer (a V8 Smi). */
const keyOf = (value: number, slot: number) => (((value & 0xffffff) << 6) | (slot & 63)) >>> 0;

/** Items with one signature. */
interface Entry<T> {
  signature: MinHashSignature;
  items: T[];
  /** The query that last visited this entry (see `sharing`). */
  mark: number;
}

function contentHash(s: MinHashSignature): number {
  let h = s.size;
  for (let i = 0; i < s.hashes.length; i++) h = fmix32((h ^ s.hashes[i]!) >>> 0);
  return h;
}

function sameSignature(a: MinHashSignature, b: MinHashSignature): boolean {
  if (a === b) return true;
  if (a.size !== b.size || a.hashes.length !== b.hashes.length) return false;
  for (let i = 0; i < a.hashes.length; i++) if (a.hashes[i] !== b.hashes[i]) return false;
  return true;
}

let queries = 0;

export class MinHashIndex<T> {
  private readonly postings = new Map<number, Entry<T>[]>();
  /** Entries by a hash of their signature's content (a list, for the rare collision). */
  private readonly entries = new Map<number, Entry<T>[]>();

  private find(signature: MinHashSignature): { list: Entry<T>[] | undefined; entry: Entry<T> | undefined; hash: number } {
    const hash = contentHash(signature);
    const list = this.entries.get(hash);
    return { list, entry: list?.find((e) => sameSignature(e.signature, signature)), hash };
  }

  /** Adds an item; returns the signature object its entry keeps (the first one added with this content). */
  add(item: T, signature: MinHashSignature): MinHashSignature {
    const { list, entry, hash } = this.find(signature);
    if (entry) {
      entry.items.push(item);
      return entry.signature;
    }
    const created: Entry<T> = { signature, items: [item], mark: 0 };
    if (list) list.push(created);
    else this.entries.set(hash, [created]);
    const h = signature.hashes;
    for (let i = 0; i < h.length; i++) {
      const key = keyOf(h[i]!, i);
      const posting = this.postings.get(key);
      if (posting) posting.push(created);
      else this.postings.set(key, [created]);
    }
    return signature;
  }

  /** Removes an item added with this signature (nothing happens if it is not there). */
  remove(item: T, signature: MinHashSignature): void {
    const { list, entry } = this.find(signature);
    const at = entry ? entry.items.indexOf(item) : -1;
    if (!entry || at < 0) return;
    entry.items.splice(at, 1);
    if (entry.items.length) return;
    list!.splice(list!.indexOf(entry), 1);
    if (!list!.length) this.entries.delete(contentHash(signature));
    const h = entry.signature.hashes;
    for (let i = 0; i < h.length; i++) {
      const key = keyOf(h[i]!, i);
      const posting = this.postings.get(key);
      const p = posting ? posting.indexOf(entry) : -1;
      if (p < 0) continue;
      if (posting!.length === 1) this.postings.delete(key);
      else posting!.splice(p, 1);
    }
  }

  /**
   * Visits once each signature that agrees with `signature` in at least one slot (and perhaps a few that do not), with
   * its items — every item that can be similar to the query, the items of one signature together (the index's own
   * list: read it, do not keep it).
   */
  eachSharing(signature: MinHashSignature, visit: (signature: MinHashSignature, items: readonly T[]) => void): void {
    const mark = ++queries;
    const h = signature.hashes;
    for (let i = 0; i < h.length; i++) {
      const posting = this.postings.get(keyOf(h[i]!, i));
      if (!posting) continue;
      for (const entry of posting) {
        if (entry.mark === mark) continue;
        entry.mark = mark;
        visit(entry.signature, entry.items);
      }
    }
  }
}
