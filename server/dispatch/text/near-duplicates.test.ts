import { describe, expect, it } from 'vitest';
import { haversineMeters } from './geo.js';
import { findDuplicates } from './near-duplicates.js';

const t0 = new Date('2024-05-10T09:00:00+08:00');
const daysAgo = (d: number) => new Date(t0.getTime() - d * 86_400_000);
// Around 118.78E 32.04N; 0.001 degree of latitude is about 111 m.
const base = { lng: 118.78, lat: 32.04 };

const recent = [
  { id: 'c1', text: '和平小区东门垃圾桶满了好几天没人清运，臭味很大', ...base, gridId: 'g1', createdAt: daysAgo(1) },
  { id: 'c2', text: '和平小区东门的垃圾几天没清运了，气味难闻', lng: 118.78, lat: 32.042, gridId: 'g2', createdAt: daysAgo(2) },
  { id: 'c3', text: '和平小区东门垃圾桶满了没人清运，臭味大', lng: 118.9, lat: 32.2, gridId: 'g9', createdAt: daysAgo(1) },
  { id: 'c4', text: '和平小区东门垃圾满了没有清运', lng: null, lat: null, gridId: 'g1', createdAt: daysAgo(3) },
  { id: 'c5', text: '和平小区东门垃圾桶满了好几天没人清运', ...base, gridId: 'g1', createdAt: daysAgo(90) },
  { id: 'c6', text: '和平小区东门外的路面塌陷了一个坑', ...base, gridId: 'g1', createdAt: daysAgo(1) },
];

describe('findDuplicates', () => {
  const candidate = { text: '和平小区东门垃圾桶已经满了，好几天没有清运，很臭', ...base, gridId: 'g1', createdAt: t0 };

  it('finds rewordings nearby or in the same grid, ranked by similarity', () => {
    const found = findDuplicates(candidate, recent, { radiusMeters: 300, minSimilarity: 0.3 });
    const ids = found.map((f) => f.id);
    expect(ids).toContain('c1');
    expect(ids).toContain('c2'); // about 222 m away, another grid
    expect(ids).toContain('c4'); // no coordinates, same grid
    expect(ids).not.toContain('c3'); // far away
    expect(ids).not.toContain('c5'); // too old
    expect(ids).not.toContain('c6'); // another problem
    // The two near-verbatim reports come first (c4 is short but contained in the candidate), the looser one after.
    expect(new Set(ids.slice(0, 2))).toEqual(new Set(['c1', 'c4']));
    expect(ids[2]).toBe('c2');
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.similarity).toBeGreaterThanOrEqual(found[i]!.similarity);
    expect(found.find((f) => f.id === 'c2')?.distanceMeters).toBe(Math.round(haversineMeters(base, { lng: 118.78, lat: 32.042 })));
    expect(found.find((f) => f.id === 'c4')).toMatchObject({ distanceMeters: null, sameGrid: true });
  });

  it('narrows with a smaller radius and a higher threshold', () => {
    expect(findDuplicates(candidate, recent, { radiusMeters: 100, minSimilarity: 0.3 }).map((f) => f.id)).not.toContain('c2');
    const strict = findDuplicates(candidate, recent, { radiusMeters: 300, minSimilarity: 0.95 });
    expect(strict).toEqual([]);
  });

  it('skips the candidate itself and rejects bad options', () => {
    const self = findDuplicates({ ...recent[0]!, id: 'c1' }, recent, { minSimilarity: 0.3 });
    expect(self.map((f) => f.id)).not.toContain('c1');
    expect(() => findDuplicates(candidate, recent, { minSimilarity: 2 })).toThrow(/相似度/);
  });
});

describe('findDuplicates keeps the best matches only', () => {
  it('gives the first `limit` of all matches ranked by similarity, distance and id, ties included', () => {
    const at = new Date(Date.UTC(2026, 11, 1));
    const texts = ['幸福路小区门口的井盖丢了，晚上很危险', '幸福路小区门口井盖丢失，夜里路过很危险', '幸福路小区的井盖丢了好几天了'];
    // Repeats at the very same place tie on similarity and distance: only the id tells them apart.
    const cases = Array.from({ length: 60 }, (_, i) => ({
      id: `c-${(i * 7919) % 60}`, text: texts[i % 3]!, gridId: 'g', lng: 117 + (i % 4) * 0.0005, lat: 36, createdAt: at,
    }));
    const q = { text: texts[0]!, gridId: 'g', lng: 117, lat: 36, createdAt: at };
    const all = findDuplicates(q, cases, { limit: 1_000 });
    expect(all.length).toBe(60);
    const ranked = [...all].sort((a, b) => b.similarity - a.similarity || (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(all).toEqual(ranked);
    for (const limit of [0, 1, 3, 6, 59]) expect(findDuplicates(q, cases, { limit })).toEqual(ranked.slice(0, limit));
  });
});
