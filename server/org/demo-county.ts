import type { Polygon, Position } from '../../common/geo.js';
import type { UnitKind } from '../../common/roles.js';
import { jitteredLatticeCells, round6 } from './demo-lattice.js';
import { commonOfficeNames, departmentNames, streetOfficeName, townshipOfficeName } from './demo-names.js';
import { buildDemoPeople, type DemoPerson } from './demo-people.js';
import { demoCols, demoRows, runs, serpentine, townshipPlans } from './demo-plan.js';
import { polygonCentroid } from './geometry.js';
import { mulberry32 } from './prng.js';

/** A unit of the demo county; codes are stable across seeds, so seeding can upsert by code. */
export interface Unit {
  code: string;
  parentCode: string | null;
  kind: UnitKind;
  name: string;
}

/** A grid with its boundary (closed counter-clockwise ring, 6-decimal [lng, lat]) and its area centroid. */
export type DemoGrid = Unit & { boundary: Polygon; centroid: Position };

/** The whole demo county, ready to be inserted. */
export interface DemoCounty {
  county: Unit;
  townships: Unit[];
  villages: Unit[];
  grids: DemoGrid[];
  departments: Unit[];
  offices: Unit[];
  people: DemoPerson[];
}

/** The box the demo grids tile exactly (under the half-open rule it covers [west, east) × [south, north)). */
export const demoCountyBox = { west: 115.6, south: 37.0, east: 115.8, north: 37.15 } as const;

/** Code of the demo county; every other demo code starts with it. */
export const demoCountyCode = '130999';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Builds the fictional county 青禾县: 6 townships, 44 villages and communities, 120 grids tiling demoCountyBox,
 * 16 departments, 5 offices per township and about 250 people. Deterministic: the seed moves the grid vertices and
 * picks the people's names; codes, names of units and the tree do not depend on it.
 */
export function buildDemoCounty(seed = 20261122): DemoCounty {
  // Separate streams, so that a change to the name lists never moves a boundary.
  const cells = jitteredLatticeCells(demoCountyBox, demoCols, demoRows, mulberry32(seed));
  const county: Unit = { code: demoCountyCode, parentCode: null, kind: 'county', name: '青禾县' };
  const townships: Unit[] = [];
  const villages: Unit[] = [];
  const grids: DemoGrid[] = [];
  const offices: Unit[] = [];

  townshipPlans.forEach((plan, t) => {
    const township: Unit = { code: demoCountyCode + pad(t + 1, 3), parentCode: county.code, kind: 'township', name: plan.name };
    townships.push(township);
    const street = plan.name.endsWith('街道');
    [...commonOfficeNames, street ? streetOfficeName : townshipOfficeName].forEach((office, o) => {
      offices.push({ code: `${township.code}S${pad(o + 1, 2)}`, parentCode: township.code, kind: 'office', name: plan.name + office });
    });
    const blocks = plan.rects.flatMap((rect) => runs(serpentine(rect), plan.gridsPerVillage));
    if (blocks.length !== plan.villages.length) {
      throw new Error(`${plan.name}: ${blocks.length} blocks of grids but ${plan.villages.length} village names`);
    }
    blocks.forEach((block, v) => {
      const village: Unit = { code: township.code + pad(v + 1, 3), parentCode: township.code, kind: 'village', name: plan.villages[v]! };
      villages.push(village);
      block.forEach((cell, g) => {
        const ring = cells[cell];
        if (!ring) throw new Error(`${plan.name}: lattice cell ${cell} does not exist`);
        const boundary: Polygon = { type: 'Polygon', coordinates: [ring] };
        const [lng, lat] = polygonCentroid(boundary);
        grids.push({
          code: `${village.code}-${pad(g + 1, 2)}`,
          parentCode: village.code,
          kind: 'grid',
          name: `${village.name}第${g + 1}网格`,
          boundary,
          centroid: [round6(lng), round6(lat)],
        });
      });
    });
  });

  const departments: Unit[] = departmentNames.map((name, d) => ({
    code: `${demoCountyCode}D${pad(d + 1, 2)}`,
    parentCode: county.code,
    kind: 'department',
    name,
  }));
  const people = buildDemoPeople({ county, departments, offices, villages, grids }, mulberry32(seed ^ 0x5bd1e995));
  return { county, townships, villages, grids, departments, offices, people };
}
