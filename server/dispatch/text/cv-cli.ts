/**
 * Tuning by cross-validation on a labelled file only:
 * `npx tsx server/dispatch/text/cv-cli.ts --train <jsonl> [--unlabeled <jsonl> ...] [--folds 5] [--repeats 2]
 *  [--options '{"c":10,"features":{"titleWeight":5}}']` prints {accuracy, macroF1, seconds, options}.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { crossValidate } from './cross-validate.js';
import { readReportsJsonl } from './reports-jsonl.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string' }, unlabeled: { type: 'string', multiple: true }, folds: { type: 'string' },
    repeats: { type: 'string' }, options: { type: 'string' }, seed: { type: 'string' },
  },
});
if (!values.train) {
  process.stderr.write('cv: missing --train <jsonl>\n');
  process.exit(2);
}
const started = performance.now();
const train = readReportsJsonl(values.train, true);
const unlabelled = (values.unlabeled ?? []).flatMap((p) => readReportsJsonl(p, false));
const options = values.options ? JSON.parse(values.options) : {};
const report = crossValidate({
  labelled: train.map((r) => ({ text: { title: r.title, body: r.body }, label: r.label ?? '' })),
  unlabelled: unlabelled.map((r) => ({ title: r.title, body: r.body })),
  folds: Number(values.folds ?? 5), repeats: Number(values.repeats ?? 2), seed: Number(values.seed ?? 1), options,
});
const seconds = Math.round((performance.now() - started) / 100) / 10;
process.stdout.write(`${JSON.stringify({ accuracy: report.accuracy, macroF1: report.macroF1, seconds, options })}\n`);
