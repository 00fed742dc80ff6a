import { AppError } from '../platform/errors.js';
import { fieldOfHeader, importColumns, type ImportField } from './import-columns.js';
import { decodeText, parseCsv, sniffDelimiter } from './import-csv.js';
import { readXlsx, type Cell, type SheetRow } from './import-xlsx.js';

/** The limits of one import file. */
export const importLimits = { bytes: 5 * 1024 * 1024, rows: 5000 } as const;

/** One data row: its row number as the spreadsheet shows it (the header is row 1) and its cells by field. */
export interface ImportRow {
  row: number;
  values: Partial<Record<ImportField, Cell>>;
}

/** A parsed import file. */
export interface ParsedImport {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  /** The header of each recognised field as written in the file (诉求内容, or 内容 …), for the report. */
  columns: Partial<Record<ImportField, string>>;
  /** Headers the file has that are not ours; they are ignored. */
  ignoredColumns: string[];
  rows: ImportRow[];
}

const textExtensions = new Set(['csv', 'txt', 'tsv']);
const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** The rows of the file's first sheet, whatever its format. */
async function sheetOf(buf: Buffer, filename: string): Promise<{ format: 'csv' | 'xlsx'; encoding: string | null; rows: SheetRow[] }> {
  const ext = /\.([^./\\]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const isZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const isOle = buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0;
  if (isOle || ext === 'xls') throw new AppError('unsupported_media_type', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv (legacy .xls is not supported)');
  if (ext && ext !== 'xlsx' && !textExtensions.has(ext)) throw new AppError('unsupported_media_type', `不支持 .${ext} 文件，请上传 .xlsx 或 .csv (upload an xlsx or csv file)`);
  if (isZip) return { format: 'xlsx', encoding: null, rows: await readXlsx(buf) };
  if (ext === 'xlsx') throw new AppError('invalid_file', '文件扩展名是 .xlsx，但内容不是 XLSX (not an xlsx file)');
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!utf16 && buf.subarray(0, 64 * 1024).includes(0)) throw new AppError('unsupported_media_type', '文件不是文本格式的 CSV (binary file)');
  const { text, encoding } = decodeText(buf);
  const records = parseCsv(text, sniffDelimiter(text));
  return { format: 'csv', encoding, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}

/** The header row: the first of the first ten rows that names two of our columns (exports often put a title above it). */
function headerIndex(rows: SheetRow[]): number {
  const known = (r: SheetRow) => r.cells.filter((c) => typeof c === 'string' && fieldOfHeader(c)).length;
  const found = rows.slice(0, 10).findIndex((r) => known(r) >= 2);
  return found < 0 ? 0 : found;
}

/**
 * Parses an uploaded work order file (CSV in UTF-8, GBK or UTF-16, or the first sheet of an XLSX) into rows keyed by
 * field. The whole file fails — 413 when too big, 400 naming the problem — when it cannot be read, lacks a required
 * column, has no rows or more than the row limit; problems of single rows are left to the row check.
 */
export async function parseImportFile(buf: Buffer, filename: string): Promise<ParsedImport> {
  if (buf.length > importLimits.bytes) throw new AppError('payload_too_large', '文件超过 5 MB (file larger than 5 MB)', { limit: importLimits.bytes });
  if (buf.length === 0) throw new AppError('invalid_file', '文件是空的 (empty file)');
  const sheet = await sheetOf(buf, filename);
  sheet.rows = sheet.rows.filter((r) => !r.cells.every(isBlank));
  if (!sheet.rows.length) throw new AppError('invalid_file', '文件是空的 (empty file)');
  const h = headerIndex(sheet.rows);
  const header = sheet.rows[h]!;
  const columns: Partial<Record<ImportField, string>> = {};
  const indexOf = new Map<ImportField, number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((cell, i) => {
    const text = cell === null ? '' : String(cell instanceof Date ? cell.toISOString() : cell).trim();
    const field = text ? fieldOfHeader(text) : null;
    if (field && !indexOf.has(field)) {
      indexOf.set(field, i);
      columns[field] = text;
    } else if (text) ignoredColumns.push(text);
  });
  const missing = importColumns.filter((c) => c.required && !indexOf.has(c.field));
  if (missing.length) {
    const names = missing.map((c) => c.label);
    throw new AppError('invalid_file', `缺少必填列：${names.join('、')} (missing required column: ${missing.map((c) => c.field).join(', ')})`, {
      missing: names,
      fields: missing.map((c) => c.field),
      headerRow: header.row,
    });
  }
  const data = sheet.rows.slice(h + 1);
  if (!data.length) throw new AppError('invalid_file', '文件中没有工单数据行 (no data rows)');
  if (data.length > importLimits.rows) {
    throw new AppError('invalid_file', `一次最多导入 ${importLimits.rows} 行，文件有 ${data.length} 行，请拆分后导入 (more than ${importLimits.rows} rows)`, { limit: importLimits.rows, rows: data.length });
  }
  const rows = data.map((r) => {
    const values: Partial<Record<ImportField, Cell>> = {};
    for (const [field, i] of indexOf) values[field] = r.cells[i] ?? null;
    return { row: r.row, values };
  });
  return { format: sheet.format, encoding: sheet.encoding, columns, ignoredColumns, rows };
}
