/**
 * The embedding-view experiment of issue #5 (docs/BENCHMARKS.md#classifier), kept so that its figures can be
 * reproduced before it is built into the classifier. Word vectors are learnt from the unlabelled texts alone
 * (server/dispatch/text/word-embeddings.ts); a message is the TF-IDF-weighted mean of its words' vectors; a linear SVM
 * with the same self-training learns on those, and its scores are added at half weight to those of the model in
 * service. Run: npm run bench:classifier-view [-- --data ../shared/data/teddycup2020]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { balancedWeights, resolveOptions, trainClassifier } from '../server/dispatch/text/classifier.js';
import { inputText } from '../server/dispatch/text/features.js';
import { classificationReport, median } from '../server/dispatch/text/metrics.js';
import { readReportsJsonl } from '../server/dispatch/text/reports-jsonl.js';
import type { ReportRow } from '../server/dispatch/text/reports-jsonl.js';
import { normalizeText, segmentNormalized } from '../server/dispatch/text/segment.js';
import { selfTrain } from '../server/dispatch/text/self-training.js';
import type { SparseVector } from '../server/dispatch/text/sparse.js';
import { trainSvm } from '../server/dispatch/text/train-svm.js';
import { learnWordVectors } from '../server/dispatch/text/word-embeddings.js';
import type { WordVectors } from '../server/dispatch/text/word-embeddings.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, weight: { type: 'string' } } });
const dir = values.data ?? '../shared/data/teddycup2020';
const viewWeight = Number(values.weight ?? 0.5);
const train = readReportsJsonl(`${dir}/train.jsonl`, true);
const test = readReportsJsonl(`${dir}/test.jsonl`, true);
const unlabelled = [...readReportsJsonl(`${dir}/unlabeled.jsonl`, false), ...readReportsJsonl(`${dir}/replies.jsonl`, false)];

const tokens = (s: string) => segmentNormalized(normalizeText(s).replace(/\d/g, '0'));
type Doc = { title: string[]; body: string[] };
const toDoc = (r: ReportRow): Doc => ({ title: tokens(r.title), body: tokens(r.body) });

/** The TF-IDF-weighted mean of a message's word vectors, titles ×3 (as the sparse features weight them more). */
function documentVector(v: WordVectors, idf: Map<string, number>, d: Doc): SparseVector {
  const tf = new Map<string, number>();
  for (const w of d.title) tf.set(w, (tf.get(w) ?? 0) + 3);
  for (const w of d.body) tf.set(w, (tf.get(w) ?? 0) + 1);
  const out = new Float64Array(v.dim);
  for (const [w, c] of tf) {
    const i = v.vocab.get(w);
    if (i === undefined) continue;
    const s = (1 + Math.log(c)) * (idf.get(w) ?? 0);
    for (let k = 0; k < v.dim; k++) out[k]! += s * (v.vectors[i * v.dim + k] as number);
  }
  const norm = Math.sqrt(out.reduce((a, x) => a + x * x, 0)) || 1;
  return { indices: Int32Array.from(out, (_, k) => k), values: Float32Array.from(out, (x) => x / norm) };
}

const t0 = performance.now();
const labelledTexts = new Set(train.map((r) => inputText(r)));
const pool = unlabelled.filter((r) => !labelledTexts.has(inputText(r))).map(toDoc);
const vectors = learnWordVectors(pool.map((d) => [...d.title, ...d.body]));
const df = new Map<string, number>();
for (const d of pool) for (const w of new Set([...d.title, ...d.body])) df.set(w, (df.get(w) ?? 0) + 1);
const idf = new Map([...df].map(([w, n]) => [w, Math.log((1 + pool.length) / (1 + n)) + 1]));
const embedSeconds = (performance.now() - t0) / 1000;

const t1 = performance.now();
const sparse = trainClassifier({
  labelled: train.map((r) => ({ text: { title: r.title, body: r.body }, label: r.label ?? '' })),
  unlabelled: unlabelled.map((r) => ({ title: r.title, body: r.body })), options: { calibrate: false },
});
const o = resolveOptions({});
const view = selfTrain(
  train.map((r) => documentVector(vectors, idf, toDoc(r))), train.map((r) => r.label ?? ''),
  unlabelled.map((r) => documentVector(vectors, idf, toDoc(r))),
  (x, y, w) => {
    const cls = balancedWeights(y, w);
    return trainSvm(x, y, { c: 1, loss: o.loss, seed: 1, dimBits: 8 }, w.map((v, i) => v * (cls[i] as number)));
  },
  o.selfTraining,
);
const trainSeconds = (performance.now() - t1) / 1000;

const gold = test.map((r) => r.label ?? '');
const times: number[] = [];
const predictions = test.map((r) => {
  const started = performance.now();
  const a = sparse.model.scores(sparse.extractor.transform({ title: r.title, body: r.body }));
  const b = view.scores(documentVector(vectors, idf, toDoc(r)));
  const label = (w: number) => sparse.labels[a.reduce((best, _, k) => (a[k]! + w * b[k]! > a[best]! + w * b[best]! ? k : best), 0)]!;
  const both = label(viewWeight);
  times.push(performance.now() - started);
  return { alone: label(0), both };
});
const figures = (predicted: string[]) => {
  const r = classificationReport(gold, predicted);
  const perClass = Object.fromEntries(Object.entries(r.perClass).map(([l, s]) => [l, { precision: +s.precision.toFixed(4), recall: +s.recall.toFixed(4) }]));
  return { accuracy: +r.accuracy.toFixed(4), macroF1: +r.macroF1.toFixed(4), perClass };
};
process.stdout.write(`${JSON.stringify({
  modelInService: figures(predictions.map((p) => p.alone)),
  withEmbeddingView: figures(predictions.map((p) => p.both)),
  vocabulary: vectors.vocab.size, embedSeconds: +embedSeconds.toFixed(1), trainSeconds: +trainSeconds.toFixed(1),
  msPerMessageBoth: +median(times).toFixed(3), viewWeight,
})}\n`);
