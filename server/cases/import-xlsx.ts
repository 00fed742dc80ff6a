import ExcelJS from 'exceljs';
import { AppError } from '../platform/errors.js';

/** A cell as the import reads it: text, a number, a date (Excel's wall-clock time, as exceljs gives it in UTC) or empty. */
export type Cell = string | number | Date | null;

/** One non-empty row of a sheet with its row number as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

/** How much an XLSX may unpack to. 5 MB of zipped XML is ~50 MB unpacked at most; a zip bomb declares far more. */
const maxUnpackedBytes = 100 * 1024 * 1024;

/**
 * Sums the uncompressed sizes the zip's central directory declares, so a small file that unpacks to gigabytes is
 * refused before exceljs inflates it into memory.
 */
export function declaredUnpackedSize(buf: Buffer): number {
  const eocdSig = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === eocdSig) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('invalid_file', '无法读取 XLSX 文件：文件已损坏 (not a valid xlsx: no zip directory)');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new AppError('invalid_file', '无法读取 XLSX 文件：文件已损坏 (not a valid xlsx: bad zip directory)');
    const size = buf.readUInt32LE(at + 24);
    // 0xffffffff means the real size is in a ZIP64 record: far beyond anything we accept.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}

/** The value of an exceljs cell as a plain Cell: rich text joined, formulas by their cached result, errors as empty. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue);
  return null; // an error value (#N/A, #REF! …)
}

/** Reads the first worksheet (the first tab) of an XLSX file into rows of plain cells. */
export async function readXlsx(buf: Buffer): Promise<SheetRow[]> {
  if (declaredUnpackedSize(buf) > maxUnpackedBytes) {
    throw new AppError('payload_too_large', 'XLSX 文件解压后过大 (xlsx unpacks to more than 100 MB)', { limit: maxUnpackedBytes });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_file', '无法读取 XLSX 文件，请确认文件未损坏 (unreadable xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('invalid_file', 'XLSX 文件中没有工作表 (no worksheet)');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(plain(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}
