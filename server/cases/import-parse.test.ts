import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importLimits, parseImportFile } from './import-parse.js';
import { declaredUnpackedSize } from './import-xlsx.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function failure(p: Promise<unknown>): Promise<{ code: string; status: number; message: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the parse to fail');
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工单');
  for (const r of rows) sheet.addRow(r);
  workbook.addWorksheet('第二页').addRow(['工单编号', '诉求内容']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('parseImportFile', () => {
  it('maps headers to fields, keeps spreadsheet row numbers, skips blank rows and lists unknown columns', async () => {
    const parsed = await parseImportFile(utf8('\uFEFF工单编号,内容,备注,分类\r\nA1,路灯坏了一个星期,x,A0301\r\n,,,\r\n\r\nA2,"两行\r\n内容",,\r\n'), 'a.csv');
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'utf-8', columns: { externalRef: '工单编号', description: '内容', category: '分类' }, ignoredColumns: ['备注'] });
    expect(parsed.rows).toEqual([
      { row: 2, values: { externalRef: 'A1', description: '路灯坏了一个星期', category: 'A0301' } },
      { row: 5, values: { externalRef: 'A2', description: '两行\r\n内容', category: '' } },
    ]);
  });

  it('reads a tab-separated UTF-16 export (Excel "Unicode text")', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('工单编号\t诉求内容\r\nU1\t路灯坏了，很黑\r\n', 'utf16le')]);
    const parsed = await parseImportFile(body, 'export.txt');
    expect(parsed.rows).toEqual([{ row: 2, values: { externalRef: 'U1', description: '路灯坏了，很黑' } }]);
  });

  it('reads the first sheet of an XLSX, finding the header under a title row', async () => {
    const parsed = await parseImportFile(await xlsx([['热线工单导出'], ['工单编号', '诉求内容', '经度'], ['X1', '路灯坏了一个星期', 115.7]]), 'x.xlsx');
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rows).toEqual([{ row: 3, values: { externalRef: 'X1', description: '路灯坏了一个星期', lng: 115.7 } }]);
  });

  it('fails the whole file, naming each missing required column', async () => {
    const err = await failure(parseImportFile(utf8('标题,地址\n路灯,幸福路\n'), 'a.csv'));
    expect(err).toMatchObject({ code: 'invalid_file', status: 400, details: { missing: ['工单编号', '诉求内容'], fields: ['externalRef', 'description'] } });
    expect(err.message).toContain('工单编号、诉求内容');
  });

  it(`takes ${importLimits.rows} rows and refuses one more with 400`, async () => {
    const lines = (n: number) => ['工单编号,诉求内容', ...Array.from({ length: n }, (_, i) => `R${i},路灯坏了一个星期`)].join('\n');
    expect((await parseImportFile(utf8(lines(importLimits.rows)), 'a.csv')).rows).toHaveLength(importLimits.rows);
    expect(await failure(parseImportFile(utf8(lines(importLimits.rows + 1)), 'a.csv'))).toMatchObject({ code: 'invalid_file', status: 400, details: { rows: importLimits.rows + 1 } });
  });

  it('refuses more than 5 MB with 413, and empty, header-only, legacy .xls and other files clearly', async () => {
    expect(await failure(parseImportFile(Buffer.alloc(importLimits.bytes + 1, 0x61), 'a.csv'))).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(await failure(parseImportFile(Buffer.alloc(0), 'a.csv'))).toMatchObject({ code: 'invalid_file' });
    expect(await failure(parseImportFile(utf8('工单编号,诉求内容\n'), 'a.csv'))).toMatchObject({ code: 'invalid_file', message: expect.stringContaining('没有工单数据') });
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await failure(parseImportFile(ole, 'old.xls'))).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('.xls') });
    expect(await failure(parseImportFile(utf8('%PDF-1.4'), 'a.pdf'))).toMatchObject({ code: 'unsupported_media_type' });
    expect(await failure(parseImportFile(Buffer.from([0x61, 0x00, 0x62]), 'a.csv'))).toMatchObject({ code: 'unsupported_media_type' });
    expect(await failure(parseImportFile(utf8('工单编号,诉求内容'), 'a.xlsx'))).toMatchObject({ code: 'invalid_file' });
  });

  it('refuses an XLSX whose zip declares more than 100 MB unpacked, before unpacking it', async () => {
    const file = await xlsx([['工单编号', '诉求内容'], ['X1', '路灯坏了一个星期']]);
    const honest = declaredUnpackedSize(file);
    expect(honest).toBeGreaterThan(1000);
    expect(honest).toBeLessThan(100_000);
    // Declare 200 MB for the first entry of the central directory.
    const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const bomb = Buffer.from(file);
    bomb.writeUInt32LE(200 * 1024 * 1024, bomb.readUInt32LE(eocd + 16) + 24);
    expect(await failure(parseImportFile(bomb, 'bomb.xlsx'))).toMatchObject({ code: 'payload_too_large' });
  });
});
