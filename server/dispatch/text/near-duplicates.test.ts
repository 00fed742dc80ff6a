import { describe, expect, it } from 'vitest';
import { haversineMeters } from './geo.js';
import { minhashSignature } from './minhash.js';
import { findDuplicates, findDuplicatesIn } from './near-duplicates.js';
import { mulberry32 } from './hash.js';

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

describe('findDuplicatesIn (cases grouped by signature)', () => {
  it('finds what findDuplicates finds in the same cases, each match with its case', () => {
    const at = new Date(Date.UTC(2026, 11, 1));
    const texts = [
      '幸福路小区门口的井盖丢了，晚上很危险', '幸福路小区门口井盖丢失，夜里路过很危险', '幸福路小区的井盖丢了好几天了',
      '和平小区东门垃圾桶满了好几天没人清运', '人民路菜市场门口占道经营严重', '幸福路小区门口路灯不亮了',
    ];
    const signatures = texts.map((t) => minhashSignature(t));
    const random = mulberry32(7);
    // Repeats of six texts (one signature object per text, as the cache keeps them) at places in and around the grid,
    // of every age: some out of the radius, some too old, some in the future, some without coordinates.
    const cases = Array.from({ length: 400 }, (_, i) => {
      const k = Math.floor(random() * texts.length);
      const placed = random() > 0.1;
      return {
        id: `c-${i}`, text: texts[k]!, signature: signatures[k]!, gridId: random() > 0.3 ? 'g' : 'h',
        lng: placed ? 117 + (random() - 0.5) * 0.02 : null, lat: placed ? 36 + (random() - 0.5) * 0.02 : null,
        createdAt: new Date(at.getTime() + (random() - 0.8) * 40 * 86_400_000),
      };
    });
    const groups = signatures.map((signature) => ({ signature, cases: cases.filter((c) => c.signature === signature) }));
    for (const q of [
      { text: texts[0]!, signature: signatures[0]!, gridId: 'g', lng: 117, lat: 36, createdAt: at },
      { text: texts[3]!, signature: signatures[3]!, gridId: null, lng: 117.003, lat: 36.001, createdAt: at },
      { text: texts[1]!, signature: signatures[1]!, gridId: 'g', lng: null, lat: null, createdAt: at },
      { id: 'c-5', text: texts[5]!, signature: signatures[5]!, gridId: null, lng: null, lat: null, createdAt: at },
    ]) {
      for (const options of [{ limit: 6 }, { limit: 1_000 }, { limit: 3, minSimilarity: 0.6, radiusMeters: 200 }]) {
        const flat = findDuplicates(q, cases, options);
        const grouped = findDuplicatesIn(q, groups, options);
        expect(grouped.map(({ candidate: _, ...m }) => m)).toEqual(flat);
        for (const m of grouped) expect(m.candidate.id).toBe(m.id);
        if (options.limit === 1_000) expect(flat.length).toBeGreaterThan(10);
      }
    }
  });

  it('passes over a group below the threshold without looking at its cases', () => {
    const at = new Date(Date.UTC(2026, 11, 1));
    const unread = { get cases(): never[] { throw new Error('read a dissimilar group'); }, signature: minhashSignature('人民路菜市场门口占道经营严重') };
    const alike = { signature: minhashSignature('幸福路小区门口的井盖丢了'), cases: [{ id: 'a', text: '', gridId: 'g', createdAt: at }] };
    const found = findDuplicatesIn({ text: '幸福路小区门口的井盖丢了', gridId: 'g', createdAt: at }, [unread, alike]);
    expect(found.map((m) => m.id)).toEqual(['a']);
  });
});
