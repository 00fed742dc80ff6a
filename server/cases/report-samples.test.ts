import { describe, expect, it } from 'vitest';
import { townshipPlans } from '../org/demo-plan.js';
import { mulberry32 } from '../org/prng.js';
import { isAppError } from '../platform/errors.js';
import { fillSlots, slotNames } from './report-samples-slots.js';
import { generateReport, paraphrase, reportTemplates } from './report-samples.js';
import { defaultTaxonomy } from './taxonomy-data.js';
import type { TaxonomyNode } from './taxonomy-data.js';
import { urgentCategoryCodes } from './urgency-data.js';

const leaves: TaxonomyNode[] = [];
const walk = (n: TaxonomyNode): void => (n.children?.length ? n.children.forEach(walk) : void leaves.push(n));
defaultTaxonomy.forEach(walk);
const leafCodes = new Set(leaves.map((l) => l.code));
const slotsIn = (t: string) => [...t.matchAll(/\{([a-z0-9]+)\}/g)].map((m) => m[1]!);

/** Share of character bigrams two texts have in common (Jaccard), the usual cheap near-duplicate measure. */
function bigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => new Set([...s.replace(/[\s，。！？：、,.!?]/g, '')].map((c, i, cs) => c + (cs[i + 1] ?? '')).slice(0, -1));
  const ga = grams(a);
  const gb = grams(b);
  const shared = [...ga].filter((g) => gb.has(g)).length;
  return shared / (ga.size + gb.size - shared);
}
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;

describe('report templates', () => {
  it('cover at least 60 leaves, every urgent leaf among them, and only real leaves', () => {
    const codes = Object.keys(reportTemplates);
    expect(codes.length).toBeGreaterThanOrEqual(60);
    for (const code of codes) expect(leafCodes.has(code), code).toBe(true);
    for (const code of urgentCategoryCodes) expect(reportTemplates[code], code).toBeDefined();
  });

  it('use only known slots, and each title names no place its body does not', () => {
    const known = new Set(slotNames());
    for (const [code, t] of Object.entries(reportTemplates)) {
      expect(t.titles.length, code).toBeLessThanOrEqual(t.bodies.length);
      for (const text of [...t.titles, ...t.bodies, ...(t.urgentBodies ?? []), ...(t.asks ?? [])]) {
        for (const s of slotsIn(text)) expect(known.has(s), `${code}: {${s}}`).toBe(true);
        expect(fillSlots(mulberry32(1), text, new Map())).not.toMatch(/[{}]/);
      }
      t.titles.forEach((title, i) => {
        for (const s of slotsIn(title)) expect(slotsIn(t.bodies[i]!), `${code} title ${i}`).toContain(s);
      });
    }
  });
});

describe('generateReport', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number) => {
      const rng = mulberry32(seed);
      return Array.from({ length: 50 }, () => generateReport(rng));
    };
    expect(run(42)).toEqual(run(42));
    expect(run(43)).not.toEqual(run(42));
  });

  it('produces the requested leaf, with a filled, non-empty title and description', () => {
    const rng = mulberry32(7);
    for (const leaf of leaves) {
      for (let k = 0; k < 3; k++) {
        const r = generateReport(rng, leaf.code);
        expect(r.categoryCode).toBe(leaf.code);
        expect(r.title.length, leaf.code).toBeGreaterThan(1);
        expect(r.description.length, leaf.code).toBeGreaterThan(10);
        expect(r.title + r.description, leaf.code).not.toMatch(/[{}]|undefined/);
      }
    }
  });

  it('draws a leaf below a first- or second-level code, and refuses unknown codes', () => {
    const rng = mulberry32(3);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const r = generateReport(rng, 'L');
      expect(r.categoryCode).toMatch(/^L\d{4}$/);
      seen.add(r.categoryCode);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(generateReport(rng, 'E03').categoryCode).toMatch(/^E03\d{2}$/);
    let error: unknown;
    try {
      generateReport(rng, 'Z99');
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('unknown_category');
  });

  it('varies its texts: 200 samples give more than 150 distinct descriptions', () => {
    const rng = mulberry32(2024);
    const reports = Array.from({ length: 200 }, () => generateReport(rng));
    expect(new Set(reports.map((r) => r.description)).size).toBeGreaterThan(150);
    expect(new Set(reports.map((r) => r.categoryCode)).size).toBeGreaterThan(80);
    const oneLeaf = Array.from({ length: 40 }, () => generateReport(rng, 'B0101').description);
    expect(new Set(oneLeaf).size).toBeGreaterThan(30);
  });

  it('labels urgency: always for urgent leaves, never for plain ones, sometimes where a danger template exists', () => {
    const rng = mulberry32(11);
    const urgent = new Set(urgentCategoryCodes);
    for (const code of [...urgent]) expect(generateReport(rng, code).urgent, code).toBe(true);
    for (const code of ['A0301', 'B0101', 'E0101', 'M0101', 'P0301']) {
      for (let i = 0; i < 20; i++) expect(generateReport(rng, code).urgent, code).toBe(false);
    }
    const manhole = Array.from({ length: 60 }, () => generateReport(rng, 'D0102').urgent);
    expect(manhole.filter(Boolean).length).toBeGreaterThan(3);
    expect(manhole.filter((u) => !u).length).toBeGreaterThan(20);
  });

  it('names places of the demo county', () => {
    const rng = mulberry32(5);
    const names = townshipPlans.flatMap((t) => t.villages);
    const texts = Array.from({ length: 200 }, () => generateReport(rng).description);
    const naming = texts.filter((t) => names.some((n) => t.includes(n)));
    expect(naming.length).toBeGreaterThan(20);
  });
});

describe('paraphrase', () => {
  it('is deterministic and always changes the text', () => {
    const rng = mulberry32(8);
    const texts = Array.from({ length: 100 }, () => generateReport(rng).description);
    const a = texts.map((t, i) => paraphrase(mulberry32(i), t));
    const b = texts.map((t, i) => paraphrase(mulberry32(i), t));
    expect(a).toEqual(b);
    texts.forEach((t, i) => expect(a[i]).not.toBe(t));
  });

  it('stays far closer to its source than another report of the same leaf does', () => {
    const rng = mulberry32(9);
    const own: number[] = [];
    const other: number[] = [];
    for (let i = 0; i < 150; i++) {
      const r = generateReport(rng);
      own.push(bigramSimilarity(r.description, paraphrase(rng, r.description)));
      other.push(bigramSimilarity(r.description, generateReport(rng, r.categoryCode).description));
    }
    expect(median(own)).toBeGreaterThan(0.6);
    expect(median(own)).toBeGreaterThan(median(other) + 0.2);
  });
});
