/**
 * Reading a category taxonomy as category descriptions: JSONL rows {"l1", "l2", "l3"} (the first level is the label,
 * the lower levels name its sub-topics). Each row becomes one short description of its first-level class, the way a
 * deployment's category names and keywords describe its labels (see server/dispatch/category-descriptions.ts).
 */
import { AppError } from '../../platform/errors.js';
import type { TextInput } from './features.js';
import { readJsonlRows } from './reports-jsonl.js';

/** Names that describe nothing ("其他", "other") are left out of a description. */
const UNINFORMATIVE = new Set(['其他', '其它']);

/** Parses taxonomy JSONL into descriptions; `source` names the file in error messages. */
export function parseTaxonomyJsonl(text: string, source: string): { text: TextInput; label: string }[] {
  const out: { text: TextInput; label: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new AppError('invalid_file', `${source} 第 ${i + 1} 行不是有效的 JSON`, { file: source, line: i + 1 });
    }
    const label = typeof row.l1 === 'string' ? row.l1.trim() : '';
    if (label === '') throw new AppError('invalid_file', `${source} 第 ${i + 1} 行缺少 l1`, { file: source, line: i + 1 });
    const names = [row.l2, row.l3]
      .filter((n): n is string => typeof n === 'string')
      .map((n) => n.trim())
      .filter((n) => n !== '' && n !== label && !UNINFORMATIVE.has(n));
    // A row of only "其他" still says the class exists; its name alone then describes it.
    out.push({ label, text: { title: [...new Set(names)].join(' ') || label } });
  });
  return out;
}

/** Reads a taxonomy JSONL file into descriptions, with a clear error when it cannot be used. */
export function readTaxonomyJsonl(path: string): { text: TextInput; label: string }[] {
  return readJsonlRows(path, parseTaxonomyJsonl);
}
