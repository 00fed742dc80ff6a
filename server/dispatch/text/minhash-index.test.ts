import { describe, expect, it } from 'vitest';
import { generateReport } from '../../cases/report-samples.js';
import { mulberry32 } from '../../org/prng.js';
import { jaccardEstimate, minhashSignature } from './minhash.js';
import { MinHashIndex } from './minhash-index.js';
import { findDuplicates, type DuplicateCandidateCase } from './near-duplicates.js';

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
      const found = index.sharing(q.signature!);
      const sharing = items.filter((c) => jaccardEstimate(q.signature!, c.signature!) > 0);
      for (const c of sharing) expect(found.has(c)).toBe(true);
      extra += found.size - sharing.length;
      expect(found.size).toBeLessThan(items.length); // it does narrow the search
    }
    expect(extra).toBeLessThan(60); // keys keep 24 bits of each hash: a stray false candidate now and then
  });

  it('ranks duplicates exactly as a scan of all the cases does', () => {
    const items = reports(300, 9);
    const index = new MinHashIndex<DuplicateCandidateCase>();
    for (const c of items) index.add(c, c.signature!);
    const rng = mulberry32(10);
    let matched = 0;
    for (let i = 0; i < 100; i++) {
      // Half the queries repeat a report nearly word for word, half are new reports.
      const base = items[Math.floor(rng() * items.length)]!;
      const text = i % 2 ? `${base.text}，请尽快处理` : `${generateReport(rng).title} ${generateReport(rng).description}`;
      const q = { text, gridId: 'g', lng: base.lng, lat: base.lat, createdAt: new Date(Date.UTC(2026, 11, 1, 1)), signature: minhashSignature(text) };
      const all = findDuplicates(q, items);
      expect(findDuplicates(q, [...index.sharing(q.signature)])).toEqual(all);
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
    expect(index.sharing(a!.signature!).has(a!)).toBe(false);
    expect(index.sharing(b!.signature!).has(b!)).toBe(true);
    index.remove(a!, a!.signature!); // twice: no harm
    index.clear();
    expect(index.sharing(b!.signature!).size).toBe(0);
  });
});
