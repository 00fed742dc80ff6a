import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalCommand } from './eval-command.js';
import { boardMessages } from './fixtures/board-corpus.js';
import { tinyLabelled, tinyTest, tinyUnlabelled } from './fixtures/tiny-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'jiceng-eval-'));
const file = (name: string, lines: object[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
  return path;
};
const train = file('train.jsonl', tinyLabelled.map((l) => ({ ...l.text, label: l.label })));
const test = file('test.jsonl', tinyTest.map((t) => ({ title: '', body: t.text, label: t.label })));
const unlabelled = file('unlabeled.jsonl', tinyUnlabelled.map((body) => ({ title: '', body })));

describe('runEvalCommand', () => {
  it('prints exactly one JSON object with the figures', () => {
    const out = runEvalCommand(['--train', train, '--test', test, '--unlabeled', unlabelled, '--json']);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(out.stdout);
    expect(Object.keys(r).sort()).toEqual(['accuracy', 'calibration', 'embeddingView', 'macroF1', 'msPerMessage', 'peakRssMb', 'perClass', 'trainSeconds']);
    // Ten unlabelled texts are far too few to learn word vectors from.
    expect(r.embeddingView).toBeNull();
    expect(r.peakRssMb).toBeGreaterThan(0);
    expect(Object.keys(r.perClass).sort()).toEqual(['交通运输', '城乡建设', '环境保护']);
    // Measured on the five test messages: a share of them, and macro-F1 the mean of the per-class F1 printed beside it.
    expect(Number.isInteger(Math.round(r.accuracy * tinyTest.length * 1e4) / 1e4)).toBe(true);
    expect(r.accuracy).toBeGreaterThan(0);
    expect(r.accuracy).toBeLessThanOrEqual(1);
    const f1s = Object.values(r.perClass as Record<string, { f1: number }>).map((c) => c.f1);
    expect(r.macroF1).toBeCloseTo(f1s.reduce((a, b) => a + b, 0) / f1s.length, 3);
    expect(r.msPerMessage).toBeGreaterThan(0);
    expect(Object.keys(r.perClass['交通运输']).sort()).toEqual(['f1', 'precision', 'recall']);
  });

  it('adds a taxonomy file\'s names as category descriptions', () => {
    const taxonomy = file('taxonomy.jsonl', [
      { l1: '交通运输', l2: '邮政管理', l3: '快递市场管理' }, { l1: '环境保护', l2: '环境污染', l3: '噪音污染' },
    ]);
    const out = runEvalCommand(['--train', train, '--test', test, '--taxonomy', taxonomy, '--json']);
    expect(out.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(out.stdout).perClass).sort()).toEqual(['交通运输', '城乡建设', '环境保护']);
    const missing = runEvalCommand(['--train', train, '--test', test, '--taxonomy', join(dir, 'none.jsonl')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/none\.jsonl.*ENOENT/);
  });

  it('adds the embedding view when there are enough unlabelled texts, unless --sparse-only', () => {
    const board = file('board.jsonl', boardMessages(1000, 2).map((m) => ({ title: '', body: m.text })));
    const withView = JSON.parse(runEvalCommand(['--train', train, '--test', test, '--unlabeled', board, '--json']).stdout);
    expect(withView.embeddingView.words).toBeGreaterThan(20);
    const sparse = JSON.parse(runEvalCommand(['--train', train, '--test', test, '--unlabeled', board, '--sparse-only', '--json']).stdout);
    expect(sparse.embeddingView).toBeNull();
  });

  it('prints a table without --json', () => {
    const out = runEvalCommand(['--train', train, '--test', test]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^accuracy [01]\.\d{4} {2}macro-F1/);
  });

  it.each([
    [['--test', test], /missing --train/],
    [['--train', train], /missing --test/],
    [['--train', train, '--test', test, '--bogus'], /bogus/],
    [['--train', join(dir, 'nope.jsonl'), '--test', test], /nope\.jsonl.*ENOENT/],
    [['--train', train, '--test', test, '--seed', 'x'], /--seed/],
  ])('exits with 2 and names the problem: %j', (args, message) => {
    const out = runEvalCommand(args as string[]);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('rejects a malformed line and a test file without labels', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"title":"a","body":"b","label":"x"}\n{oops\n');
    expect(runEvalCommand(['--train', bad, '--test', test]).stderr).toMatch(/bad\.jsonl 第 2 行/);
    const unlabelledTest = runEvalCommand(['--train', train, '--test', unlabelled]);
    expect(unlabelledTest.exitCode).toBe(2);
    expect(unlabelledTest.stderr).toMatch(/缺少 label/);
  });
});
