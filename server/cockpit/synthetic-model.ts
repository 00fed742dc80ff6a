import { sql } from 'drizzle-orm';
import { generateReport } from '../cases/report-samples.js';
import type { Db } from '../db/client.js';
import { mulberry32 } from '../org/prng.js';
import type { WorkCalendar } from '../sla/calendar.js';
import { dateOf } from './days.js';
import { rowsOf } from '../db/rows.js';

/**
 * The shape of the synthetic county's two years of cases, built in TypeScript from the real demo data (categories,
 * dispatch rules, grids) and handed to SQL as small lookup tables: which category, where, which lead unit, which
 * words, which day. The big INSERT (synthetic-sql.ts) only draws from these.
 */

/** Shares of the first-level classes in a county hotline's cases (市容环境 and 住房物业 lead, as in most counties). */
const classShare: Record<string, number> = {
  A: 8, B: 15, C: 7, D: 8, E: 9, F: 5, G: 4, H: 6, I: 4, J: 4, K: 6, L: 3, M: 10, N: 9, O: 5, P: 3,
};

export interface SynCategory { idx: number; id: string; code: string; weight: number; urgent: boolean; typicalMinutes: number }
export interface SynGrid { idx: number; id: string; path: string; township: string; village: string; lng: number; lat: number; weight: number }

/** Leaf categories with their shares: the class share, split over the leaves by a gentle Zipf law. */
export async function synCategories(db: Db): Promise<SynCategory[]> {
  const rows = await rowsOf<{ id: string; code: string; urgent: boolean }>(db, sql`
    select c.id, c.code, c.urgent or exists (select 1 from categories p where p.id = c.parent_id and p.urgent) as urgent
    from categories c where c.level = 3 and c.active order by c.code`);
  const byClass = new Map<string, typeof rows>();
  for (const r of rows) byClass.set(r.code[0]!, [...(byClass.get(r.code[0]!) ?? []), r]);
  const out: SynCategory[] = [];
  for (const [cls, leaves] of byClass) {
    const rng = mulberry32(cls.charCodeAt(0));
    const order = leaves.map((l) => ({ l, key: rng() })).sort((a, b) => a.key - b.key);
    const z = order.map((_, k) => 1 / (k + 1) ** 0.8);
    const total = z.reduce((s, x) => s + x, 0);
    order.forEach(({ l }, k) => {
      // Typical working minutes to resolve: half a working day to four, by leaf.
      const typicalMinutes = l.urgent ? 90 : Math.round(240 + rng() * 1560);
      out.push({ idx: out.length, id: l.id, code: l.code, weight: ((classShare[cls] ?? 3) * z[k]!) / total, urgent: l.urgent, typicalMinutes });
    });
  }
  return out;
}

/** The grids with their weights: street offices' (urban) grids get three times the cases of rural ones. */
export async function synGrids(db: Db): Promise<SynGrid[]> {
  const rows = await rowsOf<{ id: string; path: string; lng: number; lat: number; township_name: string }>(db, sql`
    select u.id, u.path, g.centroid_lng as lng, g.centroid_lat as lat, t.name as township_name
    from units u join grids g on g.unit_id = u.id join units t on t.id = split_part(u.path, '/', 3)::uuid
    where u.kind = 'grid' and u.active order by u.code`);
  const rng = mulberry32(7);
  return rows.map((r, idx) => {
    const ids = r.path.split('/').filter(Boolean);
    return { idx, id: r.id, path: r.path, township: ids[1]!, village: ids[2]!, lng: r.lng, lat: r.lat, weight: (r.township_name.endsWith('街道') ? 3 : 1) * (0.5 + rng()) };
  });
}

/** The lead unit of each (category, grid): the most specific dispatch rule, as the server's suggestion would pick. */
export async function synLeads(db: Db, cats: SynCategory[], grids: SynGrid[]): Promise<string[][]> {
  const rules = await rowsOf<{ code: string; target: string; unit_id: string | null; office_name: string | null }>(db, sql`
    select c.code, r.target, r.unit_id, r.office_name from dispatch_rules r join categories c on c.id = r.category_id where r.active`);
  const offices = await rowsOf<{ id: string; parent_id: string; name: string }>(db, sql`select id, parent_id, name from units where kind = 'office'`);
  const ruleFor = (code: string) => rules.find((r) => r.code === code) ?? rules.find((r) => r.code === code.slice(0, 3)) ?? rules.find((r) => r.code === code[0]);
  return cats.map((c) => {
    const rule = ruleFor(c.code);
    return grids.map((g) => {
      if (!rule) return g.township;
      if (rule.target === 'unit' && rule.unit_id) return rule.unit_id;
      if (rule.target === 'grid') return g.id;
      if (rule.target === 'village') return g.village;
      if (rule.target === 'township_office') return offices.find((o) => o.parent_id === g.township && o.name.endsWith(rule.office_name ?? ''))?.id ?? g.township;
      return g.township;
    });
  });
}

/** A few texts per category from the realistic report generator. */
export function synTexts(cats: SynCategory[], perCategory: number): { cat: number; k: number; title: string; description: string }[] {
  const rng = mulberry32(20261122);
  return cats.flatMap((c) =>
    Array.from({ length: perCategory }, (_, k) => {
      const r = generateReport(rng, c.code);
      return { cat: c.idx, k, title: r.title.slice(0, 100), description: r.description };
    }),
  );
}

/**
 * Relative weight of each day of the span: cases grow by half over two years, weekends and public holidays bring
 * fewer (a third), and summer a little more.
 */
export function synDayWeights(firstDay: number, days: number, calendar: WorkCalendar): number[] {
  return Array.from({ length: days }, (_, d) => {
    const date = dateOf(firstDay + d);
    const month = Number(date.slice(5, 7));
    const trend = 1 + (0.5 * d) / days;
    const season = month >= 6 && month <= 8 ? 1.15 : 1;
    return trend * season * (calendar.isWorkday(date) ? 1 : 0.35);
  });
}

/** Slots for drawing by weight with an equality join: slot s holds the item whose cumulative share covers it. */
export function slots(weights: number[], count: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const out: number[] = [];
  let item = 0;
  let cum = weights[0]! / total;
  for (let s = 0; s < count; s++) {
    const at = (s + 0.5) / count;
    while (at > cum && item < weights.length - 1) cum += weights[++item]! / total;
    out.push(item);
  }
  return out;
}
