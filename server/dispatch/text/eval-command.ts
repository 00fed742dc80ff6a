/**
 * The `classifier eval` command as a plain function: parses arguments, evaluates, and returns what to print and the
 * exit code (2 for bad arguments or unusable files), so that any CLI can mount it and tests can call it.
 */
import { parseArgs } from 'node:util';
import { isAppError } from '../../platform/errors.js';
import { evaluateFiles } from './evaluate.js';
import type { EvaluationResult } from './evaluate.js';

export const EVAL_USAGE =
  'usage: classifier eval --train <train.jsonl> --test <test.jsonl> [--unlabeled <file.jsonl> ...] [--taxonomy <taxonomy.jsonl>] [--seed <n>] [--sparse-only] [--json]';

export interface CommandOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const usageError = (message: string): CommandOutcome => ({
  exitCode: 2, stdout: '', stderr: `classifier eval: ${message}\n${EVAL_USAGE}\n`,
});

/** Human-readable summary for when --json is not given. */
function table(r: EvaluationResult): string {
  const rows = Object.entries(r.perClass).map(
    ([l, s]) => `  ${l}\tP ${s.precision.toFixed(3)}\tR ${s.recall.toFixed(3)}\tF1 ${s.f1.toFixed(3)}`,
  );
  return [`accuracy ${r.accuracy.toFixed(4)}  macro-F1 ${r.macroF1.toFixed(4)}`, ...rows,
    `train ${r.trainSeconds} s, ${r.msPerMessage} ms/message (median), peak RSS ${r.peakRssMb} MB`,
    `calibration: ECE ${r.calibration.ece.toFixed(3)}, confidence ≥ ${r.calibration.atThreshold.threshold} on `
      + `${(r.calibration.atThreshold.share * 100).toFixed(1)} % with accuracy ${r.calibration.atThreshold.accuracy.toFixed(3)}`,
    r.embeddingView ? `embedding view: ${r.embeddingView.words} words × ${r.embeddingView.dim}` : 'no embedding view'].join('\n');
}

/** Runs `classifier eval` with the given arguments (without the command name). */
export function runEvalCommand(argv: readonly string[]): CommandOutcome {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        train: { type: 'string' }, test: { type: 'string' }, taxonomy: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' },
        // The sparse model alone, as before the embedding view: the reference figure of docs/BENCHMARKS.md.
        'sparse-only': { type: 'boolean' },
        unlabeled: { type: 'string', multiple: true }, unlabelled: { type: 'string', multiple: true },
      },
      strict: true, allowPositionals: false,
    }));
  } catch (e) {
    return usageError((e as Error).message);
  }
  if (!values.train) return usageError('missing --train <jsonl>');
  if (!values.test) return usageError('missing --test <jsonl>');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) return usageError(`--seed must be an integer, got "${values.seed}"`);
  try {
    const result = evaluateFiles({
      train: values.train, test: values.test, unlabelled: [...(values.unlabeled ?? []), ...(values.unlabelled ?? [])],
      ...(values.taxonomy !== undefined ? { taxonomy: values.taxonomy } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values['sparse-only'] ? { options: { view: { weight: 0 } } } : {}),
    });
    return { exitCode: 0, stdout: values.json ? `${JSON.stringify(result)}\n` : `${table(result)}\n`, stderr: '' };
  } catch (e) {
    if (isAppError(e)) return usageError(e.message);
    throw e;
  }
}
