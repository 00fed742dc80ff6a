import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../test-support/test-db.js';
import { runClassifierCli } from './cli.js';
import { tinyLabelled, tinyTest, tinyUnlabelled } from './text/fixtures/tiny-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'jiceng-classifier-cli-'));
const file = (name: string, rows: object[]) => {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n'));
  return path;
};
const train = file('train.jsonl', tinyLabelled.map((l) => ({ ...l.text, label: l.label })));
const test = file('test.jsonl', tinyTest.map((x) => ({ title: '', body: x.text, label: x.label })));
const unlabeled = file('unlabeled.jsonl', tinyUnlabelled.map((body) => ({ title: '', body })));

/** Runs the command and captures what it writes. */
async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runClassifierCli(argv, () => testConfig(), { out: (x) => (out += x), err: (x) => (err += x) });
  return { code, out, err };
}

describe('jiceng classifier', () => {
  it('eval prints exactly one JSON object with the figures', async () => {
    const r = await run(['eval', '--train', train, '--test', test, '--unlabeled', unlabeled, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result).sort()).toEqual(['accuracy', 'calibration', 'embeddingView', 'macroF1', 'msPerMessage', 'peakRssMb', 'perClass', 'trainSeconds']);
    expect(result.accuracy).toBeGreaterThan(0.5);
    expect(Object.keys(result.perClass).sort()).toEqual(['交通运输', '城乡建设', '环境保护']);
  });

  it('eval names a missing argument and exits with 2, printing nothing on stdout', async () => {
    const r = await run(['eval', '--train', train]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(/missing --test/);
  });

  it('an unknown subcommand prints the usage and exits with 2', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/jiceng classifier train/);
  });
});
