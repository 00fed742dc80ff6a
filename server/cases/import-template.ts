import ExcelJS from 'exceljs';
import { importColumns } from './import-columns.js';

/** The template's file name, as a person sees it in their downloads. */
export const templateName = '工单导入模板';

/**
 * A Content-Disposition for a download with a Chinese name: an ASCII fallback for old clients, and the real name
 * RFC 5987-encoded (encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow).
 */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The import template: the first sheet has the headers and one example row (the import reads the first sheet only);
 * the second explains each column. Number and phone columns are formatted as text so Excel keeps leading zeros and
 * long numbers exact.
 */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '基层通';
  const sheet = workbook.addWorksheet('工单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({
    header: c.required ? `${c.label}*` : c.label,
    key: c.field,
    width: c.field === 'description' ? 60 : c.field === 'externalRef' || c.field === 'receivedAt' ? 22 : 14,
    style: c.field === 'externalRef' || c.field === 'phone' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(importColumns.map((c) => [c.field, c.example])));
  const urgencyColumn = importColumns.findIndex((c) => c.field === 'urgency') + 1;
  for (let r = 2; r <= 501; r++) {
    sheet.getCell(r, urgencyColumn).dataValidation = { type: 'list', allowBlank: true, formulae: ['"紧急,一般"'], showErrorMessage: true, error: '请选择 紧急 或 一般' };
  }

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'label', width: 12 },
    { header: '必填', key: 'required', width: 6 },
    { header: '也可写作', key: 'aliases', width: 40 },
    { header: '说明', key: 'note', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of importColumns) help.addRow({ label: c.label, required: c.required ? '是' : '', aliases: c.aliases.join('、'), note: c.note });
  help.addRow({});
  help.addRow({ label: '限制', note: '一个文件最大 5 MB、最多 5000 行；只读取第一个工作表；其他列会被忽略。' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same template as CSV, UTF-8 with a BOM so that Excel opens the Chinese headers correctly. */
export function templateCsv(): Buffer {
  const quote = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [importColumns.map((c) => quote(c.label)).join(','), importColumns.map((c) => quote(c.example)).join(',')];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
