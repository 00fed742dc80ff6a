/**
 * `jiceng classifier …`: train a new version from the cases dispatchers confirmed, show the versions, or evaluate
 * the classifier on JSONL files (`eval` needs no database and no configuration).
 */
import { createDeps } from '../boot.js';
import type { Config } from '../config.js';
import { modelStoreOf } from './model-store.js';
import { listVersions } from './model-versions.js';
import { EVAL_USAGE, runEvalCommand } from './text/eval-command.js';
import { trainFromCases } from './train.js';

/** The help line of the command in `jiceng help`. */
export const CLASSIFIER_HELP = 'classifier train | status | eval --train <jsonl> --test <jsonl> [--unlabeled <jsonl> ...] [--taxonomy <jsonl>] [--sparse-only] [--json]\n'
  + '                              train a version from dispatched cases (activated if not worse), list versions, or evaluate on files';

/** Where the command writes (tests capture it). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const stdio: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const USAGE = `usage:
  jiceng classifier train [--seed <n>]   train a new version from the cases dispatchers confirmed and print the result as JSON
  jiceng classifier status               print the model in service and the stored versions as JSON
  jiceng ${EVAL_USAGE}
`;

/** Runs `jiceng classifier <sub> …`; returns the exit code. */
export async function runClassifierCli(argv: string[], config: () => Config, io: CliIo = stdio): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'eval') {
    const outcome = runEvalCommand(rest);
    if (outcome.stdout) io.out(outcome.stdout);
    if (outcome.stderr) io.err(outcome.stderr);
    return outcome.exitCode;
  }
  if (sub !== 'train' && sub !== 'status') {
    io.err(USAGE);
    return 2;
  }
  const seedAt = rest.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(rest[seedAt + 1]) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) {
    io.err(`classifier train: --seed must be an integer\n${USAGE}`);
    return 2;
  }
  const deps = await createDeps(config());
  try {
    if (sub === 'status') {
      const serving = await modelStoreOf(deps).current();
      io.out(`${JSON.stringify({ serving: serving ? { version: serving.version, kind: serving.kind, metrics: serving.metrics } : null, versions: await listVersions(deps.db) })}\n`);
      return 0;
    }
    const result = await trainFromCases(deps, seed !== undefined ? { seed } : {});
    io.out(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await deps.database.close();
  }
}
