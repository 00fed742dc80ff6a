import { describe, expect, it } from 'vitest';
import { generateReport } from '../../cases/report-samples.js';
import { mulberry32 } from '../../org/prng.js';
import { jaccardEstimate, minhashSignature, type MinHashSignature } from './minhash.js';
import { MinHashIndex } from './minhash-index.js';
import { findDuplicates, type DuplicateCandidateCase } from './near-duplicates.js';

/** The items the index visits for a query, collected. */
function sharing<T>(index: MinHashIndex<T>, signature: MinHashSignature): Set<T> {
  const found = new Set<T>();
  index.eachSharing(signature, (group, items) => {
    for (const item of items) {
      expect(found.has(item)).toBe(false); // each item once
      const own = (item as { signature?: MinHashSignature }).signature;
      if (own) expect(own.hashes).toEqual(group.hashes); // in the group of its signature
      found.add(item);
    }
  });
  return found;
}

/** Generated reports in one grid, as the recent-cases cache holds them. */
function reports(n: number, seed: number): DuplicateCandidateCase[] {
  const rng = mulberry32(seed);
  const at = Date.UTC(2026, 11, 1);
  return Array.from({ length: n }, (_, i) => {
    const r = generateReport(rng);
    const text = `${r.title} ${r.description}`;
    return { id: `c${i}`, text, gridId: 'g', lng: 117 + rng() * 0.01, lat: 36 + rng() * 0.01, createdAt: new Date(at - i * 60_000), signature: minhashSignature(text) };
  });
}

describe('MinHashIndex', () => {
  it('hands back every item that agrees with the query in a slot, and only few others', () => {
    const items = reports(400, 7);
    const index = new MinHashIndex<DuplicateCandidateCase>();
    for (const c of items) index.add(c, c.signature!);
    let extra = 0;
    for (const q of reports(60, 8)) {
      const found = sharing(index, q.signature!);
      const agreeing = items.filter((c) => jaccardEstimate(q.signature!, c.signature!) > 0);
      for (const c of agreeing) expect(found.has(c)).toBe(true);
      extra += found.size - agreeing.length;
      expect(found.size).toBeLessThan(items.length); // it does narrow the search
    }
    expect(extra).toBeLessThan(60); // keys keep 24 bits of each hash: a stray false candidate now and then
  });

  it('ranks duplicates exactly as a scan of all the cases does, repeated texts included', () => {
    // 300 cases of 120 texts: many reported two or three times, as the benchmark's worst case has them.
    const items = reports(120, 9).flatMap((c, i) => Array.from({ length: 1 + (i % 3) }, (_, k) => ({ ...c, id: `${c.id}-${k}`, createdAt: new Date(c.createdAt.getTime() - k * 1000), signature: minhashSignature(c.text) })));
    const index = new MinHashIndex<DuplicateCandidateCase>();
    // The index's cases share one signature object per text; the scan's each have their own.
    const indexed = items.map((c) => ({ ...c }));
    for (const c of indexed) c.signature = index.add(c, c.signature!);
    const byId = new Map(indexed.map((c) => [c.id, c]));
    const rng = mulberry32(10);
    let matched = 0;
    for (let i = 0; i < 100; i++) {
      // Half the queries repeat a report nearly word for word, half are new reports.
      const base = items[Math.floor(rng() * items.length)]!;
      const text = i % 2 ? `${base.text}，请尽快处理` : `${generateReport(rng).title} ${generateReport(rng).description}`;
      const q = { text, gridId: 'g', lng: base.lng, lat: base.lat, createdAt: new Date(Date.UTC(2026, 11, 1, 1)), signature: minhashSignature(text) };
      const all = findDuplicates(q, items);
      const found = [...sharing(index, q.signature)];
      expect(found.every((c) => byId.get(c.id) === c)).toBe(true);
      expect(findDuplicates(q, found)).toEqual(all);
      matched += all.length;
    }
    expect(matched).toBeGreaterThan(50);
  });

  it('forgets removed items', () => {
    const [a, b] = reports(2, 11);
    const index = new MinHashIndex<DuplicateCandidateCase>();
    index.add(a!, a!.signature!);
    index.add(b!, b!.signature!);
    index.remove(a!, a!.signature!);
    expect(sharing(index, a!.signature!).has(a!)).toBe(false);
    expect(sharing(index, b!.signature!).has(b!)).toBe(true);
    index.remove(a!, a!.signature!); // twice: no harm
    index.remove(b!, b!.signature!);
    expect(sharing(index, b!.signature!).size).toBe(0);
  });
});

describe('MinHashIndex with repeated texts', () => {
  it('keeps one entry per signature: its items come together and share the first signature object', () => {
    const index = new MinHashIndex<string>();
    const text = '幸福路小区门口的井盖丢了，晚上很危险';
    const first = minhashSignature(text);
    expect(index.add('a', first)).toBe(first);
    const again = minhashSignature(text);
    expect(again).not.toBe(first);
    expect(index.add('b', again)).toBe(first);
    index.add('x', minhashSignature('公交站的雨棚被风刮坏了'));
    index.add('c', minhashSignature(text));
    expect([...sharing(index, minhashSignature(`${text}，请尽快处理`))].filter((i) => i !== 'x')).toEqual(['a', 'b', 'c']);
    index.remove('b', again);
    expect([...sharing(index, first)]).toEqual(['a', 'c']);
    index.remove('a', first);
    index.remove('c', minhashSignature(text));
    expect(sharing(index, first).size).toBe(0);
    expect(sharing(index, minhashSignature('公交站的雨棚被风刮坏了')).has('x')).toBe(true);
  });
});
