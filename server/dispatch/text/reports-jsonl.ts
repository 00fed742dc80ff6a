/** Reading evaluation data: JSONL files with one report per line, {"title", "body", "label"?}. */
import { readFileSync } from 'node:fs';
import { AppError } from '../../platform/errors.js';

/** One report of an evaluation file; unlabelled files have no label. */
export interface ReportRow {
  title: string;
  body: string;
  label?: string;
  /** The official reply, in files that have one. */
  reply?: string;
}

/** Parses JSONL text into reports; `source` names the file in error messages. */
export function parseReportsJsonl(text: string, source: string, requireLabel: boolean): ReportRow[] {
  const rows: ReportRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new AppError('invalid_file', `${source} 第 ${i + 1} 行不是有效的 JSON`, { file: source, line: i + 1 });
    }
    const v = value as Record<string, unknown>;
    const title = typeof v.title === 'string' ? v.title : '';
    const body = typeof v.body === 'string' ? v.body : '';
    if (title === '' && body === '') {
      throw new AppError('invalid_file', `${source} 第 ${i + 1} 行缺少 title 或 body`, { file: source, line: i + 1 });
    }
    if (requireLabel && (typeof v.label !== 'string' || v.label === '')) {
      throw new AppError('invalid_file', `${source} 第 ${i + 1} 行缺少 label`, { file: source, line: i + 1 });
    }
    rows.push({
      title, body, ...(typeof v.label === 'string' && v.label !== '' ? { label: v.label } : {}),
      ...(typeof v.reply === 'string' && v.reply !== '' ? { reply: v.reply } : {}),
    });
  });
  return rows;
}

/** Reads a JSONL file and parses its rows, with a clear error when it is missing, unreadable or has no rows. */
export function readJsonlRows<T>(path: string, parse: (text: string, source: string) => T[]): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AppError('invalid_file', `无法读取文件 ${path} (${reason})`, { file: path, reason });
  }
  const rows = parse(text, path);
  if (rows.length === 0) throw new AppError('invalid_file', `文件 ${path} 没有任何记录`, { file: path });
  return rows;
}

/** Reads a JSONL file of reports, with a clear error when it is missing, unreadable or malformed. */
export function readReportsJsonl(path: string, requireLabel: boolean): ReportRow[] {
  return readJsonlRows(path, (text, source) => parseReportsJsonl(text, source, requireLabel));
}
