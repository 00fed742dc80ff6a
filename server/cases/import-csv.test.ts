import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, sniffDelimiter } from './import-csv.js';

describe('parseCsv (RFC 4180)', () => {
  it('splits plain records on CRLF, LF and CR alike', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'ref,内容\r\n"R1","路灯坏了，晚上很黑, 请修"\r\n"R2","他说""马上修""\r\n结果没修"\r\n"R3",""\r\n';
    expect(parseCsv(text)).toEqual([
      ['ref', '内容'],
      ['R1', '路灯坏了，晚上很黑, 请修'],
      ['R2', '他说"马上修"\r\n结果没修'],
      ['R3', ''],
    ]);
  });

  it('keeps empty fields, a trailing empty field, and empty lines as empty records so row numbers match the sheet', () => {
    expect(parseCsv('a,,c,\n\nd\n')).toEqual([['a', '', 'c', ''], [''], ['d']]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('is lenient with a quote inside an unquoted field and with text after a closing quote, as Excel is', () => {
    expect(parseCsv('5"寸,"ab"cd,x')).toEqual([['5"寸', 'abcd', 'x']]);
  });

  it('refuses an unclosed quote, naming the row where it opened', () => {
    let err: unknown;
    try {
      parseCsv('a,b\nc,d\n"e,f\ng,h\n');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'invalid_file', details: { row: 3 } });
  });

  it('splits on tabs when asked', () => {
    expect(parseCsv('a\tb,c\n1\t2', '\t')).toEqual([['a', 'b,c'], ['1', '2']]);
  });
});

describe('sniffDelimiter', () => {
  it('picks a tab only when the first line has more tabs than commas', () => {
    expect(sniffDelimiter('工单编号\t诉求内容\n1,2,3,4')).toBe('\t');
    expect(sniffDelimiter('工单编号,诉求内容\t备注\n')).toBe(',');
    expect(sniffDelimiter('工单编号')).toBe(',');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = Buffer.from('工单编号,诉求内容', 'utf8');
    expect(decodeText(plain)).toEqual({ text: '工单编号,诉求内容', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]))).toEqual({ text: '工单编号,诉求内容', encoding: 'utf-8' });
  });

  it('reads GBK bytes (as Excel on Chinese Windows saves CSV) as GB18030', () => {
    // 中文 in GBK is D6D0 CEC4; "a,中文" is not valid UTF-8.
    expect(decodeText(Buffer.from([0x61, 0x2c, 0xd6, 0xd0, 0xce, 0xc4]))).toEqual({ text: 'a,中文', encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('工单\t内容', 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: '工单\t内容', encoding: 'utf-16le' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(() => decodeText(Buffer.from([0x41, 0xff, 0x41]))).toThrow(/编码/);
  });
});
