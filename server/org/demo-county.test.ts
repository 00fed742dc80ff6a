import { describe, expect, it } from 'vitest';
import { roles } from '../../common/roles.js';
import { buildDemoCounty, demoCountyBox, type DemoGrid, type Unit } from './demo-county.js';
import { pointInPolygon, polygonArea } from './geometry.js';
import { GridIndex, validatePolygon } from './grid-index.js';
import { mulberry32 } from './prng.js';

const county = buildDemoCounty();
const { west, south, east, north } = demoCountyBox;
const index = GridIndex.build(county.grids.map((g) => ({ id: g.code, boundary: g.boundary })));
const bruteForce = (x: number, y: number) => county.grids.filter((g) => pointInPolygon(x, y, g.boundary)).map((g) => g.code);
const ringOf = (g: DemoGrid) => g.boundary.coordinates[0]!;

/** Grid codes that share an edge (two consecutive vertices) with each grid. */
function edgeNeighbours(grids: DemoGrid[]): Map<string, Set<string>> {
  const byEdge = new Map<string, string[]>();
  for (const g of grids) {
    const ring = ringOf(g);
    for (let i = 0; i + 1 < ring.length; i++) {
      const key = [ring[i]!.join(), ring[i + 1]!.join()].sort().join('|');
      byEdge.set(key, [...(byEdge.get(key) ?? []), g.code]);
    }
  }
  const out = new Map(grids.map((g) => [g.code, new Set<string>()]));
  for (const codes of byEdge.values()) for (const a of codes) for (const b of codes) if (a !== b) out.get(a)!.add(b);
  return out;
}

/** Whether the grids form one piece through shared edges. */
function connected(codes: string[], neighbours: Map<string, Set<string>>): boolean {
  const wanted = new Set(codes);
  const seen = new Set([codes[0]!]);
  const queue = [codes[0]!];
  while (queue.length) {
    for (const n of neighbours.get(queue.pop()!)!) {
      if (wanted.has(n) && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen.size === wanted.size;
}

describe('buildDemoCounty', () => {
  it('has 6 townships (2 street offices), about 40 villages and 120 ± 10 grids', () => {
    expect(county.county).toEqual({ code: '130999', parentCode: null, kind: 'county', name: '青禾县' });
    expect(county.townships).toHaveLength(6);
    expect(county.townships.filter((t) => t.name.endsWith('街道'))).toHaveLength(2);
    expect(county.villages.length).toBeGreaterThanOrEqual(35);
    expect(county.villages.length).toBeLessThanOrEqual(45);
    expect(Math.abs(county.grids.length - 120)).toBeLessThanOrEqual(10);
    expect(county.departments.length).toBeGreaterThanOrEqual(12);
    expect(county.offices.length).toBeGreaterThanOrEqual(4 * 6);
  });

  it('gives unique codes and names, parents that exist and have the right kind, communities only under street offices', () => {
    const all: Unit[] = [county.county, ...county.townships, ...county.villages, ...county.grids, ...county.departments, ...county.offices];
    expect(new Set(all.map((u) => u.code)).size).toBe(all.length);
    expect(new Set(all.map((u) => u.name)).size).toBe(all.length);
    const byCode = new Map(all.map((u) => [u.code, u]));
    const parentKind = { county: null, township: 'county', village: 'township', grid: 'village', department: 'county', office: 'township' };
    for (const u of all) expect(u.parentCode === null ? null : byCode.get(u.parentCode)?.kind).toBe(parentKind[u.kind]);
    for (const g of county.grids) expect(g.code).toMatch(new RegExp(`^${g.parentCode}-\\d{2}$`));
    for (const v of county.villages) {
      expect(v.code).toMatch(/^130999\d{6}$/);
      expect(v.name.endsWith('社区')).toBe(byCode.get(v.parentCode!)!.name.endsWith('街道'));
    }
  });

  it('tiles the box: valid counter-clockwise grids whose areas add up to the box', () => {
    for (const g of county.grids) {
      expect(validatePolygon(g.boundary)).toEqual([]);
      const ring = ringOf(g);
      let twiceArea = 0;
      for (let i = 0; i + 1 < ring.length; i++) twiceArea += (ring[i]![0] - west) * (ring[i + 1]![1] - south) - (ring[i + 1]![0] - west) * (ring[i]![1] - south);
      expect(twiceArea).toBeGreaterThan(0);
      for (const [x, y] of ring) for (const v of [x, y]) expect(Math.round(v * 1e6) / 1e6).toBe(v);
    }
    const boxArea = (east - west) * (north - south);
    const sum = county.grids.reduce((s, g) => s + polygonArea(g.boundary), 0);
    expect(Math.abs(sum - boxArea) / boxArea).toBeLessThan(1e-9);
  });

  it('puts each of 10,000 random points in exactly one grid, and GridIndex agrees', () => {
    const rng = mulberry32(7);
    for (let k = 0; k < 10_000; k++) {
      const x = west + (east - west) * rng(), y = south + (north - south) * rng();
      const hits = bruteForce(x, y);
      expect(hits).toHaveLength(1);
      expect(index.locate(x, y)).toBe(hits[0]);
    }
  });

  it('gives every grid vertex to exactly one grid, none on the east and north edge of the box', () => {
    const vertices = new Map(county.grids.flatMap((g) => ringOf(g).map((p) => [p.join(), p] as const)));
    expect(vertices.size).toBeGreaterThan(400);
    for (const [x, y] of vertices.values()) {
      const hits = bruteForce(x, y);
      expect(hits).toHaveLength(x === east || y === north ? 0 : 1);
      expect(index.locate(x, y)).toBe(hits[0] ?? null);
    }
  });

  it('finds no grid outside the box', () => {
    for (const [x, y] of [[west - 1e-9, 37.05], [east + 1e-9, 37.05], [115.7, south - 1e-9], [115.7, north + 1e-9], [0, 0], [116.5, 39.9]] as const) {
      expect(index.locate(x, y)).toBeNull();
      expect(bruteForce(x, y)).toEqual([]);
    }
  });

  it('keeps each village and each township in one piece, and puts each centroid inside its grid', () => {
    const neighbours = edgeNeighbours(county.grids);
    const groups = [...county.villages, ...county.townships].map((unit) =>
      county.grids.filter((g) => g.parentCode?.startsWith(unit.code)).map((g) => g.code));
    for (const codes of groups) {
      expect(codes.length).toBeGreaterThan(0);
      expect(connected(codes, neighbours)).toBe(true);
    }
    for (const g of county.grids) expect(index.locate(...g.centroid)).toBe(g.code);
  });

  it('is deterministic for a seed; another seed moves the vertices and renames people but keeps the units', () => {
    expect(buildDemoCounty()).toEqual(county);
    const other = buildDemoCounty(1);
    expect(other.grids.map((g) => g.code)).toEqual(county.grids.map((g) => g.code));
    expect(other.grids[0]!.boundary).not.toEqual(county.grids[0]!.boundary);
    expect(other.people.map((p) => p.displayName)).not.toEqual(county.people.map((p) => p.displayName));
  });

  it('lists a worker per grid, a cadre per village, handlers per department and the county roles', () => {
    const { people } = county;
    const units = new Set([county.county, ...county.townships, ...county.villages, ...county.grids, ...county.departments, ...county.offices].map((u) => u.code));
    for (const p of people) {
      expect(units.has(p.unitCode)).toBe(true);
      expect(roles).toContain(p.role);
      expect(p.displayName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(p.phone).toMatch(/^1380000\d{4}$/);
      expect(p.key).toMatch(/^[a-z_]+-[0-9A-Z-]+$/);
    }
    for (const field of ['key', 'phone', 'displayName'] as const) expect(new Set(people.map((p) => p[field])).size).toBe(people.length);
    const count = (role: string, unitCode?: string) => people.filter((p) => p.role === role && (!unitCode || p.unitCode === unitCode)).length;
    for (const g of county.grids) expect(count('grid_worker', g.code)).toBe(1);
    for (const v of county.villages) expect(count('cadre', v.code)).toBe(1);
    for (const d of county.departments) expect(count('handler', d.code)).toBeGreaterThanOrEqual(2);
    for (const role of ['dispatcher', 'supervisor', 'leader', 'admin']) expect(count(role)).toBeGreaterThanOrEqual(1);
  });
});
