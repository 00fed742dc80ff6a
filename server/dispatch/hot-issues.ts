/**
 * Hot issues (热点问题) for the caller's reach: the cases of the last `days` days (at most MAX_CASES, newest first)
 * that the caller may see, clustered place by place by text/hotspots.ts, with the place names filled in. Term
 * weights come from the trained classifier's vectoriser when one serves. Answers are kept for a minute per reach,
 * period and level: the cockpit polls, and a minute-old hotspot is still the hotspot.
 */
import { and, desc, gte, inArray, lte, sql } from 'drizzle-orm';
import type { HotIssueCase, HotIssuesAnswer } from '../../common/hot-issues.js';
import { caseFollowers, cases } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';
import { caseScope } from '../cases/case-scope.js';
import { areaIds } from '../cases/suggest-unit.js';
import { TrainedClassifier } from './text/trained-classifier.js';
import { findHotspots } from './text/hotspots.js';
import { modelStoreOf } from './model-store.js';

export const MAX_CASES = 5_000;
/** Cases listed under each issue; its counts cover them all. */
export const CASES_SHOWN = 50;
const CACHE_MS = 60_000;

export interface HotIssuesQuery {
  days: number;
  level: 'township' | 'grid';
}

const caches = new WeakMap<Db, Map<string, { at: number; answer: HotIssuesAnswer }>>();

/**
 * Who a person is when counting people: their keyed index, the form an anonymous reporter's case keeps. So one person
 * counts once however they took part — reporting under their name, reporting anonymously, following — and no one's
 * anonymous case is tied to their name by this (the index stays inside the count).
 */
function personKey(box: Ctx['box']): (userId: string) => string {
  const known = new Map<string, string>();
  return (userId) => {
    let key = known.get(userId);
    if (key === undefined) known.set(userId, (key = box.index(userId)));
    return key;
  };
}

/** The hot issues the actor may see, hottest first. */
export async function hotIssues(ctx: Pick<Ctx, 'db' | 'actor' | 'box' | 'clock'>, q: HotIssuesQuery): Promise<HotIssuesAnswer> {
  const reach = authorize(ctx.actor, 'case.read');
  const now = ctx.clock.now();
  const scopeKey = reach === 'all' ? 'all' : reach === 'scope' ? `scope:${ctx.actor.scopePath}:${ctx.actor.id}` : `self:${ctx.actor.id}`;
  const key = `${scopeKey}|${q.days}|${q.level}`;
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && Math.abs(now.getTime() - hit.at) < CACHE_MS) return hit.answer;

  const rows = await ctx.db
    .select({ id: cases.id, number: cases.number, status: cases.status, title: cases.title, description: cases.description, receivedAt: cases.receivedAt, areaPath: cases.areaPath, gridId: cases.gridId, reporterId: cases.reporterId, reporterIndex: cases.reporterIndex,
      followerIds: sql<string[]>`array(select f.user_id::text from ${caseFollowers} f where f.case_id = ${cases.id})` })
    .from(cases)
    .where(and(caseScope(ctx.actor, reach, ctx.box.index(ctx.actor.id)), gte(cases.receivedAt, new Date(now.getTime() - q.days * 86_400_000)), lte(cases.receivedAt, now)))
    .orderBy(desc(cases.receivedAt))
    .limit(MAX_CASES);
  const serving = await modelStoreOf(ctx).current();
  const extractor = serving?.classifier instanceof TrainedClassifier ? serving.classifier.extractor : null;
  const person = personKey(ctx.box);
  const spots = findHotspots(
    rows.map((r) => ({
      id: r.id, text: `${r.title}\n${r.description}`, createdAt: r.receivedAt, gridId: r.gridId,
      townshipId: areaIds(r.areaPath)[1] ?? null, reporterId: r.reporterId ? person(r.reporterId) : r.reporterIndex, followerIds: r.followerIds.map(person),
    })),
    { now, level: q.level, extractor },
  );
  const placeIds = [...new Set(spots.map((s) => s.placeId).filter((p): p is string => !!p))];
  const names = placeIds.length ? await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, placeIds)) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const brief = (id: string): HotIssueCase[] => {
    const r = byId.get(id);
    return r ? [{ id: r.id, number: r.number, title: r.title, status: r.status, receivedAt: r.receivedAt.toISOString() }] : [];
  };
  const answer: HotIssuesAnswer = {
    items: spots.map((s) => ({
      placeId: s.placeId, placeName: s.placeId ? nameOf.get(s.placeId) ?? null : null, label: s.label, keywords: s.keywords,
      heat: s.heat, cases: s.cases, reporters: s.reporters, growth: { last7Days: s.last7Days, previous7Days: s.previous7Days },
      caseIds: s.caseIds,
      caseList: s.caseIds.flatMap(brief).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.number.localeCompare(a.number)).slice(0, CASES_SHOWN),
      firstAt: s.firstAt.toISOString(), lastAt: s.lastAt.toISOString(),
    })),
    days: q.days, level: q.level, casesConsidered: rows.length, truncated: rows.length === MAX_CASES, computedAt: now.toISOString(),
  };
  if (cache.size > 1000) for (const [k, v] of cache) if (Math.abs(now.getTime() - v.at) >= CACHE_MS) cache.delete(k);
  cache.set(key, { at: now.getTime(), answer });
  return answer;
}
