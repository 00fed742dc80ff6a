/**
 * Smart dispatch's detectors on labelled sets: precision, recall and F1 of urgency and of duplicate detection, and
 * the classifier's latency through the model store (the path intake takes). Run: npm run bench:detection
 *
 * How the sets are built (bench/detection-sets.ts), independent of whoever wrote the rules being measured:
 * - Urgency, 4,000 reports from server/cases/report-samples.ts generateReport (seed 20261201): every leaf category,
 *   the report's `urgent` label set by the templates' author — a report is urgent when its leaf is one of the
 *   always-urgent categories (fire, gas, collapse, people trapped …) or its template body describes an immediate
 *   danger. Measured twice: the text rules alone (assessUrgency, what a report without a category gets) and the
 *   intake path (the rules, or a predicted category that is urgent at the default threshold 0.7). Also shown, for
 *   comparison only: the text core's own urgency fixture (written by the rules' author, so not independent).
 * - Duplicates, 1,000 anchor reports from generateReport (seed 7) placed at random in a 20 × 22 km county of
 *   650 × 780 m grid cells over 60 days, each with five partners: a repeat (paraphrase(), the way repeat reporters
 *   retell a complaint, 0–300 m away within 5 days: a duplicate) and four non-duplicates — another report of the
 *   same leaf category in other words nearby (a few may by chance repeat the same template and place: counted as
 *   non-duplicates, so precision is if anything understated), the paraphrase 2–10 km away, the paraphrase at the
 *   same place 35–90 days later, and a report of another category group nearby. The later report of each pair is
 *   checked against the earlier one with findDuplicates' defaults (same grid or 500 m, 30 days, similarity 0.35).
 *   Also shown: all pairs of the text core's duplicate fixture (100 groups).
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { urgentCategoryCodes } from '../server/cases/urgency-data.js';
import { openEmbedded } from '../server/db/client.js';
import { classifierModels } from '../server/db/schema/dispatch.js';
import { migrate } from '../server/db/migrate.js';
import { ModelStore } from '../server/dispatch/model-store.js';
import { storeVersion } from '../server/dispatch/model-versions.js';
import { trainClassifier } from '../server/dispatch/text/classifier.js';
import { generateDuplicateSet } from '../server/dispatch/text/fixtures/duplicate-set.js';
import { generateUrgencySet } from '../server/dispatch/text/fixtures/urgency-set.js';
import { findDuplicates } from '../server/dispatch/text/near-duplicates.js';
import { segment } from '../server/dispatch/text/segment.js';
import { assessUrgency } from '../server/dispatch/text/urgency.js';
import { ensureUserDictionary } from '../server/dispatch/user-dictionary.js';
import { seedDemoCounty } from '../server/org/seed-demo.js';
import { ManualClock } from '../server/platform/clock.js';
import { CryptoBox } from '../server/platform/crypto-box.js';
import { duplicatePairs, urgencyReports } from './detection-sets.js';
import type { PairKind, PlacedReport } from './detection-sets.js';
import { machine, median, table } from './lib/stats.js';

/** Precision, recall and F1 of boolean predictions. */
function prf(gold: readonly boolean[], predicted: readonly boolean[]) {
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => (predicted[i] ? (g ? tp++ : fp++) : g && fn++));
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { n: gold.length, positives: tp + fn, tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
const row = (name: string, s: ReturnType<typeof prf>) =>
  [name, String(s.n), String(s.positives), String(s.tp), String(s.fp), String(s.fn), s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3)];
const HEADER = ['set / detector', 'n', 'positives', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'];
const timed = async <T>(f: () => T | Promise<T>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

console.log(`smart dispatch detection — ${new Date().toISOString()} — ${machine()}\n`);

// The platform's own data: the demo county's categories, units and keywords, on an in-memory embedded database.
const database = await openEmbedded(null);
await migrate(database);
await seedDemoCounty({ db: database.db, clock: new ManualClock('2026-11-16T01:00:00Z'), box: new CryptoBox(randomBytes(32).toString('hex')) });
await ensureUserDictionary(database.db);
const store = new ModelStore(database.db);

// Classifier latency through the store: version 0 (keywords), then a trained version stored and loaded back.
const samples = urgencyReports(500, 99).map((r) => ({ title: r.title, body: r.description }));
const perMessage = async (f: (x: { title: string; body: string }) => unknown) => {
  const ms: number[] = [];
  for (const s of samples) ms.push(await timed(() => f(s)));
  return median(ms);
};
await store.current();
const keywordMs = await perMessage((s) => store.classify(s));
const segmentMs = await perMessage((s) => segment(`${s.title}\n${s.body}`));
const training = urgencyReports(1500, 5);
const t0 = performance.now();
const trained = trainClassifier({ labelled: training.map((r) => ({ text: { title: r.title, body: r.description }, label: r.categoryCode })) });
const trainSeconds = (performance.now() - t0) / 1000;
const sizeMb = JSON.stringify(trained.toJSON()).length / 1e6;
await storeVersion(database.db, { classifier: trained, trainedOn: training.length, metrics: {}, activate: true, now: new Date() });
store.invalidate();
const loadMs = await timed(() => store.current());
const trainedMs = await perMessage((s) => store.classify(s));
console.log(table(['classification through the model store', 'median ms / report'], [
  ['reference: jieba segmentation alone', segmentMs.toFixed(3)],
  ['version 0, keywords of the leaf categories', keywordMs.toFixed(3)],
  [`version 1, trained (${trained.labels.length} labels, ${training.length} reports)`, trainedMs.toFixed(3)],
]));
console.log(`version 1: trained in ${trainSeconds.toFixed(1)} s, ${sizeMb.toFixed(1)} MB of JSON, loaded by the store in ${loadMs.toFixed(0)} ms\n`);

// Urgency.
const reports = urgencyReports(4000, 20261201);
const urgentLeaves = new Set(urgentCategoryCodes);
const gold = reports.map((r) => r.urgent);
const byRules = reports.map((r) => assessUrgency(`${r.title} ${r.description}`).urgent);
const intakeWith = async (version: 'keywords' | 'trained') => {
  if (version === 'keywords') await database.db.update(classifierModels).set({ active: false });
  store.invalidate();
  const out: boolean[] = [];
  for (const [i, r] of reports.entries()) {
    const top = (await store.classify({ title: r.title, body: r.description }, 1))?.top[0];
    out.push(byRules[i]! || (!!top && top.confidence >= 0.7 && urgentLeaves.has(top.code)));
  }
  return out;
};
const viaTrained = await intakeWith('trained');
const viaKeywords = await intakeWith('keywords');
const fixture = generateUrgencySet(1000, 1);
console.log(table(HEADER, [
  row('report-samples: text rules alone', prf(gold, byRules)),
  row('report-samples: intake, keywords (v0)', prf(gold, viaKeywords)),
  row('report-samples: intake, trained (v1)', prf(gold, viaTrained)),
  row('text-core fixture (not independent)', prf(fixture.map((u) => u.urgent), fixture.map((u) => assessUrgency(u.text).urgent))),
]));
const missed = new Map<string, number>();
reports.forEach((r, i) => r.urgent && !byRules[i] && missed.set(r.categoryCode, (missed.get(r.categoryCode) ?? 0) + 1));
console.log(`urgent reports the text rules miss, by leaf: ${[...missed].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c, n]) => `${c} ${n}`).join(', ')}\n`);

// Duplicates.
const isDuplicate = (later: PlacedReport, earlier: PlacedReport) => findDuplicates(later, [{ id: 'earlier', ...earlier }]).length > 0;
const allPairs = duplicatePairs(1000, 7);
const pairs = allPairs.filter((p) => p.duplicate !== null);
const predicted = pairs.map((p) => isDuplicate(p.later, p.earlier));
const kinds: PairKind[] = ['repeat', 'same-category-other-words', 'same-words-far', 'same-words-long-ago', 'other-problem-nearby'];
const twins = allPairs.filter((p) => p.kind === 'same-template-other-place');
const twinsFlagged = twins.filter((p) => isDuplicate(p.later, p.earlier)).length;
const groups = generateDuplicateSet(100, 1);
const gGold: boolean[] = [];
const gPred: boolean[] = [];
for (let j = 0; j < groups.length; j++) {
  for (let i = 0; i < groups.length; i++) {
    const [a, b] = [groups[i]!, groups[j]!];
    if (a.createdAt.getTime() > b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && i >= j)) continue;
    gGold.push(a.groupId === b.groupId);
    gPred.push(findDuplicates(b, [a]).length > 0);
  }
}
console.log(table(HEADER, [
  row('report-samples pairs', prf(pairs.map((p) => p.duplicate === true), predicted)),
  row('text-core fixture, all pairs', prf(gGold, gPred)),
]));
console.log(table(['report-samples pair kind', 'pairs', 'flagged as duplicate'], kinds.map((k) => {
  const idx = pairs.map((p, i) => (p.kind === k ? i : -1)).filter((i) => i >= 0);
  const flagged = idx.filter((i) => predicted[i]).length;
  return [k, String(idx.length), `${flagged} (${((100 * flagged) / idx.length).toFixed(1)} %)`];
}).concat([['(not counted) same-template-other-place', String(twins.length), `${twinsFlagged} (${((100 * twinsFlagged) / twins.length).toFixed(1)} %)`]])));
await database.close();
