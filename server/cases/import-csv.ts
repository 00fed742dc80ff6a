import { AppError } from '../platform/errors.js';

/**
 * Turns the bytes of a text export into text. Excel on Chinese Windows saves "CSV" in GBK (GB18030 is its superset),
 * other tools in UTF-8 with or without a BOM, and "Unicode text" in UTF-16 with a BOM. Chinese text in GBK is practically
 * never valid UTF-8, so strict UTF-8 first and GB18030 second tells them apart.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // not this encoding; try the next
    }
  }
  throw new AppError('invalid_file', '无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV (unknown text encoding)');
}

/** The delimiter of a text export: a tab when the first line has more tabs than commas (Excel's "Unicode text"), else a comma. */
export function sniffDelimiter(text: string): ',' | '\t' {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  const count = (ch: string) => first.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * Splits CSV text into records per RFC 4180: fields may be quoted, and a quoted field may hold delimiters, doubled
 * quotes and line breaks. Lines may end in CRLF, LF or CR. Like Excel it is lenient about a quote inside an unquoted
 * field, but an unclosed quote is an error: it would otherwise swallow every later row into one field.
 * Record i (0-based) is what a spreadsheet shows as row i + 1; an empty line is an empty record, so numbers stay aligned.
 */
export function parseCsv(text: string, delimiter: string = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\r';
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      const openedAt = records.length + 1;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new AppError('invalid_file', `第 ${openedAt} 行有未闭合的引号 (unclosed quote in row ${openedAt})`, { row: openedAt });
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    // The unquoted field, or what follows a closing quote before the delimiter (kept, as Excel does).
    let j = i;
    while (j < n && text[j] !== delimiter && !isBreak(text[j])) j++;
    field += text.slice(i, j);
    record.push(field);
    i = j;
    if (i >= n) break;
    if (text[i] === delimiter) {
      i++;
      if (i >= n) record.push('');
      continue;
    }
    // A line break ends the record; CRLF counts as one.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    records.push(record);
    record = [];
    // An empty line is an empty record (but a break at the very end of the file is not a further record).
    while (i < n && isBreak(text[i])) {
      records.push(['']);
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    }
  }
  if (record.length) records.push(record);
  return records;
}
