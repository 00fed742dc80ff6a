import type { Polygon } from '../common/geo.js';
import { generateReport } from '../server/cases/report-samples.js';
import type { CreateCaseInput } from '../server/cases/schema.js';
import { demoCountyBox } from '../server/org/demo-county.js';
import { randomPointIn } from '../server/org/geometry.js';
import { mulberry32, pick } from '../server/org/prng.js';

/** The grid a grid worker patrols: its name and boundary. */
export interface OwnGrid {
  name: string;
  boundary: Polygon;
}

const streets = ['东风路', '建设街', '人民路', '文化巷', '新华街', '团结路'];
const surnames = ['王', '李', '张', '刘', '陈', '赵', '孙', '周'];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Realistic intake bodies for a grid worker on patrol: generated Chinese reports with their categories, half located
 * in the worker's own grid, half anywhere in the county; a third carry a resident's contact (encrypted at intake).
 */
export function intakeBodies(own: OwnGrid, count = 50, seed = 20261122): CreateCaseInput[] {
  const rng = mulberry32(seed);
  const { west, south, east, north } = demoCountyBox;
  return Array.from({ length: count }, (_, i) => {
    const report = generateReport(rng);
    const inOwn = i % 2 === 0;
    // The county box is half-open: stay a hair inside its east and north edges.
    const [lng, lat] = inOwn ? randomPointIn(rng, own.boundary) : [round6(west + (east - west - 1e-6) * rng()), round6(south + (north - south - 1e-6) * rng())];
    const address = inOwn ? `${own.name}${pick(rng, streets)}${1 + Math.floor(rng() * 99)}号附近` : `${pick(rng, streets)}${1 + Math.floor(rng() * 199)}号`;
    const body: CreateCaseInput = {
      title: report.title,
      description: report.description,
      category: report.categoryCode,
      location: { lng, lat, address },
    };
    if (i % 3 === 0) body.contact = { name: `${pick(rng, surnames)}先生`, phone: `139${String(Math.floor(rng() * 1e8)).padStart(8, '0')}` };
    if (report.urgent) body.urgency = 'urgent';
    return body;
  });
}
