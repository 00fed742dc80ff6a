/**
 * Tuning by cross-validation on a labelled file only:
 * `npx tsx server/dispatch/text/cv-cli.ts --train <jsonl> [--unlabeled <jsonl> ...] [--folds 5] [--repeats 2]
 *  [--split stratified|cluster] [--taxonomy <jsonl>] [--reply-units [--reply-weight 0.3]] [--reply-corpus]
 *  [--options '{"c":10,"features":{"titleWeight":5}}']` prints
 *  {accuracy, macroF1, macroF1Runs (mean and standard deviation over repeats), perClassF1, seconds, split, taxonomy,
 *  options}. --taxonomy adds a taxonomy's names as category descriptions: a variant outside the train + unlabelled
 *  protocol. --reply-units adds the unlabelled messages whose official reply names units of one category
 *  (reply-units.ts) as weakly labelled examples, at --reply-weight; those whose text is a labelled text are left out.
 *  --reply-corpus adds the official replies' text to the corpus of the embedding view's word vectors (never as examples).
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { crossValidate } from './cross-validate.js';
import { readReportsJsonl } from './reports-jsonl.js';
import { inputText } from './features.js';
import { DEFAULT_REPLY_WEIGHT, replyUnitExamples } from './reply-units.js';
import { readTaxonomyJsonl } from './taxonomy-jsonl.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string' }, unlabeled: { type: 'string', multiple: true }, folds: { type: 'string' },
    repeats: { type: 'string' }, taxonomy: { type: 'string' }, options: { type: 'string' }, seed: { type: 'string' },
    split: { type: 'string' }, 'reply-units': { type: 'boolean' }, 'reply-corpus': { type: 'boolean' }, 'reply-weight': { type: 'string' },
  },
});
if (!values.train) {
  process.stderr.write('cv: missing --train <jsonl>\n');
  process.exit(2);
}
const split = values.split ?? 'stratified';
if (split !== 'stratified' && split !== 'cluster') {
  process.stderr.write(`cv: --split must be stratified or cluster, got "${split}"\n`);
  process.exit(2);
}
const started = performance.now();
const train = readReportsJsonl(values.train, true);
const unlabelled = (values.unlabeled ?? []).flatMap((p) => readReportsJsonl(p, false));
const options = values.options ? JSON.parse(values.options) : {};
const labelledTexts = new Set(train.map((r) => inputText({ title: r.title, body: r.body })));
const replyWeight = Number(values['reply-weight'] ?? DEFAULT_REPLY_WEIGHT);
const weak = values['reply-units'] ? replyUnitExamples(unlabelled, labelledTexts, replyWeight) : [];
// --reply-corpus: the official replies (of messages that are not labelled texts) as extra text for the word vectors.
const corpus = values['reply-corpus']
  ? unlabelled.filter((r) => r.reply && !labelledTexts.has(inputText({ title: r.title, body: r.body }))).map((r) => r.reply as string)
  : [];
const descriptions = [...(values.taxonomy ? readTaxonomyJsonl(values.taxonomy) : []), ...weak];
const report = crossValidate({
  labelled: train.map((r) => ({ text: { title: r.title, body: r.body }, label: r.label ?? '' })),
  unlabelled: unlabelled.map((r) => ({ title: r.title, body: r.body })),
  descriptions, corpus,
  folds: Number(values.folds ?? 5), repeats: Number(values.repeats ?? 2), seed: Number(values.seed ?? 1), split, options,
});
const f1s = report.runs.map((r) => r.macroF1);
const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
const sd = Math.sqrt(f1s.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(f1s.length - 1, 1));
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const perClassF1 = Object.fromEntries(Object.entries(report.perClass).map(([l, s]) => [l, r3(s.f1)]));
const seconds = Math.round((performance.now() - started) / 100) / 10;
const out = { accuracy: r3(report.accuracy), macroF1: r3(report.macroF1), macroF1Runs: { mean: r3(mean), sd: r3(sd) }, perClassF1, seconds, split, taxonomy: values.taxonomy !== undefined,
  replyUnits: values['reply-units'] ? { rows: weak.length, weight: replyWeight } : null, replyCorpus: corpus.length, options };
process.stdout.write(`${JSON.stringify(out)}\n`);
