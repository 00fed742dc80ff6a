/**
 * `jiceng audit …`: verify the stored log, verify an evidence bundle offline, or run one sequence+checkpoint round.
 * verify-bundle never loads the configuration nor opens a database: it must work on an auditor's laptop with
 * nothing but the bundle (and the attachment files).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { verifyBundle } from './bundle.js';

/** Where the command writes (tests capture it). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const stdio: CliIo = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

/** The help text of the audit command. */
export const AUDIT_HELP = 'audit verify | verify-bundle <file> | checkpoint   check the evidence log or a bundle, or sign a checkpoint now';

const USAGE = `usage:
  jiceng audit verify [--trusted-key <keyId>]...       check every entry, Merkle node, checkpoint and attachment in the database
  jiceng audit verify-bundle <file> [--attachments <dir>] [--trusted-key <keyId>]...
                                                      check an evidence bundle offline (no database)
  jiceng audit checkpoint                             sequence queued entries and sign a checkpoint now`;

const MAX_LISTED = 50;

function printProblems(io: CliIo, problems: readonly string[]): void {
  for (const p of problems.slice(0, MAX_LISTED)) io.err(`  - ${p}`);
  if (problems.length > MAX_LISTED) io.err(`  … and ${problems.length - MAX_LISTED} more`);
}

async function verifyBundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { attachments: { type: 'string' }, 'trusted-key': { type: 'string', multiple: true } }, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.err(`无法读取存证包 (cannot read bundle) ${file}: ${(e as Error).message}`);
    return 1;
  }
  const trusted = values['trusted-key'];
  const result = await verifyBundle(bundle, { ...(values.attachments ? { attachmentsDir: values.attachments } : {}), ...(trusted ? { trustedKeyIds: trusted } : {}) });
  if (!result.ok) {
    io.err(`存证包校验失败 (bundle NOT intact): ${result.problems.length} problem(s)`);
    printProblems(io, result.problems);
    return 1;
  }
  io.out(`存证包完整 (bundle intact): ${result.entriesChecked} entries, signed by key ${result.keyId}${trusted ? ' (trusted)' : ' — compare this keyId with the one the platform published, or pass --trusted-key'}`);
  if (!values.attachments && (bundle as { attachments?: unknown[] }).attachments?.length) {
    io.out('attachments were not checked; pass --attachments <dir> to check the files too');
  }
  return 0;
}

/** Opens the configured database; loaded lazily so that verify-bundle never touches database code. */
async function openConfigured(config: Config): Promise<Database> {
  const { openDatabase } = await import('../db/client.js');
  return openDatabase(config);
}

async function databaseCommand(sub: 'verify' | 'checkpoint', args: string[], config: Config, io: CliIo, open: typeof openConfigured): Promise<number> {
  const { values } = parseArgs({ args, options: { 'trusted-key': { type: 'string', multiple: true }, demo: { type: 'boolean' }, port: { type: 'string' } }, allowPositionals: true });
  const { systemClock } = await import('../platform/clock.js');
  const database = await open(config);
  try {
    const deps = { db: database.db, config, clock: systemClock };
    if (sub === 'checkpoint') {
      const { checkpoint } = await import('./checkpointer.js');
      const cp = await checkpoint(deps);
      io.out(cp ? `checkpoint: tree size ${cp.treeSize}, root ${cp.rootHash}, key ${cp.keyId}` : 'the log is empty; no checkpoint');
      return 0;
    }
    const { loadSigningKey } = await import('./signing-key.js');
    const { verifyLog } = await import('./verify-log.js');
    const own = loadSigningKey(config, { create: false });
    const trusted = [...(own ? [own.keyId] : []), ...(values['trusted-key'] ?? [])];
    const result = await verifyLog(deps, { trustedKeyIds: trusted });
    if (!result.ok) {
      io.err(`证据日志校验失败 (evidence log NOT intact): first problem: ${result.problems[0]}`);
      printProblems(io, result.problems);
      return 1;
    }
    io.out(
      `证据日志完整 (evidence log intact): ${result.treeSize} entries, ${result.checkpointsChecked} checkpoints (keys ${trusted.join(', ') || 'none trusted'}), ${result.attachmentsChecked} attachments; ${result.queued} queued`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

/** Runs `jiceng audit <sub> …`; config is asked for only by the subcommands that open the database. Returns the exit code. */
export async function runAuditCli(argv: string[], config: () => Config, io: CliIo = stdio, open = openConfigured): Promise<number> {
  const [sub, ...args] = argv;
  try {
    if (sub === 'verify-bundle') return await verifyBundleCommand(args, io);
    if (sub === 'verify' || sub === 'checkpoint') return await databaseCommand(sub, args, config(), io, open);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  io.err(USAGE);
  return 2;
}
