/**
 * Grid lookup: GridIndex.locate against brute force (pointInPolygon over every grid) on the demo county.
 * Run: npx tsx bench/grid-locate.ts [points=100000]
 * Lookups are timed in batches of 1,000, the two methods alternating batch by batch on the same points so that drift
 * of a noisy machine hits both; each figure is the median over batches of the mean time per lookup.
 */
import os from 'node:os';
import { buildDemoCounty, demoCountyBox } from '../server/org/demo-county.js';
import { pointInPolygon } from '../server/org/geometry.js';
import { GridIndex } from '../server/org/grid-index.js';
import { mulberry32 } from '../server/org/prng.js';

const points = Number(process.argv[2] ?? 100_000);
const batch = 1_000;
const county = buildDemoCounty();
const index = GridIndex.build(county.grids.map((g) => ({ id: g.code, boundary: g.boundary })));
const bruteForce = (lng: number, lat: number): string | null => {
  for (const g of county.grids) if (pointInPolygon(lng, lat, g.boundary)) return g.code;
  return null;
};

const rng = mulberry32(42);
const { west, south, east, north } = demoCountyBox;
const xs = Float64Array.from({ length: points }, () => west + (east - west) * rng());
const ys = Float64Array.from({ length: points }, () => south + (north - south) * rng());

function timeBatch(locate: (lng: number, lat: number) => string | null, from: number, out: (string | null)[]): number {
  const start = process.hrtime.bigint();
  for (let i = from; i < from + batch; i++) out[i] = locate(xs[i]!, ys[i]!);
  return Number(process.hrtime.bigint() - start) / batch;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

const viaIndex: (string | null)[] = new Array(points);
const viaBrute: (string | null)[] = new Array(points);
// Warm-up, so both functions are optimised before timing.
for (let from = 0; from + batch <= Math.min(points, 20_000); from += batch) {
  timeBatch((x, y) => index.locate(x, y), from, viaIndex);
  timeBatch(bruteForce, from, viaBrute);
}
const indexNs: number[] = [];
const bruteNs: number[] = [];
for (let from = 0; from + batch <= points; from += batch) {
  indexNs.push(timeBatch((x, y) => index.locate(x, y), from, viaIndex));
  bruteNs.push(timeBatch(bruteForce, from, viaBrute));
}
const mismatches = viaIndex.filter((id, i) => id !== viaBrute[i]).length;
const misses = viaIndex.filter((id) => id === null).length;
const stats = index.stats();

console.log(`grid-locate on ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${new Date().toISOString()}`);
console.log(`${county.grids.length} grids, ${indexNs.length * batch} random points in the county box`);
console.log(`index: ${stats.buckets} buckets, max ${stats.maxPerBucket} / mean ${stats.meanPerBucket.toFixed(2)} grids per bucket`);
console.log(`GridIndex.locate  median ${median(indexNs).toFixed(0)} ns per lookup`);
console.log(`brute force       median ${median(bruteNs).toFixed(0)} ns per lookup`);
console.log(`ratio brute/index ${(median(bruteNs) / median(indexNs)).toFixed(1)}×`);
console.log(`disagreements ${mismatches}, points in no grid ${misses}`);
if (mismatches > 0) process.exitCode = 1;
