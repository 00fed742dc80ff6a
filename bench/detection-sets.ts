/**
 * The labelled sets of bench/detection.ts, built from server/cases/report-samples.ts (realistic reports written for
 * the demo, each template labelled urgent or not by its author, who did not write the urgency rules) and from the
 * text core's own fixtures. How each set is made is written in bench/detection.ts and docs/BENCHMARKS.md.
 */
import { generateReport, paraphrase, reportTemplates } from '../server/cases/report-samples.js';
import type { GeneratedReport } from '../server/cases/report-samples.js';
import { mulberry32, pick } from '../server/org/prng.js';

/** A report placed somewhere at some time, as the duplicate check sees it. */
export interface PlacedReport {
  text: string;
  lng: number;
  lat: number;
  gridId: string;
  createdAt: Date;
}

export type PairKind = 'repeat' | 'same-category-other-words' | 'same-words-far' | 'same-words-long-ago' | 'other-problem-nearby'
  | 'same-template-other-place';

/** A pair of reports: is the later one a duplicate of the earlier? */
export interface LabelledPair {
  kind: PairKind;
  /** Null for the diagnostic kind whose truth is debatable (not counted in precision and recall). */
  duplicate: boolean | null;
  earlier: PlacedReport;
  later: PlacedReport;
}

const DAY = 86_400_000;
const START = Date.parse('2026-03-01T08:00:00+08:00');
// A 20 km × 22 km county; grids are cells of 0.007° (about 650 m × 780 m).
const CELL = 0.007;
const gridOf = (lng: number, lat: number) => `g${Math.floor(lng / CELL)}:${Math.floor(lat / CELL)}`;

/** The text a case is matched on: its title (the first 30 characters when the reporter gave none) and description. */
const caseText = (title: string | null, description: string) => `${title ?? description.slice(0, 30)} ${description}`;

function place(report: { title: string | null; description: string }, lng: number, lat: number, at: number): PlacedReport {
  return { text: caseText(report.title, report.description), lng, lat, gridId: gridOf(lng, lat), createdAt: new Date(at) };
}

// Leaves whose own templates have two or more bodies: another report of the leaf can be told in other words.
const wordyLeaves = Object.entries(reportTemplates).filter(([, t]) => t.bodies.length >= 2).map(([code]) => code);

/** Which of its leaf's template bodies a description was written from (-1: none recognised). */
function bodyOf(code: string, description: string): number {
  const t = reportTemplates[code];
  if (!t) return -1;
  return [...t.bodies, ...(t.urgentBodies ?? [])].findIndex((body) => {
    const skeleton = body.split(/\{[a-z0-9]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?');
    return new RegExp(skeleton).test(description);
  });
}

/** A point `meters` away from (lng, lat) in a random direction. */
function offset(rng: () => number, lng: number, lat: number, meters: number): [number, number] {
  const a = rng() * 2 * Math.PI;
  return [lng + (meters * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (meters * Math.sin(a)) / 111_320];
}

/** `anchors` anchor reports, each with one pair of every kind (1 duplicate to 4 non-duplicates, and a diagnostic pair). */
export function duplicatePairs(anchors: number, seed: number): LabelledPair[] {
  const rng = mulberry32(seed);
  const pairs: LabelledPair[] = [];
  for (let i = 0; i < anchors; i++) {
    const r: GeneratedReport = generateReport(rng, pick(rng, wordyLeaves));
    const lng = 118.0 + rng() * 0.2;
    const lat = 32.0 + rng() * 0.2;
    const t0 = START + rng() * 60 * DAY;
    const earlier = place(r, lng, lat, t0);
    const again = () => ({ title: null, description: paraphrase(rng, r.description) });
    const nearby = () => offset(rng, lng, lat, rng() * 300);
    const soon = () => t0 + rng() * 5 * DAY;
    const [nLng, nLat] = nearby();
    pairs.push({ kind: 'repeat', duplicate: true, earlier, later: place(again(), nLng, nLat, soon()) });
    // Same leaf, another template body: the same kind of problem told in other words.
    const body = bodyOf(r.categoryCode, r.description);
    if (body < 0) throw new Error(`no template body of ${r.categoryCode} matches: ${r.description}`);
    let other = generateReport(rng, r.categoryCode);
    while (bodyOf(r.categoryCode, other.description) === body) other = generateReport(rng, r.categoryCode);
    const [oLng, oLat] = nearby();
    pairs.push({ kind: 'same-category-other-words', duplicate: false, earlier, later: place(other, oLng, oLat, soon()) });
    const [fLng, fLat] = offset(rng, lng, lat, 2_000 + rng() * 8_000);
    pairs.push({ kind: 'same-words-far', duplicate: false, earlier, later: place(again(), fLng, fLat, soon()) });
    const [lLng, lLat] = nearby();
    pairs.push({ kind: 'same-words-long-ago', duplicate: false, earlier, later: place(again(), lLng, lLat, t0 + (35 + rng() * 55) * DAY) });
    // Diagnostic: the same template body filled with other places, placed nearby — a different spot named in
    // almost the same words. Whether that repeats the anchor depends on the places, so it is only counted.
    for (let k = 0; k < 50; k++) {
      const twin = generateReport(rng, r.categoryCode);
      if (bodyOf(r.categoryCode, twin.description) !== body || twin.description === r.description) continue;
      const [tLng, tLat] = nearby();
      pairs.push({ kind: 'same-template-other-place', duplicate: null, earlier, later: place(twin, tLng, tLat, soon()) });
      break;
    }
    let unrelated = generateReport(rng);
    while (unrelated.categoryCode.slice(0, 3) === r.categoryCode.slice(0, 3)) unrelated = generateReport(rng);
    const [uLng, uLat] = nearby();
    pairs.push({ kind: 'other-problem-nearby', duplicate: false, earlier, later: place(unrelated, uLng, uLat, soon()) });
  }
  return pairs;
}

/** `n` realistic reports with the urgent label of their template (about 9 % urgent). */
export function urgencyReports(n: number, seed: number): GeneratedReport[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => generateReport(rng));
}
