import { sql } from 'drizzle-orm';
import type { Deps } from '../platform/context.js';
import { dayNumberOf } from './days.js';
import { rowsOf } from '../db/rows.js';
import { rebuildRollups } from './rebuild.js';
import { CATEGORY_SLOTS, CHANNEL_SLOTS, DAY_SLOTS, GRID_SLOTS, MINUTE_SLOTS, syntheticInsertSql } from './synthetic-sql.js';
import { slots, synCategories, synDayWeights, synGrids, synLeads, synTexts } from './synthetic-model.js';
import { skipReferenceChecks, withoutIndexes } from './table-indexes.js';
import { mulberry32 } from '../org/prng.js';

/** Shares of the channels: most cases come through the 12345 hotline, then grid patrols, the web and phones. */
const channelShare: Record<string, number> = { hotline: 45, patrol: 15, web: 15, mobile: 15, cadre: 8, import: 2 };
/** When reports come in: office hours mostly, evenings some, nights few (weights per hour, China time). */
const hourShare = [1, 0.5, 0.3, 0.3, 0.3, 0.6, 1.5, 3, 6, 9, 9, 8, 5, 6, 8, 8, 7, 6, 4, 3.5, 3, 2.5, 2, 1.5];
const TEXTS_PER_CATEGORY = 8;
const SPAN_DAYS = 730;
const CHUNK = 250_000;

/** Creates a temp lookup table and fills it from rows, in batches. */
async function lookup(tx: Deps['db'], name: string, columns: string, rows: (string | number | boolean)[][]) {
  await tx.execute(sql.raw(`create temp table ${name} (${columns}) on commit drop`));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.execute(sql`insert into ${sql.raw(name)} values ${sql.join(rows.slice(i, i + 1000).map((r) => sql`(${sql.join(r.map((v) => sql`${v}`), sql`, `)})`), sql`, `)}`);
  }
  await tx.execute(sql.raw(`analyze ${name}`));
}

/**
 * Loads n synthetic cases received over the two years before now into the demo county — realistic category shares,
 * places with hotspots, channels, office-hour timings, returns, escalations, ratings, reopened cases — in set-based
 * SQL, then rebuilds the cockpit's facts and rollups. Needs the demo county (its categories, rules and grids).
 */
export async function seedSynthetic(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'work'>, n: number, log: (line: string) => void = () => undefined) {
  const started = Date.now();
  const now = deps.clock.now();
  const cats = await synCategories(deps.db);
  const grids = await synGrids(deps.db);
  if (!cats.length || !grids.length) throw new Error('synthetic cases need the demo county: run `jiceng seed` first');
  const leads = await synLeads(deps.db, cats, grids);
  const [policies] = await rowsOf<{ normal: string; urgent: string }>(deps.db, sql`
    select (select id::text from sla_policies where category_id is null and urgency is null and channel is null and active limit 1) as normal,
           (select id::text from sla_policies where urgency = 'urgent' and category_id is null and active limit 1) as urgent`);
  const firstDay = dayNumberOf(now) - SPAN_DAYS;
  const dayWeights = synDayWeights(firstDay, SPAN_DAYS, deps.work.calendar);
  const rng = mulberry32(99);
  await deps.db.transaction(async (tx) => {
    await lookup(tx, 'syn_cat', 'idx int primary key, id uuid, urgent boolean, typical int', cats.map((c) => [c.idx, c.id, c.urgent, c.typicalMinutes]));
    await lookup(tx, 'syn_grid', 'idx int primary key, id uuid, path text, lng float8, lat float8', grids.map((g) => [g.idx, g.id, g.path, g.lng, g.lat]));
    await lookup(tx, 'syn_lead', 'cat int, grid int, unit uuid, primary key (cat, grid)', leads.flatMap((row, c) => row.map((unit, g) => [c, g, unit])));
    await lookup(tx, 'syn_hot', 'cat int, k int, grid int, primary key (cat, k)', cats.flatMap((c) => [0, 1, 2].map((k) => [c.idx, k, Math.floor(rng() * grids.length)])));
    await lookup(tx, 'syn_text', 'cat int, k int, title text, description text, primary key (cat, k)', synTexts(cats, TEXTS_PER_CATEGORY).map((t) => [t.cat, t.k, t.title, t.description]));
    await lookup(tx, 'syn_day_slot', 's int primary key, day int', slots(dayWeights, DAY_SLOTS).map((d, s) => [s, firstDay + d]));
    const minuteWeights = Array.from({ length: 1440 }, (_, m) => hourShare[Math.floor(m / 60)]!);
    await lookup(tx, 'syn_minute_slot', 's int primary key, minute int', slots(minuteWeights, MINUTE_SLOTS).map((m, s) => [s, m]));
    await lookup(tx, 'syn_cat_slot', 's int primary key, cat int', slots(cats.map((c) => c.weight), CATEGORY_SLOTS).map((c, s) => [s, c]));
    await lookup(tx, 'syn_grid_slot', 's int primary key, grid int', slots(grids.map((g) => g.weight), GRID_SLOTS).map((g, s) => [s, g]));
    const channelNames = Object.keys(channelShare);
    await lookup(tx, 'syn_channel_slot', 's int primary key, channel text', slots(Object.values(channelShare), CHANNEL_SLOTS).map((c, s) => [s, channelNames[c]!]));
    const [{ offset } = { offset: 0 }] = await rowsOf<{ offset: number }>(tx, sql`select count(*)::int as offset from cases where number like ${`${deps.config.JICENG_CASE_PREFIX}-%-S%`}`);
    await tx.execute(sql.raw(`set local synchronous_commit = off`));
    // The indexes of cases are rebuilt at the end: a sort each, in memory rather than in 64 MB runs on disk.
    await tx.execute(sql.raw(`set local maintenance_work_mem = '1GB'`));
    await tx.execute(sql.raw('set local jit = off'));
    // Every reference of a synthetic case is read from the referenced tables: a superuser's load skips the checks
    // (the keys stay); any other role drops the keys and adds them again, one validating scan each (≈ 3 s per key
    // at 10,000,000 cases).
    const trusted = await skipReferenceChecks(tx);
    await withoutIndexes(tx, ['cases'], async () => {
      for (let from = 1; from <= n; from += CHUNK) {
        const to = Math.min(n, from + CHUNK - 1);
        const t0 = Date.now();
        await tx.execute(sql.raw(syntheticInsertSql({ from: offset + from, to: offset + to, total: n, offset, now: now.toISOString(), prefix: deps.config.JICENG_CASE_PREFIX, normalPolicy: policies!.normal, urgentPolicy: policies!.urgent, textsPerCategory: TEXTS_PER_CATEGORY })));
        log(`  cases ${to}/${n}: ${Date.now() - t0} ms`);
      }
      if (trusted) await tx.execute(sql.raw('set local session_replication_role = origin'));
      log(`  indexes${trusted ? '' : ' and foreign keys'} of cases rebuilt next`);
    }, { keepKeys: true, foreignKeys: !trusted });
    await tx.execute(sql.raw('analyze cases'));
  });
  log(`cases loaded in ${Date.now() - started} ms`);
  const t1 = Date.now();
  const { cases } = await rebuildRollups(deps.db, (step, ms) => log(`  ${step}: ${ms} ms`));
  log(`rollups rebuilt from ${cases} cases in ${Date.now() - t1} ms`);
  return { loaded: n, totalCases: cases, ms: Date.now() - started };
}
