import os from 'node:os';

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

/** The machine a figure was measured on, for the record beside it. */
export function machine(): string {
  return `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version} (${heapFlags()}), ${os.platform()} ${os.release()}`;
}

/** The V8 heap flags this process runs with (both endpoints of a benchmark share them), or V8's defaults. */
function heapFlags(): string {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].filter((f) => /^--(max|min)-(semi|old)-space-size=/.test(f));
  return flags.length ? flags.join(' ') : 'default heap sizes';
}

/** Left-aligned text table with a header row and a rule under it. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// CJK characters take two columns in a terminal.
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** Milliseconds with a sensible number of decimals. */
export function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** An error for the console: its message and its cause's, cut short (a failed bulk statement quotes every parameter). */
export function describeError(e: unknown): string {
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)} … (${s.length} characters)` : s);
  const err = e as { message?: string; cause?: { message?: string; detail?: string }; stack?: string };
  const cause = err.cause ? `\ncause: ${cut(String(err.cause.message ?? err.cause))}${err.cause.detail ? ` (${err.cause.detail})` : ''}` : '';
  const at = (err.stack ?? '').split('\n').filter((l) => l.startsWith('    at ')).slice(0, 5);
  return `${cut(String(err.message ?? e))}${cause}\n${at.join('\n')}`;
}
