import { describe, expect, it } from 'vitest';
import { findHotspots } from './hotspots.js';
import type { HotspotCase } from './hotspots.js';

const now = new Date('2024-06-20T12:00:00+08:00');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

let n = 0;
const make = (text: string, age: number, townshipId: string, reporterId: string | null = `r${n}`): HotspotCase =>
  ({ id: `c${++n}`, text, createdAt: daysAgo(age), townshipId, gridId: `${townshipId}-g1`, reporterId });

const noise = [
  '希望在公园里增加几张长椅', '社区卫生服务站周末不开门', '小学门口早上接送孩子车辆太多', '菜市场门口占道经营',
  '楼道里的灯坏了', '公交站台的遮雨棚破了', '小区绿化带被人种了菜', '申请低保需要哪些材料',
];

describe('findHotspots', () => {
  const noiseCases = noise.map((t, i) => make(t, i + 1, 'T1'));
  const dust = [
    make('建材厂夜里排放烟尘，粉尘很大，窗台全是灰', 1, 'T1'),
    make('建材厂粉尘污染严重，晚上烟尘特别大', 2, 'T1'),
    make('建材厂又在排放粉尘，烟尘呛人', 3, 'T1'),
    make('建材厂粉尘太大了，晾的衣服全是灰', 5, 'T1', 'r-same'),
    make('建材厂粉尘污染，烟尘扰民', 6, 'T1', 'r-same'),
    make('建材厂的粉尘问题还是没解决，烟尘很大', 10, 'T1'),
  ];
  const elsewhere = [
    make('建材厂粉尘污染严重，烟尘很大', 1, 'T2'),
    make('建材厂粉尘很大，烟尘污染', 2, 'T2'),
  ];
  const water = [
    make('幸福村自来水发黄，有异味', 12, 'T1'), make('幸福村自来水浑浊发黄', 11, 'T1'),
    make('幸福村的自来水又发黄了', 9, 'T1'),
  ];
  const all = [...noiseCases, ...dust, ...elsewhere, ...water];

  it('groups one problem in one place, labels it and ranks the growing one first', () => {
    const hot = findHotspots(all, { now, minCases: 3 });
    const first = hot[0]!;
    expect(first.placeId).toBe('T1');
    expect(new Set(first.caseIds)).toEqual(new Set(dust.map((c) => c.id)));
    expect(first.keywords).toContain('粉尘');
    expect(first.label).toContain('建材厂');
    expect(first).toMatchObject({ cases: 6, reporters: 5, last7Days: 5, previous7Days: 1 });
    const waterSpot = hot.find((h) => h.caseIds.includes(water[0]!.id))!;
    expect(new Set(waterSpot.caseIds)).toEqual(new Set(water.map((c) => c.id)));
    expect(waterSpot.last7Days).toBe(0);
    expect(waterSpot.heat).toBeLessThan(first.heat);
  });

  it('counts the people who follow a case as reporters: a follow is one more voice, never a case', () => {
    const followed = all.map((c) => (c.id === water[0]!.id ? { ...c, followerIds: ['f1', 'f2', 'f3', water[1]!.reporterId!] } : c));
    const before = findHotspots(all, { now, minCases: 3 }).find((h) => h.caseIds.includes(water[0]!.id))!;
    const after = findHotspots(followed, { now, minCases: 3 }).find((h) => h.caseIds.includes(water[0]!.id))!;
    expect(before).toMatchObject({ cases: 3, reporters: 3 });
    // Three new people; the fourth follower reported another case of the issue and counts half again.
    expect(after).toMatchObject({ cases: 3, reporters: 6 });
    expect(after.heat).toBeCloseTo((6 + 0.5 * 1) * (before.heat / 3), 2);
  });

  it('keeps places apart and drops small clusters', () => {
    const hot = findHotspots(all, { now, minCases: 3 });
    expect(hot.some((h) => h.placeId === 'T2')).toBe(false);
    const withPairs = findHotspots(all, { now, minCases: 2 });
    const t2 = withPairs.find((h) => h.placeId === 'T2')!;
    expect(new Set(t2.caseIds)).toEqual(new Set(elsewhere.map((c) => c.id)));
    for (const h of withPairs) expect(h.caseIds.every((id) => all.find((c) => c.id === id)!.townshipId === h.placeId)).toBe(true);
  });

  it('is deterministic and does not split unrelated noise into hotspots', () => {
    const a = findHotspots(all, { now });
    const b = findHotspots([...all].reverse(), { now });
    expect(b.map((h) => [...h.caseIds].sort())).toEqual(a.map((h) => [...h.caseIds].sort()));
    const noiseIds = new Set(noiseCases.map((c) => c.id));
    expect(a.every((h) => h.caseIds.every((id) => !noiseIds.has(id)))).toBe(true);
  });
});
