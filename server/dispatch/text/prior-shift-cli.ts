/**
 * Does correcting for prior shift help? On labelled data only:
 * `npx tsx server/dispatch/text/prior-shift-cli.ts --train <jsonl> --unlabeled <jsonl> [--unlabeled <jsonl> ...]
 *  [--repeats 3] [--options '{...}']`. Out-of-fold calibrated posteriors come from repeated stratified 5-fold CV;
 * the priors of each unlabelled file are estimated by EM (priors.ts). Held-out folds are then resampled to a target
 * prior (the first file's estimate, halfway to it, or the labelled shares: no shift) and macro-F1 and accuracy are
 * compared with and without adjusting the posteriors (to EM priors re-estimated on the resample, and to the true
 * target). Prints one JSON object.
 */
import { parseArgs } from 'node:util';
import { resolveOptions, trainFromCounts } from './classifier.js';
import { countFeatures } from './features.js';
import { mulberry32 } from './hash.js';
import { softmax } from './linear-model.js';
import { classificationReport, stratifiedFolds } from './metrics.js';
import { adjustPosteriors, estimatePriors } from './priors.js';
import { readReportsJsonl } from './reports-jsonl.js';
import type { SparseVector } from './sparse.js';

const { values } = parseArgs({
  options: { train: { type: 'string' }, unlabeled: { type: 'string', multiple: true }, repeats: { type: 'string' }, options: { type: 'string' } },
});
if (!values.train || !values.unlabeled?.length) {
  process.stderr.write('prior-shift: needs --train <jsonl> and at least one --unlabeled <jsonl>\n');
  process.exit(2);
}
const o = resolveOptions({ ...(values.options ? JSON.parse(values.options) : {}), calibrate: true });
const train = readReportsJsonl(values.train, true);
const files = values.unlabeled.map((p) => readReportsJsonl(p, false).map((r) => countFeatures({ title: r.title, body: r.body }, o.features)));
const ys = train.map((r) => r.label as string);
const labels = [...new Set(ys)].sort();
const gold = ys.map((y) => labels.indexOf(y));
const lc = train.map((r) => countFeatures({ title: r.title, body: r.body }, o.features));
const shares = labels.map((l) => ys.filter((y) => y === l).length / ys.length);
// Balanced class weights make the model behave as if the classes were equally frequent.
const from = o.balanced ? labels.map(() => 1 / labels.length) : shares;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const stats = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean: r4(m), sd: r4(Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(xs.length - 1, 1))) };
};
const argmax = (p: ArrayLike<number>) => Array.from(p).reduce((b, v, k, a) => (v > (a[b] as number) ? k : b), 0);
const score = (g: number[], ps: ArrayLike<number>[]) => {
  const r = classificationReport(g.map((k) => labels[k] as string), ps.map((p) => labels[argmax(p)] as string));
  return { macroF1: r.macroF1, accuracy: r.accuracy };
};
const rows: Record<string, number[]> = {};
const add = (key: string, v: number) => (rows[key] ??= []).push(v);
const estimates: number[][][] = files.map(() => []);
for (let rep = 0; rep < Number(values.repeats ?? 3); rep++) {
  const P: Float64Array[] = [];
  const G: number[] = [];
  const firstFile: number[][] = [];
  for (const fold of stratifiedFolds(ys, 5, mulberry32(1000 + rep))) {
    const held = new Set(fold);
    const rest = ys.map((_, i) => i).filter((i) => !held.has(i));
    const clf = trainFromCounts(rest.map((i) => lc[i] as SparseVector), rest.map((i) => ys[i] as string), files.flat(), o, 1 + rep);
    const post = (c: SparseVector) => {
      const p = softmax(clf.model.scores(clf.extractor.weight(c)), clf.model.temperature);
      return Float64Array.from(labels, (l) => p[clf.model.labels.indexOf(l)] ?? 0);
    };
    files.forEach((f, j) => estimates[j]!.push(estimatePriors(f.map(post), from).priors));
    firstFile.push(estimates[0]!.at(-1) as number[]);
    for (const i of fold) {
      P.push(post(lc[i] as SparseVector));
      G.push(gold[i] as number);
    }
  }
  const poolPrior = labels.map((_, k) => firstFile.reduce((s, e) => s + (e[k] as number), 0) / firstFile.length);
  add('noShift.plain.macroF1', score(G, P).macroF1);
  add('noShift.adjustedToUnlabelledEM.macroF1', score(G, P.map((p) => adjustPosteriors(p, from, poolPrior))).macroF1);
  const random = mulberry32(99 + rep);
  const targets = { unlabelledEM: poolPrior, halfway: poolPrior.map((x, k) => (x + (shares[k] as number)) / 2), labelled: shares };
  for (const [name, target] of Object.entries(targets)) {
    const sample: number[] = [];
    labels.forEach((_, k) => {
      const members = G.map((g, i) => (g === k ? i : -1)).filter((i) => i >= 0);
      for (let j = 0; j < Math.round(2000 * (target[k] as number)); j++) sample.push(members[Math.floor(random() * members.length)] as number);
    });
    const sp = sample.map((i) => P[i] as Float64Array);
    const sg = sample.map((i) => G[i] as number);
    const em = estimatePriors(sp, from).priors;
    for (const [how, ps] of [['plain', sp], ['emAdjusted', sp.map((p) => adjustPosteriors(p, from, em))],
      ['oracleAdjusted', sp.map((p) => adjustPosteriors(p, from, target))]] as const) {
      const s = score(sg, ps);
      add(`shiftTo.${name}.${how}.macroF1`, s.macroF1);
      add(`shiftTo.${name}.${how}.accuracy`, s.accuracy);
    }
  }
}
const priors = Object.fromEntries(values.unlabeled.map((p, j) => [p, Object.fromEntries(labels.map((l, k) => [l, stats(estimates[j]!.map((e) => e[k] as number))]))]));
const results = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, stats(v)]));
process.stdout.write(`${JSON.stringify({ labelledShares: Object.fromEntries(labels.map((l, k) => [l, r4(shares[k] as number)])), emPriors: priors, results })}\n`);
