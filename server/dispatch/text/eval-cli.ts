/** Script entry: `npx tsx server/dispatch/text/eval-cli.ts --train <jsonl> --test <jsonl> [--unlabeled <jsonl> ...] --json` */
import { runEvalCommand } from './eval-command.js';

const outcome = runEvalCommand(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
